export {
  callbackPath,
  createCallbackReceiver,
  type CallbackAccount,
  type CallbackReceiver,
  type CallbackReceiverDeps,
  type CallbackReplays,
  type CallbackStatus,
} from './receiver';
