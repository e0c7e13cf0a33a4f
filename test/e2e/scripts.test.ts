import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The launch scripts as an operator runs them: `scripts/recdeck.sh start|serve -- --port N` (the
 * form the script's header recommends) and `npm start`, stopped by SIGTERM. The build is the one
 * `npm test` made (RECDECK_SKIP_BUILD); Electron is made missing so `start` runs the browser host.
 */
const ENV = {
  ...process.env,
  // Put this Node (and its npm) first, as scripts/setup.sh does.
  PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
  RECDECK_SKIP_BUILD: '1',
  RECDECK_KEYCHAIN: 'session',
  ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist',
  // recdeck.sh would otherwise try to download the Electron binary first.
  CI: '1',
};

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) {
    for (const pid of [...descendants(child.pid as number), child.pid as number]) tryKill(pid);
  }
});

function tryKill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Every live process below `pid`, read from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue;
      const ppid = Number(fields[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited while we read
    }
  }
  const out: number[] = [];
  const walk = (p: number): void => {
    for (const c of parents.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** RecDeck's own launch lines in a stdout (npm's `> recdeck@… start` lines left out). */
function launchLines(out: string): string[] {
  return out.split('\n').filter((l) => l.startsWith('RecDeck') || l.startsWith('  '));
}

/** Runs a command and collects its output until RecDeck printed `lines` launch lines. */
async function launch(command: string, args: string[], lines: number): Promise<{ child: ChildProcess; stdout: string[] }> {
  const child = spawn(command, args, { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (launchLines(out).length >= lines) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${err}`)));
  });
  return { child, stdout: launchLines(out) };
}

describe('scripts/recdeck.sh', () => {
  it.each(['serve', 'start'])('%s -- --port N listens on N and says where data lives and that secrets stay in memory', async (command) => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), `recdeck-${command}-`));
    const { stdout } = await launch('bash', ['scripts/recdeck.sh', command, '--', '--port', String(port), '--data-dir', dataDir], 3);
    expect(stdout).toEqual([
      expect.stringMatching(new RegExp(`^RecDeck listening on http://127\\.0\\.0\\.1:${port}/#token=`)),
      `  Data folder: ${dataDir}`,
      '  Secrets:     in memory for this session only — The keychain is switched off (RECDECK_KEYCHAIN=session). Secrets are kept in memory until RecDeck quits.',
    ]);
  });
});

describe('npm start', () => {
  it('stops its whole process tree on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recdeck-npm-start-'));
    const { child } = await launch('npm', ['start', '--', '--port', '0', '--data-dir', dataDir], 1);
    const tree = descendants(child.pid as number);
    expect(tree.length).toBeGreaterThanOrEqual(3);
    child.kill('SIGTERM');
    const deadline = Date.now() + 10_000;
    while (tree.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(tree.filter(alive)).toEqual([]);
  });
});
