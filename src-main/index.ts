import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { localeFor } from '@contract';
import { createCore } from './app/core';
import { registerIpcTransport } from './hosts/electron/ipc-transport';
import type { AppLocation } from './hosts/electron/trust';
import { notifyAlerts } from './hosts/electron/notifications';
import { createMainWindow } from './hosts/electron/window';
import { fileSink } from './logging/file-sink';
import { createLogger } from './logging/logger';
import { createVault } from './secrets/vault';

/** Electron entry: lifecycle only; everything else is the core. */
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  const start = async (): Promise<void> => {
    const dataDir = process.env.RECDECK_DATA_DIR ?? app.getPath('userData');
    const log = createLogger(fileSink(dataDir));
    const vault = await createVault({ log });
    const core = await createCore({ host: 'electron', dataDir, version: app.getVersion(), log, vault });
    const devUrl = process.env.ELECTRON_RENDERER_URL;
    const location: AppLocation = devUrl
      ? { kind: 'dev-server', origin: devUrl }
      : { kind: 'file', indexUrl: pathToFileURL(join(__dirname, '../renderer/index.html')).href };
    const transport = registerIpcTransport(core, location);
    const open = (): void => {
      mainWindow = createMainWindow({
        location,
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
      core,
      () => localeFor([app.getLocale()]),
      () => {
        mainWindow?.show();
        mainWindow?.focus();
      },
    );
    app.on('will-quit', () => void core.close());
  };

  void app.whenReady().then(() =>
    start().catch((e: unknown) => {
      dialog.showErrorBox('RecDeck could not start', e instanceof Error ? e.message : String(e));
      app.exit(1);
    }),
  );
}
