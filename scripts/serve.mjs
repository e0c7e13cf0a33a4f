#!/usr/bin/env node
// `npm run serve [-- --port N --data-dir DIR]` and `npm run emulator [-- --port N]`: build quietly,
// then run the browser host (or the standalone Sandbox) from out/main. Build output is shown only
// when the build fails, so the host's own launch lines are what the operator sees.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execLinked, runLinked } from './linked-child.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const emulator = args[0] === '--emulator';
const rest = emulator ? args.slice(1) : args;

if (process.env.RECDECK_SKIP_BUILD !== '1') {
  // Run as a linked child, not synchronously, so a SIGTERM during the build stops the build too.
  const build = await runLinked(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  if (build.code !== 0) {
    process.stderr.write(`${build.stdout}${build.stderr}\nRecDeck: the build failed (see above).\n`);
    process.exit(build.code ?? 1);
  }
}

await execLinked(process.execPath, [join(root, 'out/main', emulator ? 'emulator.js' : 'serve.js'), ...rest], { stdio: 'inherit' });
