import type { EventChannel, InvokeChannel, OutputOf, PayloadOf, RawInputOf, Result } from '@contract';

/**
 * A stand-in for src-renderer/src/bridge in store and component tests: every call is recorded and
 * answered by a handler the test sets (or NOT_FOUND), and events are pushed by `emit`. The core
 * behind the real bridge is tested for real elsewhere.
 */
type Handler = (input: never) => Result<unknown> | Promise<Result<unknown>>;

const handlers = new Map<string, Handler>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();

/** Every call made, in order. */
export const calls: { channel: InvokeChannel; input: unknown }[] = [];

/** Answers `channel` with `handler` from now on. */
export function handle<C extends InvokeChannel>(channel: C, handler: (input: RawInputOf<C>) => Result<OutputOf<C>> | Promise<Result<OutputOf<C>>>): void {
  handlers.set(channel, handler as Handler);
}

/** Pushes a core event to the subscribed stores. */
export function emit<E extends EventChannel>(event: E, payload: PayloadOf<E>): void {
  for (const l of listeners.get(event) ?? []) l(payload);
}

/** The inputs of every call to `channel`. */
export function inputsOf<C extends InvokeChannel>(channel: C): RawInputOf<C>[] {
  return calls.filter((c) => c.channel === channel).map((c) => c.input as RawInputOf<C>);
}

/** Forgets handlers, listeners and calls (between tests). */
export function resetBridge(): void {
  handlers.clear();
  listeners.clear();
  calls.length = 0;
}

export const hostKind = 'web';

export async function call<C extends InvokeChannel>(channel: C, input: RawInputOf<C>): Promise<Result<OutputOf<C>>> {
  calls.push({ channel, input });
  const handler = handlers.get(channel);
  if (!handler) return { ok: false, error: { code: 'NOT_FOUND', message: `no handler for ${channel}` } };
  return (await handler(input as never)) as Result<OutputOf<C>>;
}

export function on<E extends EventChannel>(event: E, listener: (payload: PayloadOf<E>) => void): () => void {
  const set = listeners.get(event) ?? new Set();
  set.add(listener as (payload: unknown) => void);
  listeners.set(event, set);
  return () => set.delete(listener as (payload: unknown) => void);
}
