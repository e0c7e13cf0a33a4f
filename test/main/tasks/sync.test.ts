import { msg, trroMsg } from '@contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, openTaskHarness, request, startKey, type TaskHarness } from './harness';

let h: TaskHarness;
beforeEach(async () => {
  h = await openTaskHarness();
});
afterEach(async () => {
  await h.dispose();
});

describe('the callback sink', () => {
  it('ignores a duplicate, never moves a terminal task backwards, and knows unknown tasks', async () => {
    const t = await h.tasks.start({ accountId: h.ids.trro, request: request({ roomId: 'device-2', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    const sink = h.tasks.callbackSink();
    const base = { vendor: 'tencent-trro' as const, accountId: h.ids.trro, vendorTaskId: t.vendorTaskId!, raw: {} };
    const at = h.sandbox.clock.now();
    const done = { ...base, dedupeKey: 'k-305', at: at + 5000, message: msg('timeline.callbackUnknown', { event: 'callback 305' }), patch: { state: 'finished' as const, rawStatus: '305' } };
    expect(await sink.deliver(done)).toBe('merged');
    const count = h.tasks.get(t.id).events.length;
    expect(await sink.deliver(done)).toBe('duplicate');
    expect(h.tasks.get(t.id).events.length).toBe(count);
    expect(await sink.deliver({ ...base, dedupeKey: 'k-301', at, message: msg('timeline.callbackUnknown', { event: 'callback 301 (late)' }), patch: { state: 'recording', rawStatus: '301' } })).toBe('merged');
    expect(h.tasks.get(t.id).task).toMatchObject({ state: 'finished', rawStatus: '305' });
    expect(await sink.deliver({ ...base, vendorTaskId: 'nope', dedupeKey: 'k', at, message: msg('timeline.callbackUnknown', { event: 's' }), patch: {} })).toBe('unknown-task');
  });

  it('parks a callback that outruns the start answer and merges it once the start records the task id', async () => {
    await h.sandbox.injectFault({ vendor: 'tencent-trro', kind: 'delay', ms: 400, afterProcessing: true });
    const starting = h.tasks.start({ accountId: h.ids.trro, request: request({ roomId: 'device-early', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    let vendorTaskId: string | undefined;
    while (!vendorTaskId) {
      vendorTaskId = ((await h.sandbox.control('tencent-trro', 'tasks', {})) as Array<{ taskId: string }>)[0]?.taskId;
      await new Promise((r) => setTimeout(r, 10));
    }
    const sink = h.tasks.callbackSink();
    const at = h.sandbox.clock.now();
    const early = { vendor: 'tencent-trro' as const, accountId: h.ids.trro, vendorTaskId, dedupeKey: `${at}:301`, at, message: trroMsg('vendor.tencent-trro.callback.started'), patch: {}, raw: { EventType: 301 } };
    const parked = await sink.deliver(early);
    const t = await starting;
    expect({
      parked,
      callbacks: h.tasks.get(t.id).events.filter((e) => e.source === 'callback').map((e) => e.summary),
      again: await sink.deliver(early),
    }).toEqual({ parked: 'parked', callbacks: ['301 recorder started'], again: 'duplicate' });
  });

  it('applies same-rank states in the order of their time, not of their arrival', async () => {
    const t = await h.tasks.start({ accountId: h.ids.trro, request: request({ roomId: 'device-3', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    const sink = h.tasks.callbackSink();
    const base = { vendor: 'tencent-trro' as const, accountId: h.ids.trro, vendorTaskId: t.vendorTaskId!, raw: {} };
    const at = h.sandbox.clock.now();
    await sink.deliver({ ...base, dedupeKey: 'b', at: at + 2000, message: msg('timeline.callbackUnknown', { event: 'resumed' }), patch: { state: 'recording', rawStatus: 'resumed' } });
    await sink.deliver({ ...base, dedupeKey: 'a', at: at + 1000, message: msg('timeline.callbackUnknown', { event: 'paused (late)' }), patch: { state: 'paused', rawStatus: 'paused' } });
    expect(h.tasks.get(t.id).task).toMatchObject({ state: 'recording', rawStatus: 'resumed' });
  });
});

describe('a start whose outcome RecDeck did not hear', () => {
  const start = (accountId: string, roomId: string) =>
    h.tasks.start({ accountId, request: request({ roomId, storageTargetId: accountId === h.ids.zego ? h.ids.storage : null }), presetId: null, startKey: startKey() });
  const pending = () => h.tasks.pollSource().targets().filter((t) => h.tasks.get(t.id).task.vendorTaskId === null);

  it('fails at once when the vendor refused it with HTTP 503, and says which task it was', async () => {
    await h.sandbox.injectFault({ vendor: 'zego', kind: '5xx', status: 503, count: 3 });
    await h.sandbox.injectFault({ vendor: 'tencent-tiw', kind: '5xx', status: 503, count: 3 });
    const zego = await failure(start(h.ids.zego, 'room-503'));
    const tiw = await failure(start(h.ids.tiw, '503'));
    const states = [zego, tiw].map((e) => {
      const t = h.tasks.get(e.details?.['taskId'] as string).task;
      return [e.code, e.details?.['outcome'], t.state, t.finishReason];
    });
    expect(states).toEqual([
      ['VENDOR_BAD_RESPONSE', 'not-started', 'failed', 'start-rejected'],
      ['VENDOR_BAD_RESPONSE', 'not-started', 'failed', 'start-rejected'],
    ]);
    expect(await h.sandbox.control('zego', 'list-tasks', {})).toEqual([]);
  });

  it('asks the vendor by itself until it knows: a task found there records, none found fails with the reason', async () => {
    await h.sandbox.injectFault({ vendor: 'zego', kind: '5xx', status: 500, count: 2, afterProcessing: true });
    const ran = await failure(start(h.ids.zego, 'room-ran'));
    await h.sandbox.injectFault({ vendor: 'zego', kind: '5xx', status: 500, count: 2 });
    const never = await failure(start(h.ids.zego, 'room-never'));
    expect([ran.details?.['outcome'], never.details?.['outcome'], pending().length]).toEqual(['unknown', 'unknown', 2]);
    await h.advance(1500);
    for (const t of pending()) await h.tasks.pollSource().poll(t.id);
    const vendorTask = ((await h.sandbox.control('zego', 'list-tasks', {})) as { taskId: string; roomId: string }[]).find((t) => t.roomId === 'room-ran');
    const found = h.tasks.get(ran.details?.['taskId'] as string).task;
    const missing = h.tasks.get(never.details?.['taskId'] as string).task;
    expect({ found: [found.vendorTaskId, found.state], missing: [missing.state, missing.finishReason], pending: pending() }).toEqual({
      found: [vendorTask?.taskId, 'recording'],
      missing: ['failed', 'not-started'],
      pending: [],
    });
    expect(h.alerts.filter((a) => a.taskId === missing.id).map((a) => [a.kind, a.message, a.roomId, a.vendor, a.accountName])).toEqual([
      ['failed', msg('alert.notStartedNow'), 'room-never', 'zego', 'Z'],
    ]);
  });

  it('gives up after two minutes of no answer: lost, with the reason on the timeline and an alert', async () => {
    await h.sandbox.injectFault({ vendor: 'zego', kind: '5xx', status: 500, count: 100 });
    const e = await failure(start(h.ids.zego, 'room-silent'));
    const id = e.details?.['taskId'] as string;
    expect(await h.tasks.pollSource().poll(id)).toBe('error');
    expect(h.tasks.get(id).task.state).toBe('starting');
    await h.advance(121_000);
    expect(await h.tasks.pollSource().poll(id)).toBe('done');
    const d = h.tasks.get(id);
    expect([d.task.state, d.events.at(-1)?.summary, h.alerts.map((a) => a.kind)]).toEqual(['lost', 'state lost: ZEGO did not say within 2 minutes whether the recording started', ['lost']]);
  });
});
