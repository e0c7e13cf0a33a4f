import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { closeIfBodyUnread, readBody } from '../loopback/body';
import { createVirtualClock, type VirtualClock } from './clock';
import { AdvanceInputSchema, CONTROL_ROUTES, ControlError, parseControlBody } from './control';
import { createFaultQueue, FaultSpecSchema, type ActiveFault, type FaultSpecInput } from './faults';
import { createRequestGuard, newControlToken, REFUSALS } from './request-guard';
import type { EmulatorContext, EmulatorFactory, EmulatorResponse, VendorEmulator } from './types';

/** One attempt to deliver a callback, as the Sandbox logged it. */
export interface CallbackAttempt {
  url: string;
  body: string;
  attempt: number;
  at: number;
  status: number | null;
  error: string | null;
}

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Defaults to a clock that follows real time. */
  clock?: VirtualClock;
  emulators: ReadonlyArray<EmulatorFactory>;
  /** Callback retries (spec: 2 retries, 5 s apart). */
  callbackRetries?: number;
  callbackRetryMs?: number;
}

/** A running Sandbox. */
export interface Sandbox {
  /** `http://127.0.0.1:PORT`; vendor `x` is at `${baseUrl}/x`. */
  baseUrl: string;
  port: number;
  /**
   * The bearer token `/control/…` wants (`Authorization: Bearer …`), new at every launch. The
   * in-process Sandbox keeps it inside the core (nothing sends it to the renderer); the standalone
   * one prints it for the operator's scripts.
   */
  controlToken: string;
  clock: VirtualClock;
  /** The clock a vendor sees (the shared clock plus that vendor's injected skew). */
  vendorClock(vendor: string): VirtualClock;
  control(vendor: string, command: string, input?: unknown): Promise<unknown>;
  injectFault(spec: FaultSpecInput): Promise<void>;
  clearFaults(): void;
  callbacks(): readonly CallbackAttempt[];
  close(): Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** A body over {@link MAX_BODY}: answered 413, and the connection closes without reading the rest. */
class BodyTooLarge extends Error {}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const body = await readBody(req, MAX_BODY);
  if (body === 'too-large') throw new BodyTooLarge();
  return body;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * The one Sandbox HTTP server: every vendor emulator under `/<vendor id>`, the control API under
 * `/control`, bound to 127.0.0.1 only. Faults are applied here, so emulators stay about the vendor.
 */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const clock = options.clock ?? createVirtualClock();
  const retries = options.callbackRetries ?? 2;
  const retryMs = options.callbackRetryMs ?? 5000;
  const faults = createFaultQueue();
  const skewMs = new Map<string, number>();
  const callbackLog: CallbackAttempt[] = [];
  const sockets = new Set<Socket>();
  const pendingTimers = new Set<() => void>();
  const controlToken = newControlToken();
  const guard = createRequestGuard(controlToken);
  let port = 0;

  function vendorClock(vendor: string): VirtualClock {
    const skew = (): number => skewMs.get(vendor) ?? 0;
    return {
      now: () => clock.now() + skew(),
      advance: (ms) => clock.advance(ms),
      at: (at, fn) => clock.at(at - skew(), fn),
    };
  }

  async function attempt(url: string, body: string, headers: Record<string, string>, n: number): Promise<boolean> {
    const entry: CallbackAttempt = { url, body, attempt: n, at: clock.now(), status: null, error: null };
    callbackLog.push(entry);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        signal: AbortSignal.timeout(5000),
        redirect: 'manual',
      });
      entry.status = res.status;
      await res.body?.cancel();
      return res.status >= 200 && res.status < 300;
    } catch (e) {
      entry.error = e instanceof Error ? e.name : 'error';
      return false;
    }
  }

  async function deliverCallback(url: string, body: string, headers: Record<string, string>): Promise<void> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      callbackLog.push({ url, body, attempt: 1, at: clock.now(), status: null, error: 'invalid-url' });
      return;
    }
    // The Sandbox only calls back into this machine: it must never become a way to reach the network.
    if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !LOOPBACK.has(parsed.hostname)) {
      callbackLog.push({ url, body, attempt: 1, at: clock.now(), status: null, error: 'not-loopback' });
      return;
    }
    const run = async (n: number): Promise<void> => {
      if (await attempt(url, body, headers, n)) return;
      if (n > retries) return;
      const cancel = clock.at(clock.now() + retryMs, async () => {
        pendingTimers.delete(cancel);
        await run(n + 1);
      });
      pendingTimers.add(cancel);
    };
    await run(1);
  }

  const emulators = new Map<string, VendorEmulator>();
  for (const factory of options.emulators) {
    let emulator: VendorEmulator | null = null;
    const id = (): string => emulator?.id ?? '';
    const context: EmulatorContext = {
      clock: {
        now: () => vendorClock(id()).now(),
        advance: (ms) => clock.advance(ms),
        at: (at, fn) => vendorClock(id()).at(at, fn),
      },
      deliverCallback,
    };
    emulator = factory(context);
    emulators.set(emulator.id, emulator);
  }

  function emulatorFor(vendor: string): VendorEmulator {
    const e = emulators.get(vendor);
    if (!e) throw new ControlError(`no emulator for vendor "${vendor}"`);
    return e;
  }

  async function injectFault(input: FaultSpecInput): Promise<void> {
    const spec = FaultSpecSchema.parse(input);
    const emulator = emulatorFor(spec.vendor);
    if (spec.kind === 'clock-skew') {
      if (spec.offsetSeconds === 0) skewMs.delete(spec.vendor);
      else skewMs.set(spec.vendor, spec.offsetSeconds * 1000);
    } else if (spec.kind === 'upload-failure') {
      emulator.failUploads(spec.count, spec.mode);
    } else {
      faults.add(spec);
    }
  }

  function send(res: ServerResponse, r: EmulatorResponse, vendor: string | null): void {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...r.headers };
    headers['date'] = new Date(vendor ? vendorClock(vendor).now() : clock.now()).toUTCString();
    res.writeHead(r.status, headers);
    res.end(r.body);
  }

  function json(res: ServerResponse, status: number, value: unknown): void {
    send(res, { status, body: JSON.stringify(value) }, null);
  }

  async function handleVendor(req: IncomingMessage, res: ServerResponse, emulator: VendorEmulator, url: URL, rest: string): Promise<void> {
    const rawBody = await bodyOf(req);
    const fault: ActiveFault | null = faults.take(emulator.id);
    if (fault?.kind === 'rate-limit-storm') {
      send(res, emulator.rateLimitedResponse(), emulator.id);
      return;
    }
    if (fault && !fault.afterProcessing) {
      if (fault.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault.kind === '5xx') {
        send(res, { status: fault.status, headers: { 'content-type': 'text/html' }, body: '<html><body>Service Unavailable</body></html>' }, emulator.id);
        return;
      }
      if (fault.kind === 'malformed') {
        send(res, { status: 200, body: '{"Code":0,"Message":"succeed","Data":{' }, emulator.id);
        return;
      }
      await sleep(fault.ms);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const inner = new URL(`${rest || '/'}${url.search}`, url.origin);
    const answer = await emulator.handle({ method: req.method ?? 'GET', url: inner, headers, rawBody });
    if (fault?.afterProcessing) {
      if (fault.kind === 'delay') await sleep(fault.ms);
      if (fault.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault.kind === '5xx') {
        send(res, { status: fault.status, headers: { 'content-type': 'text/html' }, body: '<html><body>Bad Gateway</body></html>' }, emulator.id);
        return;
      }
      if (fault.kind === 'malformed') {
        send(res, { status: 200, body: answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 2))) }, emulator.id);
        return;
      }
    }
    if (!res.destroyed) send(res, answer, emulator.id);
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, parts: string[]): Promise<void> {
    const method = req.method ?? 'GET';
    const body = method === 'POST' ? parseControlBody(await bodyOf(req)) : {};
    const [first, second] = parts;
    if (first === 'clock' && second === 'advance' && method === 'POST') {
      await clock.advance(AdvanceInputSchema.parse(body).ms);
      json(res, 200, { ok: true, value: { now: clock.now() } });
    } else if (first === 'clock' && second === undefined) {
      json(res, 200, { ok: true, value: { now: clock.now() } });
    } else if (first === 'faults' && second === undefined && method === 'POST') {
      await injectFault(body as FaultSpecInput);
      json(res, 200, { ok: true, value: null });
    } else if (first === 'faults' && second === 'clear' && method === 'POST') {
      faults.clear();
      skewMs.clear();
      json(res, 200, { ok: true, value: null });
    } else if (first === 'callbacks' && second === undefined) {
      json(res, 200, { ok: true, value: callbackLog });
    } else if (first && second && method === 'POST' && parts.length === 2) {
      json(res, 200, { ok: true, value: (await emulatorFor(first).control(second, body)) ?? null });
    } else {
      json(res, 404, { ok: false, error: 'unknown control route', routes: CONTROL_ROUTES });
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const segments = url.pathname.split('/').filter((s) => s !== '');
    const head = segments[0] ?? '';
    const verdict = guard(req.headers, port, head === 'control');
    if (verdict !== 'ok') {
      const refusal = REFUSALS[verdict];
      res.setHeader('connection', 'close');
      if (verdict === 'unauthorized') res.setHeader('www-authenticate', 'Bearer');
      json(res, refusal.status, { ok: false, error: refusal.error });
      return;
    }
    const work = async (): Promise<void> => {
      if (head === 'control') return handleControl(req, res, segments.slice(1));
      const emulator = emulators.get(head);
      if (!emulator) return json(res, 404, { ok: false, error: 'unknown vendor', vendors: [...emulators.keys()] });
      return handleVendor(req, res, emulator, url, url.pathname.slice(head.length + 1));
    };
    work().catch((e: unknown) => {
      if (res.headersSent || res.destroyed) return;
      closeIfBodyUnread(res);
      if (e instanceof BodyTooLarge) return json(res, 413, { ok: false, error: 'body too large' });
      const isZod = e instanceof Error && e.name === 'ZodError';
      // Control inputs carry no secrets worth hiding except register-app's, which never reach an error text.
      const message = isZod ? 'invalid control input' : e instanceof SyntaxError ? 'body is not JSON' : head === 'control' && e instanceof Error ? e.message : 'sandbox error';
      json(res, head === 'control' ? 400 : 500, { ok: false, error: message, ...(isZod ? { issues: (e as unknown as { issues: unknown }).issues } : {}) });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    controlToken,
    clock,
    vendorClock,
    control: (vendor, command, input = {}) => emulatorFor(vendor).control(command, input),
    injectFault,
    clearFaults() {
      faults.clear();
      skewMs.clear();
    },
    callbacks: () => callbackLog,
    async close() {
      for (const cancel of pendingTimers) cancel();
      pendingTimers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.clock && 'dispose' in clock && typeof clock.dispose === 'function') (clock.dispose as () => void)();
    },
  };
}
