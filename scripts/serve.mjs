#!/usr/bin/env node
// `npm run serve [-- --port N --data-dir DIR]`, `npm run emulator [-- --port N]` and `npm run team-server
// [-- --data-dir DIR]`: build quietly, then run the browser host (the standalone Sandbox, the team's
// PostgreSQL) from out/main. Build output is shown only when the build fails, so the host's own launch
// lines are what the operator sees.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execLinked, runLinked } from './linked-child.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ENTRIES = { '--emulator': 'emulator.js', '--team-server': 'team-server.js' };
const entry = ENTRIES[args[0]] ?? 'serve.js';
const rest = entry === 'serve.js' ? args : args.slice(1);

if (process.env.RECDECK_SKIP_BUILD !== '1') {
  // Run as a linked child, not synchronously, so a SIGTERM during the build stops the build too.
  const build = await runLinked(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  if (build.code !== 0) {
    process.stderr.write(`${build.stdout}${build.stderr}\nRecDeck: the build failed (see above).\n`);
    process.exit(build.code ?? 1);
  }
}

await execLinked(process.execPath, [join(root, 'out/main', entry), ...rest], { stdio: 'inherit' });
