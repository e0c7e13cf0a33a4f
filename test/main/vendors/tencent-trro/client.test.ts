import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RecordingRequestSchema, type RecordingRequestInput } from '@contract';
import { createVirtualClock } from '../../../../src-main/emulator/clock';
import { createSandbox, type Sandbox } from '../../../../src-main/emulator/server';
import { createTrroEmulator, TRRO_TIMING } from '../../../../src-main/emulator/tencent-trro';
import { createClockSkewStore } from '../../../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../../../src-main/vendors/shared/rate-limiter';
import { verifyTrtcCallback } from '../../../../src-main/vendors/tencent-trro/callback';
import { createTrroClient, type TrroClientOptions } from '../../../../src-main/vendors/tencent-trro/client';
import { callbackReceiver } from '../../emulator/tencent-api3/harness';
import { vendorFailure } from '../../support';

const PROJECT = 'm82k5408n123phvb';
const ID = 'AKIDclientTRRO';
const KEY = 'clientSecretKeyTRRO';
const op = { priority: 'operator' } as const;
const storage = {
  target: { provider: 'tencent-cos' as const, region: 'ap-nanjing', bucket: 'recording-1304123456', pathPrefix: null },
  keys: { accessKeyId: 'accesskey-test', accessKeySecret: 'secretkey-test' },
};

const clock = createVirtualClock();
let sandbox: Sandbox;
let receiver: Awaited<ReturnType<typeof callbackReceiver>>;

beforeAll(async () => {
  sandbox = await createSandbox({ clock, emulators: [createTrroEmulator] });
  receiver = await callbackReceiver();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
  clock.dispose();
});
beforeEach(async () => {
  await sandbox.control('tencent-trro', 'register-project', { projectId: PROJECT, secretId: ID, secretKey: KEY });
});
afterEach(async () => {
  sandbox.clearFaults();
  await sandbox.control('tencent-trro', 'reset');
  receiver.received.length = 0;
  await clock.advance(1000);
});

function client(extra: Partial<TrroClientOptions> = {}) {
  return createTrroClient({
    baseUrl: `${sandbox.baseUrl}/tencent-trro`,
    projectId: PROJECT,
    secretId: ID,
    secretKey: KEY,
    limiter: createRateLimiter(),
    skew: createClockSkewStore(),
    timeoutMs: 3000,
    now: () => clock.now(),
    sleep: () => Promise.resolve(),
    ...extra,
  });
}

const request = (input: Partial<RecordingRequestInput> = {}) =>
  RecordingRequestSchema.parse({ roomId: 'dev1', storageTargetId: 'cos-1', ...input });

async function until(n: number): Promise<void> {
  for (let i = 0; i < 100 && receiver.received.length < n; i += 1) await new Promise((r) => setTimeout(r, 10));
}

describe('TRRO client against the Sandbox', () => {
  it('records a device stream, cuts files per MaxMediaFileDuration and signs callbacks with the SignKey', async () => {
    const c = client();
    await c.modifyCallbackUrl(receiver.url, 'signkey123', op);
    await sandbox.control('tencent-trro', 'publish', { projectId: PROJECT, deviceId: 'dev1', videoStreamId: 0 });
    const started = await c.createCloudRecording(
      request({ output: { format: 'hls+mp4', maxFileDurationMin: 20, fileNamePrefix: ['2024-12-24', 'dev1'] }, maxIdleSec: 20 }),
      storage,
      op,
    );
    expect(started.sentBody['CloudStorage']).toEqual({
      Vendor: 0,
      Bucket: 'recording-1304123456',
      Region: 'ap-nanjing',
      AccessKey: '***',
      SecretKey: '***',
      FileNamePrefix: ['2024-12-24', 'dev1'],
    });
    expect(started.taskId).toMatch(/^[A-Za-z0-9_-]+\.$/);
    await clock.advance(45 * 60_000);
    await c.deleteCloudRecording(started.taskId, op);
    await clock.advance(TRRO_TIMING.uploadMs);
    await until(6);
    for (const r of receiver.received) expect(verifyTrtcCallback('signkey123', r.body, r.headers['sign'] as string)).toBe(true);
    const events = receiver.received.map((r) => JSON.parse(r.body) as { EventType: number; EventInfo: { Payload: Record<string, unknown> } });
    expect(events.map((e) => e.EventType)).toEqual([301, 302, 303, 304, 310, 305]);
    const mp4 = events[4]?.EventInfo.Payload['FileList'] as string[];
    expect(mp4.map((f) => f.replace(started.taskId, 'TASK'))).toEqual([
      '2024-12-24/dev1/TASK/dev1_0_1.mp4',
      '2024-12-24/dev1/TASK/dev1_0_2.mp4',
      '2024-12-24/dev1/TASK/dev1_0_3.mp4',
    ]);
    expect((await vendorFailure(c.deleteCloudRecording(started.taskId, op))).code).toBe('VENDOR_INVALID_PARAMETER');
  });

  it('stops by itself after MaxIdleTime without a broadcaster', async () => {
    const c = client();
    await c.modifyCallbackUrl(receiver.url, null, op);
    await c.createCloudRecording(request({ maxIdleSec: 5 }), storage, op);
    await clock.advance(5000);
    await until(2);
    const stop = JSON.parse(receiver.received[1]?.body ?? '{}') as { EventType: number; EventInfo: { Payload: { LeaveCode: number } } };
    expect([stop.EventType, stop.EventInfo.Payload.LeaveCode, receiver.received[1]?.headers['sign']]).toEqual([302, 99, undefined]);
  });

  it('tests the connection with a harmless signed call and maps failures', async () => {
    await client().ping();
    const bad = await vendorFailure(client({ secretKey: 'nope' }).ping());
    const otherProject = await vendorFailure(client({ projectId: 'unknown' }).createCloudRecording(request(), storage, op));
    expect([bad.code, otherProject.code, otherProject.details['vendorCode']]).toEqual(['VENDOR_AUTH', 'VENDOR_INVALID_PARAMETER', 'InvalidParameterValue']);
  });

  it('re-signs after a clock-skew answer', async () => {
    await sandbox.injectFault({ vendor: 'tencent-trro', kind: 'clock-skew', offsetSeconds: -700 });
    await client().ping();
  });
});
