import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RecordingRequestSchema, type RecordingRequestInput } from '@contract';
import { createVirtualClock } from '../../../../src-main/emulator/clock';
import { createSandbox, type Sandbox } from '../../../../src-main/emulator/server';
import { createTiwEmulator, TIW_TIMING } from '../../../../src-main/emulator/tencent-tiw';
import { createClockSkewStore } from '../../../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../../../src-main/vendors/shared/rate-limiter';
import { createTiwClient, type TiwClientOptions } from '../../../../src-main/vendors/tencent-tiw/client';
import { vendorFailure } from '../../support';

const APP = 1400000001;
const ID = 'AKIDclientTIW';
const KEY = 'clientSecretKeyTIW';
const SDK_KEY = 'imSdkSecretKey';
const op = { priority: 'operator' } as const;

const clock = createVirtualClock();
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await createSandbox({ clock, emulators: [createTiwEmulator] });
});
afterAll(async () => {
  await sandbox.close();
  clock.dispose();
});
beforeEach(async () => {
  await sandbox.control('tencent-tiw', 'register-app', { sdkAppId: APP, secretId: ID, secretKey: KEY, sdkSecretKey: SDK_KEY });
});
afterEach(async () => {
  sandbox.clearFaults();
  await sandbox.control('tencent-tiw', 'reset');
  await clock.advance(1000);
});

function client(extra: Partial<TiwClientOptions> = {}) {
  const limiter = createRateLimiter();
  const skew = createClockSkewStore();
  const c = createTiwClient({
    baseUrl: `${sandbox.baseUrl}/tencent-tiw`,
    sdkAppId: APP,
    region: 'ap-singapore',
    secretId: ID,
    secretKey: KEY,
    sdkSecretKey: SDK_KEY,
    limiter,
    skew,
    timeoutMs: 3000,
    now: () => clock.now(),
    sleep: () => Promise.resolve(),
    ...extra,
  });
  return { c, limiter, skew };
}

const request = (input: Partial<RecordingRequestInput> = {}) => RecordingRequestSchema.parse({ roomId: '1203', ...input });

describe('TIW client against the Sandbox', () => {
  it('starts with a generated RecordUserSig, then pauses, resumes, stops and reads the result', async () => {
    const { c, limiter } = client();
    await sandbox.control('tencent-tiw', 'publish', { sdkAppId: APP, roomId: 1203, userId: 'teacher' });
    const started = await c.startOnlineRecord(request({ tiw: { recordUserId: 'tic_record_user_1203_a1' } }), op);
    expect(started).toEqual({
      taskId: expect.stringMatching(/^[a-z0-9]{20}$/),
      requestId: expect.any(String),
      sentBody: { SdkAppId: APP, RoomId: 1203, RecordUserId: 'tic_record_user_1203_a1', RecordUserSig: '***' },
    });
    expect(limiter.recent(`tencent-tiw:${APP}:StartOnlineRecord`)).toBe(1);
    expect((await c.describeOnlineRecord(started.taskId, op)).status.state).toBe('starting');
    await clock.advance(TIW_TIMING.prepareMs);
    await c.pauseOnlineRecord(started.taskId, op);
    expect((await c.describeOnlineRecord(started.taskId, op)).status.state).toBe('paused');
    await c.resumeOnlineRecord(started.taskId, op);
    await clock.advance(5000);
    await c.stopOnlineRecord(started.taskId, op);
    expect((await c.describeOnlineRecord(started.taskId, op)).status.state).toBe('uploading');
    await clock.advance(TIW_TIMING.uploadMs);
    const done = await c.describeOnlineRecord(started.taskId, { priority: 'background' });
    expect([done.status.state, done.status.finishReason, done.status.files.map((f) => [f.kind, f.userId])]).toEqual([
      'finished',
      'USER_CALL',
      [
        ['stream', 'teacher'],
        ['whiteboard', null],
      ],
    ]);
    const stopAgain = await vendorFailure(c.stopOnlineRecord(started.taskId, op));
    expect([stopAgain.code, stopAgain.details['vendorCode']]).toEqual(['VENDOR_STATE', 'UnsupportedOperation.TaskHasAlreadyStopped']);
  });

  it('uses a pasted RecordUserSig and reports a task whose sig is refused as failed', async () => {
    const { c } = client();
    const { taskId } = await c.startOnlineRecord(request(), { ...op, recordUserSig: 'pasted-but-wrong' });
    await clock.advance(TIW_TIMING.prepareMs + TIW_TIMING.uploadMs);
    const { status } = await c.describeOnlineRecord(taskId, op);
    expect([status.state, status.extra['errorCode']]).toEqual(['failed', 'FailedOperation.Record']);
  });

  it('asks for a RecordUserSig when it cannot generate one', async () => {
    const { c } = client({ sdkSecretKey: null });
    expect((await vendorFailure(c.startOnlineRecord(request(), op))).code).toBe('SECRET_MISSING');
  });

  it('re-signs once with the server clock offset on AuthFailure.SignatureExpire', async () => {
    await sandbox.injectFault({ vendor: 'tencent-tiw', kind: 'clock-skew', offsetSeconds: 900 });
    const { c, skew } = client();
    await c.ping();
    expect(Math.abs(skew.get(`${sandbox.baseUrl}/tencent-tiw`) - 900)).toBeLessThanOrEqual(1);
  });

  it('retries a throttled call with backoff, then gives up with VENDOR_RATE_LIMITED', async () => {
    const { c } = client();
    await sandbox.injectFault({ vendor: 'tencent-tiw', kind: 'rate-limit-storm', count: 2 });
    await c.ping();
    await sandbox.injectFault({ vendor: 'tencent-tiw', kind: 'rate-limit-storm', count: 10 });
    const e = await vendorFailure(c.ping());
    expect([e.code, e.retryable]).toEqual(['VENDOR_RATE_LIMITED', true]);
  });

  it('maps test-connection failures: bad key, unknown id, wrong region, app not owned', async () => {
    const cases = await Promise.all([
      vendorFailure(client({ secretKey: 'wrong' }).c.ping()),
      vendorFailure(client({ secretId: 'AKIDnobody' }).c.ping()),
      vendorFailure(client({ region: 'ap-nowhere' }).c.ping()),
      vendorFailure(client({ sdkAppId: 1400000999 }).c.ping()),
    ]);
    expect(cases.map((e) => [e.code, e.details['vendorCode']])).toEqual([
      ['VENDOR_AUTH', 'AuthFailure.SignatureFailure'],
      ['VENDOR_AUTH', 'AuthFailure.SecretIdNotFound'],
      ['VENDOR_SERVICE', 'UnsupportedRegion'],
      ['VENDOR_SERVICE', 'UnauthorizedOperation.SdkAppId'],
    ]);
    expect(cases[2]?.message).toContain('region');
  });

  it('maps transport failures: unreachable, 5xx and a malformed body', async () => {
    const unreachable = await vendorFailure(client({ baseUrl: 'http://127.0.0.1:1/tencent-tiw' }).c.ping());
    await sandbox.injectFault({ vendor: 'tencent-tiw', kind: '5xx', status: 503 });
    const five = await vendorFailure(client().c.ping());
    await sandbox.injectFault({ vendor: 'tencent-tiw', kind: 'malformed' });
    const malformed = await vendorFailure(client().c.ping());
    expect([unreachable.code, five.code, malformed.code]).toEqual(['VENDOR_UNREACHABLE', 'VENDOR_BAD_RESPONSE', 'VENDOR_BAD_RESPONSE']);
  });

  it('manages the callback URL and key without returning the key', async () => {
    const { c } = client();
    await c.setOnlineRecordCallback('https://example.com/tiw', op);
    await c.setOnlineRecordCallbackKey('k1', op);
    const d = await c.describeOnlineRecordCallback(op);
    expect([d.callback, d.callbackKeySet, JSON.stringify(d).includes('k1')]).toEqual(['https://example.com/tiw', true, false]);
    const bad = await vendorFailure(c.setOnlineRecordCallback('ftp://x', op));
    expect(bad.code).toBe('VENDOR_INVALID_PARAMETER');
  });

  it('reports an unknown task as VENDOR_TASK_NOT_FOUND', async () => {
    const e = await vendorFailure(client().c.describeOnlineRecord('nosuchtask', op));
    expect(e.code).toBe('VENDOR_TASK_NOT_FOUND');
  });
});
