import { afterEach, describe, expect, it } from 'vitest';
import type { ZegoEmulatorOptions } from '../../../../src-main/emulator/zego';
import { zegoAdapter } from '../../../../src-main/vendors/zego/adapter';
import { createClockSkewStore } from '../../../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../../../src-main/vendors/shared/rate-limiter';
import type { ClockSkewStore } from '../../../../src-main/vendors/shared/http';
import { APP_ID, SECRET, STORAGE, request, zegoSandbox } from './helpers';

type Env = Awaited<ReturnType<typeof zegoSandbox>>;
const op = { priority: 'operator' as const };
const DAY = 86_400_000;

let env: Env | null = null;
afterEach(async () => {
  await env?.close();
  env = null;
});

async function open(options: Partial<ZegoEmulatorOptions> = {}, skew: ClockSkewStore = createClockSkewStore()) {
  env = await zegoSandbox(options);
  const e = env;
  const connection = zegoAdapter.connect(
    { id: 'acc', vendor: 'zego', name: 'Z', environment: 'production', endpoint: null, fields: { appId: APP_ID, regionHost: 'x' }, secrets: { serverSecret: SECRET } } as never,
    `${e.sandbox.baseUrl}/zego`,
    { limiter: createRateLimiter({ now: e.clock.now }), skew, timeoutMs: 2000, now: e.clock.now },
  );
  const client = e.client();
  const start = async (roomId: string) => (await client.startRecord(request({ roomId, maxIdleSec: 3600 }), STORAGE, { ...op, clientTaskId: null })).taskId;
  return { e, connection, start };
}

describe('ZEGO sweeps: the list of tasks in progress', () => {
  it('lists every task in progress newest first, 50 a page, with the state each row tells', async () => {
    const { e, connection, start } = await open();
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      ids.push(await start(`room-${i}`));
      await e.clock.advance(25);
    }
    await e.clock.advance(1500);
    const first = await connection.listOpenTasks!({ page: 1, asOf: e.clock.now() }, op);
    const second = await connection.listOpenTasks!({ page: 2, asOf: e.clock.now() }, op);
    expect({ total: first.total, sizes: [first.tasks.length, second.tasks.length], pageSize: first.pageSize }).toEqual({ total: 60, sizes: [50, 10], pageSize: 50 });
    expect([...first.tasks, ...second.tasks].map((t) => t.vendorTaskId)).toEqual([...ids].reverse());
    expect(first.tasks[0]).toEqual({ vendorTaskId: ids[59], roomId: 'room-59', startedAt: expect.any(Number), rawStatus: '2', state: 'recording' });
  });

  it('keeps one window for a whole sweep: pages asked 9 minutes later with the same asOf are still accepted', async () => {
    const { e, connection, start } = await open();
    await start('room-old');
    await e.clock.advance(3 * DAY - 60_000);
    await start('room-new');
    const asOf = e.clock.now();
    await e.clock.advance(9 * 60_000);
    // room-old began 3 days before asOf: outside the window, which starts inside the 3 days.
    expect((await connection.listOpenTasks!({ page: 1, asOf }, op)).tasks.map((t) => t.roomId)).toEqual(['room-new']);
    await e.clock.advance(2 * 60_000);
    expect((await connection.listOpenTasks!({ page: 1, asOf }, op).catch((x: { code: string }) => x.code))).toBe('VENDOR_INVALID_PARAMETER');
  });

  it('puts the window on the vendor’s clock when a signature correction found a skew', async () => {
    const skew = createClockSkewStore();
    const { e, connection, start } = await open({}, skew);
    await e.sandbox.injectFault({ vendor: 'zego', kind: 'clock-skew', offsetSeconds: -1800 });
    skew.set(`${e.sandbox.baseUrl}/zego`, -1800);
    try {
      await start('room-skew');
      expect((await connection.listOpenTasks!({ page: 1, asOf: e.clock.now() }, op)).tasks.map((t) => t.roomId)).toEqual(['room-skew']);
    } finally {
      await e.sandbox.injectFault({ vendor: 'zego', kind: 'clock-skew', offsetSeconds: 0 });
    }
  });

  it('reads the TaskList key as well as TaskidList, and a paused row as paused', async () => {
    const { e, connection } = await open({ listKey: 'TaskList' });
    const client = e.client();
    const { taskId } = await client.startRecord(
      request({ roomId: 'room-p', mode: 'mixed', mix: { width: 640, height: 360, fps: 15, bitrateBps: 500_000, outputStreamId: 'mx' }, maxIdleSec: 3600 }),
      STORAGE,
      { ...op, clientTaskId: null },
    );
    await e.clock.advance(1500);
    await client.pauseRecord(taskId, op);
    expect((await connection.listOpenTasks!({ page: 1, asOf: e.clock.now() }, op)).tasks).toMatchObject([{ vendorTaskId: taskId, rawStatus: '5', state: 'paused' }]);
  });

  it('leaves paused tasks out when the emulator is told the list omits them', async () => {
    const { e, connection } = await open({ listsPaused: false });
    const client = e.client();
    const { taskId } = await client.startRecord(
      request({ roomId: 'room-q', mode: 'mixed', mix: { width: 640, height: 360, fps: 15, bitrateBps: 500_000, outputStreamId: 'mx' }, maxIdleSec: 3600 }),
      STORAGE,
      { ...op, clientTaskId: null },
    );
    await e.clock.advance(1500);
    await client.pauseRecord(taskId, op);
    expect((await connection.listOpenTasks!({ page: 1, asOf: e.clock.now() }, op)).tasks).toEqual([]);
  });

  it('names the list lane apart from the status lane, and builds the request of an adopted task from its status', () => {
    const account = { environment: 'production', fields: { appId: APP_ID } };
    expect(zegoAdapter.sweepLane!(account)).toEqual({ laneKey: `zego:${APP_ID}:DescribeTasks`, ratePerSecond: 10 });
    expect(zegoAdapter.pollLane(account)?.laneKey).toBe(`zego:${APP_ID}:DescribeRecordStatus`);
    const status = { state: 'recording' as const, rawStatus: '2', startedAt: 1, endedAt: null, finishReason: null, files: [], extra: { recordMode: 2 } };
    expect(zegoAdapter.adoptedRequest!('room-x', status)).toMatchObject({ roomId: 'room-x', mode: 'mixed', mix: null });
    expect(zegoAdapter.adoptedRequest!('room-y', { ...status, extra: { recordMode: 1 } }).mode).toBe('single');
  });
});
