export { callbackPath, createCallbackReceiver, type CallbackAccounts, type CallbackReceiver, type CallbackReceiverDeps, type CallbackStatus } from './receiver';
export { REPLAY_WINDOW_MS, type CallbackParser, type ParseOutcome, type RejectReason } from './parse';
export { zegoCallbackParser } from './zego';
export { tiwCallbackParser } from './tencent-tiw';
export { trroCallbackParser } from './tencent-trro';
export type { CallbackDelivery, CallbackSink } from './types';
