import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INVOKE_SCHEMAS, type InvokeChannel } from '@contract';
import type { CallContext } from '../../../src-main/ipc/dispatch';
import { presetHandlers } from '../../../src-main/ipc/handlers/presets';
import { sandboxHandlers } from '../../../src-main/ipc/handlers/sandbox';
import { taskHandlers } from '../../../src-main/ipc/handlers/tasks';
import { vendorHandlers } from '../../../src-main/ipc/handlers/vendors';
import { allSecrets, MIX, openTaskHarness, startKey, type TaskHarness } from './harness';

let h: TaskHarness;
beforeEach(async () => {
  h = await openTaskHarness();
});
afterEach(async () => {
  await h.dispose();
});

const ctx: CallContext = { host: 'web', trusted: true, senderId: 'test' };

describe('secrets never reach SQLite or a channel answer', () => {
  it('keeps every account secret and storage key out of the database file, its WAL and every answer', async () => {
    const handlers = { ...taskHandlers({ tasks: h.tasks }), ...presetHandlers(h.tasks), ...vendorHandlers(), ...sandboxHandlers({ sandbox: h.sandbox }) };
    const answers: unknown[] = [];
    const call = async <C extends keyof typeof handlers & InvokeChannel>(channel: C, input: unknown): Promise<{ id: string }> => {
      const parsed = INVOKE_SCHEMAS[channel].input.parse(input);
      const value = await (handlers[channel] as (i: unknown, c: CallContext) => unknown)(parsed, ctx);
      INVOKE_SCHEMAS[channel].output.parse(value);
      answers.push(value);
      return value as { id: string };
    };
    await call('sandbox:control', { vendor: 'zego', command: 'publish-stream', input: { roomId: 'leak-room', streamId: 's1', userId: 'u1' } });
    const zego = await call('tasks:start', {
      accountId: h.ids.zego, startKey: startKey(),
      request: { roomId: 'leak-room', mode: 'mixed', mix: MIX, storageTargetId: h.ids.storage },
    });
    const tiw = await call('tasks:start', { accountId: h.ids.tiw, startKey: startKey(), request: { roomId: '4242' } });
    const trro = await call('tasks:start', { accountId: h.ids.trro, startKey: startKey(), request: { roomId: 'leak-device', storageTargetId: h.ids.storage } });
    await call('sandbox:control', { vendor: 'clock', command: 'advance', input: { ms: 2500 } });
    for (const t of [zego, tiw]) await call('tasks:refresh', { id: t.id });
    await call('tasks:pause', { id: zego.id });
    await call('tasks:resume', { id: zego.id });
    for (const t of [zego, tiw, trro]) await call('tasks:stop', { id: t.id });
    await call('sandbox:control', { vendor: 'clock', command: 'advance', input: { ms: 12_000 } });
    for (const t of [zego, tiw]) await h.tasks.pollSource().poll(t.id);
    for (const t of [zego, tiw, trro]) await call('tasks:get', { id: t.id });
    await call('tasks:active', {});
    for (const [accountId, req] of [
      [h.ids.zego, { roomId: 'p', storageTargetId: h.ids.storage }],
      [h.ids.tiw, { roomId: '1' }],
      [h.ids.trro, { roomId: 'p', storageTargetId: h.ids.storage }],
    ] as const) {
      await call('tasks:preview', { accountId, request: req });
    }
    await call('presets:save', { name: 'P', vendor: 'tencent-trro', accountId: h.ids.trro, request: { roomId: 'p', storageTargetId: h.ids.storage } });
    await call('presets:list', {});
    await call('vendors:list', {});
    expect(h.tasks.get(zego.id).task.state).toBe('finished');

    h.db.exec('SELECT 1');
    const files = [h.file, `${h.file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f));
    expect(files.length).toBeGreaterThan(0);
    const text = JSON.stringify([answers, h.changed, h.alerts]) + h.lines.join('\n');
    const leaks = allSecrets(h).filter((s) => files.some((b) => b.includes(Buffer.from(s))) || text.includes(s));
    expect(leaks).toEqual([]);
    expect(h.tasks.get(zego.id).exchanges.length).toBeGreaterThan(5);
  });
});

describe('tasks handlers', () => {
  it('lists the three vendor descriptors', async () => {
    const handlers = vendorHandlers();
    const vendors = await handlers['vendors:list']({}, ctx);
    expect(vendors.map((v) => [v.id, v.capabilities.pause, v.capabilities.query])).toEqual([
      ['zego', true, true],
      ['tencent-tiw', true, true],
      ['tencent-trro', false, false],
    ]);
  });
});
