import { describe, expect, it } from 'vitest';
import { startStandaloneSandbox } from '../../../src-main/emulator/standalone';
import { createClockSkewStore } from '../../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../../src-main/vendors/shared/rate-limiter';
import { createTiwClient } from '../../../src-main/vendors/tencent-tiw/client';
import { createTrroClient } from '../../../src-main/vendors/tencent-trro/client';
import { createZegoClient } from '../../../src-main/vendors/zego/client';

describe('standalone Sandbox', () => {
  it('prints credentials for all three vendors that our own clients can use', async () => {
    const lines: string[] = [];
    const { sandbox, credentials } = await startStandaloneSandbox(0, { print: (l) => lines.push(l), env: {} });
    try {
      const deps = { limiter: createRateLimiter(), skew: createClockSkewStore(), timeoutMs: 5000 };
      const { zego, 'tencent-tiw': tiw, 'tencent-trro': trro } = credentials;
      expect(zego.serverSecret).toMatch(/^[0-9a-f]{32}$/);
      const text = lines.join('\n');
      for (const fact of [`${sandbox.baseUrl}/zego`, String(zego.appId), zego.serverSecret, String(tiw.sdkAppId), tiw.secretKey, trro.projectId]) expect(text).toContain(fact);
      await createZegoClient({ baseUrl: `${sandbox.baseUrl}/zego`, appId: zego.appId, serverSecret: zego.serverSecret, isTest: null, ...deps }).ping();
      await createTiwClient({ baseUrl: `${sandbox.baseUrl}/tencent-tiw`, sdkAppId: tiw.sdkAppId, region: 'ap-singapore', secretId: tiw.secretId, secretKey: tiw.secretKey, ...deps }).ping();
      await createTrroClient({ baseUrl: `${sandbox.baseUrl}/tencent-trro`, projectId: trro.projectId, secretId: trro.secretId, secretKey: trro.secretKey, ...deps }).ping();
    } finally {
      await sandbox.close();
    }
  });

  it('prints the control token, which the control API wants', async () => {
    const lines: string[] = [];
    const { sandbox } = await startStandaloneSandbox(0, { print: (l) => lines.push(l), env: {} });
    try {
      const printed = /Authorization: Bearer (\S+)/.exec(lines.join('\n'))?.[1] ?? '';
      const clock = (headers: Record<string, string>) => fetch(`${sandbox.baseUrl}/control/clock`, { headers }).then((r) => r.status);
      expect([await clock({ authorization: `Bearer ${printed}` }), await clock({})]).toEqual([200, 401]);
    } finally {
      await sandbox.close();
    }
  });

  it('keeps a ZEGO secret given in RECDECK_SANDBOX_ZEGO_SECRET', async () => {
    const { sandbox, credentials } = await startStandaloneSandbox(0, { print: () => undefined, env: { RECDECK_SANDBOX_ZEGO_SECRET: 'given' } });
    await sandbox.close();
    expect(credentials.zego.serverSecret).toBe('given');
  });
});
