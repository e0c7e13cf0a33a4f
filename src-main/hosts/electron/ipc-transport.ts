import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { INVOKE_CHANNELS, IPC_PREFIX } from '@contract';
import type { Core } from '../../app/core';
import { isTrustedSender, type AppLocation } from './trust';

/**
 * The only place main registers IPC. Every invoke goes through the core's dispatch with the sender
 * verdict; events go to trusted windows only.
 */
export function registerIpcTransport(core: Core, location: AppLocation): { trust(wc: WebContents): void } {
  const trusted = new Set<number>();

  const facts = (event: IpcMainInvokeEvent) => ({
    webContentsId: event.sender.id,
    frameUrl: event.senderFrame?.url ?? null,
    isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
  });

  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, (event, input: unknown) =>
      core.dispatch(channel, input, {
        host: 'electron',
        trusted: isTrustedSender(facts(event), trusted, location),
        senderId: String(event.sender.id),
      }),
    );
  }

  const targets = new Map<number, WebContents>();
  core.events.subscribe((event, payload) => {
    for (const wc of targets.values()) if (!wc.isDestroyed()) wc.send(`${IPC_PREFIX}${event}`, payload);
  });

  return {
    trust(wc) {
      trusted.add(wc.id);
      targets.set(wc.id, wc);
      wc.once('destroyed', () => {
        trusted.delete(wc.id);
        targets.delete(wc.id);
      });
    },
  };
}
