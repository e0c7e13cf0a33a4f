import { afterEach, describe, expect, it } from 'vitest';
import { EXPORT_NOTE } from '../../../src-main/accounts';
import { COS, failure, openHarness, TIW, ZEGO, type Harness } from './harness';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const x of harnesses.splice(0)) await x.dispose();
});
async function open() {
  const x = await openHarness();
  harnesses.push(x);
  return x;
}

describe('AccountsTransfer', () => {
  it('exports everything but secrets and imports it into another database', async () => {
    const a = await open();
    await a.services.accounts.create({ ...ZEGO, secrets: { serverSecret: 'zs' } });
    await a.services.accounts.create(TIW);
    await a.services.storage.create({ ...COS, secrets: { accessKeyId: 'k', accessKeySecret: 's' } });
    const exported = JSON.parse(JSON.stringify(a.services.transfer.export()));
    const b = await open();
    const result = b.services.transfer.import({ data: exported });
    const strip = (xs: { id: string; createdAt: number; updatedAt: number; secrets: unknown }[]) =>
      xs.map(({ id: _i, createdAt: _c, updatedAt: _u, secrets: _s, ...rest }) => rest);
    expect({
      head: { ...exported, accounts: exported.accounts.length, storageTargets: exported.storageTargets.length, exportedAt: 'x' },
      result,
      accounts: strip(await b.services.accounts.list()),
      storage: strip(await b.services.storage.list()),
      secretsAfterImport: (await b.services.accounts.list()).flatMap((x) => x.secrets.map((s) => s.configured)),
    }).toEqual({
      head: { format: 'recdeck-accounts', version: 1, exportedAt: 'x', secretsIncluded: false, note: EXPORT_NOTE, accounts: 2, storageTargets: 1 },
      result: { accounts: 2, storageTargets: 1, renamed: [] },
      accounts: strip(await a.services.accounts.list()),
      storage: strip(await a.services.storage.list()),
      secretsAfterImport: [false, false, false, false, false, false],
    });
  });

  it('renames clashing names with a suffix and reports them', async () => {
    const a = await open();
    await a.services.accounts.create(ZEGO);
    await a.services.storage.create(COS);
    const data = a.services.transfer.export();
    data.accounts.push({ ...data.accounts[0]! });
    const result = a.services.transfer.import({ data });
    expect({ result, names: (await a.services.accounts.list()).map((x) => x.name) }).toEqual({
      result: {
        accounts: 2,
        storageTargets: 1,
        renamed: [
          { kind: 'account', from: 'Studio A', to: 'Studio A (imported)' },
          { kind: 'account', from: 'Studio A', to: 'Studio A (imported 2)' },
          { kind: 'storage', from: 'COS main', to: 'COS main (imported)' },
        ],
      },
      names: ['Studio A', 'Studio A (imported 2)', 'Studio A (imported)'],
    });
  });

  it('writes nothing when any entry is invalid, and refuses secrets or foreign files', async () => {
    const a = await open();
    await a.services.accounts.create(ZEGO);
    const good = a.services.transfer.export();
    const before = JSON.stringify(await a.services.accounts.list());
    const bad = {
      ...good,
      accounts: [...good.accounts, { ...TIW, environment: 'production', endpoint: null, fields: { sdkAppId: 'x', region: 'ap-guangzhou' } }],
    };
    const withSecret = { ...good, accounts: [{ ...good.accounts[0], secrets: { serverSecret: 'x' } }] };
    const errors = [
      await failure(Promise.resolve().then(() => a.services.transfer.import({ data: bad }))),
      await failure(Promise.resolve().then(() => a.services.transfer.import({ data: withSecret }))),
      await failure(Promise.resolve().then(() => a.services.transfer.import({ data: { ...good, secretsIncluded: true } }))),
      await failure(Promise.resolve().then(() => a.services.transfer.import({ data: { ...good, format: 'other', version: 2 } }))),
    ];
    expect({
      fields: errors.map((e) => [e.code, Object.keys(e.details?.fields as object).sort()]),
      unchanged: JSON.stringify(await a.services.accounts.list()) === before,
    }).toEqual({
      fields: [
        ['VALIDATION', ['data.accounts.1.fields.sdkAppId']],
        ['VALIDATION', ['data.accounts.0.secrets']],
        ['VALIDATION', ['data.secretsIncluded']],
        ['VALIDATION', ['data.format', 'data.version']],
      ],
      unchanged: true,
    });
  });
});
