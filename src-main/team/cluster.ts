import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL cluster on this machine, started from Debian's binaries: the throw-away server of the
 * tests and benches, and `npm run team-server` for a studio that keeps its server on one desk.
 */
export interface LocalCluster {
  port: number;
  user: string;
  password: string;
  database: string;
  dataDir: string;
  /** `postgres://USER@127.0.0.1:PORT/DB` — no password in it (that comes from PGPASSWORD or the keychain). */
  url: string;
  /** Runs the server again on the same port after {@link stop} (a restart mid-sync). */
  start(): void;
  /** Stops the server; `immediate` is a crash (no checkpoint). */
  stop(mode?: 'fast' | 'immediate'): void;
  /** Stops it and, for a throw-away cluster, removes its files. */
  destroy(): void;
}

/** The bin directory of the newest PostgreSQL under /usr/lib/postgresql (or RECDECK_PG_BIN). */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RECDECK_PG_BIN) return env.RECDECK_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL's server binaries were not found under /usr/lib/postgresql (install Debian's postgresql, or set RECDECK_PG_BIN)");
  return join(root, newest, 'bin');
}

/** A free TCP port on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** PostgreSQL refuses to run as root: as root the cluster runs as the `postgres` account Debian's package made. */
function runAs(): { wrap: (cmd: string, args: string[]) => [string, string[]]; uid: number | null; gid: number | null } {
  if (process.getuid?.() !== 0) return { wrap: (cmd, args) => [cmd, args], uid: null, gid: null };
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { wrap: (cmd, args) => ['runuser', ['-u', 'postgres', '--', cmd, ...args]], uid, gid };
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.stderr || r.stdout || String(r.error)).slice(0, 600)}`);
}

export interface ClusterOptions {
  /** Where the cluster lives; initdb runs only when it holds no cluster yet. */
  dataDir: string;
  port?: number;
  user?: string;
  /** The superuser's password (random by default; kept in `<dataDir>/.recdeck-password`). */
  password?: string;
  database?: string;
  /** Remove the data dir on destroy (tests). */
  throwaway?: boolean;
}

/**
 * Starts a cluster in `dataDir` on 127.0.0.1 (`initdb` on first use, password authentication over
 * TCP), creates the database, and returns how to reach it. Unix sockets stay inside the data dir.
 */
export async function startCluster(options: ClusterOptions): Promise<LocalCluster> {
  const bin = postgresBinDir();
  const as = runAs();
  const user = options.user ?? 'recdeck';
  const database = options.database ?? 'recdeck';
  const pgdata = join(options.dataDir, 'pgdata');
  const pwFile = join(options.dataDir, '.recdeck-password');
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  if (as.uid !== null && as.gid !== null) chownSync(options.dataDir, as.uid, as.gid);
  const fresh = !existsSync(join(pgdata, 'PG_VERSION'));
  const password = options.password ?? (fresh ? randomBytes(18).toString('base64url') : readPassword(pwFile));
  if (fresh) {
    writeFileSync(pwFile, password, { mode: 0o600 });
    if (as.uid !== null && as.gid !== null) chownSync(pwFile, as.uid, as.gid);
    run(...as.wrap(join(bin, 'initdb'), ['-D', pgdata, '-U', user, '--pwfile', pwFile, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-instructions']));
  }
  chmodSync(options.dataDir, 0o700);
  const port = options.port ?? (await freePort());
  const logFile = join(options.dataDir, 'server.log');
  const settings = `-p ${port} -k ${options.dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = (): void => run(...as.wrap(join(bin, 'pg_ctl'), ['-D', pgdata, '-o', settings, '-l', logFile, '-w', '-t', '60', 'start']));
  const stop = (mode: 'fast' | 'immediate' = 'fast'): void => {
    if (existsSync(join(pgdata, 'postmaster.pid'))) run(...as.wrap(join(bin, 'pg_ctl'), ['-D', pgdata, '-m', mode, '-w', 'stop']));
  };
  start();
  try {
    const admin = new pg.Client({ host: '127.0.0.1', port, user, password, database: 'postgres' });
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    await admin.end();
  } catch (e) {
    stop('immediate');
    throw e;
  }
  return {
    port,
    user,
    password,
    database,
    dataDir: options.dataDir,
    url: `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    start,
    stop,
    destroy() {
      try {
        stop('immediate');
      } finally {
        if (options.throwaway) rmSync(options.dataDir, { recursive: true, force: true });
      }
    },
  };
}

function readPassword(file: string): string {
  if (!existsSync(file)) throw new Error(`The cluster's password file ${file} is missing`);
  return readFileSync(file, 'utf8').trim();
}
