import { describe, expect, it } from 'vitest';
import { inBothLanguages } from '../helpers/messages';
import {
  ACCOUNT_FORMS,
  ACCOUNT_SECRET_FIELDS,
  ACCOUNT_SECRET_INFO,
  AccountCreateInputSchema,
  AccountDraftSchema,
  CATALOGUES,
  issuesToFieldErrors,
  VENDOR_IDS,
} from '@contract';

describe('account contract', () => {
  it('fills defaults and forces Tencent accounts to production', () => {
    const parse = (v: unknown) => AccountDraftSchema.safeParse(v);
    expect({
      zego: parse({ vendor: 'zego', name: ' A ', fields: { appId: 1 } }).data,
      trro: parse({ vendor: 'tencent-trro', name: 'B', fields: { projectId: 'p1', region: '' } }).data,
      tiwTest: parse({ vendor: 'tencent-tiw', name: 'C', environment: 'test', fields: { sdkAppId: 1, region: 'ap-guangzhou' } }).success,
    }).toEqual({
      zego: { vendor: 'zego', name: 'A', environment: 'production', endpoint: null, fields: { appId: 1, regionHost: 'cloudrecord-api.zego.im' } },
      trro: { vendor: 'tencent-trro', name: 'B', environment: 'production', endpoint: null, fields: { projectId: 'p1', region: null } },
      tiwTest: false,
    });
  });

  it('builds each vendor form from its fields and every secret field', () => {
    for (const vendor of VENDOR_IDS) {
      const keys = ACCOUNT_FORMS[vendor].map((f) => f.key);
      const secrets = ACCOUNT_FORMS[vendor].filter((f) => f.kind === 'secret').map((f) => f.key);
      expect({ vendor, secrets, info: ACCOUNT_SECRET_INFO[vendor].map((s) => s.field), hasName: keys.includes('name') }).toEqual({
        vendor,
        secrets: [...ACCOUNT_SECRET_FIELDS[vendor]],
        info: [...ACCOUNT_SECRET_FIELDS[vendor]],
        hasName: true,
      });
      for (const f of ACCOUNT_FORMS[vendor]) expect([f.label, f.help].every((m) => m.key in CATALOGUES.en && m.key in CATALOGUES['zh-CN'])).toBe(true);
    }
  });

  it('accepts a form filled with every non-secret key it lists', () => {
    const samples: Record<string, unknown> = {
      name: 'N',
      environment: 'production',
      endpoint: 'http://127.0.0.1:9000',
      'fields.appId': 7,
      'fields.regionHost': 'cloudrecord-api-sgp.zego.im',
      'fields.sdkAppId': 1400000001,
      'fields.region': 'ap-singapore',
      'fields.projectId': 'proj_1',
    };
    for (const vendor of VENDOR_IDS) {
      const input: Record<string, unknown> & { fields: Record<string, unknown> } = { vendor, fields: {} };
      for (const f of ACCOUNT_FORMS[vendor]) {
        if (f.kind === 'secret') continue;
        if (f.key.startsWith('fields.')) input.fields[f.key.slice(7)] = samples[f.key];
        else input[f.key] = samples[f.key];
      }
      expect(AccountCreateInputSchema.safeParse(input).success).toBe(true);
    }
  });

  it('reports problems per path in both languages without echoing the value', () => {
    const secretish = 'value-that-must-not-echo';
    const r = AccountCreateInputSchema.safeParse({
      vendor: 'zego',
      name: 'x'.repeat(65),
      fields: { appId: secretish },
      secrets: { serverSecret: 5 },
      endpoint: `https://${secretish}@h`,
    });
    const fields = issuesToFieldErrors(r.error!.issues);
    expect({ fields: inBothLanguages(fields), echoed: JSON.stringify(fields).includes(secretish) }).toEqual({
      fields: {
        name: { en: 'At most 64 characters', 'zh-CN': '最多 64 个字符' },
        'fields.appId': { en: 'Expected a number', 'zh-CN': '应为数字' },
        'secrets.serverSecret': { en: 'Expected text', 'zh-CN': '应为文本' },
        endpoint: { en: 'Do not put credentials in the URL', 'zh-CN': '请勿在 URL 中包含用户名或密码' },
      },
      echoed: false,
    });
  });

  it('names the known vendors when the vendor is unknown', () => {
    const r = AccountCreateInputSchema.safeParse({ vendor: 'agora', name: 'a' });
    expect(issuesToFieldErrors(r.error!.issues)).toEqual({
      vendor: { key: 'field.chooseOne', params: { values: 'zego, tencent-tiw, tencent-trro' } },
    });
  });
});
