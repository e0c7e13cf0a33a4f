import { lookup as dnsLookup } from 'node:dns';
import { Agent, createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import Sign from 'tencentcloud-sdk-nodejs-common/tencentcloud/common/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../../src-main/emulator/clock';
import { createTiwEmulator } from '../../../../src-main/emulator/tencent-tiw';
import type { VendorEmulator } from '../../../../src-main/emulator/types';
import { createClockSkewStore } from '../../../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../../../src-main/vendors/shared/rate-limiter';
import { createTiwClient } from '../../../../src-main/vendors/tencent-tiw/client';

/**
 * The official Node SDK and our code agree on TC3.
 *
 * The SDK builds its URL as protocol + endpoint + "/" and takes the service from the endpoint's first
 * label, so `127.0.0.1:PORT/tencent-tiw` would sign service "127" and path "/tencent-tiw/". Instead
 * the emulator is mounted at "/" of a dedicated server and the SDK is given the endpoint
 * `tiw.localhost:PORT` with an http.Agent whose lookup resolves that name to 127.0.0.1. The SDK then
 * signs service `tiw`, host `tiw.localhost` (no port) and sends `Host: tiw.localhost:PORT` — the case
 * the emulator's port-tolerant host check exists for.
 */

const APP = 1400000001;
const ID = 'AKIDsdkAgreement';
const KEY = 'sdkAgreementSecretKey';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function mount(emulator: VendorEmulator): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      void emulator
        .handle({ method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://127.0.0.1'), headers, rawBody: Buffer.concat(chunks) })
        .then((answer) => {
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        });
    });
  });
}

describe('official SDK agreement', () => {
  const clock = createVirtualClock();
  const emulator = createTiwEmulator({ clock, deliverCallback: async () => undefined });
  const server = mount(emulator);
  let port = 0;

  beforeAll(async () => {
    port = await listen(server);
    await emulator.control('register-app', { sdkAppId: APP, secretId: ID, secretKey: KEY });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clock.dispose();
  });

  function sdkClient(secretKey = KEY) {
    const agent = new Agent({
      lookup: (hostname, options, callback) =>
        hostname === 'tiw.localhost' ? callback(null, [{ address: '127.0.0.1', family: 4 }], 4) : dnsLookup(hostname, options, callback),
    } as ConstructorParameters<typeof Agent>[0]);
    return new CommonClient(`tiw.localhost:${port}`, '2019-09-19', {
      credential: { secretId: ID, secretKey },
      region: 'ap-singapore',
      profile: { httpProfile: { protocol: 'http://', agent, reqTimeout: 5 } },
    });
  }

  it('accepts requests signed by tencentcloud-sdk-nodejs-common, and runs a task through it', async () => {
    const sdk = sdkClient();
    const started = (await sdk.request('StartOnlineRecord', {
      SdkAppId: APP,
      RoomId: 7,
      RecordUserId: 'tic_record_user_7_sdk',
      RecordUserSig: 'sig',
    })) as { TaskId: string };
    const described = (await sdk.request('DescribeOnlineRecord', { SdkAppId: APP, TaskId: started.TaskId })) as { Status: string };
    expect(described.Status).toBe('PREPARED');
    await sdk.request('StopOnlineRecord', { SdkAppId: APP, TaskId: started.TaskId });
  });

  it('gives the SDK the documented error when the key is wrong', async () => {
    await expect(sdkClient('wrong').request('DescribeOnlineRecordCallback', { SdkAppId: APP })).rejects.toMatchObject({
      code: 'AuthFailure.SignatureFailure',
    });
  });
});

describe('our signature, checked with the SDK signer', () => {
  let captured: { headers: IncomingHttpHeaders; body: string } | null = null;
  const capture = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      captured = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"Response":{"TaskId":"abcdefghij0123456789","RequestId":"eac6b301-a322-493a-8e36-83b295459397"}}');
    });
  });
  let port = 0;
  beforeAll(async () => {
    port = await listen(capture);
  });
  afterAll(() => new Promise<void>((resolve) => capture.close(() => resolve())));

  it('sends exactly the Authorization Sign.sign3 computes for the same request', async () => {
    const client = createTiwClient({
      baseUrl: `http://127.0.0.1:${port}`,
      sdkAppId: APP,
      region: 'ap-singapore',
      secretId: ID,
      secretKey: KEY,
      sdkSecretKey: 'im-key',
      limiter: createRateLimiter(),
      skew: createClockSkewStore(),
      timeoutMs: 3000,
    });
    const { RecordingRequestSchema } = await import('@contract');
    await client.startOnlineRecord(RecordingRequestSchema.parse({ roomId: '1203', maxIdleSec: 600 }), { priority: 'operator' });
    if (!captured) throw new Error('nothing captured');
    const { headers, body } = captured as { headers: IncomingHttpHeaders; body: string };
    const expected = Sign.sign3({
      method: 'POST',
      url: `http://127.0.0.1:${port}/`,
      payload: JSON.parse(body) as unknown,
      timestamp: Number(headers['x-tc-timestamp']),
      service: 'tiw',
      secretId: ID,
      secretKey: KEY,
      multipart: false,
      boundary: '',
      headers: { 'Content-Type': String(headers['content-type']) },
    });
    expect({
      authorization: headers['authorization'],
      action: headers['x-tc-action'],
      version: headers['x-tc-version'],
      region: headers['x-tc-region'],
    }).toEqual({ authorization: expected, action: 'StartOnlineRecord', version: '2019-09-19', region: 'ap-singapore' });
  });
});
