import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskSummary } from '@contract';
import type { PollSource, PollTarget } from '../../../src-main/scheduler/types';
import { createClockSkewStore } from '../../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../../src-main/vendors/shared/rate-limiter';
import { createZegoClient } from '../../../src-main/vendors/zego/client';
import { STORAGE } from '../vendors/zego/helpers';
import { MIX, openTaskHarness, request, startKey, type TaskHarness } from './harness';

/**
 * Sweeps through the real task service, ledger and Sandbox: the scheduler's part (pacing) is left
 * out, so each test steps the sweep and the reads itself on the Sandbox's virtual clock.
 */
let h: TaskHarness;
let poll: PollSource;
let key = '';

beforeEach(async () => {
  h = await openTaskHarness({ limiterOnSandboxClock: true });
  poll = h.tasks.pollSource();
  key = `zego:${h.creds.zego.appId}:DescribeTasks`;
});
afterEach(async () => {
  await h.dispose();
});

const now = (): number => h.vendorDeps.now!();

/** A client on the same AppId that is not RecDeck: a script, another desk. */
function outside() {
  return createZegoClient({
    baseUrl: `${h.sandbox.baseUrl}/zego`,
    appId: h.creds.zego.appId,
    serverSecret: h.creds.zego.serverSecret,
    isTest: null,
    limiter: createRateLimiter({ now }),
    skew: createClockSkewStore(),
    now,
  });
}
const op = { priority: 'operator' as const };

/** Someone publishes in the room, so its recordings have files to upload when they end. */
function publish(roomId: string): Promise<unknown> {
  return h.sandbox.control('zego', 'publish-stream', { roomId, streamId: `cam-${roomId}`, userId: 'host' });
}

async function start(roomId: string, mixed = false): Promise<TaskSummary> {
  await publish(roomId);
  const task = await h.tasks.start({
    accountId: h.ids.zego,
    request: request({ roomId, maxIdleSec: 3600, storageTargetId: h.ids.storage, ...(mixed ? { mode: 'mixed', mix: MIX } : {}) }),
    presetId: null,
    startKey: startKey(),
  });
  await h.advance(110);
  return task;
}

/** Runs one whole pass; answers how many pages it read. */
async function pass(): Promise<number> {
  await h.advance(1_000);
  let pages = 0;
  for (;;) {
    const step = await poll.sweep!(key);
    pages += 1;
    if (step.nextAt > now()) return pages;
  }
}

function target(id: string): PollTarget | undefined {
  return poll.targets().find((t) => t.id === id);
}

function statusReads(id: string): number {
  return h.tasks.get(id).exchanges.filter((e) => e.action === 'DescribeRecordStatus').length;
}

describe('sweeping the ZEGO task list', () => {
  it('confirms listed tasks without a status read, and moves a task the list shows paused', async () => {
    const a = await start('room-a', true);
    const b = await start('room-b');
    await h.advance(1_500);
    expect(await pass()).toBe(1);
    expect([h.tasks.get(a.id).task.state, h.tasks.get(b.id).task.state]).toEqual(['recording', 'recording']);
    const reads = statusReads(b.id);
    const before = h.tasks.get(b.id).task.lastSeenAt ?? 0;
    await pass();
    expect(statusReads(b.id)).toBe(reads);
    expect(h.tasks.get(b.id).task.lastSeenAt).toBeGreaterThan(before);
    await outside().pauseRecord(a.vendorTaskId!, op);
    await pass();
    const paused = h.tasks.get(a.id);
    expect(paused.task.state).toBe('paused');
    expect(paused.events.at(-1)).toMatchObject({ source: 'poll', kind: 'state-changed', state: 'paused' });
    expect([target(a.id)?.dueAt, target(b.id)?.dueAt]).toEqual([null, null]);
  });

  it('asks for a read of a task missing from the list, and that read ends it', async () => {
    const a = await start('room-a');
    const b = await start('room-b');
    await h.advance(1_500);
    await pass();
    await outside().stopRecord(a.vendorTaskId!, op);
    await pass();
    expect(target(a.id)?.dueAt).toEqual(expect.any(Number));
    expect(target(b.id)?.dueAt).toBeNull();
    expect(await poll.poll(a.id)).toBe('changed');
    expect(h.tasks.get(a.id).task.state).toBe('uploading');
    // Files pending: the uploading task is polled by the intervals until its files settle.
    expect(target(a.id)).not.toHaveProperty('dueAt');
  });

  it('reads a task that went missing only because the pages shifted, and keeps it recording', async () => {
    const tasks: TaskSummary[] = [];
    for (let i = 0; i < 75; i++) tasks.push(await start(`room-${i}`));
    await h.advance(1_500);
    expect(await pass()).toBe(2);
    // Newest first: page 1 holds tasks 74…25, page 2 tasks 24…0. Page 1 is read, then task 60 ends,
    // so task 24 moves up to page 1 and page 2 starts at task 23.
    await h.advance(1_000);
    expect((await poll.sweep!(key)).nextAt).toBe(now());
    await outside().stopRecord(tasks[60]!.vendorTaskId!, op);
    expect((await poll.sweep!(key)).outcome).toBe('changed');
    const asked = poll.targets().filter((t) => typeof t.dueAt === 'number').map((t) => t.id);
    expect(asked).toEqual([tasks[24]!.id]);
    // The read brings its files (the list has none) and leaves it recording.
    expect(await poll.poll(tasks[24]!.id)).toBe('changed');
    expect(h.tasks.get(tasks[24]!.id).task).toMatchObject({ state: 'recording', fileCount: 1 });
    expect(target(tasks[24]!.id)?.dueAt).toBeNull();
    await pass();
    expect(poll.targets().filter((t) => typeof t.dueAt === 'number').map((t) => t.id)).toEqual([tasks[60]!.id]);
  });

  it('reads a task the shifted pages skipped once in a pass, not again on every later page', async () => {
    const tasks: TaskSummary[] = [];
    for (let i = 0; i < 125; i++) tasks.push(await start(`room-${i}`));
    await h.advance(1_500);
    expect(await pass()).toBe(3);
    // Pages hold tasks 124…75, 74…25 and 24…0. Page 1 is read, then task 100 ends: task 74 moves up to page 1.
    await h.advance(1_000);
    await poll.sweep!(key);
    await outside().stopRecord(tasks[100]!.vendorTaskId!, op);
    await poll.sweep!(key);
    const asked = (): string[] => poll.targets().filter((t) => typeof t.dueAt === 'number').map((t) => t.id);
    expect(asked()).toEqual([tasks[74]!.id]);
    expect(await poll.poll(tasks[74]!.id)).toBe('changed');
    expect(h.tasks.get(tasks[74]!.id).task.state).toBe('recording');
    // Page 3 and the pass's end miss task 74 as well: its read already answered that.
    expect((await poll.sweep!(key)).nextAt).toBeGreaterThan(now());
    expect(asked()).toEqual([]);
    // The next pass lists task 74 again and misses task 100, which ended.
    await pass();
    expect(asked()).toEqual([tasks[100]!.id]);
    expect(statusReads(tasks[74]!.id)).toBe(2);
  });

  it('asks again for a task read in the very millisecond before the list showed it missing', async () => {
    const a = await start('room-a');
    await start('room-b');
    await h.advance(1_500);
    await pass();
    await h.advance(1_000);
    const readAt = now();
    expect(await poll.poll(a.id)).toBe('changed');
    await outside().stopRecord(a.vendorTaskId!, op);
    await poll.sweep!(key);
    // A read that began at or after dueAt answers it; the one at readAt was sent before the stop.
    expect(target(a.id)?.dueAt).toBeGreaterThan(readAt);
    await h.advance(1);
    expect(await poll.poll(a.id)).toBe('changed');
    expect(h.tasks.get(a.id).task.state).toBe('uploading');
    expect(target(a.id)).not.toHaveProperty('dueAt');
  });

  it('learns that the list leaves paused tasks out, and then polls paused tasks itself', async () => {
    await h.sandbox.control('zego', 'configure', { listsPaused: false });
    const a = await start('room-a', true);
    await start('room-b');
    await h.advance(1_500);
    await pass();
    await h.tasks.pause(a.id);
    for (let round = 0; round < 2; round++) {
      await pass();
      expect(target(a.id)?.dueAt).toEqual(expect.any(Number));
      expect(await poll.poll(a.id)).toBe('unchanged');
    }
    await pass();
    expect(target(a.id)).not.toHaveProperty('dueAt');
    expect(h.tasks.get(a.id).task.state).toBe('paused');
  });

  it('hands a lane back to per-task polling when its sweeps stop finishing', async () => {
    const a = await start('room-a');
    await pass();
    expect(target(a.id)?.dueAt).toBeNull();
    await h.advance(31_000);
    expect(target(a.id)).not.toHaveProperty('dueAt');
    await pass();
    expect(target(a.id)?.dueAt).toBeNull();
  });

  it('says its account is unreachable when the list cannot be read (the scheduler pauses that account alone), and throttled when the vendor says so', async () => {
    await h.advance(1_000);
    await h.sandbox.injectFault({ vendor: 'zego', kind: 'reset', count: 100 });
    expect((await poll.sweep!(key)).outcome).toBe('unreachable');
    h.sandbox.clearFaults();
    await h.advance(1_000);
    await h.sandbox.injectFault({ vendor: 'zego', kind: 'rate-limit-storm', count: 100 });
    expect((await poll.sweep!(key)).outcome).toBe('rate-limited');
    h.sandbox.clearFaults();
  });

  it('reads a task the operator watches every 2 s, until the watch ends', async () => {
    const a = await start('room-a');
    await pass();
    await h.advance(2_000);
    expect(h.tasks.watch(a.id, true).until).toBe(now() + 30_000);
    expect(target(a.id)?.dueAt).toBeLessThanOrEqual(now());
    await poll.poll(a.id);
    expect(target(a.id)?.dueAt).toBe(now() + 2_000);
    expect(h.tasks.watch(a.id, false).until).toBeNull();
    expect(target(a.id)?.dueAt).toBeNull();
  });
});

describe('foreign tasks', () => {
  it('finds a task RecDeck did not start, adopts it with a timeline, and stops it like any other', async () => {
    await start('room-ours');
    await publish('room-script');
    const { taskId } = await outside().startRecord(request({ roomId: 'room-script', maxIdleSec: 3600 }), STORAGE, { ...op, clientTaskId: null });
    await h.advance(1_500);
    await pass();
    const [found] = h.tasks.foreign.list();
    expect(found).toMatchObject({ vendor: 'zego', accountId: h.ids.zego, accountName: 'Z', vendorTaskId: taskId, roomId: 'room-script', state: 'recording', rawStatus: '2', dismissed: false });
    expect(h.tasks.foreign.list()).toHaveLength(1);
    expect(h.foreign.map((list) => list.map((f) => f.roomId))).toEqual([['room-script']]);

    const adopted = await h.tasks.foreign.adopt(found!.id);
    expect(adopted).toMatchObject({ vendorTaskId: taskId, roomId: 'room-script', state: 'recording', mode: 'single' });
    const detail = h.tasks.get(adopted.id);
    expect(detail.events[0]?.summary).toContain('adopted: started outside RecDeck');
    expect(detail.exchanges.map((e) => e.action)).toEqual(['DescribeRecordStatus']);
    expect(h.tasks.foreign.list()).toEqual([]);
    await pass();
    expect(h.tasks.foreign.list()).toEqual([]);
    expect((await h.tasks.stop(adopted.id)).state).toBe('uploading');
    expect(((await h.sandbox.control('zego', 'get-task', { taskId })) as { status: number }).status).toBe(3);
  });

  it('keeps a dismissed task discoverable while it runs, and drops it after two passes without it', async () => {
    const client = outside();
    const { taskId } = await client.startRecord(request({ roomId: 'room-desk2', maxIdleSec: 3600 }), STORAGE, { ...op, clientTaskId: null });
    await h.advance(1_500);
    await pass();
    const id = h.tasks.foreign.list()[0]!.id;
    expect(h.tasks.foreign.dismiss(id, true).dismissed).toBe(true);
    await pass();
    expect(h.tasks.foreign.list().map((f) => [f.id, f.dismissed])).toEqual([[id, true]]);
    expect(h.tasks.foreign.dismiss(id, false).dismissed).toBe(false);
    await client.stopRecord(taskId, op);
    await pass();
    expect(h.tasks.foreign.list()).toHaveLength(1);
    await pass();
    expect(h.tasks.foreign.list()).toEqual([]);
    await expect(h.tasks.foreign.adopt(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('does not take a start of its own whose answer is still on its way for a foreign task', async () => {
    await h.sandbox.injectFault({ vendor: 'zego', kind: 'delay', count: 1, ms: 200 });
    const starting = h.tasks.start({ accountId: h.ids.zego, request: request({ roomId: 'room-slow', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    await new Promise((r) => setTimeout(r, 100));
    await pass();
    expect(h.tasks.foreign.list()).toEqual([]);
    await starting;
  });
});
