import type { BridgeApi, EventChannel, Result } from '@contract';

const SESSION_KEY = 'recdeck.session';

/**
 * The page's session token. The address RecDeck prints carries a one-time launch code in its
 * fragment (`#token=…`, never sent to the server by the browser): it leaves the address bar at once,
 * before anything else reads the URL, and is spent at `POST /api/session` for a session token kept in
 * sessionStorage (this tab only; a reload keeps it). So the only URL that ever held a credential is
 * the printed one, and what it holds opens nothing once this page has used it. Without a code, a
 * token this tab already has is used.
 */
export function takeSession(): Promise<string | null> {
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (!match?.[1]) return Promise.resolve(sessionStorage.getItem(SESSION_KEY));
  history.replaceState(null, '', window.location.pathname + window.location.search);
  return exchange(match[1]);
}

async function exchange(code: string): Promise<string | null> {
  try {
    const res = await fetch('/api/session', { method: 'POST', headers: { authorization: `Bearer ${code}` } });
    const answer = (await res.json()) as Result<{ token: string }>;
    if (answer.ok) sessionStorage.setItem(SESSION_KEY, answer.value.token);
  } catch {
    // The host is gone; whatever this tab had is all it can use.
  }
  return sessionStorage.getItem(SESSION_KEY);
}

type Listener = (payload: unknown) => void;

/**
 * The browser-host bridge: `POST /api/invoke/<channel>` and one Server-Sent Events stream read with
 * fetch, so the session token travels in the Authorization header and never in a URL. Calls wait for
 * the session ({@link takeSession}).
 */
export function createWebBridge(session: Promise<string | null>): BridgeApi & { connected: () => boolean } {
  const listeners = new Map<string, Set<Listener>>();
  let connected = false;
  const headers = async (): Promise<Record<string, string>> => {
    const token = await session;
    return token ? { authorization: `Bearer ${token}` } : {};
  };

  async function invoke(channel: string, input: unknown): Promise<Result<never>> {
    try {
      const res = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await headers()) },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as Result<never>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'RecDeck core is not reachable', retryable: true } };
    }
  }

  function dispatchFrame(frame: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0) return;
    const payload: unknown = JSON.parse(data.join('\n'));
    for (const l of listeners.get(event) ?? []) l(payload);
  }

  async function stream(): Promise<void> {
    for (;;) {
      try {
        const res = await fetch('/api/events', { headers: await headers() });
        if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
        connected = true;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            dispatchFrame(buffer.slice(0, cut));
            buffer = buffer.slice(cut + 2);
          }
        }
      } catch {
        // The host restarted or the network blipped: retry below.
      }
      connected = false;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  void stream();

  return {
    invoke: invoke as BridgeApi['invoke'],
    on(event: EventChannel, listener: Listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    connected: () => connected,
  } as BridgeApi & { connected: () => boolean };
}
