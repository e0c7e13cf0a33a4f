import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testCore, unwrap } from '../../helpers/core';

describe('the core', () => {
  it('asks before deleting a storage target that a preset still uses', async () => {
    const env = await testCore({ sandbox: true });
    try {
      const storage = unwrap(await env.call('storage:list', {}))[0]!;
      const zego = unwrap(await env.call('accounts:list', {})).find((a) => a.vendor === 'zego')!;
      unwrap(await env.call('presets:save', { name: 'uses COS', vendor: 'zego', accountId: zego.id, request: { roomId: 'r1', storageTargetId: storage.id } }));
      const refused = await env.call('storage:delete', { id: storage.id });
      expect(refused.ok ? null : [refused.error.code, refused.error.details]).toEqual(['CONFLICT', { presets: 1, openTasks: 0 }]);
      expect(unwrap(await env.call('storage:list', {})).map((s) => s.id)).toEqual([storage.id]);
      unwrap(await env.call('storage:delete', { id: storage.id, confirm: true }));
      expect(unwrap(await env.call('storage:list', {}))).toEqual([]);
    } finally {
      await env.core.close();
    }
  });

  it('merges the Sandbox vendors’ verified callbacks into the timeline once the receiver is on', async () => {
    const env = await testCore({ sandbox: true });
    try {
      const settings = unwrap(await env.call('settings:set', { callbacks: { enabled: true, port: 0 } }));
      expect(settings.callbacks.enabled).toBe(true);
      await expect.poll(async () => unwrap(await env.call('callbacks:status', {})).url, { timeout: 5000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const accounts = unwrap(await env.call('accounts:list', {}));
      const zego = accounts.find((a) => a.vendor === 'zego')!;
      const storage = unwrap(await env.call('storage:list', {}))[0]!;
      unwrap(await env.call('sandbox:control', { vendor: 'zego', command: 'publish-stream', input: { roomId: 'cb-room', streamId: 's1', userId: 'u1' } }));
      const started = unwrap(
        await env.call('tasks:start', { accountId: zego.id, startKey: randomUUID(), presetId: null, request: { roomId: 'cb-room', storageTargetId: storage.id } }),
      );
      unwrap(await env.call('tasks:stop', { id: started.id }));
      unwrap(await env.call('sandbox:control', { vendor: 'clock', command: 'advance', input: { ms: 120_000 } }));

      await expect
        .poll(async () => unwrap(await env.call('tasks:get', { id: started.id })).events.filter((e) => e.source === 'callback').length, { timeout: 10_000 })
        .toBeGreaterThanOrEqual(2);
      const detail = unwrap(await env.call('tasks:get', { id: started.id }));
      expect(detail.task.state).toBe('finished');
      expect(detail.request.callbackUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/callbacks/zego/${zego.id}$`));
      const status = unwrap(await env.call('callbacks:status', {}));
      expect([status.received > 0, status.rejected]).toEqual([true, 0]);
    } finally {
      await env.core.close();
    }
  });

  it('keeps reading the accounts that answer while one account cannot be reached, and says which one', async () => {
    const env = await testCore({ sandbox: true });
    try {
      const storage = unwrap(await env.call('storage:list', {}))[0]!;
      const sandboxZego = unwrap(await env.call('accounts:list', {})).find((a) => a.vendor === 'zego')!;
      const secret = randomUUID().replace(/-/g, '');
      unwrap(await env.call('sandbox:control', { vendor: 'zego', command: 'register-app', input: { appId: 424242, serverSecret: secret } }));
      const other = unwrap(
        await env.call('accounts:create', { vendor: 'zego', name: 'Second ZEGO', endpoint: sandboxZego.endpoint, fields: { appId: 424242 }, secrets: { serverSecret: secret } }),
      );
      const start = async (accountId: string, roomId: string) => {
        unwrap(await env.call('sandbox:control', { vendor: 'zego', command: 'publish-stream', input: { roomId, streamId: `${roomId}-cam`, userId: 'host' } }));
        return unwrap(await env.call('tasks:start', { accountId, startKey: randomUUID(), presetId: null, request: { roomId, storageTargetId: storage.id } }));
      };
      const watched = await start(sandboxZego.id, 'health-a');
      await start(other.id, 'health-b');
      unwrap(await env.call('accounts:update', { id: other.id, patch: { endpoint: 'http://127.0.0.1:1/zego' } }));
      const health = async () => unwrap(await env.call('scheduler:status', {})).accounts.map((a) => [a.accountId, a.state]);
      await expect.poll(health, { timeout: 15_000 }).toEqual(expect.arrayContaining([[other.id, 'unreachable']]));

      const vendorTaskId = unwrap(await env.call('tasks:get', { id: watched.id })).task.vendorTaskId;
      unwrap(await env.call('sandbox:control', { vendor: 'zego', command: 'fail-task', input: { taskId: vendorTaskId } }));
      await expect.poll(async () => unwrap(await env.call('tasks:get', { id: watched.id })).task.state, { timeout: 15_000 }).toBe('failed');
      const status = unwrap(await env.call('scheduler:status', {}));
      expect(status.accounts.find((a) => a.accountId === other.id)).toMatchObject({ state: 'unreachable', since: expect.any(Number), lastOkAt: expect.any(Number) });
      expect(status.accounts.find((a) => a.accountId === sandboxZego.id)?.state).toBe('ok');
    } finally {
      await env.core.close();
    }
  });
});
