export * from './result';
export * from './channel-names';
export * from './channels';
export * from './app';
export * from './tasks';
export type { BridgeApi } from './bridge-api';
export * from "./recording";
export * from './accounts';
export * from './storage';
