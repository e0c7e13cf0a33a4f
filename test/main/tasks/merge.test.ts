import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTaskHarness, request, startKey, type TaskHarness } from './harness';

let h: TaskHarness;
beforeEach(async () => {
  h = await openTaskHarness();
});
afterEach(async () => {
  await h.dispose();
});

describe('alerts after a merge', () => {
  it('alerts upload-failed for a ZEGO file first seen already failed (Status 5)', async () => {
    await h.sandbox.control('zego', 'publish-stream', { roomId: 'room-fail', streamId: 's1', userId: 'u1' });
    const t = await h.tasks.start({ accountId: h.ids.zego, request: request({ roomId: 'room-fail', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    await h.sandbox.injectFault({ vendor: 'zego', kind: 'upload-failure', count: 1, mode: 'failed' });
    await h.advance(10_000);
    // Another desk stops it: RecDeck reads the task for the first time once its only file has failed.
    const other = await h.connections.get(h.ids.zego, 'zego');
    await other.connection.stop({ vendorTaskId: t.vendorTaskId!, request: request({ roomId: 'room-fail' }) }, { priority: 'operator' });
    await h.advance(120_000);
    await h.tasks.pollSource().poll(t.id);
    const d = h.tasks.get(t.id);
    expect({
      files: d.files.map((f) => [f.status, f.rawStatus]),
      firstSight: d.events.filter((e) => e.kind === 'file-added').length,
      alerts: h.alerts.filter((a) => a.taskId === t.id).map((a) => a.kind),
    }).toEqual({ files: [['failed', '5']], firstSight: 1, alerts: ['upload-failed'] });
  });
});
