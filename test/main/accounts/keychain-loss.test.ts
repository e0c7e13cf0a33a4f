import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel } from '@contract';
import { startPrivateKeyring, type PrivateKeyring } from '../../helpers/private-keyring';
import { testCore, unwrap } from '../../helpers/core';
import { inBothLanguages } from '../../helpers/messages';
import { uniqueService } from '../support';
import { COS, ZEGO } from './harness';

let keyring: PrivateKeyring;

beforeAll(async () => {
  keyring = await startPrivateKeyring();
  // libsecret connects on first use, so this process talks to the private keyring only.
  process.env.DBUS_SESSION_BUS_ADDRESS = keyring.address;
});
afterAll(() => keyring?.stop());

describe('when the keychain disappears mid-session', () => {
  it('keeps account and storage lists, reports it in app:info and an event, and fails only what needs a secret', async () => {
    const env = await testCore({ service: uniqueService() });
    const events: Array<[EventChannel, unknown]> = [];
    env.core.events.subscribe((event, payload) => events.push([event, payload]));
    try {
      const account = unwrap(await env.call('accounts:create', { ...ZEGO, secrets: { serverSecret: 'zego-secret-value-1' } }));
      const storage = unwrap(await env.call('storage:create', { ...COS, secrets: { accessKeyId: 'AKID-1', accessKeySecret: 'cos-secret' } }));
      const listedBefore = unwrap(await env.call('accounts:list', {}));
      expect(unwrap(await env.call('app:info', {})).keychain).toEqual({ backend: 'keytar', available: true });

      await keyring.killDaemon();

      const accounts = await env.call('accounts:list', {});
      const targets = await env.call('storage:list', {});
      const secretStatus = await env.call('secrets:status', { owner: 'account', id: account.id });
      const info = unwrap(await env.call('app:info', {}));
      const setSecret = await env.call('secrets:set', { owner: 'account', id: account.id, field: 'serverSecret', value: 'another' });
      const start = await env.call('tasks:start', { accountId: account.id, request: { roomId: 'room-1', storageTargetId: storage.id }, startKey: 'keychain-loss-1' });
      await new Promise((r) => setTimeout(r, 50));

      expect({
        accounts: accounts.ok && accounts.value.map((a) => [a.name, a.secrets]),
        storage: targets.ok && targets.value.map((t) => [t.id, t.secrets.map((s) => [s.field, s.configured])]),
        secretStatus: secretStatus.ok && secretStatus.value.map((s) => [s.field, s.configured]),
        info: inBothLanguages(info.keychain),
        setSecret: setSecret.ok ? 'ok' : [setSecret.error.code, setSecret.error.retryable],
        start: start.ok ? 'ok' : start.error.code,
        event: events.filter(([e]) => e === 'app:keychainChanged').map(([, p]) => (p as { available: boolean }).available),
      }).toEqual({
        accounts: listedBefore.map((a) => [a.name, a.secrets]),
        storage: [[storage.id, [['accessKeyId', true], ['accessKeySecret', true]]]],
        secretStatus: [['serverSecret', true], ['callbackSecret', false]],
        info: { backend: 'keytar', available: false, reason: { en: expect.stringMatching(/keychain stopped answering/i), 'zh-CN': expect.stringContaining('钥匙串已停止响应') } },
        setSecret: ['KEYCHAIN_UNAVAILABLE', true],
        start: 'KEYCHAIN_UNAVAILABLE',
        event: [false],
      });
      const message = start.ok ? '' : start.error.message;
      expect(message).toMatch(/keychain/i);
      expect(message).not.toContain('zego-secret-value-1');
    } finally {
      await env.core.close();
    }
  });
});
