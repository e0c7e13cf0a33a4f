import { BrowserWindow, screen, session, shell } from 'electron';
import { join } from 'node:path';
import type { Logger } from '../../logging/logger';
import { APP_INDEX_URL } from './app-protocol';
import { externalUrl } from './external-links';
import { isAppUrl, type AppLocation } from './trust';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state';

/**
 * The hardened main window (Electron security checklist #3, #4, #5, #12, #13, #14, #15): context
 * isolation, sandbox, no Node in the page, no webviews, no new windows (links open in the OS browser
 * as https), no foreign navigation, no permission grants, and DevTools only in an unpackaged run.
 */
export function createMainWindow(options: { location: AppLocation; packaged: boolean; preload: string; stateFile: string; log: Logger }): BrowserWindow {
  const { location, log } = options;
  const state = fitToDisplays(
    loadWindowState(options.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...state,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'RecDeck',
    backgroundColor: '#18181c',
    icon: join(__dirname, '../../resources/icon.png'),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: !options.packaged,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  win.webContents.setWindowOpenHandler(({ url }) => {
    const external = externalUrl(url);
    if (external) void shell.openExternal(external);
    else log.warn('window.open-blocked', { origin: safeOrigin(url) });
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, location)) {
      event.preventDefault();
      log.warn('window.navigation-blocked', { origin: safeOrigin(url) });
    }
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const remember = (): void => {
    try {
      saveWindowState(options.stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (e) {
      log.warn('window.state-not-saved', { error: e instanceof Error ? e.message : String(e) });
    }
  };
  win.on('close', remember);

  void win.loadURL(location.kind === 'dev-server' ? location.origin : APP_INDEX_URL);
  return win;
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid';
  }
}
