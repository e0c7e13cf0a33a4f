import { describe, expect, it } from 'vitest';
import { msg, type EventChannel, type TaskSummary } from '@contract';
import { createEventBatcher } from '../../../src-main/events/event-batcher';
import { createEventBus } from '../../../src-main/events/event-bus';
import { manualClock } from './manual-clock';

function summary(id: string, rawStatus: string): TaskSummary {
  return {
    id,
    vendor: 'zego',
    accountId: 'a1',
    accountName: 'Sandbox · ZEGO',
    roomId: 'room',
    vendorTaskId: `v-${id}`,
    mode: 'single',
    state: 'recording',
    rawStatus,
    createdAt: 0,
    startedAt: 0,
    endedAt: null,
    updatedAt: 0,
    lastSeenAt: null,
    forgotten: false,
    finishReason: null,
    fileCount: 0,
    filesUploaded: 0,
    filesFailed: 0,
    error: null,
    maxIdleSec: null,
    maxRecordSec: null,
    deskName: null,
  };
}

function setup() {
  const time = manualClock();
  const bus = createEventBus();
  const received: Array<{ at: number; event: EventChannel; payload: unknown }> = [];
  bus.subscribe((event, payload) => received.push({ at: time.now(), event, payload }));
  const batcher = createEventBatcher(bus, { maxPerSecond: 10, clock: time.clock });
  return { time, batcher, received };
}

function peakPerSecond(times: readonly number[]): number {
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= 1000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

type Batch = { tasks: TaskSummary[]; removed: string[] };

describe('event batcher', () => {
  it('sends at most 10 messages a second while 1000 tasks change every 10 ms, and the latest summary wins', async () => {
    const { time, batcher, received } = setup();
    const last = new Map<string, string>();
    for (let step = 0; step < 500; step++) {
      for (let k = 0; k < 20; k++) {
        const id = `t${(step * 20 + k) % 1000}`;
        last.set(id, `s${step}`);
        batcher.emit('tasks:changed', { tasks: [summary(id, `s${step}`)], removed: [] });
      }
      await time.advance(10);
    }
    await time.advance(1_000);
    expect(peakPerSecond(received.map((r) => r.at))).toBeLessThanOrEqual(10);
    expect(received.length).toBeGreaterThanOrEqual(45);
    const seen = new Map<string, string>();
    for (const r of received) for (const t of (r.payload as Batch).tasks) seen.set(t.id, t.rawStatus);
    expect(seen).toEqual(last);
    expect(received.every((r) => r.event === 'tasks:changed')).toBe(true);
  });

  it('sends the first change after a quiet spell at once and folds the next ones into one batch', async () => {
    const { time, batcher, received } = setup();
    batcher.emit('tasks:changed', { tasks: [summary('a', '1')], removed: [] });
    expect(received).toHaveLength(1);
    batcher.emit('tasks:changed', { tasks: [summary('a', '2')], removed: [] });
    batcher.emit('tasks:changed', { tasks: [summary('b', '1')], removed: [] });
    batcher.emit('tasks:changed', { tasks: [summary('a', '3')], removed: [] });
    expect(received).toHaveLength(1);
    await time.advance(100);
    expect(received).toHaveLength(2);
    const batch = received[1]?.payload as Batch;
    expect(batch.tasks.map((t) => [t.id, t.rawStatus])).toEqual([
      ['a', '3'],
      ['b', '1'],
    ]);
  });

  it('lets a removal cancel a pending summary and a later summary cancel the removal', async () => {
    const { time, batcher, received } = setup();
    batcher.emit('tasks:changed', { tasks: [summary('x', '0')], removed: [] });
    batcher.emit('tasks:changed', { tasks: [summary('a', '1'), summary('b', '1')], removed: [] });
    batcher.emit('tasks:changed', { tasks: [], removed: ['a', 'b'] });
    batcher.emit('tasks:changed', { tasks: [summary('b', '2')], removed: [] });
    await time.advance(100);
    expect(received[1]?.payload).toEqual({ tasks: [summary('b', '2')], removed: ['a'] });
  });

  it('sends an alert ahead of a waiting batch, and alerts count toward the 10 a second', async () => {
    const { time, batcher, received } = setup();
    batcher.emit('tasks:changed', { tasks: [summary('a', '1')], removed: [] });
    batcher.emit('tasks:changed', { tasks: [summary('a', '2')], removed: [] });
    const alert = { taskId: 'a', roomId: 'r', vendor: 'zego' as const, accountName: 'A', kind: 'failed' as const, message: msg('alert.failed'), at: 1 };
    batcher.emit('tasks:alerted', alert);
    expect(received.map((r) => r.event)).toEqual(['tasks:changed', 'tasks:alerted']);
    for (let i = 0; i < 15; i++) batcher.emit('tasks:alerted', { ...alert, taskId: `t${i}`, at: i + 2 });
    await time.advance(3_000);
    const times = received.map((r) => r.at);
    expect(peakPerSecond(times)).toBeLessThanOrEqual(10);
    expect(received.filter((r) => r.event === 'tasks:alerted')).toHaveLength(16);
    expect(received.filter((r) => r.event === 'tasks:changed')).toHaveLength(2);
    expect(received.at(-1)?.event).toBe('tasks:changed');
  });

  it('lets a change through once the window frees after 600 pings (not 60 s later), and an alert ahead of it', async () => {
    const { time, batcher, received } = setup();
    for (let i = 0; i < 600; i++) batcher.emit('app:pinged', { at: i });
    for (let i = 0; i < 5; i++) batcher.emit('accounts:changed', { kind: 'account' });
    batcher.emit('tasks:changed', { tasks: [summary('a', 'after-pings')], removed: [] });
    const alert = { taskId: 'a', roomId: 'r', vendor: 'zego' as const, accountName: 'A', kind: 'failed' as const, message: msg('alert.failed'), at: 1 };
    batcher.emit('tasks:alerted', alert);
    const sentBefore = received.length;
    await time.advance(1_200);
    const later = received.slice(sentBefore);
    const pings = received.filter((r) => r.event === 'app:pinged');
    expect({
      next: later[0]?.event,
      changeWithin1200ms: later.some((r) => r.event === 'tasks:changed' && (r.payload as Batch).tasks[0]?.rawStatus === 'after-pings'),
      lastPing: pings.at(-1)?.payload,
      accountsChanged: received.filter((r) => r.event === 'accounts:changed').length,
    }).toEqual({ next: 'tasks:alerted', changeWithin1200ms: true, lastPing: { at: 599 }, accountsChanged: 1 });
    await time.advance(5_000);
    expect(received.filter((r) => r.event === 'app:pinged').length).toBeLessThanOrEqual(11);
  });

  it('keeps only the newest of repeated alerts for one task and kind while they wait', async () => {
    const { time, batcher, received } = setup();
    const alert = (taskId: string, at: number) => ({ taskId, roomId: 'r', vendor: 'zego' as const, accountName: 'A', kind: 'upload-failed' as const, message: msg('alert.uploadFailed'), at });
    for (let i = 0; i < 10; i++) batcher.emit('tasks:alerted', alert(`t${i}`, 0));
    for (let at = 1; at <= 50; at++) batcher.emit('tasks:alerted', alert('t0', at));
    batcher.emit('tasks:alerted', alert('t1', 99));
    await time.advance(2_000);
    const waited = received.slice(10).map((r) => [(r.payload as { taskId: string }).taskId, (r.payload as { at: number }).at]);
    expect(waited).toEqual([
      ['t0', 50],
      ['t1', 99],
    ]);
  });

  it('keeps only the latest scheduler:changed while the window is full', async () => {
    const { time, batcher, received } = setup();
    const alert = { taskId: 'a', roomId: 'r', vendor: 'zego' as const, accountName: 'A', kind: 'lost' as const, message: msg('alert.lostInterrupted'), at: 1 };
    for (let i = 0; i < 10; i++) batcher.emit('tasks:alerted', alert);
    for (let n = 0; n < 5; n++) batcher.emit('scheduler:changed', { activeTasks: n, accounts: [] });
    await time.advance(2_000);
    const status = received.filter((r) => r.event === 'scheduler:changed');
    expect(status.map((r) => r.payload)).toEqual([{ activeTasks: 4, accounts: [] }]);
  });

  it('drops what is waiting once closed', async () => {
    const { time, batcher, received } = setup();
    batcher.emit('tasks:changed', { tasks: [summary('a', '1')], removed: [] });
    batcher.emit('tasks:changed', { tasks: [summary('a', '2')], removed: [] });
    batcher.close();
    await time.advance(1_000);
    expect(received).toHaveLength(1);
  });

  it('keeps the latest foreign-task list, and the latest progress of each export apart', async () => {
    const { time, batcher, received } = setup();
    for (let i = 0; i < 12; i++) batcher.emit('app:pinged', { at: i });
    const job = (id: string, rows: number, state: 'running' | 'done') => ({ id, format: 'csv' as const, fileName: 'f.csv', state, rows, total: 9, savedTo: null, error: null });
    batcher.emit('history:exportChanged', job('e1', 3, 'running'));
    batcher.emit('history:exportChanged', job('e2', 4, 'running'));
    batcher.emit('history:exportChanged', job('e1', 9, 'done'));
    batcher.emit('foreign:changed', { tasks: [] });
    batcher.emit('foreign:changed', { tasks: [] });
    await time.advance(3_000);
    const exports = received.filter((r) => r.event === 'history:exportChanged').map((r) => r.payload as { id: string; state: string });
    expect({
      exports: exports.map((j) => `${j.id}:${j.state}`),
      foreign: received.filter((r) => r.event === 'foreign:changed').length,
    }).toEqual({ exports: ['e1:done', 'e2:running'], foreign: 1 });
  });
});
