#!/usr/bin/env node
// `npm start`: the Electron app through electron-vite. Where the Electron binary could not be
// installed (a machine that cannot download it), say so in one line and start the browser host.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execLinked } from './linked-child.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Looks for the binary the way node_modules/electron does, without requiring it: requiring it
// would try (and here fail) to download the binary, with a stack trace.
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8');
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}

const run = (script, args) => execLinked(process.execPath, [join(root, script), ...args], { stdio: 'inherit', cwd: root });

if (electronBinary()) {
  run('node_modules/electron-vite/bin/electron-vite.js', ['preview', ...process.argv.slice(2)]);
} else {
  process.stderr.write('RecDeck: the Electron binary is not installed on this machine, so RecDeck starts as a browser app instead — open the address below.\n');
  run('scripts/serve.mjs', process.argv.slice(2));
}
