import { Menu } from 'electron';

/**
 * A packaged build drops Electron's default menu, whose View menu reloads the page and toggles
 * DevTools. macOS keeps the app, edit and window roles (copy and paste shortcuts live in the Edit
 * menu there); elsewhere the window has no menu and Chromium handles those keys itself. An
 * unpackaged run keeps the default menu for development.
 */
export function setApplicationMenu(packaged: boolean): void {
  if (!packaged) return;
  Menu.setApplicationMenu(process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]) : null);
}
