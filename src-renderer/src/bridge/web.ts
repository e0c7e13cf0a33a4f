import type { BridgeApi, EventChannel, Result } from '@contract';

const TOKEN_KEY = 'recdeck.token';

/**
 * Reads the launch token from `#token=…`, keeps it for this tab only (sessionStorage, so a reload
 * still works) and removes it from the address bar and history.
 */
export function takeToken(): string | null {
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

type Listener = (payload: unknown) => void;

/**
 * The browser-host bridge: `POST /api/invoke/<channel>` and one Server-Sent Events stream read with
 * fetch, so the token travels in the Authorization header and never in a URL.
 */
export function createWebBridge(token: string | null): BridgeApi & { connected: () => boolean } {
  const listeners = new Map<string, Set<Listener>>();
  let connected = false;
  const headers = (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

  async function invoke(channel: string, input: unknown): Promise<Result<never>> {
    try {
      const res = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers() },
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
        const res = await fetch('/api/events', { headers: headers() });
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
