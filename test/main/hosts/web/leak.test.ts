import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../../src-main/app/core';
import { startWebHost } from '../../../../src-main/hosts/web/server';
import { fileSink } from '../../../../src-main/logging/file-sink';
import { createLogger } from '../../../../src-main/logging/logger';
import { createVault } from '../../../../src-main/secrets/vault';
import { purgeKeychain, uniqueService } from '../../support';

const SECRETS = {
  zego: 'LEAKCH-zego-server-secret-51ab',
  tiwId: 'LEAKCH-AKID-tiw-secret-id-77c0',
  tiwKey: 'LEAKCH-tiw-secret-key-90d1',
  tiwSdk: 'LEAKCH-tiw-sdk-key-1e2f',
  trroId: 'LEAKCH-trro-secret-id-3a3a',
  cosId: 'LEAKCH-cos-key-id-4b4b',
  cosSecret: 'LEAKCH-cos-key-secret-5c5c',
};
const service = uniqueService();
afterAll(() => purgeKeychain(service).catch(() => {}));

describe('secrets never reach the renderer, SQLite, the logs or an export', () => {
  it('finds no secret byte after every accounts, storage and secrets channel ran over HTTP', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recdeck-leak-'));
    const log = createLogger(fileSink(dataDir));
    const vault = await createVault({ log, service });
    const core = await createCore({ host: 'web', dataDir, version: 't', log, vault });
    const host = await startWebHost({ core, staticDir: dataDir, log });
    const sse = await fetch(`${host.url}api/events`, { headers: { authorization: `Bearer ${host.token}` } });
    const sseReader = sse.body!.pipeThrough(new TextDecoderStream()).getReader();
    let sseText = '';
    void (async () => {
      for (;;) {
        const { value, done } = await sseReader.read();
        if (done) return;
        sseText += value;
      }
    })().catch(() => {});

    const answers: string[] = [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the test searches their bytes
    const call = async (channel: string, input: unknown): Promise<any> => {
      const res = await fetch(`${host.url}api/invoke/${channel}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const text = await res.text();
      answers.push(text);
      return JSON.parse(text);
    };

    const zego = await call('accounts:create', {
      vendor: 'zego', name: 'Prod', environment: 'production', endpoint: null,
      fields: { appId: 123456, regionHost: 'cloudrecord-api.zego.im' }, secrets: { serverSecret: SECRETS.zego },
    });
    expect(zego.ok).toBe(true);
    const tiw = await call('accounts:create', {
      vendor: 'tencent-tiw', name: 'TIW', endpoint: null, fields: { sdkAppId: 1400000001, region: 'ap-singapore' },
      secrets: { secretId: SECRETS.tiwId },
    });
    expect(tiw.ok).toBe(true);
    const trro = await call('accounts:create', { vendor: 'tencent-trro', name: 'TRRO', endpoint: null, fields: { projectId: 'm82k5408n123phvb' } });
    expect(trro.ok).toBe(true);
    await call('accounts:update', { id: tiw.value.id, patch: { name: 'TIW 2' }, secrets: { secretKey: SECRETS.tiwKey } });
    await call('secrets:set', { owner: 'account', id: tiw.value.id, field: 'sdkSecretKey', value: SECRETS.tiwSdk });
    await call('secrets:set', { owner: 'account', id: trro.value.id, field: 'secretId', value: SECRETS.trroId });
    const cos = await call('storage:create', {
      name: 'COS', provider: 'tencent-cos', region: 'ap-nanjing', bucket: 'rec-1304123456', secrets: { accessKeyId: SECRETS.cosId },
    });
    expect(cos.ok).toBe(true);
    await call('secrets:set', { owner: 'storage', id: cos.value.id, field: 'accessKeySecret', value: SECRETS.cosSecret });
    // Refused inputs are answers too.
    await call('secrets:set', { owner: 'account', id: zego.value.id, field: 'secretKey', value: SECRETS.zego });
    await call('accounts:create', { vendor: 'zego', name: '', fields: { appId: -1 }, secrets: { serverSecret: SECRETS.zego } });
    await call('secrets:set', { owner: 'account', id: zego.value.id, field: 'serverSecret', value: SECRETS.zego.repeat(300) });
    await call('storage:update', { id: cos.value.id, patch: { bucket: '' }, secrets: { accessKeySecret: SECRETS.cosSecret } });
    const statuses = await call('secrets:status', { owner: 'account', id: tiw.value.id });
    expect(statuses.value.map((s: { field: string; configured: boolean }) => [s.field, s.configured])).toEqual([
      ['secretId', true],
      ['secretKey', true],
      ['sdkSecretKey', true],
      ['callbackKey', false],
    ]);
    await call('secrets:status', { owner: 'storage', id: cos.value.id });
    await call('accounts:list', {});
    await call('storage:list', {});
    const exported = await call('accounts:export', {});
    await call('secrets:clear', { owner: 'account', id: trro.value.id, field: 'secretId' });
    await call('accounts:delete', { id: trro.value.id });

    await host.close();
    await core.close();

    const files = readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
      .map((f) => join(dataDir, f))
      .filter((f) => existsSync(f) && !f.endsWith('logs'));
    expect(files.some((f) => f.endsWith('recdeck.sqlite'))).toBe(true);
    expect(files.some((f) => f.endsWith('recdeck.log'))).toBe(true);
    const haystacks: [string, Buffer][] = [
      ['answers', Buffer.from(answers.join('\n'))],
      ['events', Buffer.from(sseText)],
      ['export', Buffer.from(JSON.stringify(exported))],
      ...files.flatMap((f): [string, Buffer][] => {
        try {
          return [[f, readFileSync(f)]];
        } catch {
          return [];
        }
      }),
    ];
    expect(sseText).toContain('accounts:changed');
    const hits = haystacks.flatMap(([name, hay]) =>
      Object.values(SECRETS).filter((s) => hay.includes(Buffer.from(s)) || hay.includes(Buffer.from(s, 'utf16le'))).map((s) => `${s} in ${name}`),
    );
    expect(hits).toEqual([]);
  });
});
