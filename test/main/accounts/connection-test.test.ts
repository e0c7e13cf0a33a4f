import { formatMessage } from '@contract';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src-main/app/core';
import { createSandbox, sandboxEmulators, type Sandbox } from '../../../src-main/emulator/index';
import { testCore, unwrap } from '../../helpers/core';

let sandbox: Sandbox;
let env: Awaited<ReturnType<typeof testCore>>;
let core: Core;

beforeAll(async () => {
  sandbox = await createSandbox({ emulators: sandboxEmulators() });
  await sandbox.control('zego', 'register-app', { appId: 777001, serverSecret: 'zego-right-secret' });
  await sandbox.control('tencent-tiw', 'register-app', { sdkAppId: 1400000777, secretId: 'AKIDconn', secretKey: 'tiw-right-key' });
  env = await testCore();
  core = env.core;
});
afterAll(async () => {
  await core.close();
  await sandbox.close();
});

async function zegoAccount(name: string, secret: string | null, extra: Record<string, unknown> = {}): Promise<string> {
  const a = unwrap(
    await env.call('accounts:create', {
      vendor: 'zego', name, endpoint: `${sandbox.baseUrl}/zego`, fields: { appId: 777001, regionHost: 'cloudrecord-api.zego.im' },
      ...(secret ? { secrets: { serverSecret: secret } } : {}), ...extra,
    }),
  );
  return a.id;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('accounts:test', () => {
  it('reports ok with the RequestId for good credentials', async () => {
    const result = unwrap(await env.call('accounts:test', { id: await zegoAccount('ok', 'zego-right-secret') }));
    expect(result).toMatchObject({ kind: 'ok', requestId: expect.any(String), offsetSeconds: null });
  });

  it('reports bad credentials with the vendor code', async () => {
    const result = unwrap(await env.call('accounts:test', { id: await zegoAccount('bad', 'zego-wrong-secret') }));
    expect([result.kind, result.vendorCode]).toEqual(['bad-credentials', '100000005']);
    expect(JSON.stringify(result)).not.toContain('zego-wrong-secret');
  });

  it('reports how far the clock is off', async () => {
    await sandbox.injectFault({ vendor: 'zego', kind: 'clock-skew', offsetSeconds: 1800 });
    const result = unwrap(await env.call('accounts:test', { id: await zegoAccount('skew', 'zego-right-secret') }));
    await sandbox.injectFault({ vendor: 'zego', kind: 'clock-skew', offsetSeconds: 0 });
    expect(result.kind).toBe('clock-skew');
    expect(Math.abs((result.offsetSeconds ?? 0) - 1800)).toBeLessThanOrEqual(2);
    expect(formatMessage('en', result.message)).toMatch(/off by -?\d+ s/);
  });

  it('reports an unreachable endpoint, naming the host and the cause once', async () => {
    const port = await closedPort();
    const id = await zegoAccount('gone', 'zego-right-secret', { endpoint: `http://127.0.0.1:${port}/zego` });
    const result = unwrap(await env.call('accounts:test', { id }));
    expect([result.kind, formatMessage('en', result.message)]).toEqual(['unreachable', `Could not reach 127.0.0.1:${port}: the connection was refused.`]);
  });

  it('names the host when the vendor answers with a server error', async () => {
    await sandbox.injectFault({ vendor: 'zego', kind: '5xx', status: 502, count: 1 });
    const result = unwrap(await env.call('accounts:test', { id: await zegoAccount('bad-gateway', 'zego-right-secret') }));
    expect([result.kind, formatMessage('en', result.message)]).toEqual(['other', `The test of ${new URL(sandbox.baseUrl).host} failed: the vendor answered with HTTP 502.`]);
  });

  it('reports the wrong environment', async () => {
    const id = await zegoAccount('env', 'zego-right-secret', { environment: 'test' });
    expect(unwrap(await env.call('accounts:test', { id })).kind).toBe('wrong-environment');
  });

  it('reports a wrong Tencent region', async () => {
    const a = unwrap(
      await env.call('accounts:create', {
        vendor: 'tencent-tiw', name: 'region', endpoint: `${sandbox.baseUrl}/tencent-tiw`, fields: { sdkAppId: 1400000777, region: 'xx-nowhere-1' },
        secrets: { secretId: 'AKIDconn', secretKey: 'tiw-right-key' },
      }),
    );
    expect(unwrap(await env.call('accounts:test', { id: a.id })).kind).toBe('wrong-region');
  });

  it('reports a missing secret without calling the vendor', async () => {
    const result = unwrap(await env.call('accounts:test', { id: await zegoAccount('nosecret', null) }));
    expect([result.kind, result.requestId]).toEqual(['secret-missing', null]);
  });

  it('answers NOT_FOUND for an unknown account', async () => {
    const result = await env.call('accounts:test', { id: 'no-such-account' });
    expect(result.ok ? null : result.error.code).toBe('NOT_FOUND');
  });
});
