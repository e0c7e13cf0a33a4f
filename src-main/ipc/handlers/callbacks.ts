import type { CallbackReceiver } from '../../callbacks';
import type { Handlers } from '../dispatch';

/** Only the receiver's status: settings start and stop it, never a handler. */
export interface CallbacksHandlerDeps {
  /** The receiver; it reports itself off until the core starts it. */
  receiver: Pick<CallbackReceiver, 'status'>;
}

/** `callbacks:status`: whether the receiver runs, its 127.0.0.1 URL and its counters. */
export function callbacksHandlers(deps: CallbacksHandlerDeps): Pick<Handlers, 'callbacks:status'> {
  return {
    'callbacks:status': () => deps.receiver.status(),
  };
}
