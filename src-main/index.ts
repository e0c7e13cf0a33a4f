import { app, BrowserWindow, dialog, protocol } from 'electron';
import { join } from 'node:path';
import { localeFor } from '@contract';
import { createCore, type Core } from './app/core';
import { launchNote } from './app/launch-note';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveRenderer } from './hosts/electron/app-protocol';
import { registerIpcTransport } from './hosts/electron/ipc-transport';
import { setApplicationMenu } from './hosts/electron/menu';
import { notifyAlerts } from './hosts/electron/notifications';
import { appLocation } from './hosts/electron/trust';
import { createMainWindow } from './hosts/electron/window';
import { fileSink } from './logging/file-sink';
import { createLogger } from './logging/logger';
import { createVault } from './secrets/vault';

/** Electron entry: lifecycle only; everything else is the core. */
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Schemes get their privileges only before `ready`.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  let mainWindow: BrowserWindow | null = null;
  let core: Core | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Electron does not wait for promises in will-quit: hold the quit until the core has closed the
  // Sandbox and the database, then leave.
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    void closing.close().finally(() => app.exit(0));
  });

  const start = async (): Promise<void> => {
    const dataDir = process.env.RECDECK_DATA_DIR ?? app.getPath('userData');
    const log = createLogger(fileSink(dataDir));
    const vault = await createVault({ log });
    // Exports are written where the operator chooses; the page never sees the file system.
    const chooseExportPath = async (fileName: string): Promise<string | null> => {
      const options = { defaultPath: join(app.getPath('downloads'), fileName) };
      const chosen = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    };
    const started = await createCore({ host: 'electron', dataDir, version: app.getVersion(), log, vault, chooseExportPath });
    core = started;
    process.stdout.write(`RecDeck started\n${launchNote(dataDir, vault.status())}`);
    const packaged = app.isPackaged;
    const location = appLocation({ packaged, devUrl: process.env.ELECTRON_RENDERER_URL });
    if (location.kind === 'app-scheme') protocol.handle(APP_SCHEME, serveRenderer(join(__dirname, '../renderer')));
    setApplicationMenu(packaged);
    const transport = registerIpcTransport(started, location);
    const open = (): void => {
      mainWindow = createMainWindow({
        location,
        packaged,
        preload: join(__dirname, '../preload/index.js'),
        stateFile: join(dataDir, 'window-state.json'),
        log,
      });
      transport.trust(mainWindow.webContents);
      mainWindow.on('closed', () => (mainWindow = null));
    };
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    notifyAlerts(
      started,
      () => localeFor([app.getLocale()]),
      () => {
        mainWindow?.show();
        mainWindow?.focus();
      },
    );
  };

  void app.whenReady().then(() =>
    start().catch((e: unknown) => {
      dialog.showErrorBox('RecDeck could not start', e instanceof Error ? e.message : String(e));
      app.exit(1);
    }),
  );
}
