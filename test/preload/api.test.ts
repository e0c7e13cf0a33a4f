import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, IPC_PREFIX } from '../../src-preload/contract/channel-names';
import { buildApi, type IpcLike } from '../../src-preload/api';

/**
 * Stands in for Electron's ipcRenderer, which cannot run outside Electron: an EventEmitter that
 * records invokes and delivers (event, payload) pairs like the real one.
 */
function fakeIpc(): IpcLike & { invoked: [string, unknown][]; emitter: EventEmitter } {
  const emitter = new EventEmitter();
  const invoked: [string, unknown][] = [];
  return {
    invoked,
    emitter,
    invoke: (channel, input) => {
      invoked.push([channel, input]);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
  };
}

describe('preload api', () => {
  it('exposes exactly host, invoke and on', () => {
    expect(Object.keys(buildApi(fakeIpc())).sort()).toEqual(['host', 'invoke', 'on']);
  });

  it('forwards only contract channels, prefixed', async () => {
    const ipc = fakeIpc();
    const api = buildApi(ipc);
    for (const channel of INVOKE_CHANNELS) await api.invoke(channel, { a: 1 });
    const refused = await api.invoke('shell:openExternal', {});
    expect(ipc.invoked).toEqual(INVOKE_CHANNELS.map((c) => [`${IPC_PREFIX}${c}`, { a: 1 }]));
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('hands listeners the payload only, never the IpcRendererEvent, and unsubscribes', () => {
    const ipc = fakeIpc();
    const api = buildApi(ipc);
    const received: unknown[][] = [];
    const off = api.on(EVENT_CHANNELS[0], (...args: unknown[]) => received.push(args));
    const event = { sender: { send: () => {} }, ports: [] };
    ipc.emitter.emit(`${IPC_PREFIX}${EVENT_CHANNELS[0]}`, event, { at: 5 });
    off();
    ipc.emitter.emit(`${IPC_PREFIX}${EVENT_CHANNELS[0]}`, event, { at: 6 });
    expect(received).toEqual([[{ at: 5 }]]);
  });

  it('refuses to subscribe to an event outside the contract', () => {
    expect(() => buildApi(fakeIpc()).on('ipc:anything', () => {})).toThrow(/Unknown event/);
  });
});
