import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { isOptionalSecretField } from '@contract';
import { testCore, unwrap } from '../../helpers/core';
import { purgeKeychain, uniqueService } from '../support';

const service = uniqueService();
afterAll(() => purgeKeychain(service).catch(() => {}));

describe('the in-process Sandbox', () => {
  it('adds sandbox accounts on first launch that pass a connection test, and keeps them working after a restart', async () => {
    const first = await testCore({ service, sandbox: true });
    const info = unwrap(await first.call('app:info', {}));
    expect(info.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const accounts = unwrap(await first.call('accounts:list', {}));
    expect(accounts.map((a) => [a.name, a.endpoint])).toEqual([
      ['Sandbox · Tencent TIW', `${info.sandboxUrl}/tencent-tiw`],
      ['Sandbox · Tencent TRRO', `${info.sandboxUrl}/tencent-trro`],
      ['Sandbox · ZEGO', `${info.sandboxUrl}/zego`],
    ]);
    // The callback keys are optional: the Sandbox accounts work without them.
    expect(accounts.every((a) => a.secrets.every((s) => s.configured || isOptionalSecretField(a.vendor, s.field)))).toBe(true);
    expect(unwrap(await first.call('storage:list', {})).map((s) => s.name)).toEqual(['Sandbox · Storage (COS)']);
    // Its control API is the core's alone: no token reaches the page, and without one nothing changes.
    expect((await fetch(`${info.sandboxUrl}/control/clock/advance`, { method: 'POST', body: '{"ms":7200000}' })).status).toBe(401);
    for (const a of accounts) expect([a.name, unwrap(await first.call('accounts:test', { id: a.id })).kind]).toEqual([a.name, 'ok']);
    const exported = unwrap(await first.call('accounts:export', {}));
    expect([exported.accounts, exported.storageTargets]).toEqual([[], []]);
    const trro = accounts.find((a) => a.vendor === 'tencent-trro')!;
    unwrap(await first.call('accounts:delete', { id: trro.id }));
    await first.core.close();

    const second = await testCore({ service, sandbox: true, dataDir: first.dataDir });
    const url = unwrap(await second.call('app:info', {})).sandboxUrl;
    expect(url).not.toBe(info.sandboxUrl);
    const again = unwrap(await second.call('accounts:list', {}));
    expect(again.map((a) => [a.name, a.endpoint])).toEqual([
      ['Sandbox · Tencent TIW', `${url}/tencent-tiw`],
      ['Sandbox · ZEGO', `${url}/zego`],
    ]);
    for (const a of again) expect([a.name, unwrap(await second.call('accounts:test', { id: a.id })).kind]).toEqual([a.name, 'ok']);
    await second.core.close();
  });

  it('fails the TIW Sandbox account\'s connection test as a wrong region outside ap-singapore, as TIW would', async () => {
    const env = await testCore({ sandbox: true });
    const tiw = unwrap(await env.call('accounts:list', {})).find((a) => a.vendor === 'tencent-tiw')!;
    const kinds = [unwrap(await env.call('accounts:test', { id: tiw.id })).kind];
    unwrap(await env.call('accounts:update', { id: tiw.id, patch: { fields: { ...tiw.fields, region: 'ap-guangzhou' } } }));
    kinds.push(unwrap(await env.call('accounts:test', { id: tiw.id })).kind);
    expect(kinds).toEqual(['ok', 'wrong-region']);
    await env.core.close();
  });

  it('makes new sandbox secrets when a session-only keychain lost them', async () => {
    const first = await testCore({ sandbox: true });
    await first.core.close();
    const second = await testCore({ sandbox: true, dataDir: first.dataDir });
    const accounts = unwrap(await second.call('accounts:list', {}));
    expect(accounts).toHaveLength(3);
    for (const a of accounts) expect(unwrap(await second.call('accounts:test', { id: a.id })).kind).toBe('ok');
    await second.core.close();
  });

  it('gives a Sandbox recording simulated publishers, so it records until the show stops them; publish, stop and fail work on every vendor', async () => {
    const env = await testCore({ sandbox: true });
    try {
      const accounts = unwrap(await env.call('accounts:list', {}));
      const id = (vendor: string) => accounts.find((a) => a.vendor === vendor)!.id;
      const storage = unwrap(await env.call('storage:list', {}))[0]!.id;
      const control = async (vendor: 'zego' | 'tencent-tiw' | 'tencent-trro' | 'clock', command: string, input: Record<string, unknown>) =>
        unwrap(await env.call('sandbox:control', { vendor, command, input })) as { publishers: string[] };
      const start = async (vendor: string, roomId: string, storageTargetId: string | null) =>
        unwrap(await env.call('tasks:start', { accountId: id(vendor), startKey: randomUUID(), request: { roomId, storageTargetId } }));
      const state = async (taskId: string) => unwrap(await env.call('tasks:refresh', { id: taskId })).state;

      const zego = await start('zego', 'show-room', storage);
      await control('clock', 'advance', { ms: 2_000 });
      await control('clock', 'advance', { ms: 60_000 });
      const afterAMinute = await state(zego.id);
      const publishers = (await control('zego', 'room-publishers', { roomId: 'show-room' })).publishers;
      await control('zego', 'room-unpublish', { roomId: 'show-room', userId: 'host' });
      const left = (await control('zego', 'room-unpublish', { roomId: 'show-room', userId: 'guest-1' })).publishers;
      await control('clock', 'advance', { ms: 31_000 });
      const idle = await state(zego.id);

      const tiw = await start('tencent-tiw', '7001', null);
      const tiwJoined = (await control('tencent-tiw', 'room-publish', { roomId: '7001', userId: 'guest-2' })).publishers;
      const tiwTask = unwrap(await env.call('tasks:get', { id: tiw.id })).task.vendorTaskId;
      await control('tencent-tiw', 'fail-task', { taskId: tiwTask });
      const trro = await start('tencent-trro', 'show-device', storage);
      const trroPublishing = (await control('tencent-trro', 'room-publishers', { roomId: 'show-device' })).publishers;
      const trroTask = unwrap(await env.call('tasks:get', { id: trro.id })).task.vendorTaskId;
      await control('tencent-trro', 'fail-task', { taskId: trroTask });

      expect({ afterAMinute, publishers, left, idle, tiwJoined, trroPublishing }).toEqual({
        afterAMinute: 'recording',
        publishers: ['host', 'guest-1'],
        left: [],
        idle: expect.stringMatching(/^(uploading|finished)$/),
        tiwJoined: ['host', 'guest-1', 'guest-2'],
        trroPublishing: ['0'],
      });
    } finally {
      await env.core.close();
    }
  });
});

