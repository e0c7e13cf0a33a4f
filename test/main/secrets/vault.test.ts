import { msg } from '@contract';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { inBothLanguages } from '../../helpers/messages';
import { secretKey } from '../../../src-main/secrets/secret-vault';
import { createVault, serialisePerKey } from '../../../src-main/secrets/vault';
import { createSessionVault } from '../../../src-main/secrets/session-vault';
import { capturingLogger, loadKeytar, purgeKeychain, uniqueService } from '../support';

const service = uniqueService();
afterAll(() => purgeKeychain(service));

describe('createVault against the real keychain', () => {
  it('uses the keychain when the Secret Service answers', async () => {
    const { log } = capturingLogger();
    const vault = await createVault({ log, service, env: {} });
    expect(vault.status()).toEqual({ backend: 'keytar', available: true });
  });

  it('sets, replaces and deletes an entry that really lives in the OS keychain', async () => {
    const keytar = await loadKeytar();
    const { log } = capturingLogger();
    const vault = await createVault({ log, service, env: {} });
    const key = secretKey('account', 'a1', 'serverSecret');
    await vault.set(key, 'first-value');
    const afterSet = [await vault.get(key), await keytar.getPassword(service, key)];
    await vault.set(key, 'second-value');
    const afterReplace = [await vault.get(key), await keytar.getPassword(service, key), await vault.has(key)];
    const deleted = await vault.delete(key);
    const afterDelete = [await vault.get(key), await keytar.getPassword(service, key), await vault.has(key)];
    expect({ afterSet, afterReplace, deleted, afterDelete }).toEqual({
      afterSet: ['first-value', 'first-value'],
      afterReplace: ['second-value', 'second-value', true],
      deleted: true,
      afterDelete: [null, null, false],
    });
  });

  it('finds a value again from a new vault instance (a restart)', async () => {
    const { log } = capturingLogger();
    const key = secretKey('storage', 's1', 'accessKeySecret');
    await (await createVault({ log, service, env: {} })).set(key, 'persisted-value');
    const reopened = await createVault({ log, service, env: {} });
    expect(await reopened.get(key)).toBe('persisted-value');
  });

  it('reads the service name from RECDECK_KEYCHAIN_SERVICE when none is passed', async () => {
    const keytar = await loadKeytar();
    const { log } = capturingLogger();
    const vault = await createVault({ log, env: { RECDECK_KEYCHAIN_SERVICE: service } });
    await vault.set('account:env:secretKey', 'via-env');
    expect(await keytar.getPassword(service, 'account:env:secretKey')).toBe('via-env');
  });

  it('leaves no probe entry behind', async () => {
    const keytar = await loadKeytar();
    const { log } = capturingLogger();
    await createVault({ log, service, env: {} });
    const accounts = (await keytar.findCredentials(service)).map((c) => c.account);
    expect(accounts.filter((a) => a.startsWith('probe:'))).toEqual([]);
  });
});

describe('session mode', () => {
  it('is forced by RECDECK_KEYCHAIN=session and keeps values out of the keychain', async () => {
    const keytar = await loadKeytar();
    const { log, lines } = capturingLogger();
    const vault = await createVault({ log, service, env: { RECDECK_KEYCHAIN: 'session' } });
    await vault.set('account:s:serverSecret', 'memory-only-value');
    expect({
      status: inBothLanguages(vault.status()),
      value: await vault.get('account:s:serverSecret'),
      inKeychain: await keytar.getPassword(service, 'account:s:serverSecret'),
      logged: lines.some((l) => l.includes('memory-only-value')),
    }).toEqual({
      status: { backend: 'session', available: false, reason: { en: expect.stringContaining('RECDECK_KEYCHAIN=session'), 'zh-CN': expect.stringContaining('RECDECK_KEYCHAIN=session') } },
      value: 'memory-only-value',
      inKeychain: null,
      logged: false,
    });
  });

  it('falls back with an actionable reason when D-Bus is dead (child process)', async () => {
    const script = fileURLToPath(new URL('./fixtures/vault-child.mjs', import.meta.url));
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/recdeck-dead-bus' };
    delete env.DISPLAY;
    delete env.RECDECK_KEYCHAIN;
    const { stdout } = await promisify(execFile)(process.execPath, ['--no-warnings', script, service], { env, timeout: 20_000 });
    expect(inBothLanguages(JSON.parse(stdout))).toEqual({
      status: {
        backend: 'session',
        available: false,
        reason: {
          en: expect.stringMatching(/^No Secret Service \(gnome-keyring\/KWallet\) answered on D-Bus: install and unlock one, then restart RecDeck/),
          'zh-CN': expect.stringContaining('Secret Service'),
        },
      },
      roundTrip: 'child-value',
      logged: false,
    });
  });
});

describe('serialisePerKey', () => {
  it('runs calls on one key in call order and logs keys, never values', async () => {
    const { log, lines } = capturingLogger();
    const inner = createSessionVault(msg('keychain.switchedOff'));
    const slowSet = inner.set;
    inner.set = async (key, value) => {
      if (value === 'slow') await new Promise((r) => setTimeout(r, 20));
      return slowSet(key, value);
    };
    const vault = serialisePerKey(inner, log);
    const results = await Promise.all([vault.set('k', 'slow'), vault.delete('k'), vault.set('k', 'fast'), vault.get('k')]);
    expect({ results, final: await vault.get('k'), leaked: lines.some((l) => /slow|fast/.test(l)), keyed: lines.length > 0 && lines.every((l) => l.includes('"entry":"k"')) }).toEqual({
      results: [undefined, true, undefined, 'fast'],
      final: 'fast',
      leaked: false,
      keyed: true,
    });
  });
});
