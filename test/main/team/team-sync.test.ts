import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCluster } from '../../../src-main/team/cluster';
import type { Sandbox } from '../../../src-main/emulator/server';
import type { SandboxCredentials } from '../../../src-main/emulator/registry';
import { freshDatabase, serverClient, throwawayCluster } from '../../helpers/pg';
import { openDesk, sharedSandbox, startRecording, studioAccount, until, type Desk } from './desks';

/**
 * Desks in one process (real cores, real SQLite, one real PostgreSQL, one standalone Sandbox): what
 * one desk does reaches the others, history converges, and the server never holds a secret.
 */
let cluster: LocalCluster;
let sandbox: Sandbox;
let credentials: SandboxCredentials;
const desks: Desk[] = [];

beforeAll(async () => {
  cluster = await throwawayCluster();
  ({ sandbox, credentials } = await sharedSandbox());
  process.env.PGPASSWORD = cluster.password;
}, 120_000);
afterAll(async () => {
  for (const d of desks) await d.core.close().catch(() => undefined);
  await sandbox?.close();
  cluster?.destroy();
  delete process.env.PGPASSWORD;
});

async function team(db: string, names: string[]): Promise<Desk[]> {
  const url = await freshDatabase(cluster, db);
  const out: Desk[] = [];
  for (const name of names) {
    const desk = await openDesk(name);
    desks.push(desk);
    await desk.ok('team:join', { url });
    out.push(desk);
  }
  return out;
}

/** Every task's timeline on a desk, as a comparable list (uids are not exposed; at, kind, summary, desk are). */
async function history(desk: Desk): Promise<string[]> {
  const page = await desk.ok('history:query', { limit: 500 });
  const out: string[] = [];
  for (const t of page.rows) {
    const d = await desk.ok('tasks:get', { id: t.id });
    out.push(`${t.id} ${d.task.state} ${d.task.deskName}`);
    for (const e of d.events) out.push(`  ${e.at} ${e.source} ${e.kind} ${e.summary} ${e.deskName}`);
  }
  return out.sort();
}

describe('team mode between desks', () => {
  it('shows a task started on A on B and C; B stops it; A reads that B stopped it; history is the same on all three', async () => {
    const [a, b, c] = (await team('three', ['Desk A', 'Desk B', 'Desk C'])) as [Desk, Desk, Desk];
    const ids = await studioAccount(a, sandbox, credentials);
    for (const d of [b, c]) {
      await until('the account on the desk', () => d.ok('accounts:list', {}), (list) => list.some((x) => x.id === ids.accountId));
      await d.ok('secrets:set', { owner: 'account', id: ids.accountId, field: 'serverSecret', value: credentials.zego.serverSecret });
    }
    const task = await startRecording(a, sandbox, ids, 'room-abc');
    for (const d of [b, c]) {
      const seen = await until('the task on the desk', () => d.ok('tasks:active', {}), (list) => list.some((t) => t.id === task.id && t.vendorTaskId !== null));
      expect(seen.find((t) => t.id === task.id)?.deskName).toBe('Desk A');
    }
    await b.ok('tasks:stop', { id: task.id });
    const stopped = await until(
      "B's stop on A",
      () => a.ok('tasks:get', { id: task.id }),
      (d) => d.events.some((e) => e.kind === 'action' && e.summary.startsWith('Stop') && e.deskName === 'Desk B'),
    );
    expect(stopped.task.deskName).toBe('Desk A');
    await until('the same history on all three', async () => [await history(a), await history(b), await history(c)], ([x, y, z]) => JSON.stringify(x) === JSON.stringify(y) && JSON.stringify(y) === JSON.stringify(z));
    const statuses = await Promise.all([a, b, c].map((d) => d.ok('team:status', {})));
    expect(statuses.map((s) => [s.connected, s.deskName, s.desks.length])).toEqual([
      [true, 'Desk A', 3],
      [true, 'Desk B', 3],
      [true, 'Desk C', 3],
    ]);
    expect(statuses.flatMap((s) => s.leases.map((l) => l.key))).toContain(`zego:${credentials.zego.appId}`);
  }, 90_000);

  it('writes no secret byte to the server', async () => {
    const server = await serverClient(cluster, 'three');
    try {
      const tables = (await server.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.t);
      let dump = '';
      for (const t of tables) dump += JSON.stringify((await server.query(`SELECT * FROM ${t}`)).rows);
      expect(tables.sort()).toEqual(['recdeck_budgets', 'recdeck_changes', 'recdeck_desks', 'recdeck_leases', 'recdeck_schema']);
      expect(dump).toContain('room-abc');
      for (const secret of [credentials.zego.serverSecret, 'AKIDstudiokey0000000000000000000001', 'studio-storage-secret-value-000001', cluster.password]) {
        expect(dump.includes(secret), `a secret is on the server`).toBe(false);
      }
    } finally {
      await server.end();
    }
  });
});
