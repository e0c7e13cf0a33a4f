import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support';

/**
 * No Electron binary can be installed here, so the script runs on a stand-in file that carries
 * Electron's fuse wire (the sentinel, version 1, nine fuses at Electron's defaults) between random
 * bytes, the way a real binary does. Whether the packaged app then honours the fuses is Electron's.
 */
const SCRIPT = resolve(__dirname, '../../../../scripts/electron-fuses.mjs');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULTS = '101100011';
const { dir, cleanup } = tempDir('recdeck-fuses-');
afterAll(cleanup);

function fakeElectron(name: string): string {
  const file = join(dir, name);
  writeFileSync(file, Buffer.concat([randomBytes(4096), Buffer.from(SENTINEL), Buffer.from([1, ELECTRON_DEFAULTS.length]), Buffer.from(ELECTRON_DEFAULTS), randomBytes(4096)]));
  return file;
}

async function fuses(file: string): Promise<Record<string, string>> {
  const wire = (await getCurrentFuseWire(file)) as unknown as Record<number, FuseState>;
  const state = (n: FuseV1Options): string => (wire[n] === FuseState.ENABLE ? 'on' : wire[n] === FuseState.DISABLE ? 'off' : 'other');
  return {
    RunAsNode: state(FuseV1Options.RunAsNode),
    EnableCookieEncryption: state(FuseV1Options.EnableCookieEncryption),
    EnableNodeOptionsEnvironmentVariable: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
    EnableNodeCliInspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
    EnableEmbeddedAsarIntegrityValidation: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
    OnlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
    LoadBrowserProcessSpecificV8Snapshot: state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot),
    GrantFileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    WasmTrapHandlers: state(FuseV1Options.WasmTrapHandlers),
  };
}

const HARDENED = {
  RunAsNode: 'off',
  EnableCookieEncryption: 'on',
  EnableNodeOptionsEnvironmentVariable: 'off',
  EnableNodeCliInspectArguments: 'off',
  EnableEmbeddedAsarIntegrityValidation: 'on',
  OnlyLoadAppFromAsar: 'on',
  LoadBrowserProcessSpecificV8Snapshot: 'off',
  GrantFileProtocolExtraPrivileges: 'off',
  WasmTrapHandlers: 'on',
};

describe('scripts/electron-fuses.mjs', () => {
  it('flips the fuses of a packed binary from the command line', async () => {
    const binary = fakeElectron('recdeck');
    expect((await fuses(binary)).RunAsNode).toBe('on');
    const run = spawnSync(process.execPath, [SCRIPT, binary], { encoding: 'utf8' });
    expect([run.status, run.stdout.trim(), await fuses(binary)]).toEqual([0, `RecDeck fuses set in ${binary}`, HARDENED]);
  });

  it('does the same as an electron-builder afterPack hook on Linux and Windows', async () => {
    const afterPack = ((await import(SCRIPT)) as { default: (context: unknown) => Promise<void> }).default;
    const linux = fakeElectron('recdeck-linux');
    const windows = fakeElectron('RecDeck.exe');
    await afterPack({ appOutDir: dir, electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'RecDeck' }, executableName: 'recdeck-linux' } });
    await afterPack({ appOutDir: dir, electronPlatformName: 'win32', packager: { appInfo: { productFilename: 'RecDeck' }, executableName: 'recdeck' } });
    expect([await fuses(linux), await fuses(windows)]).toEqual([HARDENED, HARDENED]);
  });

  it('fails loudly on a file that is not an Electron binary', () => {
    const file = join(dir, 'not-electron');
    writeFileSync(file, randomBytes(1024));
    const run = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([1, expect.stringContaining('RecDeck fuses not set: Could not find sentinel')]);
  });
});
