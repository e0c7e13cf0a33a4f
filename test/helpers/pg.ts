import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCluster, type LocalCluster } from '../../src-main/team/cluster';
import { issueServerCert, makeCa } from './test-ca';

/**
 * One throw-away PostgreSQL cluster for a test file: `initdb` in a temp dir, `pg_ctl` on a free
 * loopback port (as `postgres` when the tests run as root). Call `destroy()` in `afterAll`; it stops
 * the server even when the file failed.
 */
export async function throwawayCluster(): Promise<LocalCluster> {
  return startCluster({ dataDir: mkdtempSync(join(tmpdir(), 'recdeck-pg-')), throwaway: true });
}

/** A fresh, empty database on the cluster (one per test that needs a clean server), as a URL without password. */
export async function freshDatabase(cluster: LocalCluster, name: string): Promise<string> {
  const admin = new pg.Client({ host: '127.0.0.1', port: cluster.port, user: cluster.user, password: cluster.password, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  return `postgres://${cluster.user}@127.0.0.1:${cluster.port}/${name}`;
}

/** A client on one database of the cluster (for assertions straight on the server). */
export async function serverClient(cluster: LocalCluster, database: string): Promise<pg.Client> {
  const client = new pg.Client({ host: '127.0.0.1', port: cluster.port, user: cluster.user, password: cluster.password, database });
  await client.connect();
  return client;
}

/** A {@link throwawayTlsCluster}: the cluster, the CA its certificate chains to, an unrelated CA, and the desks' TLS-only role. */
export interface TlsCluster {
  cluster: LocalCluster;
  caFile: string;
  otherCaFile: string;
  /** A login role that owns the databases asked for; the server refuses its TCP connections without TLS. */
  user: string;
  password: string;
}

/**
 * A throw-away cluster with TLS on: its certificate names IP 127.0.0.1 only (not `localhost`) and is
 * signed by a throw-away CA (openssl CLI). Role `desk` owns `databases` and may connect only over TLS
 * (`hostnossl … reject`), as a studio would set up a real server; the superuser keeps plain loopback,
 * so `serverClient` and `freshDatabase` work unchanged.
 */
export async function throwawayTlsCluster(databases: string[]): Promise<TlsCluster> {
  const cluster = await throwawayCluster();
  try {
    const dir = cluster.dataDir;
    const ca = makeCa(dir, 'recdeck-test-ca');
    const other = makeCa(dir, 'recdeck-other-ca');
    const server = issueServerCert(ca, dir, 'server', ['IP:127.0.0.1']);
    // PostgreSQL refuses a key its own user does not own: the data dir's owner (`postgres` when the tests run as root).
    const owner = statSync(join(dir, 'pgdata'));
    chownSync(server.keyFile, owner.uid, owner.gid);
    const hba = join(dir, 'pgdata', 'pg_hba.conf');
    writeFileSync(hba, `hostnossl all desk all reject\n${readFileSync(hba, 'utf8')}`);
    const tls: TlsCluster = { cluster, caFile: ca.certFile, otherCaFile: other.certFile, user: 'desk', password: randomBytes(12).toString('base64url') };
    const admin = await serverClient(cluster, 'postgres');
    try {
      await admin.query(`CREATE ROLE desk LOGIN PASSWORD ${pg.escapeLiteral(tls.password)}`);
      for (const db of databases) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(db)} OWNER desk`);
      await admin.query('ALTER SYSTEM SET ssl = on');
      await admin.query(`ALTER SYSTEM SET ssl_cert_file = ${pg.escapeLiteral(server.certFile)}`);
      await admin.query(`ALTER SYSTEM SET ssl_key_file = ${pg.escapeLiteral(server.keyFile)}`);
      await admin.query('SELECT pg_reload_conf()');
    } finally {
      await admin.end();
    }
    await tlsAnswers(tls, databases[0] ?? 'postgres');
    return tls;
  } catch (e) {
    cluster.destroy();
    throw e;
  }
}

/** Waits until the postmaster has reloaded its settings: a verified TLS connection as the desks' role succeeds. */
async function tlsAnswers(tls: TlsCluster, database: string): Promise<void> {
  const ca = readFileSync(tls.caFile, 'utf8');
  const end = Date.now() + 10_000;
  for (;;) {
    const client = new pg.Client({ host: '127.0.0.1', port: tls.cluster.port, user: tls.user, password: tls.password, database, ssl: { ca } });
    try {
      await client.connect();
      return;
    } catch (e) {
      if (Date.now() > end) throw new Error(`TLS did not come up: ${e instanceof Error ? e.message : String(e)}; server log: ${readFileSync(join(tls.cluster.dataDir, 'server.log'), 'utf8').slice(-600)}`, { cause: e });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
