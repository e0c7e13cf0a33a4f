import type { EventChannel, InvokeChannel } from './channel-names';
import type { RawInputOf, OutputOf, PayloadOf } from './channels';
import type { Result } from './result';

/**
 * What the renderer can call: the Electron preload's `window.api` and the browser host's HTTP
 * bridge both implement it, so the renderer's `bridge/` is the only place that knows which one runs.
 */
export interface BridgeApi {
  /** Calls a core channel; never rejects for a core-side error, which comes back as `{ ok: false }`. */
  invoke<C extends InvokeChannel>(channel: C, input: RawInputOf<C>): Promise<Result<OutputOf<C>>>;
  /** Subscribes to a core event; the listener receives the payload only. Returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
}
