import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, it } from 'vitest';
import { RecordingRequestSchema, type TaskSummary, type TeamStatus } from '@contract';
import { createSandbox, generateSandboxCredentials, registerSandboxApps, sandboxEmulators, type EmulatorFactory, type SandboxCredentials } from '../../src-main/emulator/index';
import type { Sandbox } from '../../src-main/emulator/server';
import { AppFailure } from '../../src-main/errors/app-failure';
import { SecretScrubber } from '../../src-main/store/secret-scrubber';
import { TaskLedger } from '../../src-main/store/task-ledger';
import type { LocalCluster } from '../../src-main/team/cluster';
import { createClockSkewStore } from '../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../src-main/vendors/shared/rate-limiter';
import { createZegoClient } from '../../src-main/vendors/zego/client';
import { startServe, type ServeProcess } from '../e2e/harness';
import { testCore, unwrap } from '../helpers/core';
import { serverClient, throwawayCluster } from '../helpers/pg';
import { percentile, renderTable, report } from './table';

/**
 * Team mode through the real code: three cores (own SQLite files) on one throw-away PostgreSQL and one
 * Sandbox on wall-clock time, the Sandbox counting every status request per second; then the sync
 * engine's throughput and an offline desk's catch-up; then a SIGKILLed leader (browser hosts).
 */
const TASKS_PER_DESK = 1_000;
const MEASURE_MS = 30_000;
const EVENTS = 100_000;

let cluster: LocalCluster;
let sandbox: Sandbox;
let creds: SandboxCredentials;
const counts = { status: [] as number[], list: [] as number[], limited: 0 };

/** The Sandbox's ZEGO with every DescribeRecordStatus / DescribeTasks answer timed and every rate-limit answer counted. */
function counted(factory: EmulatorFactory): EmulatorFactory {
  return (ctx) => {
    const emulator = factory(ctx);
    if (emulator.id !== 'zego') return emulator;
    return {
      ...emulator,
      async handle(req) {
        const res = await emulator.handle(req);
        const action = req.url.searchParams.get('Action');
        if (action === 'DescribeRecordStatus') counts.status.push(Date.now());
        if (action === 'DescribeTasks') counts.list.push(Date.now());
        if (res.body.includes('"Code":300000003')) counts.limited += 1;
        return res;
      },
    };
  };
}

type Desk = Awaited<ReturnType<typeof testCore>> & { name: string };

async function desk(name: string, dataDir?: string): Promise<Desk> {
  const env = await testCore({ sandbox: false, ...(dataDir ? { dataDir } : {}) });
  unwrap(await env.call('team:setDeskName', { name }));
  return { ...env, name };
}

async function until<T>(read: () => T | Promise<T>, check: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`timed out: ${JSON.stringify(v).slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function eventCount(dataDir: string): number {
  const db = new DatabaseSync(join(dataDir, 'recdeck.sqlite'), { readOnly: true });
  try {
    return Number((db.prepare('SELECT count(*) AS n FROM task_events').get() as { n: number }).n);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  cluster = await throwawayCluster();
  process.env.PGPASSWORD = cluster.password;
  sandbox = await createSandbox({ emulators: sandboxEmulators().map(counted) });
  creds = generateSandboxCredentials();
  await registerSandboxApps(sandbox, creds);
  await sandbox.control('zego', 'configure', { concurrencyCap: 100_000 });
});
afterAll(async () => {
  await sandbox?.close();
  cluster?.destroy();
  delete process.env.PGPASSWORD;
  process.stdout.write(`\n${renderTable()}\n`);
});

it(`team: 3 desks × ${TASKS_PER_DESK} tasks on one ZEGO AppId, change latency, sync throughput and catch-up`, async () => {
  const desks = [await desk('Desk A'), await desk('Desk B'), await desk('Desk C')];
  const a = desks[0] as Desk;
  for (const d of desks) unwrap(await d.call('team:join', { url: cluster.url }));
  const account = unwrap(
    await a.call('accounts:create', {
      vendor: 'zego', name: 'Studio', environment: 'production', endpoint: `${sandbox.baseUrl}/zego`,
      fields: { appId: creds.zego.appId, regionHost: 'cloudrecord-api.zego.im' }, secrets: { serverSecret: creds.zego.serverSecret },
    }),
  );
  const storageKeys = { accessKeyId: `AKID${randomBytes(8).toString('hex')}`, accessKeySecret: randomBytes(12).toString('hex') };
  const storage = unwrap(await a.call('storage:create', { name: 'COS', provider: 'tencent-cos', region: 'ap-guangzhou', bucket: 'rec-1250000000', pathPrefix: 'b', secrets: storageKeys }));
  for (const d of desks.slice(1)) {
    await until(async () => unwrap(await d.call('accounts:list', {})), (l) => l.some((x) => x.id === account.id), 20_000);
    unwrap(await d.call('secrets:set', { owner: 'account', id: account.id, field: 'serverSecret', value: creds.zego.serverSecret }));
  }

  // 3 × 1,000 recordings at the vendor (a script's client on its own limiter), each in one desk's ledger as started there.
  const script = createZegoClient({ baseUrl: `${sandbox.baseUrl}/zego`, appId: creds.zego.appId, serverSecret: creds.zego.serverSecret, isTest: null, limiter: createRateLimiter(), skew: createClockSkewStore() });
  await sandbox.control('zego', 'publish-stream', { roomId: 'team-bench', streamId: 'cam', userId: 'host' });
  const request = RecordingRequestSchema.parse({ roomId: 'team-bench', maxIdleSec: 86_400, maxRecordSec: 86_400, storageTargetId: storage.id });
  const target = { provider: 'tencent-cos', region: 'ap-guangzhou', bucket: 'rec-1250000000', endpoint: null, pathPrefix: 'b', title: null, storageLocation: null, subAppId: null } as const;
  // The script waits out a throttled start: the Sandbox's one-second windows on wall-clock time meet bursts unevenly.
  const startOne = async (): Promise<string> => {
    for (;;) {
      try {
        return (await script.startRecord(request, { target, keys: storageKeys }, { priority: 'operator', clientTaskId: null })).taskId;
      } catch (e) {
        if (!(e instanceof AppFailure) || e.code !== 'VENDOR_RATE_LIMITED') throw e;
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  };
  const started: string[] = [];
  for (let i = 0; i < desks.length * TASKS_PER_DESK; i += 20) started.push(...(await Promise.all(Array.from({ length: 20 }, startOne))));
  const now = Date.now();
  desks.forEach((d, k) => {
    const db = new DatabaseSync(join(d.dataDir, 'recdeck.sqlite'), { timeout: 10_000 });
    const deskId = (db.prepare("SELECT value FROM settings WHERE key = 'team.deskId'").get() as { value: string }).value;
    const ledger = new TaskLedger(db, new SecretScrubber(), deskId);
    ledger.tx(() => {
      for (const vendorTaskId of started.slice(k * TASKS_PER_DESK, (k + 1) * TASKS_PER_DESK)) {
        ledger.insert({
          id: randomUUID(), vendor: 'zego', accountId: account.id, accountName: 'Studio', roomId: 'team-bench', vendorTaskId, startKey: randomUUID(), mode: 'single',
          state: 'recording', rawStatus: '2', request, storageTargetId: storage.id, presetId: null, streamIds: 'cam', createdAt: now, startedAt: now, endedAt: null,
          updatedAt: now, lastSeenAt: now, forgotten: false, finishReason: null, error: null, extra: {}, deskId,
        });
      }
    });
    db.close();
  });
  for (const d of desks) await until(async () => unwrap(await d.call('tasks:active', {})).length, (n) => n >= desks.length * TASKS_PER_DESK, 60_000);

  // Status requests of all three desks together, per lane, over 30 s.
  counts.status.length = 0;
  counts.list.length = 0;
  counts.limited = 0;
  const from = Date.now();
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  const perSecond = (times: number[]) => {
    const buckets = new Map<number, number>();
    for (const t of times) if (t >= from) buckets.set(Math.floor((t - from) / 1000), (buckets.get(Math.floor((t - from) / 1000)) ?? 0) + 1);
    return { avg: times.filter((t) => t >= from).length / (MEASURE_MS / 1000), max: Math.max(0, ...buckets.values()) };
  };
  const st = perSecond(counts.status);
  const ls = perSecond(counts.list);
  const polls = (await Promise.all(desks.map(async (d) => unwrap(await d.call('team:status', {})).polls.length))).join('/');
  report({
    figure: `combined status requests, 1 ZEGO AppId, 3 desks × ${TASKS_PER_DESK} tasks`,
    value: `DescribeTasks ${ls.avg.toFixed(1)}/s (max ${ls.max} in a second), DescribeRecordStatus ${st.avg.toFixed(1)}/s (max ${st.max}), ${counts.limited} rate-limit errors`,
    target: '≤ 8/s per lane, 0 errors (alone: 3 × 8 = 24/s)',
    how: `Sandbox counts every answer for ${MEASURE_MS / 1000} s, wall clock; keys polled per desk ${polls}`,
  });

  // A change on one desk visible on the others: A stops 40 tasks; the time from A's tasks:changed to B's and C's.
  /** When each other desk first showed each task stopped, by task id and desk. */
  const seenAt = new Map<string, Map<string, number>>();
  const madeAt = new Map<string, number>();
  const watch = (d: Desk, onSeen: (id: string) => void) =>
    d.core.events.subscribe((event, payload) => {
      if (event !== 'tasks:changed') return;
      for (const t of (payload as { tasks: TaskSummary[] }).tasks) if (t.state === 'stopping' || t.state === 'uploading' || t.state === 'finished') onSeen(t.id);
    });
  const offOthers = desks.slice(1).map((d) =>
    watch(d, (id) => {
      const byDesk = seenAt.get(id) ?? new Map<string, number>();
      if (!byDesk.has(d.name)) byDesk.set(d.name, Date.now());
      seenAt.set(id, byDesk);
    }),
  );
  const mine = unwrap(await a.call('tasks:active', {})).filter((t) => t.deskName === 'Desk A').slice(0, 40);
  for (const t of mine) {
    madeAt.set(t.id, Date.now());
    await a.call('tasks:stop', { id: t.id });
  }
  await until(() => mine.filter((t) => (seenAt.get(t.id)?.size ?? 0) === desks.length - 1).length, (n) => n === mine.length, 30_000);
  offOthers.forEach((off) => off());
  const latencies = mine.flatMap((t) => [...(seenAt.get(t.id)?.values() ?? [])].map((at) => at - (madeAt.get(t.id) ?? at)));
  report({
    figure: 'a change on one desk visible on the others, p95',
    value: `${percentile(latencies, 95)} ms (p50 ${percentile(latencies, 50)} ms, ${latencies.length} sightings)`,
    target: '≤ 1,000 ms',
    how: "40 Stop clicks on A (one after another): from the click to B's and C's tasks:changed",
  });

  for (const d of desks) await d.core.close();
});

/** Desk processes (browser hosts) on the team server, as desks run: each its own process, SQLite file and keychain. */
async function deskProcess(name: string, dataDir?: string): Promise<ServeProcess> {
  return startServe({ env: { PGPASSWORD: cluster.password, RECDECK_KEYCHAIN: 'session' }, args: ['--team-url', cluster.url, '--desk-name', `Desk ${name}`], ...(dataDir ? { dataDir } : {}) });
}

it(`team: sync throughput and the catch-up of a desk that was offline while ${EVENTS.toLocaleString('en')} events happened`, async () => {
  const [d, e, f] = [await deskProcess('D'), await deskProcess('E'), await deskProcess('F')];
  const relaunched: ServeProcess[] = [];
  try {
    // All three have caught up with what the first bench left on the server.
    const caught = await until(
      () => [d, e, f].map((h) => eventCount(h.dataDir)),
      (n) => (n[0] ?? 0) > 0 && n.every((x) => x === n[0]),
      120_000,
    );
    const base = caught[0] as number;
    // D writes while it is off the team (as a desk that worked offline), so its own SQLite is not shared with this writer while it syncs.
    await f.stop();
    await d.stop();

    const db = new DatabaseSync(join(d.dataDir, 'recdeck.sqlite'), { timeout: 10_000 });
    const deskId = (db.prepare("SELECT value FROM settings WHERE key = 'team.deskId'").get() as { value: string }).value;
    const taskIds = (db.prepare("SELECT id FROM tasks WHERE room_id = 'team-bench' LIMIT 40").all() as Array<{ id: string }>).map((r) => r.id);
    const ledger = new TaskLedger(db, new SecretScrubber(), deskId);
    const writeStart = Date.now();
    for (let i = 0; i < EVENTS; i += 5_000) {
      ledger.tx(() => {
        for (let j = i; j < i + 5_000; j++) {
          ledger.addEvent(taskIds[j % taskIds.length] as string, { at: writeStart + j, source: 'system', kind: 'note', message: { key: 'timeline.note.startUnknown' }, state: 'stopping' });
        }
      });
    }
    db.close();
    const server = await serverClient(cluster, cluster.database);
    const seqBefore = Number((await server.query<{ s: string }>('SELECT coalesce(max(seq), 0) AS s FROM recdeck_changes')).rows[0]?.s);
    const launched = Date.now();
    relaunched.push(await deskProcess('D', d.dataDir));
    await until(() => eventCount(e.dataDir), (n) => n >= base + EVENTS, 180_000);
    const arrived = Date.now();
    // The first of D's rows on the server (its transaction's start): where the transfer begins, the process launch before it excluded.
    const firstAt = Number(
      (await server.query<{ ms: number }>("SELECT (extract(epoch FROM min(at)) * 1000)::float8 AS ms FROM recdeck_changes WHERE seq > $1 AND kind = 'event'", [seqBefore])).rows[0]?.ms,
    );
    await server.end();
    const rate = (ms: number): string => Math.round(EVENTS / (ms / 1000)).toLocaleString('en');
    report({
      figure: 'sync throughput',
      value: `${rate(arrived - firstAt)} events/s (${rate(arrived - launched)} counting D's process launch)`,
      target: '≥ 20,000 events/s',
      how: `${EVENTS.toLocaleString('en')} timeline rows written on desk D while it was off the team, D relaunched: from the first of them on the server until all are in desk E's SQLite (push, server, NOTIFY, pull, apply; each desk its own process; in brackets from D's launch)`,
    });

    const reopenAt = Date.now();
    relaunched.push(await deskProcess('F', f.dataDir));
    await until(() => eventCount(f.dataDir), (n) => n >= base + EVENTS, 180_000);
    report({
      figure: `catch-up of a desk offline while ${EVENTS.toLocaleString('en')} events happened`,
      value: `${((Date.now() - reopenAt) / 1000).toFixed(1)} s`,
      target: '≤ 30 s',
      how: 'desk F stopped, D wrote the rows, F relaunched: from launch until all are in its SQLite',
    });
  } finally {
    for (const h of [d, e, f, ...relaunched]) await h.stop();
  }
});

it('team: lease failover after the leading desk is SIGKILLed', async () => {
  const hosts: ServeProcess[] = [];
  try {
    for (const name of ['D', 'E']) {
      hosts.push(
        await startServe({
          env: { PGPASSWORD: cluster.password, RECDECK_KEYCHAIN: 'session' },
          args: ['--team-url', cluster.url, '--desk-name', `Desk ${name}`],
        }),
      );
    }
    const key = `zego:${creds.zego.appId}`;
    for (const h of hosts) {
      const accounts = await until(() => h.invoke<Array<{ id: string; name: string }>>('accounts:list', {}), (l) => l.some((x) => x.name === 'Studio'), 30_000);
      const id = accounts.find((x) => x.name === 'Studio')?.id as string;
      await h.invoke('secrets:set', { owner: 'account', id, field: 'serverSecret', value: creds.zego.serverSecret });
    }
    const status = await until(() => (hosts[0] as ServeProcess).invoke<TeamStatus>('team:status', {}), (s) => s.leases.some((l) => l.key === key && (l.deskName === 'Desk D' || l.deskName === 'Desk E')), 30_000);
    const leader = status.leases.find((l) => l.key === key)?.deskName === 'Desk D' ? 0 : 1;
    const other = hosts[1 - leader] as ServeProcess;
    (hosts[leader] as ServeProcess).child.kill('SIGKILL');
    const killedAt = Date.now();
    await until(() => other.invoke<TeamStatus>('team:status', {}), (s) => s.leases.some((l) => l.key === key && l.mine), 20_000);
    report({
      figure: 'lease failover after a desk is killed',
      value: `${((Date.now() - killedAt) / 1000).toFixed(1)} s`,
      target: '≤ 10 s',
      how: 'two browser hosts, SIGKILL to the leader of the ZEGO key, until the other holds its lease (lease 6 s, renewed every 2 s)',
    });
  } finally {
    for (const h of hosts) await h.stop();
  }
});
