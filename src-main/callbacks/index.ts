export { callbackPath, createCallbackReceiver, type CallbackAccounts, type CallbackReceiver, type CallbackReceiverDeps, type CallbackStatus } from './receiver';
