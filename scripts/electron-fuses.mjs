#!/usr/bin/env node
// RecDeck's Electron fuses: build-time switches inside the Electron binary that no code or
// environment can turn back at run time. Nothing in this repository packages the app, so nothing
// here calls this on its own. A packager runs it on the packed, not yet signed, app:
//   electron-builder:  "afterPack": "scripts/electron-fuses.mjs"   (the default export below)
//   by hand / others:  node scripts/electron-fuses.mjs <path to RecDeck, RecDeck.exe or RecDeck.app>
// Flipping fuses changes the binary, so it must happen before code signing.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** The fuses RecDeck sets; the ones not named keep Electron's default. */
export const RECDECK_FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.js for anyone who can start it.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS and --inspect would let the environment or a command line inject code into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Cookies and other session data encrypted with an OS-protected key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // Load the app only from app.asar, and (macOS, Windows) only if it matches the integrity hash the
  // packager embeds: electron-builder and Electron Forge write it; a packager that does not must
  // leave this fuse off, or the app will not start.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The renderer is served over app://; file:// needs none of its extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** Flips {@link RECDECK_FUSES} in the Electron binary (or .app bundle) at `binary`; signing comes after. */
export async function applyFuses(binary) {
  await flipFuses(binary, RECDECK_FUSES);
}

/** electron-builder's afterPack hook: finds the packed binary and flips its fuses. */
export default async function afterPack(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  const binary =
    electronPlatformName === 'darwin' || electronPlatformName === 'mas'
      ? join(appOutDir, `${name}.app`)
      : electronPlatformName === 'win32'
        ? join(appOutDir, `${name}.exe`)
        : join(appOutDir, packager.executableName);
  await applyFuses(binary);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const binary = process.argv[2];
  if (!binary) {
    process.stderr.write('usage: node scripts/electron-fuses.mjs <path to the packaged Electron binary or .app>\n');
    process.exit(2);
  }
  applyFuses(binary).then(
    () => process.stdout.write(`RecDeck fuses set in ${binary}\n`),
    (e) => {
      process.stderr.write(`RecDeck fuses not set: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
