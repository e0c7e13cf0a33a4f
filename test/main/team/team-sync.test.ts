import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretScrubber } from '../../../src-main/store/secret-scrubber';
import { TaskLedger } from '../../../src-main/store/task-ledger';
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

describe('joining a team that cannot be joined', () => {
  it('says what is wrong with a bad URL, an unreachable or non-PostgreSQL server, a wrong password or a newer schema, and changes nothing here', async () => {
    const desk = await openDesk('Desk X');
    desks.push(desk);
    const url = await freshDatabase(cluster, 'badinput');
    const http = await import('node:http');
    const notPg = http.createServer((_req, res) => res.end('hello'));
    await new Promise<void>((r) => notPg.listen(0, '127.0.0.1', () => r()));
    const notPgPort = (notPg.address() as { port: number }).port;
    const refused = await import('../../../src-main/team/cluster').then((m) => m.freePort());
    const server = await serverClient(cluster, 'badinput');
    try {
      const problemOf = async (input: { url: string; password?: string | null }) => {
        const tested = await desk.ok('team:test', input);
        const joined = await desk.call('team:join', input);
        return { problem: tested.problem, text: tested.message.key, joinCode: joined.ok ? 'joined' : joined.error.code, joinProblem: joined.ok ? null : joined.error.details?.['problem'] };
      };
      expect(await problemOf({ url: 'http://example.com/db' })).toEqual({ problem: 'bad-url', text: 'team.problem.bad-url', joinCode: 'TEAM', joinProblem: 'bad-url' });
      expect(await problemOf({ url: `postgres://recdeck@127.0.0.1:${refused}/recdeck` })).toEqual({ problem: 'unreachable', text: 'team.problem.unreachable', joinCode: 'TEAM', joinProblem: 'unreachable' });
      expect(await problemOf({ url: `postgres://recdeck@127.0.0.1:${notPgPort}/recdeck` })).toEqual({ problem: 'not-postgres', text: 'team.problem.not-postgres', joinCode: 'TEAM', joinProblem: 'not-postgres' });
      expect(await problemOf({ url, password: 'wrong-password' })).toEqual({ problem: 'auth-failed', text: 'team.problem.auth-failed', joinCode: 'TEAM', joinProblem: 'auth-failed' });
      await server.query(`CREATE TABLE recdeck_schema (id integer PRIMARY KEY, version integer NOT NULL, written_by text NOT NULL, migrated_at timestamptz NOT NULL DEFAULT now())`);
      await server.query(`INSERT INTO recdeck_schema (id, version, written_by) VALUES (1, 99, 'RecDeck 9.0')`);
      expect(await problemOf({ url })).toEqual({ problem: 'schema-too-new', text: 'team.problem.schema-too-new', joinCode: 'TEAM', joinProblem: 'schema-too-new' });
      const status = await desk.ok('team:status', {});
      expect([status.joined, status.url, status.pending]).toEqual([false, null, 0]);
      expect((await server.query(`SELECT to_regclass('recdeck_changes')::text AS t`)).rows[0]?.t).toBeNull();
    } finally {
      await server.end();
      notPg.close();
    }
  }, 60_000);
});

describe('a team whose server goes away', () => {
  it('keeps both desks working while the server restarts or is down, then converges with nothing lost, duplicated or started twice', async () => {
    const [a, b] = (await team('outage', ['Desk A', 'Desk B'])) as [Desk, Desk];
    const ids = await studioAccount(a, sandbox, credentials);
    await until('the account on B', () => b.ok('accounts:list', {}), (list) => list.some((x) => x.id === ids.accountId));
    await b.ok('secrets:set', { owner: 'account', id: ids.accountId, field: 'serverSecret', value: credentials.zego.serverSecret });
    await until('the storage target on B', () => b.ok('storage:list', {}), (list) => list.some((x) => x.id === ids.storageId));
    await b.ok('secrets:set', { owner: 'storage', id: ids.storageId, field: 'accessKeyId', value: 'AKIDstudiokey0000000000000000000001' });
    await b.ok('secrets:set', { owner: 'storage', id: ids.storageId, field: 'accessKeySecret', value: 'studio-storage-secret-value-000001' });
    const first = await startRecording(a, sandbox, ids, 'room-o1');
    await until('the first task on B', () => b.ok('tasks:active', {}), (list) => list.some((t) => t.id === first.id));

    cluster.stop('immediate');
    const whileDown = [await startRecording(a, sandbox, ids, 'room-o2'), await startRecording(b, sandbox, ids, 'room-o3')];
    await b.ok('tasks:stop', { id: first.id });
    await until('A sees it is offline with changes waiting', () => a.ok('team:status', {}), (s) => !s.connected && s.pending > 0);
    cluster.start();

    const all = [first, ...whileDown].map((t) => t.id).sort();
    await until('both desks converge', async () => [await history(a), await history(b)], ([x, y]) => JSON.stringify(x) === JSON.stringify(y) && (x ?? []).filter((l) => !l.startsWith(' ')).length === 3, 40_000);
    for (const d of [a, b]) {
      for (const id of all) {
        const detail = await d.ok('tasks:get', { id });
        const uids = detail.events.map((e) => `${e.at} ${e.summary}`);
        expect(new Set(uids).size, 'a timeline row twice').toBe(uids.length);
        expect(detail.exchanges.filter((x) => x.errorCode === '300000003')).toEqual([]);
      }
    }
    const server = await serverClient(cluster, 'outage');
    try {
      const dupes = await server.query(`SELECT uid FROM recdeck_changes GROUP BY uid HAVING count(*) > 1`);
      expect(dupes.rowCount).toBe(0);
    } finally {
      await server.end();
    }
    const vendorTasks = (await sandbox.control('zego', 'list-tasks', {})) as Array<{ roomId: string }>;
    expect(['room-o1', 'room-o2', 'room-o3'].map((r) => vendorTasks.filter((t) => t.roomId === r).length)).toEqual([1, 1, 1]);
    for (const d of [a, b]) {
      const active = await d.ok('tasks:active', {});
      expect(active.filter((t) => all.includes(t.id)).map((t) => t.id).sort()).toEqual(all);
    }
  }, 120_000);
});

/** The rows the restart test writes on a desk's timeline: `at` from 2001 on, apart from what the desks write themselves meanwhile. */
const WRITTEN_AT = 1_000_000_000_000;
const ROWS = 30_000;

/** A desk's timeline rows written by the test, and how many distinct uids they carry (a row received twice shows as a difference). */
function timelineRows(dataDir: string): { rows: number; uids: number } {
  const db = new DatabaseSync(join(dataDir, 'recdeck.sqlite'), { readOnly: true });
  try {
    return db.prepare('SELECT count(*) AS rows, count(DISTINCT uid) AS uids FROM task_events WHERE at >= ? AND at < ?').get(WRITTEN_AT, WRITTEN_AT + ROWS) as { rows: number; uids: number };
  } finally {
    db.close();
  }
}

describe('a team server that restarts in the middle of a sync', () => {
  it('delivers every row once: what was in flight is sent again and taken once', async () => {
    const [a, b] = (await team('midsync', ['Desk A', 'Desk B'])) as [Desk, Desk];
    const ids = await studioAccount(a, sandbox, credentials);
    const first = await startRecording(a, sandbox, ids, 'room-m1');
    await until('the task on B', () => b.ok('tasks:active', {}), (list) => list.some((t) => t.id === first.id));

    // A works offline (closed), then relaunches with a long queue: the server restarts while it drains.
    await a.core.close();
    const db = new DatabaseSync(join(a.dataDir, 'recdeck.sqlite'), { timeout: 10_000 });
    const deskId = (db.prepare("SELECT value FROM settings WHERE key = 'team.deskId'").get() as { value: string }).value;
    const ledger = new TaskLedger(db, new SecretScrubber(), deskId);
    ledger.tx(() => {
      for (let i = 0; i < ROWS; i++) ledger.addEvent(first.id, { at: WRITTEN_AT + i, source: 'system', kind: 'note', message: { key: 'timeline.note.startUnknown' }, state: 'recording' });
    });
    db.close();
    const again = await openDesk('Desk A', a.dataDir);
    desks.push(again);
    const atRestart = await until('B has some of the new rows', () => timelineRows(b.dataDir), (n) => n.rows > 0, 30_000);
    cluster.stop('immediate');
    cluster.start();

    const end = await until('B has every row', () => timelineRows(b.dataDir), (n) => n.rows >= ROWS, 60_000);
    await until('A has nothing waiting', () => again.ok('team:status', {}), (s) => s.connected && s.pending === 0, 30_000);
    const server = await serverClient(cluster, 'midsync');
    try {
      const dupes = await server.query('SELECT uid FROM recdeck_changes GROUP BY uid HAVING count(*) > 1');
      expect({ midSync: atRestart.rows < ROWS, end, dupes: dupes.rowCount }).toEqual({
        midSync: true,
        end: { rows: ROWS, uids: ROWS },
        dupes: 0,
      });
    } finally {
      await server.end();
    }
    const vendorTasks = (await sandbox.control('zego', 'list-tasks', {})) as Array<{ roomId: string }>;
    expect(vendorTasks.filter((t) => t.roomId === 'room-m1').length).toBe(1);
    const detail = await b.ok('tasks:get', { id: first.id });
    expect(detail.exchanges.filter((x) => x.errorCode === '300000003')).toEqual([]);
  }, 150_000);
});
