import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCluster, type LocalCluster } from '../../src-main/team/cluster';

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
