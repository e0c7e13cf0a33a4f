import { afterEach, describe, expect, it } from 'vitest';
import { COS, failure, openHarness, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.dispose());

describe('StorageService', () => {
  it('creates a target, stores its keys and hands them out only for sending', async () => {
    h = await openHarness();
    const t = await h.services.storage.create({ ...COS, secrets: { accessKeyId: 'AKID-1', accessKeySecret: 'cos-secret' } });
    const send = await h.services.storage.getStorageForSend(t.id);
    expect({ listed: await h.services.storage.list(), send }).toEqual({
      listed: [
        {
          ...COS,
          id: t.id,
          endpoint: null,
          title: null,
          storageLocation: null,
          subAppId: null,
          createdAt: t.createdAt,
          updatedAt: t.createdAt,
          secrets: [
            { field: 'accessKeyId', configured: true, updatedAt: expect.any(Number) },
            { field: 'accessKeySecret', configured: true, updatedAt: expect.any(Number) },
          ],
        },
      ],
      send: {
        target: { ...COS, id: t.id, endpoint: null, title: null, storageLocation: null, subAppId: null },
        keys: { accessKeyId: 'AKID-1', accessKeySecret: 'cos-secret' },
      },
    });
  });

  it('applies the per-provider required fields and changes nothing on failure', async () => {
    h = await openHarness();
    await h.services.storage.create(COS);
    const before = JSON.stringify(await h.services.storage.list());
    const cases: Record<string, () => Promise<unknown>> = {
      's3 without bucket': () => h.services.storage.create({ name: 'x', provider: 'amazon-s3', region: 'cn-north-1' }),
      's3-compatible without endpoint': () => h.services.storage.create({ name: 'x', provider: 's3-compatible', region: 'r', bucket: 'b' }),
      'aliyun-vod without title': () => h.services.storage.create({ name: 'x', provider: 'aliyun-vod', region: 'cn-shanghai' }),
      'tencent-vod without region': () => h.services.storage.create({ name: 'x', provider: 'tencent-vod' }),
      'unknown provider': () => h.services.storage.create({ name: 'x', provider: 'dropbox' }),
      'duplicate name across providers': () => h.services.storage.create({ name: 'cos MAIN', provider: 'google-gcs', bucket: 'b' }),
      'bad path prefix': () => h.services.storage.create({ ...COS, name: 'y', pathPrefix: '../etc' }),
      'endpoint with credentials': () =>
        h.services.storage.create({ name: 'x', provider: 's3-compatible', region: 'r', bucket: 'b', endpoint: 'https://k:s@minio.local' }),
      'key of another provider': () => h.services.storage.create({ ...COS, name: 'y', secrets: { secretId: 'x' } }),
      'subAppId as text': () => h.services.storage.create({ name: 'x', provider: 'tencent-vod', region: 'ap-shanghai', subAppId: '12' }),
    };
    const out: Record<string, unknown> = {};
    for (const [label, run] of Object.entries(cases)) {
      const e = await failure(run());
      out[label] = [e.code, Object.keys((e.details?.fields as object) ?? {}).sort()];
    }
    expect(out).toEqual({
      's3 without bucket': ['VALIDATION', ['bucket']],
      's3-compatible without endpoint': ['VALIDATION', ['endpoint']],
      'aliyun-vod without title': ['VALIDATION', ['storageLocation', 'title']],
      'tencent-vod without region': ['VALIDATION', ['region']],
      'unknown provider': ['VALIDATION', ['provider']],
      'duplicate name across providers': ['VALIDATION', ['name']],
      'bad path prefix': ['VALIDATION', ['pathPrefix']],
      'endpoint with credentials': ['VALIDATION', ['endpoint']],
      'key of another provider': ['VALIDATION', ['secrets.secretId']],
      'subAppId as text': ['VALIDATION', ['subAppId']],
    });
    expect(JSON.stringify(await h.services.storage.list())).toBe(before);
  });

  it('drops keys the new provider does not use when the provider changes', async () => {
    h = await openHarness();
    const t = await h.services.storage.create({ name: 'vod', provider: 'tencent-vod', region: 'ap-shanghai', secrets: { secretId: 'a', secretKey: 'b' } });
    const updated = await h.services.storage.update({
      id: t.id,
      patch: { provider: 'amazon-s3', region: 'us-east-1', bucket: 'rec' },
      secrets: { accessKeyId: 'c', accessKeySecret: 'd' },
    });
    const vodKeys = [await h.vault.get(`storage:${t.id}:secretId`), await h.vault.get(`storage:${t.id}:secretKey`)];
    expect({ provider: updated.provider, secrets: updated.secrets.map((s) => [s.field, s.configured]), vodKeys }).toEqual({
      provider: 'amazon-s3',
      secrets: [
        ['accessKeyId', true],
        ['accessKeySecret', true],
      ],
      vodKeys: [null, null],
    });
  });

  it('deletes a target with its keys and names missing keys before a send', async () => {
    h = await openHarness();
    const t = await h.services.storage.create({ ...COS, secrets: { accessKeyId: 'only-id' } });
    const missing = await failure(h.services.storage.getStorageForSend(t.id));
    await h.services.storage.delete({ id: t.id });
    expect({ missing, left: await h.vault.get(`storage:${t.id}:accessKeyId`), list: await h.services.storage.list() }).toEqual({
      missing: { code: 'SECRET_MISSING', message: expect.stringContaining('accessKeySecret'), text: expect.objectContaining({ key: 'storageTarget.secretMissing' }), details: { storageTargetId: t.id, fields: ['accessKeySecret'] } },
      left: null,
      list: [],
    });
  });
});
