import { describe, expect, it } from 'vitest';
import {
  checkEndpointUrl,
  formatMessage,
  STORAGE_FORMS,
  STORAGE_PROVIDER_INFO,
  STORAGE_PROVIDERS,
  storageProvidersFor,
  StorageTargetCreateInputSchema,
} from '@contract';

describe('storage contract', () => {
  it('lists for each vendor the providers it uploads to, in provider order', () => {
    expect({ zego: storageProvidersFor('zego').length, trro: storageProvidersFor('tencent-trro'), tiw: storageProvidersFor('tencent-tiw') }).toEqual({
      zego: 10,
      trro: ['amazon-s3', 'tencent-cos'],
      tiw: [],
    });
  });

  it('marks each provider’s required fields and keys as required in its form', () => {
    for (const p of STORAGE_PROVIDERS) {
      const info = STORAGE_PROVIDER_INFO[p];
      const required = STORAGE_FORMS[p].filter((f) => f.required).map((f) => f.key).sort();
      expect({ p, required }).toEqual({ p, required: ['name', 'provider', ...info.required, ...info.secrets].sort() });
    }
  });

  it('accepts the minimal valid target of every provider and rejects each one missing a required field', () => {
    const full = { region: 'r-1', bucket: 'b', endpoint: 'https://s3.example.com', title: 't', storageLocation: 'loc' };
    for (const p of STORAGE_PROVIDERS) {
      const info = STORAGE_PROVIDER_INFO[p];
      const minimal = { name: 'n', provider: p, ...Object.fromEntries(info.required.map((k) => [k, full[k]])) };
      expect(StorageTargetCreateInputSchema.safeParse(minimal).success).toBe(true);
      for (const k of info.required) {
        const { [k]: _drop, ...missing } = minimal as Record<string, unknown>;
        const r = StorageTargetCreateInputSchema.safeParse(missing);
        expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual([k]);
      }
    }
  });

  it('checks custom endpoint URLs', () => {
    const verdict = (u: string) => { const m = checkEndpointUrl(u); return m ? formatMessage('en', m) : 'ok'; };
    expect(
      ['https://s3.example.com', 'http://127.0.0.1:9000/base/', 'ftp://x', 'https://a:b@x', 'https://x/?q=1', 'https://x/#f', 'nonsense', 'https://x/?'].map(verdict),
    ).toEqual([
      'ok',
      'ok',
      'The URL must start with http:// or https://',
      'Do not put credentials in the URL',
      'The URL must not have a query (?) or fragment (#)',
      'The URL must not have a query (?) or fragment (#)',
      'Not a valid URL (e.g. https://host.example.com)',
      'The URL must not have a query (?) or fragment (#)',
    ]);
  });

  it('allows only TRRO-safe path prefix segments', () => {
    const ok = (pathPrefix: string) =>
      StorageTargetCreateInputSchema.safeParse({ name: 'n', provider: 'google-gcs', bucket: 'b', pathPrefix }).success;
    expect(['a/b_c/d-1', '', 'a//b', '/a', 'a/../b', 'a b', 'a/b/'].map(ok)).toEqual([true, true, false, false, false, false, false]);
  });
});
