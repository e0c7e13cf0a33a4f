import { readFileSync, existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { COS, failure, openHarness, TIW, TRRO, ZEGO, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.dispose());

// Distinctive values, so a hit can only mean a leak.
const SECRETS = {
  zego: 'LEAK-zego-server-secret-7f3a91',
  zego2: 'LEAK-zego-replaced-secret-22c1',
  tiwId: 'LEAK-AKIDtiw-secret-id-5b20',
  tiwKey: 'LEAK-tiw-secret-key-a8e4d',
  tiwSdk: 'LEAK-tiw-sdk-secret-key-0c77',
  trroKey: 'LEAK-trro-secret-key-91bb',
  cosId: 'LEAK-cos-access-key-id-3e5f',
  cosSecret: 'LEAK-cos-access-key-secret-d4d4',
};

describe('secret leak search', () => {
  it('finds no secret in any answer, the SQLite file, its WAL, the log or the export', async () => {
    h = await openHarness();
    const answers: unknown[] = [];
    const keep = async <T>(p: Promise<T> | T) => {
      const v = await p;
      answers.push(v);
      return v;
    };
    const z = await keep(h.services.accounts.create({ ...ZEGO, secrets: { serverSecret: SECRETS.zego } }));
    const t = await keep(h.services.accounts.create({ ...TIW, secrets: { secretId: SECRETS.tiwId } }));
    const r = await keep(h.services.accounts.create(TRRO));
    await keep(h.services.accounts.update({ id: z.id, patch: { name: 'Renamed' }, secrets: { serverSecret: SECRETS.zego2 } }));
    await keep(h.services.accounts.update({ id: t.id, patch: {}, secrets: { secretKey: SECRETS.tiwKey, sdkSecretKey: SECRETS.tiwSdk } }));
    await keep(h.services.secrets.set({ owner: 'account', id: r.id, field: 'secretKey', value: SECRETS.trroKey }));
    const s = await keep(h.services.storage.create({ ...COS, secrets: { accessKeyId: SECRETS.cosId } }));
    await keep(h.services.secrets.set({ owner: 'storage', id: s.id, field: 'accessKeySecret', value: SECRETS.cosSecret }));
    // Failures are answers too: a bad secret value, a value for the wrong field.
    answers.push(await failure(h.services.secrets.set({ owner: 'account', id: z.id, field: 'secretKey', value: SECRETS.zego })));
    answers.push(await failure(h.services.accounts.create({ ...ZEGO, name: 'x'.repeat(80), secrets: { serverSecret: SECRETS.zego } })));
    answers.push(await failure(h.services.secrets.set({ owner: 'account', id: z.id, field: 'serverSecret', value: SECRETS.zego.repeat(400) })));
    await keep(h.services.accounts.list());
    await keep(h.services.storage.list());
    await keep(h.services.secrets.status({ owner: 'account', id: t.id }));
    await keep(h.services.secrets.status({ owner: 'storage', id: s.id }));
    const exported = await keep(h.services.transfer.export());

    // The secrets did land in the vault: the search below is not vacuous.
    const creds = await h.services.accounts.getAccountCredentials(t.id);
    const send = await h.services.storage.getStorageForSend(s.id);
    expect([creds.secrets, send.keys]).toEqual([
      { secretId: SECRETS.tiwId, secretKey: SECRETS.tiwKey, sdkSecretKey: SECRETS.tiwSdk },
      { accessKeyId: SECRETS.cosId, accessKeySecret: SECRETS.cosSecret },
    ]);

    const wal = `${h.file}-wal`;
    const haystacks: Record<string, Buffer> = {
      answers: Buffer.from(JSON.stringify(answers)),
      export: Buffer.from(JSON.stringify(exported)),
      log: Buffer.from(h.lines.join('\n')),
      sqlite: readFileSync(h.file),
      wal: existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0),
    };
    const hits: string[] = [];
    for (const [where, bytes] of Object.entries(haystacks)) {
      for (const [name, value] of Object.entries(SECRETS)) {
        if (bytes.includes(Buffer.from(value, 'utf8')) || bytes.includes(Buffer.from(value, 'utf16le'))) hits.push(`${name} in ${where}`);
      }
    }
    expect({ hits, walChecked: haystacks.wal!.length > 0, logged: h.lines.length > 0 }).toEqual({ hits: [], walChecked: true, logged: true });
  });
});
