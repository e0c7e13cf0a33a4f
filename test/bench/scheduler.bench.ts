import { performance } from 'node:perf_hooks';
import { afterAll, it } from 'vitest';
import { RecordingRequestSchema, TERMINAL_TASK_STATES, type TaskState } from '@contract';
import { createVirtualClock, type VirtualClock } from '../../src-main/emulator/clock';
import { createSandbox, type Sandbox } from '../../src-main/emulator/server';
import { createZegoEmulator } from '../../src-main/emulator/zego';
import type { Clock } from '../../src-main/events/clock';
import { createScheduler } from '../../src-main/scheduler/scheduler';
import type { PollOutcome, PollSource, PollTarget } from '../../src-main/scheduler/types';
import { createClockSkewStore } from '../../src-main/vendors/shared/http';
import { createRateLimiter, type RateLimiter } from '../../src-main/vendors/shared/rate-limiter';
import { AppFailure } from '../../src-main/errors/app-failure';
import { createZegoClient, type ZegoCallOptions, type ZegoCallRecord, type ZegoClient } from '../../src-main/vendors/zego/client';
import { zegoRate } from '../../src-main/vendors/zego/rates';
import type { ZegoStorage } from '../../src-main/vendors/zego/request';
import { percentile, renderTable, report } from './table';

const APP_ID = 7654321;
const SECRET = 'bench-secret-0000000000000000000';
const ROOM = 'bench-room';
const LANE = `zego:${APP_ID}:DescribeRecordStatus`;
const RATE = zegoRate('DescribeRecordStatus', false);
const NAIVE_PERIOD_MS = 5_000;
const NAIVE_WINDOW_MS = 60_000;
const STORAGE: ZegoStorage = {
  target: { provider: 'aliyun-oss', region: 'oss-cn-shanghai', bucket: 'rec', endpoint: null, pathPrefix: null, title: null, storageLocation: null, subAppId: null },
  keys: { accessKeyId: 'AKID-BENCH', accessKeySecret: 'AK-SECRET-BENCH' },
};

afterAll(() => {
  process.stdout.write(`\n${renderTable()}\n`);
});

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * Discrete-event time over the Sandbox's virtual clock: it jumps to the next timer only when no
 * request is on the wire, so a request costs no virtual time and the emulator sees exactly the
 * spacing the limiter and the scheduler chose, while the wall clock only pays for real HTTP.
 */
function simTime(clock: VirtualClock) {
  const timers: Timer[] = [];
  let seq = 0;
  let onWire = 0;
  const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
  const schedulerClock: Clock = {
    now: () => clock.now(),
    setTimer(fn, ms) {
      const timer = { at: clock.now() + Math.max(0, ms), seq: seq++, fn };
      timers.push(timer);
      return () => {
        const i = timers.indexOf(timer);
        if (i >= 0) timers.splice(i, 1);
      };
    },
  };
  async function quiet(): Promise<void> {
    do await tick();
    while (onWire > 0);
    await tick();
  }
  async function step(limit: number): Promise<boolean> {
    await quiet();
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = timers[0];
    if (!next || next.at > limit) return false;
    timers.shift();
    if (next.at > clock.now()) await clock.advance(next.at - clock.now());
    next.fn();
    return true;
  }
  return {
    clock: schedulerClock,
    now: () => clock.now(),
    /** A limiter view that counts a request as on the wire from the moment it may be sent. */
    track(inner: RateLimiter): RateLimiter {
      return {
        async acquire(key, rate, priority) {
          await inner.acquire(key, rate, priority);
          onWire += 1;
        },
        recent: (key) => inner.recent(key),
      };
    },
    /** The client's call log: the request is answered. */
    answered(): void {
      onWire -= 1;
    },
    async runFor(ms: number): Promise<void> {
      const end = clock.now() + ms;
      while (await step(end));
      if (end > clock.now()) await clock.advance(end - clock.now());
      await quiet();
    },
    async runUntil(done: () => boolean, maxMs: number): Promise<void> {
      const end = clock.now() + maxMs;
      while (!done() && (await step(end)));
      await quiet();
    },
    every(ms: number, fn: () => void): () => void {
      let cancel = schedulerClock.setTimer(function again() {
        fn();
        cancel = schedulerClock.setTimer(again, ms);
      }, ms);
      return () => cancel();
    },
  };
}

type Sim = ReturnType<typeof simTime>;

interface BenchTask {
  id: string;
  vendorTaskId: string;
  state: TaskState;
  key: string;
  startedAt: number;
  lastSeenAt: number | null;
  changedAt: number;
  gone: boolean;
}

/** The client calls the bench makes, each reporting to the call log. */
type BenchClient = Pick<ZegoClient, 'startRecord' | 'stopRecord' | 'describeRecordStatus'>;

/** Counts the emulator's answers seen by one client, by action and by code. */
function callLog(sim: Sim) {
  const rateLimited = new Map<string, number>();
  const sent = new Map<string, number>();
  const records: ZegoCallRecord[] = [];
  return {
    rateLimited: (action: string) => rateLimited.get(action) ?? 0,
    sent: (action: string) => sent.get(action) ?? 0,
    records,
    log(record: ZegoCallRecord) {
      sim.answered();
      sent.set(record.action, (sent.get(record.action) ?? 0) + 1);
      if (record.response?.['Code'] === 300000003) rateLimited.set(record.action, (rateLimited.get(record.action) ?? 0) + 1);
      if (record.action !== 'DescribeRecordStatus') records.push(record);
    },
    reset() {
      rateLimited.clear();
      sent.clear();
    },
  };
}

/**
 * The task service's seam as the bench needs it: a task changes when its state, raw status or file
 * statuses change (growing sizes do not count), and is done once terminal with every file settled.
 */
function benchSource(tasks: Map<string, BenchTask>, client: BenchClient, now: () => number): PollSource {
  return {
    targets(): PollTarget[] {
      const out: PollTarget[] = [];
      for (const t of tasks.values()) {
        if (t.gone) continue;
        out.push({ id: t.id, laneKey: LANE, ratePerSecond: RATE, state: t.state, lastSeenAt: t.lastSeenAt, changedAt: t.changedAt });
      }
      return out;
    },
    async poll(id): Promise<PollOutcome> {
      const t = tasks.get(id);
      if (!t) return 'forgotten';
      try {
        const { status } = await client.describeRecordStatus(t.vendorTaskId, { priority: 'background' });
        const at = now();
        const key = `${status.state}|${status.rawStatus}|${status.files.map((f) => f.status).join(',')}`;
        const changed = key !== t.key;
        t.lastSeenAt = at;
        t.state = status.state;
        if (changed) {
          t.key = key;
          t.changedAt = at;
        }
        const settled = status.files.every((f) => f.status === 'uploaded' || f.status === 'failed' || f.status === 'backup');
        if (TERMINAL_TASK_STATES.includes(status.state) && settled) {
          t.gone = true;
          return 'done';
        }
        return changed ? 'changed' : 'unchanged';
      } catch (e) {
        if (!(e instanceof AppFailure)) return 'error';
        if (e.code === 'VENDOR_UNREACHABLE' || e.code === 'VENDOR_TIMEOUT') return 'unreachable';
        if (e.code === 'VENDOR_TASK_NOT_FOUND') {
          t.gone = true;
          return 'forgotten';
        }
        return 'error';
      }
    },
  };
}

async function startWorld(n: number) {
  const vclock = createVirtualClock({ speed: 0 });
  const sandbox: Sandbox = await createSandbox({ clock: vclock, emulators: [createZegoEmulator({ concurrencyCap: n + 100 })] });
  await sandbox.control('zego', 'register-app', { appId: APP_ID, serverSecret: SECRET });
  await sandbox.control('zego', 'publish-stream', { roomId: ROOM, streamId: 's1', userId: 'u1' });
  const sim = simTime(vclock);
  const limiter = createRateLimiter({ now: sim.now, setTimer: sim.clock.setTimer });
  const calls = callLog(sim);
  const makeClient = (l: RateLimiter): BenchClient => {
    const c = createZegoClient({
      baseUrl: `${sandbox.baseUrl}/zego`,
      appId: APP_ID,
      serverSecret: SECRET,
      isTest: null,
      limiter: sim.track(l),
      skew: createClockSkewStore(),
      timeoutMs: 10_000,
      now: sim.now,
    });
    // Every answer reaches the call log: the simulated clock waits for it.
    const logged = <T extends ZegoCallOptions>(o: T): T => ({ ...o, onExchange: calls.log });
    return {
      startRecord: (request, storage, o) => c.startRecord(request, storage, logged(o)),
      stopRecord: (taskId, o) => c.stopRecord(taskId, logged(o)),
      describeRecordStatus: (taskId, o) => c.describeRecordStatus(taskId, logged(o)),
    };
  };
  const client = makeClient(limiter);
  const request = RecordingRequestSchema.parse({ roomId: ROOM, maxIdleSec: 600, maxRecordSec: 86_400 });
  const tasks = new Map<string, BenchTask>();
  let started = 0;
  const starting = Array.from({ length: n }, (_, i) =>
    client.startRecord(request, STORAGE, { priority: 'operator', clientTaskId: `bench-${i}` }).then(({ taskId }) => {
      const at = sim.now();
      tasks.set(`t${i}`, { id: `t${i}`, vendorTaskId: taskId, state: 'starting', key: '', startedAt: at, lastSeenAt: null, changedAt: at, gone: false });
      started += 1;
    }),
  );
  await sim.runUntil(() => started === n, 3_600_000);
  await Promise.all(starting);
  return { sandbox, vclock, sim, limiter, calls, client, tasks, makeClient };
}

/** Staleness of every live task, sampled once a virtual second while `on` is set. */
function stalenessSampler(sim: Sim, tasks: Map<string, BenchTask>, lastSeen: (t: BenchTask) => number | null) {
  const samples: number[] = [];
  let on = false;
  const cancel = sim.every(1_000, () => {
    if (!on) return;
    const now = sim.now();
    for (const t of tasks.values()) if (!t.gone) samples.push((now - (lastSeen(t) ?? t.startedAt)) / 1000);
  });
  return {
    samples,
    start() {
      on = true;
    },
    stop() {
      on = false;
      cancel();
    },
  };
}

async function benchN(n: number): Promise<void> {
  const wallStart = performance.now();
  const world = await startWorld(n);
  const { sim, tasks, calls, limiter, client } = world;
  const startWall = performance.now() - wallStart;
  const startTimes = [...tasks.values()].map((t) => t.startedAt);
  const startVirtual = startTimes.reduce((a, b) => Math.max(a, b)) - startTimes.reduce((a, b) => Math.min(a, b));
  const startRateLimited = calls.rateLimited('StartRecord');
  calls.reset();

  // Scheduler phase: one full pass to reach steady state, then measure over two cycles.
  const statuses: Array<{ activeTasks: number; online: boolean }> = [];
  const scheduler = createScheduler({
    source: benchSource(tasks, client, sim.now),
    limiter,
    clock: sim.clock,
    pace: () => 'normal',
    events: { emit: (event, payload) => event === 'scheduler:changed' && statuses.push(payload as { activeTasks: number; online: boolean }) },
  });
  const phaseWall = performance.now();
  const phaseStart = sim.now();
  scheduler.start();
  await sim.runUntil(() => [...tasks.values()].every((t) => t.lastSeenAt !== null), 3_600_000);
  const firstPass = (sim.now() - phaseStart) / 1000;
  const cycleMs = (n / (RATE * 0.8)) * 1000;
  const windowMs = Math.max(30_000, 2 * cycleMs);
  const sampler = stalenessSampler(sim, tasks, (t) => t.lastSeenAt);
  sampler.start();
  await sim.runFor(windowMs / 2);

  // The operator acts in the middle of the storm: a Stop (its own 50/s lane) and a refresh on the busy status lane.
  // Mid-cycle, so the scheduler reads the ended task again (and drops it as done) within the window.
  const victim = tasks.get(`t${Math.floor(n / 2)}`) as BenchTask;
  const stopIssued = sim.now();
  const stopWall = performance.now();
  let stopWallMs = Number.NaN;
  const stopping = client.stopRecord(victim.vendorTaskId, { priority: 'operator' }).then(() => (stopWallMs = performance.now() - stopWall));
  const refreshIssued = sim.now();
  let refreshSentAt = Number.NaN;
  const refreshing = client.describeRecordStatus((tasks.get('t0') as BenchTask).vendorTaskId, { priority: 'operator' }).then(() => (refreshSentAt = sim.now()));
  await sim.runUntil(() => !Number.isNaN(stopWallMs) && !Number.isNaN(refreshSentAt), 10_000);
  await Promise.all([stopping, refreshing]);
  const stopRecord = calls.records.find((r) => r.action === 'StopRecord');
  const stopVirtualMs = (stopRecord?.at ?? Number.NaN) - stopIssued;
  const refreshVirtualMs = refreshSentAt - refreshIssued;
  const emulatorSaw = (await world.sandbox.control('zego', 'get-task', { taskId: victim.vendorTaskId })) as { status: number } | null;

  await sim.runFor(windowMs / 2);
  sampler.stop();
  await scheduler.stop();
  const phaseVirtual = (sim.now() - phaseStart) / 1000;
  const schedulerWall = performance.now() - phaseWall;
  const schedulerRequests = calls.sent('DescribeRecordStatus');
  const schedulerRateLimited = calls.rateLimited('DescribeRecordStatus');
  const p99 = percentile(sampler.samples, 99);
  const max = sampler.samples.reduce((a, b) => Math.max(a, b), 0);
  const target = (1.3 * n) / 10;

  // Naive phase, same Sandbox and tasks: every task every 5 s on a fixed timer, no shared limiter.
  calls.reset();
  const naiveWall = performance.now();
  const naiveClient = world.makeClient({ acquire: async () => {}, recent: () => 0 });
  const naiveStart = sim.now();
  const naiveSeen = new Map<string, number>();
  const live = [...tasks.values()].filter((t) => !t.gone);
  const cancels = live.map((t, i) =>
    sim.clock.setTimer(function first() {
      const fire = (): void => {
        void naiveClient.describeRecordStatus(t.vendorTaskId, { priority: 'background' }).then(
          () => naiveSeen.set(t.id, sim.now()),
          () => {},
        );
      };
      fire();
      cancels[i] = sim.every(NAIVE_PERIOD_MS, fire);
    }, (i / live.length) * NAIVE_PERIOD_MS),
  );
  const naiveSampler = stalenessSampler(sim, tasks, (t) => naiveSeen.get(t.id) ?? naiveStart);
  await sim.runFor(NAIVE_PERIOD_MS);
  naiveSampler.start();
  await sim.runFor(NAIVE_WINDOW_MS - NAIVE_PERIOD_MS);
  naiveSampler.stop();
  for (const c of cancels) c();
  await sim.runFor(0);
  const naiveRequests = calls.sent('DescribeRecordStatus');
  const naiveRateLimited = calls.rateLimited('DescribeRecordStatus');
  const naiveP99 = percentile(naiveSampler.samples, 99);
  const naiveWallMs = performance.now() - naiveWall;

  await world.sandbox.close();
  world.vclock.dispose();

  const pct = (a: number, b: number): string => `${b === 0 ? 0 : ((100 * a) / b).toFixed(1)} %`;
  report({
    figure: `scheduler N=${n}: p99 staleness (max)`,
    value: `${p99.toFixed(1)} s (${max.toFixed(1)} s)`,
    target: `≤ ${target.toFixed(1)} s`,
    how: `bench-local PollSource on the real ZEGO client over HTTP 127.0.0.1, Sandbox virtual clock; each live task sampled every virtual 1 s over ${(windowMs / 1000).toFixed(0)} s after a first pass of ${firstPass.toFixed(0)} s; ${phaseVirtual.toFixed(0)} virtual s in ${(schedulerWall / 1000).toFixed(1)} wall s`,
  });
  report({
    figure: `scheduler N=${n}: rate-limit errors (300000003)`,
    value: `${schedulerRateLimited} of ${schedulerRequests} (${(schedulerRequests / phaseVirtual).toFixed(2)} req/s)`,
    target: '0',
    how: 'emulator answers with Code 300000003 to DescribeRecordStatus during the scheduler phase (pace 80 % of 10/s)',
  });
  report({
    figure: `naive N=${n}: rate-limit errors / p99 staleness`,
    value: `${naiveRateLimited} of ${naiveRequests} (${pct(naiveRateLimited, naiveRequests)}) / ${naiveP99.toFixed(1)} s`,
    target: '— (comparison)',
    how: `same Sandbox and tasks right after: every task every ${NAIVE_PERIOD_MS / 1000} s (phases spread), no limiter, ${NAIVE_WINDOW_MS / 1000} virtual s in ${(naiveWallMs / 1000).toFixed(1)} wall s; staleness sampled after the first round, bounded by the window`,
  });
  report({
    figure: `N=${n}: operator Stop / refresh during the storm`,
    value: `${stopVirtualMs.toFixed(0)} / ${refreshVirtualMs.toFixed(0)} virtual ms (Stop ${stopWallMs.toFixed(1)} wall ms)`,
    target: '≤ 200 ms',
    how: `issue → request sent to the emulator, virtual ms (HTTP costs 0 virtual ms); wall = issue → answer (the bench driver keeps one request on the wire at a time); emulator task status after Stop = ${emulatorSaw?.status ?? 'none'}; refresh = operator DescribeRecordStatus on the polled lane`,
  });
  report({
    figure: `N=${n}: setup`,
    value: `${n} StartRecord in ${(startVirtual / 1000).toFixed(1)} virtual s / ${(startWall / 1000).toFixed(1)} wall s`,
    target: '—',
    how: `StartRecord through the shared limiter (50/s lane), ${startRateLimited} rate-limited; activeTasks after the stopped task settled: ${statuses.at(-1)?.activeTasks ?? '?'} of ${n}`,
  });
}

for (const n of [100, 1000, 2000]) {
  it(`status scheduler against the Sandbox: N = ${n}`, async () => {
    await benchN(n);
  });
}
