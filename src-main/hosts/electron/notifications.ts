import { Notification } from 'electron';
import { alertAbout, formatMessage, type Locale, type TaskAlert } from '@contract';
import type { Core } from '../../app/core';

/**
 * Native desktop notifications for task alerts (a task failed, ended unexpectedly, an upload
 * failed, a forgotten task still runs), titled with the recording's room, vendor and account. The web
 * host uses the browser's Notification API instead.
 */
export function notifyAlerts(core: Core, language: () => Locale, onClick: (alert: TaskAlert) => void): () => void {
  return core.events.subscribe((event, payload) => {
    if (event !== 'tasks:alerted' || !Notification.isSupported()) return;
    const alert = payload as TaskAlert;
    const note = new Notification({ title: `RecDeck · ${formatMessage(language(), alertAbout(alert))}`, body: formatMessage(language(), alert.message), urgency: 'critical' });
    note.on('click', () => onClick(alert));
    note.show();
  });
}
