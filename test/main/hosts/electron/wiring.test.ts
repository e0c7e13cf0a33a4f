import { existsSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, IPC_PREFIX } from '@contract';
import { CONTENT_SECURITY_POLICY } from '../../../../src-main/hosts/renderer-files';
import { tempDir } from '../../support';
import { createElectronStandIn } from './electron-stand-in';

/**
 * Loads the built Electron entry with the stand-in in place of `electron` (see electron-stand-in.ts
 * for what that can and cannot show) and checks what the real app would do. `npm test` builds `out/`
 * first; run `npm run build` before running this file alone.
 */
const OUT = resolve(__dirname, '../../../../out');
const ENTRY = join(OUT, 'main', 'index.js');
const nodeRequire = createRequire(import.meta.url);
const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
const originalLoad = loader._load;
const ENV_KEYS = ['ELECTRON_RENDERER_URL', 'RECDECK_DATA_DIR', 'RECDECK_KEYCHAIN'] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
const cleanups: Array<() => void> = [];

beforeAll(() => {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npm run build\` first`);
});

afterEach(() => {
  loader._load = originalLoad;
  for (const key of Object.keys(nodeRequire.cache)) if (key.startsWith(join(OUT, 'main'))) delete nodeRequire.cache[key];
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Runs `out/main/index.js` as Electron would start it, up to the open main window. */
async function launch(options: { packaged: boolean; devUrl?: string }) {
  const { dir, cleanup } = tempDir('recdeck-wiring-');
  cleanups.push(cleanup);
  delete process.env.RECDECK_DATA_DIR;
  process.env.RECDECK_KEYCHAIN = 'session';
  if (options.devUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = options.devUrl;
  const standIn = createElectronStandIn({ packaged: options.packaged, userData: dir });
  loader._load = function load(request, parent, isMain) {
    return request === 'electron' ? standIn.electron : originalLoad.call(this, request, parent, isMain);
  };
  nodeRequire(ENTRY);
  const beforeReady = { schemes: [...standIn.record.privilegedSchemes], windows: standIn.record.windows.length };
  standIn.ready();
  await expect.poll(() => standIn.record.windows.length + standIn.record.errors.length, { timeout: 15_000 }).toBeGreaterThan(0);
  expect(standIn.record.errors).toEqual([]);
  const window = standIn.record.windows[0]!;
  /** Calls an IPC channel the way ipcMain would: from the main window's main frame at `frameUrl`, or from a subframe. */
  const invoke = (channel: string, frameUrl: string, frame: 'main' | 'sub' = 'main') => {
    const handler = standIn.record.ipcHandlers.get(`${IPC_PREFIX}${channel}`)!;
    const sender = window.webContents;
    if (frame === 'main') sender.mainFrame.url = frameUrl;
    return handler({ sender, senderFrame: frame === 'main' ? sender.mainFrame : { url: frameUrl } }, {});
  };
  const quit = async (): Promise<number> => {
    standIn.electron.app.quit();
    return standIn.exited;
  };
  return { ...standIn, beforeReady, window, invoke, quit };
}

describe('the Electron entry, wired to a stand-in electron module', () => {
  it('as a packaged app: hardened window on app://, every channel handled, no DevTools, dev URL ignored', async () => {
    const app = await launch({ packaged: true, devUrl: 'https://evil.example/' });
    const { record, window } = app;

    expect(app.beforeReady).toEqual({
      schemes: [{ schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }], beforeReady: true }],
      windows: 0,
    });
    expect([...record.ipcHandlers.keys()].sort()).toEqual(INVOKE_CHANNELS.map((c) => `${IPC_PREFIX}${c}`).sort());
    expect(window.options.webPreferences).toEqual({
      preload: join(OUT, 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
      spellcheck: false,
    });
    expect(existsSync(window.options.webPreferences['preload'] as string)).toBe(true);
    expect([window.loaded, window.webContents.devToolsOpened, record.applicationMenu]).toEqual([['app://recdeck/index.html'], 0, { set: true, menu: null }]);

    // The renderer comes from out/renderer over app://, with the CSP header, and nothing else does.
    const serve = record.protocolHandlers.get('app')!;
    const index = await serve(new Request('app://recdeck/index.html'));
    const html = await index.text();
    expect([index.status, index.headers.get('content-security-policy'), html.includes('<div id="app">')]).toEqual([200, CONTENT_SECURITY_POLICY, true]);
    const script = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1] ?? '';
    expect(existsSync(join(OUT, 'renderer', script))).toBe(true);
    const asset = await serve(new Request(`app://recdeck/${script}`));
    expect([asset.status, asset.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    const escapes = ['app://recdeck/..%2fmain%2findex.js', 'app://recdeck/%2e%2e/preload/index.js', 'app://recdeck/..%2f..%2fpackage.json'];
    expect(await Promise.all(escapes.map(async (u) => (await serve(new Request(u))).status))).toEqual([404, 404, 404]);

    // Links leave as https through the OS browser; the window itself opens nothing and goes nowhere else.
    const handler = window.webContents.windowOpenHandler!;
    expect([handler({ url: 'http://cdn.example/a.mp4' }), handler({ url: 'file:///etc/passwd' })]).toEqual([{ action: 'deny' }, { action: 'deny' }]);
    expect(record.openedExternally).toEqual(['https://cdn.example/a.mp4']);
    const navigate = (url: string): boolean => {
      let prevented = false;
      window.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect([navigate('https://evil.example/'), navigate('file:///etc/passwd'), navigate('app://recdeck/index.html#/history')]).toEqual([true, true, false]);
    const granted: boolean[] = [];
    (record.permissionRequestHandler as unknown as (wc: unknown, p: string, cb: (ok: boolean) => void) => void)(null, 'media', (ok) => granted.push(ok));
    expect([granted, (record.permissionCheckHandler as unknown as () => boolean)()]).toEqual([[false], false]);

    // IPC trusts the app:// page in the main frame of the main window, and nothing else (file:// included).
    const code = (r: unknown) => ((r as { ok: boolean; error?: { code: string } }).ok ? 'ok' : (r as { error: { code: string } }).error.code);
    const answers = [
      await app.invoke('app:info', 'app://recdeck/index.html#/live'),
      await app.invoke('app:info', 'app://recdeck/index.html', 'sub'),
      await app.invoke('app:info', `file://${join(OUT, 'renderer', 'index.html')}`),
      await app.invoke('app:info', 'https://evil.example/'),
    ];
    expect(answers.map(code)).toEqual(['ok', 'UNTRUSTED_SENDER', 'UNTRUSTED_SENDER', 'UNTRUSTED_SENDER']);

    expect(await app.quit()).toBe(0);
  });

  it('unpackaged: honours a loopback dev-server URL, keeps DevTools available and trusts that origin', async () => {
    const app = await launch({ packaged: false, devUrl: 'http://localhost:5173' });
    expect([app.window.loaded, app.window.options.webPreferences['devTools'], app.record.protocolHandlers.has('app'), app.record.applicationMenu.set]).toEqual([
      ['http://localhost:5173'],
      true,
      false,
      false,
    ]);
    const answer = (await app.invoke('app:info', 'http://localhost:5173/#/live')) as { ok: boolean };
    expect(answer.ok).toBe(true);
    expect(await app.quit()).toBe(0);
  });

  it('unpackaged without a dev server (electron-vite preview): serves out/renderer over app://', async () => {
    const app = await launch({ packaged: false });
    const index = await app.record.protocolHandlers.get('app')!(new Request('app://recdeck/'));
    expect([app.window.loaded, index.status]).toEqual([['app://recdeck/index.html'], 200]);
    expect(await app.quit()).toBe(0);
  });
});
