import type { BridgeApi, EventChannel, InvokeChannel, OutputOf, PayloadOf, RawInputOf, Result } from '@contract';
import { createWebBridge, takeSession } from './web';

/** The one place that knows which transport runs: Electron's preload or the browser host. */
const transport: BridgeApi = window.api ?? createWebBridge(takeSession());

/** Which host the page runs in. */
export const hostKind: 'electron' | 'web' = window.api ? 'electron' : 'web';

/** Calls a core channel and returns its Result envelope. */
export function call<C extends InvokeChannel>(channel: C, input: RawInputOf<C>): Promise<Result<OutputOf<C>>> {
  return transport.invoke(channel, input);
}

/** Subscribes to a core event; returns the unsubscribe function. */
export function on<E extends EventChannel>(event: E, listener: (payload: PayloadOf<E>) => void): () => void {
  return transport.on(event, listener);
}
