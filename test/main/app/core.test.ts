import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchedulerStatus } from '@contract';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../src-main/emulator/clock';
import { createSandbox, generateSandboxCredentials, registerSandboxApps, sandboxEmulators } from '../../../src-main/emulator/index';
import { testCore, unwrap } from '../../helpers/core';
import { purgeKeychain, uniqueService } from '../support';

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

  it('polls the tasks a launch has reconciled while it reconciles the rest, and says how far it is', async () => {
    const service = uniqueService();
    const dataDir = mkdtempSync(join(tmpdir(), 'recdeck-core-'));
    const clock = createVirtualClock({ speed: 0 });
    const sandbox = await createSandbox({ emulators: sandboxEmulators(), clock });
    const creds = generateSandboxCredentials();
    await registerSandboxApps(sandbox, creds);
    const tiw = creds['tencent-tiw'];
    try {
      const first = await testCore({ service, dataDir });
      const account = unwrap(
        await first.call('accounts:create', {
          vendor: 'tencent-tiw', name: 'TIW', endpoint: `${sandbox.baseUrl}/tencent-tiw`, fields: { sdkAppId: tiw.sdkAppId, region: 'ap-singapore' },
          secrets: { secretId: tiw.secretId, secretKey: tiw.secretKey, sdkSecretKey: tiw.sdkSecretKey },
        }),
      );
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) {
        const t = unwrap(await first.call('tasks:start', { accountId: account.id, startKey: randomUUID(), presetId: null, request: { roomId: String(3000 + i) } }));
        ids.push(t.id);
      }
      const describes = async (env: typeof first, id: string) => unwrap(await env.call('tasks:get', { id })).exchanges.filter((e) => e.action === 'DescribeOnlineRecord').length;
      const before = new Map(await Promise.all(ids.map(async (id) => [id, await describes(first, id)] as const)));
      // The first run ends with every task open; by the next launch TIW records them all.
      await first.core.close();
      await clock.advance(5000);
      // Three of the launch's reads are slow: recovery takes 4 s, longer than a reconciled task waits for
      // its next read (2 s after a change), and the tasks already reconciled must not wait for them.
      await sandbox.injectFault({ vendor: 'tencent-tiw', kind: 'delay', ms: 4000, count: 3, afterProcessing: true });
      const second = await testCore({ service, dataDir });
      try {
        // Reads of this launch: the reconciling one, then polls.
        const reads = async (id: string) => (await describes(second, id)) - (before.get(id) ?? 0);
        const seen: SchedulerStatus[] = [];
        let polledDuringRecovery = false;
        for (;;) {
          const status = unwrap(await second.call('scheduler:status', {}));
          seen.push(status);
          if (!status.recovery) break;
          if (!polledDuringRecovery) polledDuringRecovery = (await Promise.all(ids.map(reads))).some((n) => n >= 2);
          await new Promise((r) => setTimeout(r, 50));
        }
        const during = seen.filter((s) => s.recovery).map((s) => s.recovery!);
        const firstMoves = await Promise.all(ids.map(async (id) => unwrap(await second.call('tasks:get', { id })).events.find((e) => e.state === 'recording' && e.kind === 'state-changed')?.source));
        expect({
          polledDuringRecovery,
          partway: during.some((r) => r.checked > 0 && r.checked < r.total),
          total: [...new Set(during.map((r) => r.total))],
          after: seen.at(-1),
          firstMoves: [...new Set(firstMoves)],
        }).toEqual({
          polledDuringRecovery: true,
          partway: true,
          total: [20],
          after: { activeTasks: 20, accounts: [expect.objectContaining({ accountId: account.id, tasks: 20 })] },
          firstMoves: ['system'],
        });
      } finally {
        await second.core.close();
      }
    } finally {
      await sandbox.close();
      clock.dispose();
      await purgeKeychain(service);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
