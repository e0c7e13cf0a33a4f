import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ForeignTask, InvokeChannel, OutputOf, RawInputOf, TaskSummary, VendorId } from '@contract';
import { createAccountServices } from '../../src-main/accounts';
import { createVirtualClock } from '../../src-main/emulator/clock';
import type { Clock } from '../../src-main/events/clock';
import { createSandbox, generateSandboxCredentials, registerSandboxApps, sandboxEmulators, type EmulatorFactory } from '../../src-main/emulator/index';
import { createDispatch, type Handlers } from '../../src-main/ipc/dispatch';
import { taskHandlers } from '../../src-main/ipc/handlers/tasks';
import { createLogger } from '../../src-main/logging/logger';
import { createScheduler } from '../../src-main/scheduler/scheduler';
import { createVault } from '../../src-main/secrets/vault';
import { openDatabase } from '../../src-main/store/db';
import { createTaskService } from '../../src-main/tasks';
import { createConnectionCache } from '../../src-main/vendors/connections';
import { createClockSkewStore } from '../../src-main/vendors/shared/http';
import { createRateLimiter, type RateLimiter } from '../../src-main/vendors/shared/rate-limiter';
import { simTime, type Sim } from './sim';

/** One answer of the emulator, as far as the figures need it. */
export interface Answer {
  vendor: VendorId;
  action: string;
  at: number;
  /** The task the request named, or the task a start created. */
  taskId: string | null;
  rateLimited: boolean;
}

/** Actions whose every answer is kept (the rest are only counted). */
const KEPT = new Set(['StartRecord', 'StopRecord', 'StartOnlineRecord', 'StopOnlineRecord']);

function parse(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Every answer of the emulators: counts by action, rate-limit errors, and the starts and stops themselves. */
export function answerLog() {
  const counts = new Map<string, number>();
  const limited = new Map<string, number>();
  const kept: Answer[] = [];
  return {
    kept,
    count: (action: string) => counts.get(action) ?? 0,
    rateLimited: () => [...limited.values()].reduce((a, b) => a + b, 0),
    reset() {
      counts.clear();
      limited.clear();
    },
    record(a: Answer) {
      counts.set(a.action, (counts.get(a.action) ?? 0) + 1);
      if (a.rateLimited) limited.set(a.action, (limited.get(a.action) ?? 0) + 1);
      if (KEPT.has(a.action)) kept.push(a);
    },
  };
}

type AnswerLog = ReturnType<typeof answerLog>;

/** Wraps an emulator so every answer is logged with its virtual time and leaves the simulated wire. */
function observed(factory: EmulatorFactory, sim: Sim, log: AnswerLog): EmulatorFactory {
  return (ctx) => {
    const emulator = factory(ctx);
    return {
      ...emulator,
      async handle(req) {
        const res = await emulator.handle(req);
        const body = parse(req.rawBody.toString('utf8'));
        const answer = parse(res.body);
        const tc = (answer['Response'] ?? {}) as Record<string, unknown>;
        const zegoData = (answer['Data'] ?? {}) as Record<string, unknown>;
        const action = emulator.id === 'zego' ? (req.url.searchParams.get('Action') ?? '') : (req.headers['x-tc-action'] ?? '');
        const taskId = body['TaskId'] ?? zegoData['TaskId'] ?? tc['TaskId'] ?? null;
        const code = emulator.id === 'zego' ? answer['Code'] : (tc['Error'] as { Code?: string } | undefined)?.Code;
        log.record({ vendor: emulator.id, action, at: ctx.clock.now(), taskId: typeof taskId === 'string' ? taskId : null, rateLimited: code === 300000003 || code === 'RequestLimitExceeded' });
        sim.answered();
        return res;
      },
    };
  };
}

/** The task service, scheduler and ledger as the core builds them (a SQLite file, session vault), on the given time. */
export async function taskCore(options: { now: () => number; clock?: Clock; limiter: RateLimiter }) {
  const dir = mkdtempSync(join(tmpdir(), 'recdeck-bench-'));
  const db = openDatabase(join(dir, 'recdeck.sqlite'));
  const log = createLogger((l) => process.env['BENCH_LOG'] && process.stderr.write(`${JSON.stringify(l)}\n`));
  const vault = await createVault({ log, env: { RECDECK_KEYCHAIN: 'session' } });
  const vendorDeps = { limiter: options.limiter, skew: createClockSkewStore(), timeoutMs: 60_000, now: options.now };
  const connections = createConnectionCache({ vendorDeps, loadCredentials: (id, require) => services.accounts.getAccountCredentials(id, { require }) });
  const services = createAccountServices({ db, vault, log, now: options.now, onAccountChanged: (id) => connections.drop(id) });
  const changeListeners: Array<(s: TaskSummary) => void> = [];
  const foreignListeners: Array<(list: ForeignTask[]) => void> = [];
  const tasks = createTaskService({
    db,
    accounts: services,
    connections,
    log,
    now: options.now,
    emitChanged: (s) => changeListeners.forEach((l) => l(s)),
    emitAlert: () => undefined,
    emitForeign: (list) => foreignListeners.forEach((l) => l(list)),
  });
  const scheduler = createScheduler({
    source: tasks.pollSource(),
    limiter: options.limiter,
    ...(options.clock ? { clock: options.clock } : {}),
    pace: () => 'normal',
    onPollError: (id, e) => log.error('bench.poll', { id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }),
  });
  const dispatch = createDispatch(taskHandlers({ tasks }) as Handlers, log);
  return {
    services,
    tasks,
    scheduler,
    async call<C extends InvokeChannel>(channel: C, input: RawInputOf<C>): Promise<OutputOf<C>> {
      const r = await dispatch(channel, input, { host: 'web', trusted: true, senderId: 'bench' });
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value as OutputOf<C>;
    },
    onChanged: (l: (s: TaskSummary) => void) => changeListeners.push(l),
    onForeign: (l: (list: ForeignTask[]) => void) => foreignListeners.push(l),
    async close() {
      await scheduler.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The real task service, scheduler and ledger against the Sandbox on a virtual clock, driven by
 * {@link simTime}: what the core builds, minus the hosts, with the scheduler and the limiter on the
 * simulated clock and every channel through the real dispatch.
 */
export async function openWorld() {
  const vclock = createVirtualClock({ speed: 0 });
  const sim = simTime(vclock);
  const answers = answerLog();
  const sandbox = await createSandbox({ clock: vclock, emulators: sandboxEmulators().map((f) => observed(f, sim, answers)) });
  const creds = generateSandboxCredentials();
  await registerSandboxApps(sandbox, creds);
  await sandbox.control('zego', 'configure', { concurrencyCap: 10_000 });
  await sandbox.control('zego', 'publish-stream', { roomId: 'bench-room', streamId: 's1', userId: 'u1' });
  const core = await taskCore({ now: sim.now, clock: sim.clock, limiter: sim.track(createRateLimiter({ now: sim.now, setTimer: sim.clock.setTimer })) });

  const endpoint = (v: VendorId): string => `${sandbox.baseUrl}/${v}`;
  const storage = await core.services.storage.create({
    name: 'COS', provider: 'tencent-cos', region: 'ap-guangzhou', bucket: 'rec-1250000000', pathPrefix: 'bench',
    secrets: { accessKeyId: 'AKIDbench', accessKeySecret: 'bench-secret' },
  });
  const zego = await core.services.accounts.create({
    vendor: 'zego', name: 'Z', environment: 'production', endpoint: endpoint('zego'), fields: { appId: creds.zego.appId }, secrets: { serverSecret: creds.zego.serverSecret },
  });
  const tiwCreds = creds['tencent-tiw'];
  const tiw = await core.services.accounts.create({
    vendor: 'tencent-tiw', name: 'T', endpoint: endpoint('tencent-tiw'), fields: { sdkAppId: tiwCreds.sdkAppId, region: 'ap-singapore' },
    secrets: { secretId: tiwCreds.secretId, secretKey: tiwCreds.secretKey, sdkSecretKey: tiwCreds.sdkSecretKey },
  });

  return {
    ...core,
    sim,
    sandbox,
    creds,
    answers,
    ids: { zego: zego.id, tiw: tiw.id, storage: storage.id },
    /** A limiter of its own, for a client outside RecDeck (on the same simulated wire). */
    outsideLimiter: (): RateLimiter => sim.track(createRateLimiter({ now: sim.now, setTimer: sim.clock.setTimer })),
    async close() {
      await core.close();
      await sandbox.close();
      vclock.dispose();
    },
  };
}

/** See {@link openWorld}. */
export type World = Awaited<ReturnType<typeof openWorld>>;
