import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, MIX, openTaskHarness, request, startKey, type TaskHarness } from './harness';

let h: TaskHarness;
beforeEach(async () => {
  h = await openTaskHarness();
});
afterEach(async () => {
  await h.dispose();
});

describe('validation, once, at the task service', () => {
  it('refuses a request that breaks a vendor rule before anything is sent, for every vendor', async () => {
    const paths = async (accountId: string, input: Parameters<typeof request>[0]) => {
      const e = await failure(h.tasks.start({ accountId, request: request(input), presetId: null, startKey: startKey() }));
      return [e.code, ((e.details?.['issues'] ?? []) as Array<{ path: string }>).map((i) => i.path).sort()];
    };
    const zego = await paths(h.ids.zego, { roomId: 'room-invalid', maxIdleSec: 2, mode: 'mixed', mix: { ...MIX, width: 1920, height: 1920 }, storageTargetId: h.ids.storage });
    const tiw = await paths(h.ids.tiw, { roomId: 'abc', maxIdleSec: 10 });
    const trro = await paths(h.ids.trro, { roomId: 'room-trro', output: { format: 'flv', maxFileDurationMin: 0 }, maxIdleSec: 4, storageTargetId: h.ids.storage });
    expect({ zego, tiw, trro }).toEqual({
      zego: ['VALIDATION', ['maxIdleSec', 'mix.height']],
      tiw: ['VALIDATION', ['maxIdleSec', 'roomId']],
      trro: ['VALIDATION', ['maxIdleSec', 'output.format', 'output.maxFileDurationMin']],
    });
    const sent = [
      await h.sandbox.control('zego', 'list-tasks', {}),
      await h.sandbox.control('tencent-tiw', 'tasks', {}),
      await h.sandbox.control('tencent-trro', 'tasks', {}),
    ];
    expect({ sent, tasks: h.tasks.active() }).toEqual({ sent: [[], [], []], tasks: [] });
  });

  it('refuses a layout that does not fit the running task and records the refusal without sending it', async () => {
    await h.sandbox.control('zego', 'publish-stream', { roomId: 'room-layout', streamId: 's1', userId: 'u1' });
    const t = await h.tasks.start({ accountId: h.ids.zego, request: request({ roomId: 'room-layout', mode: 'mixed', mix: MIX, storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    const outside = { ...MIX, layoutMode: 'custom' as const, regions: [{ id: 'r1', left: 0, top: 0, width: 2000, height: 360, layer: 1, streamId: 's1' }] };
    const e = await failure(h.tasks.updateLayout(t.id, request({ roomId: 'x', mix: outside }).mix!));
    const d = h.tasks.get(t.id);
    expect({
      code: e.code,
      issues: ((e.details?.['issues'] ?? []) as Array<{ path: string }>).length > 0,
      last: d.events.at(-1)?.summary,
      sent: d.exchanges.filter((x) => x.action === 'UpdateLayout').length,
    }).toEqual({ code: 'VALIDATION', issues: true, last: 'Layout update failed: VALIDATION', sent: 0 });
  });
});
