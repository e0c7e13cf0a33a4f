import { msg } from '@contract';
import { afterEach, describe, expect, it } from 'vitest';
import { secretKey } from '../../../src-main/secrets/secret-vault';
import { loadKeytar } from '../support';
import { failure, openHarness, TIW, TRRO, ZEGO, type Harness } from './harness';
import { inBothLanguages } from '../../helpers/messages';

let h: Harness;
afterEach(() => h?.dispose());

async function snapshot(x: Harness) {
  return JSON.stringify({
    accounts: await x.services.accounts.list(),
    storage: await x.services.storage.list(),
    meta: x.db.prepare('SELECT * FROM secret_meta ORDER BY owner_id, field').all(),
  });
}

describe('AccountsService', () => {
  it('creates one account per vendor and lists them with secret status only', async () => {
    h = await openHarness();
    const z = await h.services.accounts.create({ ...ZEGO, secrets: { serverSecret: 'zego-secret-value' } });
    await h.services.accounts.create(TIW);
    await h.services.accounts.create({ ...TRRO, endpoint: 'http://127.0.0.1:4010/trro/' });
    const list = await h.services.accounts.list();
    expect(list.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest)).toEqual([
      {
        vendor: 'tencent-tiw',
        name: 'Whiteboard',
        environment: 'production',
        endpoint: null,
        fields: { sdkAppId: 1400000001, region: 'ap-guangzhou' },
        secrets: [
          { field: 'secretId', configured: false, updatedAt: null },
          { field: 'secretKey', configured: false, updatedAt: null },
          { field: 'sdkSecretKey', configured: false, updatedAt: null },
          { field: 'callbackKey', configured: false, updatedAt: null },
        ],
      },
      {
        vendor: 'tencent-trro',
        name: 'Remote ops',
        environment: 'production',
        endpoint: 'http://127.0.0.1:4010/trro/',
        fields: { projectId: 'm82k5408n123phvb', region: null },
        secrets: [
          { field: 'secretId', configured: false, updatedAt: null },
          { field: 'secretKey', configured: false, updatedAt: null },
          { field: 'signKey', configured: false, updatedAt: null },
        ],
      },
      {
        vendor: 'zego',
        name: 'Studio A',
        environment: 'test',
        endpoint: null,
        fields: { appId: 1234567890, regionHost: 'cloudrecord-api-sha.zego.im' },
        secrets: [
          { field: 'serverSecret', configured: true, updatedAt: z.createdAt + 1000 },
          { field: 'callbackSecret', configured: false, updatedAt: null },
        ],
      },
    ]);
  });

  it('sets, replaces and clears a secret, keeps it across a restart and removes it with the account', async () => {
    h = await openHarness();
    const keytar = await loadKeytar();
    const acc = await h.services.accounts.create(ZEGO);
    const key = secretKey('account', acc.id, 'serverSecret');
    const set1 = await h.services.secrets.set({ owner: 'account', id: acc.id, field: 'serverSecret', value: '  first  ' });
    const replaced = await h.services.secrets.set({ owner: 'account', id: acc.id, field: 'serverSecret', value: 'second' });
    const creds = await h.services.accounts.getAccountCredentials(acc.id);
    await h.restart();
    const afterRestart = await h.services.secrets.status({ owner: 'account', id: acc.id });
    const credsAfterRestart = await h.services.accounts.getAccountCredentials(acc.id);
    const inOsKeychain = await keytar.getPassword(h.service, key);
    const cleared = await h.services.secrets.clear({ owner: 'account', id: acc.id, field: 'serverSecret' });
    await h.services.secrets.set({ owner: 'account', id: acc.id, field: 'serverSecret', value: 'third' });
    const deleted = await h.services.accounts.delete({ id: acc.id });
    const entries = (await keytar.findCredentials(h.service)).map((c) => c.account);
    expect({
      set1: set1.configured,
      replaced: replaced.updatedAt! > set1.updatedAt!,
      creds: creds.secrets,
      afterRestart: afterRestart.map((s) => s.configured),
      credsAfterRestart: credsAfterRestart.secrets,
      inOsKeychain,
      cleared,
      deleted,
      keychainAfterDelete: await h.vault.get(key),
      meta: h.db.prepare('SELECT count(*) AS n FROM secret_meta').get(),
      entries,
    }).toEqual({
      set1: true,
      replaced: true,
      creds: { serverSecret: 'second' },
      afterRestart: [true, false],
      credsAfterRestart: { serverSecret: 'second' },
      inOsKeychain: 'second',
      cleared: { field: 'serverSecret', configured: false, updatedAt: null },
      deleted: { deleted: true, taskCount: 0 },
      keychainAfterDelete: null,
      meta: { n: 0 },
      entries: [],
    });
  });

  it('rejects bad input with field-level errors and changes nothing', async () => {
    h = await openHarness();
    const existing = await h.services.accounts.create({ ...ZEGO, secrets: { serverSecret: 'keep-me' } });
    await h.services.accounts.create(TIW);
    await h.services.accounts.create({ ...ZEGO, name: 'Other' });
    const before = await snapshot(h);
    const cases: [string, () => Promise<unknown>][] = [
      ['empty', () => h.services.accounts.create({})],
      ['not an object', () => h.services.accounts.create('zego')],
      ['blank name', () => h.services.accounts.create({ ...ZEGO, name: '   ' })],
      ['overlong name', () => h.services.accounts.create({ ...ZEGO, name: 'x'.repeat(65) })],
      ['appId as text', () => h.services.accounts.create({ ...ZEGO, name: 'B', fields: { appId: '123', regionHost: 'cloudrecord-api.zego.im' } })],
      ['appId too big', () => h.services.accounts.create({ ...ZEGO, name: 'B', fields: { appId: 2 ** 32 } })],
      ['unknown host', () => h.services.accounts.create({ ...ZEGO, name: 'B', fields: { appId: 1, regionHost: 'evil.example.com' } })],
      ['unknown vendor', () => h.services.accounts.create({ ...ZEGO, vendor: 'agora' })],
      ['tencent test env', () => h.services.accounts.create({ ...TIW, name: 'B', environment: 'test' })],
      ['duplicate name', () => h.services.accounts.create({ ...ZEGO, name: 'studio a' })],
      ['ftp endpoint', () => h.services.accounts.create({ ...ZEGO, name: 'B', endpoint: 'ftp://host' })],
      ['endpoint with credentials', () => h.services.accounts.create({ ...ZEGO, name: 'B', endpoint: 'https://user:pw@host' })],
      ['endpoint with query', () => h.services.accounts.create({ ...ZEGO, name: 'B', endpoint: 'https://host/?x=1' })],
      ['endpoint not a URL', () => h.services.accounts.create({ ...ZEGO, name: 'B', endpoint: 'not a url' })],
      ['unknown secret field', () => h.services.accounts.create({ ...ZEGO, name: 'B', secrets: { secretKey: 'x' } })],
      ['blank secret', () => h.services.accounts.create({ ...ZEGO, name: 'B', secrets: { serverSecret: '  ' } })],
      ['extra key', () => h.services.accounts.create({ ...ZEGO, name: 'B', serverSecret: 'x' })],
      ['update: vendor change', () => h.services.accounts.update({ id: existing.id, patch: { vendor: 'tencent-tiw' } })],
      ['update: rename to a taken name', () => h.services.accounts.update({ id: existing.id, patch: { name: 'OTHER' } })],
      ['update: bad field', () => h.services.accounts.update({ id: existing.id, patch: { fields: { appId: -1 } } })],
      ['update: unknown field', () => h.services.accounts.update({ id: existing.id, patch: { colour: 'red' } })],
      ['update: bad secret', () => h.services.accounts.update({ id: existing.id, patch: { name: 'New' }, secrets: { serverSecret: '' } })],
      ['secret set: wrong field', () => h.services.secrets.set({ owner: 'account', id: existing.id, field: 'secretKey', value: 'x' })],
      ['secret set: empty', () => h.services.secrets.set({ owner: 'account', id: existing.id, field: 'serverSecret', value: '' })],
    ];
    const results: Record<string, unknown> = {};
    for (const [label, p] of cases) {
      const e = await failure(p());
      results[label] = [e.code, Object.keys((e.details?.fields as object) ?? {}).sort()];
    }
    expect(results).toEqual({
      empty: ['VALIDATION', ['vendor']],
      'not an object': ['VALIDATION', ['']],
      'blank name': ['VALIDATION', ['name']],
      'overlong name': ['VALIDATION', ['name']],
      'appId as text': ['VALIDATION', ['fields.appId']],
      'appId too big': ['VALIDATION', ['fields.appId']],
      'unknown host': ['VALIDATION', ['fields.regionHost']],
      'unknown vendor': ['VALIDATION', ['vendor']],
      'tencent test env': ['VALIDATION', ['environment']],
      'duplicate name': ['VALIDATION', ['name']],
      'ftp endpoint': ['VALIDATION', ['endpoint']],
      'endpoint with credentials': ['VALIDATION', ['endpoint']],
      'endpoint with query': ['VALIDATION', ['endpoint']],
      'endpoint not a URL': ['VALIDATION', ['endpoint']],
      'unknown secret field': ['VALIDATION', ['secrets.secretKey']],
      'blank secret': ['VALIDATION', ['secrets.serverSecret']],
      'extra key': ['VALIDATION', ['serverSecret']],
      'update: vendor change': ['VALIDATION', ['vendor']],
      'update: rename to a taken name': ['VALIDATION', ['name']],
      'update: bad field': ['VALIDATION', ['fields.appId']],
      'update: unknown field': ['VALIDATION', ['colour']],
      'update: bad secret': ['VALIDATION', ['secrets.serverSecret']],
      'secret set: wrong field': ['VALIDATION', ['field']],
      'secret set: empty': ['VALIDATION', ['value']],
    });
    expect(await snapshot(h)).toEqual(before);
  });

  it('gives every field error in both languages', async () => {
    h = await openHarness();
    const e = await failure(h.services.accounts.create({ ...ZEGO, name: '', endpoint: 'ftp://x' }));
    expect(inBothLanguages(e.details?.fields)).toEqual({
      name: { en: 'Required', 'zh-CN': '必填' },
      endpoint: { en: 'The URL must start with http:// or https://', 'zh-CN': 'URL 必须以 http:// 或 https:// 开头' },
    });
  });

  it('refuses a duplicate name within a vendor, case-insensitively, but allows it across vendors', async () => {
    h = await openHarness();
    await h.services.accounts.create(ZEGO);
    const clash = await failure(h.services.accounts.create({ ...ZEGO, name: ' studio A ' }));
    const other = await h.services.accounts.create({ ...TIW, name: 'Studio A' });
    const b = await h.services.accounts.create({ ...ZEGO, name: 'Studio B' });
    const rename = await failure(h.services.accounts.update({ id: b.id, patch: { name: 'STUDIO A' } }));
    expect(inBothLanguages({ clash: clash.details?.fields, other: other.name, rename: rename.details?.fields })).toEqual({
      clash: { name: { en: 'This name is already used by another account of this vendor', 'zh-CN': '该名称已被同一厂商的其他账号使用' } },
      other: 'Studio A',
      rename: { name: expect.objectContaining({ en: expect.stringContaining('already used') }) },
    });
  });

  it('merges an update over the stored account and keeps its id and creation time', async () => {
    h = await openHarness();
    const acc = await h.services.accounts.create(ZEGO);
    const updated = await h.services.accounts.update({
      id: acc.id,
      patch: { name: 'Studio A2', environment: 'production', fields: { regionHost: 'cloudrecord-api-fra.zego.im' }, endpoint: 'https://proxy.example.com/zego' },
    });
    expect(updated).toEqual({
      ...acc,
      name: 'Studio A2',
      environment: 'production',
      endpoint: 'https://proxy.example.com/zego',
      fields: { appId: 1234567890, regionHost: 'cloudrecord-api-fra.zego.im' },
      updatedAt: expect.any(Number),
    });
    expect(updated.updatedAt).toBeGreaterThan(acc.updatedAt);
  });

  it('asks for confirmation before deleting an account that tasks refer to', async () => {
    h = await openHarness({ countTasksForAccount: () => 3 });
    const acc = await h.services.accounts.create({ ...TIW, secrets: { secretId: 'sid', secretKey: 'skey' } });
    const refused = await failure(h.services.accounts.delete({ id: acc.id }));
    const stillThere = (await h.services.accounts.list()).length;
    const done = await h.services.accounts.delete({ id: acc.id, confirm: true });
    expect({ refused, stillThere, done, after: await h.services.accounts.list(), gone: await failure(h.services.accounts.get(acc.id)) }).toEqual({
      refused: { code: 'CONFLICT', message: expect.stringContaining('3 recorded task'), text: msg('account.inUse', { count: 3 }), details: { taskCount: 3 } },
      stillThere: 1,
      done: { deleted: true, taskCount: 3 },
      after: [],
      gone: expect.objectContaining({ code: 'NOT_FOUND' }),
    });
  });

  it('names the missing secrets when credentials are incomplete', async () => {
    h = await openHarness();
    const acc = await h.services.accounts.create({ ...TIW, secrets: { secretId: 'sid' } });
    const e = await failure(h.services.accounts.getAccountCredentials(acc.id));
    const partial = await h.services.accounts.getAccountCredentials(acc.id, { require: ['secretId'] });
    expect({ e, partial: partial.secrets }).toEqual({
      e: { code: 'SECRET_MISSING', message: expect.stringContaining('secretKey, sdkSecretKey'), text: expect.objectContaining({ key: 'account.secretMissing' }), details: { accountId: acc.id, fields: ['secretKey', 'sdkSecretKey'] } },
      partial: { secretId: 'sid' },
    });
  });

  it('never requires the optional callback keys by default but names them when asked for', async () => {
    h = await openHarness();
    const acc = await h.services.accounts.create({ ...ZEGO, secrets: { serverSecret: 'zs' } });
    const byDefault = await h.services.accounts.getAccountCredentials(acc.id);
    const asked = await failure(h.services.accounts.getAccountCredentials(acc.id, { require: ['callbackSecret'] }));
    await h.services.secrets.set({ owner: 'account', id: acc.id, field: 'callbackSecret', value: 'cbs' });
    const withKey = await h.services.accounts.getAccountCredentials(acc.id, { require: ['callbackSecret'] });
    expect({ byDefault: byDefault.secrets, asked, withKey: withKey.secrets }).toEqual({
      byDefault: { serverSecret: 'zs' },
      asked: { code: 'SECRET_MISSING', message: expect.stringContaining('callbackSecret'), text: expect.objectContaining({ key: 'account.secretMissing' }), details: { accountId: acc.id, fields: ['callbackSecret'] } },
      withKey: { serverSecret: 'zs', callbackSecret: 'cbs' },
    });
  });

  it('reports secrets as not configured after a restart in session-only mode', async () => {
    h = await openHarness({ env: { RECDECK_KEYCHAIN: 'session' } });
    const acc = await h.services.accounts.create({ ...ZEGO, secrets: { serverSecret: 'session-only' } });
    const before = (await h.services.accounts.get(acc.id)).secrets;
    await h.restart();
    const after = (await h.services.accounts.get(acc.id)).secrets;
    expect({ before: before.map((s) => s.configured), after, status: h.vault.status().backend }).toEqual({
      before: [true, false],
      after: [
        { field: 'serverSecret', configured: false, updatedAt: null },
        { field: 'callbackSecret', configured: false, updatedAt: null },
      ],
      status: 'session',
    });
  });
});
