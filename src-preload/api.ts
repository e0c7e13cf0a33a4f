import { EVENT_CHANNELS, INVOKE_CHANNELS, IPC_PREFIX } from './contract/channel-names';

/** The slice of Electron's ipcRenderer the bridge uses; the page never sees it. */
export interface IpcLike {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/** What the preload exposes as `window.api`. Types come from the contract's BridgeApi on the renderer side. */
export interface ExposedApi {
  host: 'electron';
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.api` from the contract's channel names only: one narrow method per direction, an
 * allowlist on both, and listeners that receive the payload, never the IpcRendererEvent.
 */
export function buildApi(ipc: IpcLike): ExposedApi {
  const invokable = new Set<string>(INVOKE_CHANNELS);
  const events = new Set<string>(EVENT_CHANNELS);
  return {
    host: 'electron',
    invoke(channel, input) {
      if (!invokable.has(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${String(channel).slice(0, 64)}"` } });
      }
      return ipc.invoke(`${IPC_PREFIX}${channel}`, input);
    },
    on(event, listener) {
      if (!events.has(event)) throw new Error(`Unknown event "${String(event).slice(0, 64)}"`);
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
      ipc.on(`${IPC_PREFIX}${event}`, wrapped);
      return () => {
        ipc.removeListener(`${IPC_PREFIX}${event}`, wrapped);
      };
    },
  };
}
