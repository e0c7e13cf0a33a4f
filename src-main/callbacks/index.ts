export { callbackPath, createCallbackReceiver, type CallbackAccounts, type CallbackReceiver, type CallbackReceiverDeps, type CallbackStatus } from './receiver';
export type { CallbackDelivery, CallbackSink } from './types';
