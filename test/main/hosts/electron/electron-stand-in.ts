/**
 * A recording stand-in for the `electron` module, so the built main entry (`out/main/index.js`) can
 * be loaded and driven without the Electron binary, which cannot be installed here.
 *
 * What it shows: which Electron APIs main calls, with which arguments and in which order (scheme
 * privileges before `ready`), and what the handlers main installs answer when called (the `app://`
 * handler, window-open, navigation, permissions, every IPC channel with the sender facts Electron
 * would pass).
 *
 * What it cannot show: Chromium itself. Not that the sandbox, context isolation or the CSP are
 * enforced, not that the `app://` privileges take effect or that module scripts load from that
 * origin, not real IPC serialisation, frames or the preload running in its isolated world, not native
 * menus, notifications, the single-instance lock across processes, or the fuses of a packaged binary.
 * Those need the real runtime.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: never[]) => unknown;

/** A webContents as far as main uses it; `mainFrame.url` is what an IPC event reports. */
export class StandInWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = StandInWebContents.nextId++;
  readonly mainFrame = { url: '' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  devToolsOpened = 0;
  sent: string[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  openDevTools(): void {
    this.devToolsOpened += 1;
  }
  send(channel: string): void {
    this.sent.push(channel);
  }
  isDestroyed(): boolean {
    return false;
  }
}

/** Everything main asked of Electron. */
export interface ElectronRecord {
  privilegedSchemes: Array<{ schemes: unknown; beforeReady: boolean }>;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  ipcHandlers: Map<string, (event: unknown, input: unknown) => Promise<unknown>>;
  windows: Array<{ options: { webPreferences: Record<string, unknown> } & Record<string, unknown>; webContents: StandInWebContents; loaded: string[] }>;
  applicationMenu: { set: boolean; menu: unknown };
  permissionRequestHandler: Handler | null;
  permissionCheckHandler: Handler | null;
  openedExternally: string[];
  errors: string[];
  exitCode: number | null;
}

/** The stand-in module, its record, and the app's lifecycle moves. */
export interface ElectronStandIn {
  /** What `require('electron')` returns to main. */
  electron: { app: EventEmitter & { quit(): void } } & Record<string, unknown>;
  record: ElectronRecord;
  /** Fires `ready`, as Electron does once Chromium is up. */
  ready(): void;
  /** Resolves with the exit code once main calls `app.exit`. */
  exited: Promise<number>;
}

/** A fresh stand-in: `packaged` is what `app.isPackaged` says, `userData` what `app.getPath('userData')` gives. */
export function createElectronStandIn(options: { packaged: boolean; userData: string }): ElectronStandIn {
  const record: ElectronRecord = {
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    windows: [],
    applicationMenu: { set: false, menu: undefined },
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    openedExternally: [],
    errors: [],
    exitCode: null,
  };
  let ready = false;
  let markReady: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (markReady = resolve));
  let markExited: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (markExited = resolve));

  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.packaged,
    requestSingleInstanceLock: () => true,
    whenReady: () => whenReady,
    getPath: (name: string) => (name === 'userData' ? options.userData : `/nonexistent/${name}`),
    getVersion: () => '0.0.0-wiring',
    getLocale: () => 'en-US',
    quit(): void {
      let prevented = false;
      app.emit('will-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) app.exit(0);
    },
    exit(code = 0): void {
      record.exitCode = code;
      markExited(code);
    },
  });

  class BrowserWindow extends EventEmitter {
    static all: BrowserWindow[] = [];
    static getAllWindows = (): BrowserWindow[] => BrowserWindow.all;
    readonly webContents = new StandInWebContents();
    private readonly entry: ElectronRecord['windows'][number];
    constructor(windowOptions: ElectronRecord['windows'][number]['options']) {
      super();
      this.entry = { options: windowOptions, webContents: this.webContents, loaded: [] };
      record.windows.push(this.entry);
      BrowserWindow.all.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.entry.loaded.push(url);
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    maximize(): void {}
    show(): void {}
    focus(): void {}
    restore(): void {}
    isMinimized = (): boolean => false;
    isMaximized = (): boolean => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
  }

  const electron = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => record.privilegedSchemes.push({ schemes, beforeReady: !ready }),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => record.protocolHandlers.set(scheme, handler),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => record.ipcHandlers.set(channel, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Handler) => (record.permissionRequestHandler = h),
        setPermissionCheckHandler: (h: Handler) => (record.permissionCheckHandler = h),
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    shell: {
      openExternal: (url: string) => {
        record.openedExternally.push(url);
        return Promise.resolve();
      },
    },
    dialog: { showErrorBox: (title: string, message: string) => record.errors.push(`${title}: ${message}`) },
    Menu: {
      setApplicationMenu: (menu: unknown) => (record.applicationMenu = { set: true, menu }),
      buildFromTemplate: (template: unknown) => ({ template }),
    },
    Notification: { isSupported: () => false },
  };

  return {
    electron,
    record,
    ready(): void {
      ready = true;
      markReady();
    },
    exited,
  };
}
