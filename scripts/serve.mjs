#!/usr/bin/env node
// `npm run serve [-- --port N --data-dir DIR]`, `npm run emulator [-- --port N]` and `npm run team-server
// [-- --data-dir DIR]`: build quietly, then run the browser host (the standalone Sandbox, the team's
// PostgreSQL) from out/main. Build output is shown only
// when the build fails, so the host's own single status line is what the operator sees.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ENTRIES = { '--emulator': 'emulator.js', '--team-server': 'team-server.js' };
const entry = ENTRIES[args[0]] ?? 'serve.js';
const rest = entry === 'serve.js' ? args : args.slice(1);

if (process.env.RECDECK_SKIP_BUILD !== '1') {
  const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout}${build.stderr}\nRecDeck: the build failed (see above).\n`);
    process.exit(build.status ?? 1);
  }
}

const child = spawn(process.execPath, [join(root, 'out/main', entry), ...rest], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
