import { msg, trroMsg } from '@contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTaskHarness, request, startKey, type TaskHarness } from './harness';

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
