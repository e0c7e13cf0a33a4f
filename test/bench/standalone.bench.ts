import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, it } from 'vitest';
import { RecordingRequestSchema, type TaskSummary } from '@contract';
import { createClockSkewStore } from '../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../src-main/vendors/shared/rate-limiter';
import { createZegoClient } from '../../src-main/vendors/zego/client';
import { seeded } from './sim';
import { percentile, renderTable, report } from './table';
import { taskCore } from './world';

const TASKS = 300;
const ENDS = 10;

afterAll(() => {
  process.stdout.write(`\n${renderTable()}\n`);
});

/** `npm run emulator` without its build step (the bench script has just built): its printed endpoint and ZEGO credentials. */
async function standaloneSandbox(): Promise<{ child: ChildProcess; endpoint: string; appId: number; secret: string }> {
  const child = spawn(process.execPath, [`${process.env['RECDECK_OUT_DIR'] ?? 'out'}/main/emulator.js`, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout! });
  const found: Record<string, string> = {};
  for await (const line of lines) {
    const m = /^\s+ZEGO (endpoint|AppId|ServerSecret):\s+(\S+)$/.exec(line);
    if (m) found[m[1] as string] = m[2] as string;
    if (Object.keys(found).length === 3) break;
  }
  return { child, endpoint: found['endpoint'] as string, appId: Number(found['AppId']), secret: found['ServerSecret'] as string };
}

it(`standalone Sandbox, wall clock: ${TASKS} tasks, ends made outside RecDeck`, async () => {
  const sandbox = await standaloneSandbox();
  const core = await taskCore({ now: Date.now, limiter: createRateLimiter() });
  try {
    const storage = await core.services.storage.create({
      name: 'COS', provider: 'tencent-cos', region: 'ap-guangzhou', bucket: 'rec-1250000000', pathPrefix: 'bench',
      secrets: { accessKeyId: 'AKIDbench', accessKeySecret: 'bench-secret' },
    });
    const account = await core.services.accounts.create({
      vendor: 'zego', name: 'Standalone', environment: 'production', endpoint: sandbox.endpoint, fields: { appId: sandbox.appId }, secrets: { serverSecret: sandbox.secret },
    });
    core.scheduler.start();
    const request = RecordingRequestSchema.parse({ roomId: 'standalone-room', maxIdleSec: 3600, maxRecordSec: 86_400, storageTargetId: storage.id });
    const setupStart = Date.now();
    // 8 starts a second: each start's status read goes on the 10/s lane, and on real time a burst at
    // the full rate can cross the emulator's one-second windows unevenly.
    const starting: Array<Promise<TaskSummary>> = [];
    for (let i = 0; i < TASKS; i++) {
      starting.push(core.call('tasks:start', { accountId: account.id, request, startKey: `standalone-${i}` }) as Promise<TaskSummary>);
      if (i % 8 === 7) await new Promise((r) => setTimeout(r, 1_000));
    }
    const started = await Promise.all(starting);
    const setupMs = Date.now() - setupStart;
    await new Promise((r) => setTimeout(r, 3_000));

    const random = seeded(TASKS);
    const victims = [...started].sort(() => random() - 0.5).slice(0, ENDS);
    const ids = new Set(victims.map((t) => t.id));
    const noticed = new Map<string, number>();
    core.onChanged((t) => {
      if (ids.has(t.id) && !noticed.has(t.id) && ['uploading', 'finished'].includes(t.state)) noticed.set(t.id, Date.now());
    });
    const outside = createZegoClient({ baseUrl: sandbox.endpoint, appId: sandbox.appId, serverSecret: sandbox.secret, isTest: null, limiter: createRateLimiter(), skew: createClockSkewStore() });
    const endedAt = new Map<string, number>();
    for (const t of victims) {
      await new Promise((r) => setTimeout(r, 500 + random() * 1_000));
      await outside.stopRecord(t.vendorTaskId as string, { priority: 'operator' });
      endedAt.set(t.id, Date.now());
    }
    const deadline = Date.now() + 15_000;
    while (noticed.size < ENDS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const delays = victims.map((t) => (noticed.get(t.id) ?? Number.POSITIVE_INFINITY) - (endedAt.get(t.id) as number));
    report({
      figure: `standalone Sandbox N=${TASKS}: "ended" noticed, wall clock`,
      value: `${(percentile(delays, 50) / 1000).toFixed(2)} s p50 / ${(Math.max(...delays) / 1000).toFixed(2)} s max`,
      target: '≤ 5 s',
      how: `\`npm run emulator\` (out/main/emulator.js) in its own process on real time; ${TASKS} tasks:start through the real task service and scheduler (${(setupMs / 1000).toFixed(1)} s, 8 a second); ${ENDS} ended by a signed StopRecord from outside RecDeck, one every 0.5–1.5 s; StopRecord answered → the task's uploading/finished row`,
    });
  } finally {
    await core.close();
    sandbox.child.kill('SIGTERM');
  }
});
