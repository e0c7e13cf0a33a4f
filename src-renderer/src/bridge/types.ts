import type { BridgeApi } from '@contract';

/** `window.api` as the preload builds it, typed by the contract. */
export type ExposedApiTyped = BridgeApi & { host: 'electron' };
