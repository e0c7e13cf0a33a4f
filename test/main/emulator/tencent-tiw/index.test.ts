import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../../src-main/emulator/clock';
import { createSandbox, type Sandbox } from '../../../../src-main/emulator/server';
import { createTiwEmulator, TIW_TIMING } from '../../../../src-main/emulator/tencent-tiw';
import { tiwCallbackSign } from '../../../../src-main/vendors/tencent-tiw/callback';
import { genUserSig } from '../../../../src-main/vendors/tencent-tiw/usersig';
import { callbackReceiver, codeOf, rawCall, type RawCall } from '../tencent-api3/harness';

const START = Date.UTC(2025, 5, 1, 8, 0, 0);
const APP = 1400000001;
const ID = 'AKIDsandboxTIW';
const KEY = 'sandboxSecretKeyTIW';
const SDK_KEY = 'imSdkSecretKey';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sandbox: Sandbox;
const clock = createVirtualClock({ start: START, speed: 0 });
let receiver: Awaited<ReturnType<typeof callbackReceiver>>;

beforeAll(async () => {
  sandbox = await createSandbox({ clock, emulators: [createTiwEmulator] });
  receiver = await callbackReceiver();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
  clock.dispose();
});
beforeEach(async () => {
  await sandbox.control('tencent-tiw', 'register-app', { sdkAppId: APP, secretId: ID, secretKey: KEY });
});
afterEach(async () => {
  await sandbox.control('tencent-tiw', 'reset');
  receiver.received.length = 0;
  // A new virtual second, so each test starts with a fresh rate-limit window.
  await clock.advance(1000);
});

function call(action: string, body: unknown, extra: Partial<RawCall> = {}) {
  return rawCall({
    baseUrl: `${sandbox.baseUrl}/tencent-tiw`,
    service: 'tiw',
    version: '2019-09-19',
    action,
    body,
    secretId: ID,
    secretKey: KEY,
    timestamp: Math.floor(clock.now() / 1000),
    region: 'ap-singapore',
    ...extra,
  });
}

const startBody = (room: number, extra: Record<string, unknown> = {}) => ({
  SdkAppId: APP,
  RoomId: room,
  RecordUserId: `tic_record_user_${room}_1`,
  RecordUserSig: 'sig',
  ...extra,
});

async function describeTask(taskId: string) {
  return (await call('DescribeOnlineRecord', { SdkAppId: APP, TaskId: taskId })).response;
}

describe('TIW emulator: TC3 verification', () => {
  it('accepts both signed-header sets, with and without the port in the signed host', async () => {
    const host = new URL(sandbox.baseUrl).hostname;
    const answers = await Promise.all([
      call('DescribeOnlineRecordCallback', { SdkAppId: APP }),
      call('DescribeOnlineRecordCallback', { SdkAppId: APP }, { signAction: false }),
      call('DescribeOnlineRecordCallback', { SdkAppId: APP }, { signedHost: host }),
    ]);
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.response).toEqual({ Callback: '', CallbackKey: '', RequestId: expect.stringMatching(UUID) });
    }
  });

  it('answers each auth failure with its documented code, HTTP 200 and a RequestId', async () => {
    const now = Math.floor(clock.now() / 1000);
    const cases: [Partial<RawCall>, string][] = [
      [{ authorization: null }, 'AuthFailure.InvalidAuthorization'],
      [{ authorization: 'TC3-HMAC-SHA256 Credential=x' }, 'AuthFailure.InvalidAuthorization'],
      [{ action: 'DescribeNothing' }, 'InvalidAction'],
      [{ version: '2020-01-01' }, 'NoSuchVersion'],
      [{ secretId: 'AKIDunknown' }, 'AuthFailure.SecretIdNotFound'],
      [{ timestamp: now - 301 }, 'AuthFailure.SignatureExpire'],
      [{ timestamp: now + 301 }, 'AuthFailure.SignatureExpire'],
      [{ secretKey: 'wrong' }, 'AuthFailure.SignatureFailure'],
      [{ scopeService: 'trro' }, 'AuthFailure.SignatureFailure'],
      [{ signedHost: 'tiw.tencentcloudapi.com' }, 'AuthFailure.SignatureFailure'],
      [{ region: null }, 'MissingParameter'],
      [{ region: 'ap-nowhere' }, 'UnsupportedRegion'],
    ];
    for (const [extra, code] of cases) {
      const { status, response } = await call('DescribeOnlineRecordCallback', { SdkAppId: APP }, extra);
      expect({ status, code: codeOf(response), id: response['RequestId'] }).toEqual({ status: 200, code, id: expect.stringMatching(UUID) });
    }
  });

  it('accepts a timestamp 300 s off and reports the server time when expired', async () => {
    const now = Math.floor(clock.now() / 1000);
    expect(codeOf((await call('DescribeOnlineRecordCallback', { SdkAppId: APP }, { timestamp: now - 300 })).response)).toBeNull();
    const expired = await call('DescribeOnlineRecordCallback', { SdkAppId: APP }, { timestamp: now - 1000 });
    expect((expired.response['Error'] as { Message: string }).Message).toContain(`server time ${now}`);
  });

  it('accepts a Content-Type with a charset when that is what was signed', async () => {
    const res = await rawCall({
      baseUrl: `${sandbox.baseUrl}/tencent-tiw`,
      service: 'tiw',
      version: '2019-09-19',
      action: 'DescribeOnlineRecordCallback',
      body: { SdkAppId: APP },
      secretId: ID,
      secretKey: KEY,
      timestamp: Math.floor(clock.now() / 1000),
      region: 'ap-singapore',
      authorization: undefined,
      contentType: 'application/json; charset=utf-8',
    });
    expect(codeOf(res.response)).toBeNull();
  });

  it('throttles the 21st call of one API in a second and lets other APIs through', async () => {
    const codes: (string | null)[] = [];
    for (let i = 0; i < 21; i += 1) codes.push(codeOf((await call('DescribeOnlineRecordCallback', { SdkAppId: APP })).response));
    expect(codes.slice(0, 20).every((c) => c === null)).toBe(true);
    expect(codes[20]).toBe('RequestLimitExceeded');
    expect(codeOf((await call('SetOnlineRecordCallback', { SdkAppId: APP, Callback: '' })).response)).toBeNull();
    await clock.advance(1000);
    expect(codeOf((await call('DescribeOnlineRecordCallback', { SdkAppId: APP })).response)).toBeNull();
  });

  it('takes ap-singapore only, as every TIW recording page says, and answers UnsupportedRegion otherwise', async () => {
    const regions = ['ap-singapore', 'ap-guangzhou', 'ap-shanghai', 'ap-beijing', 'na-siliconvalley'];
    const codes: (string | null)[] = [];
    for (const region of regions) codes.push(codeOf((await call('DescribeOnlineRecordCallback', { SdkAppId: APP }, { region })).response));
    expect(codes).toEqual([null, 'UnsupportedRegion', 'UnsupportedRegion', 'UnsupportedRegion', 'UnsupportedRegion']);
  });

  it('serves GET requests with the query string signed', async () => {
    const res = await call('DescribeOnlineRecordCallback', undefined, { method: 'GET', query: `SdkAppId=${APP}` });
    expect(codeOf(res.response)).toBeNull();
  });
});

describe('TIW emulator: parameters', () => {
  it('answers type, unknown, missing and business-rule errors with the TIW codes', async () => {
    const cases: [unknown, string][] = [
      [startBody(5, { RoomId: '5' }), 'InvalidParameter.BodyParameterTypeUnmatched'],
      [startBody(5, { Bogus: 1 }), 'UnknownParameter'],
      [{ SdkAppId: APP, RoomId: 5, RecordUserId: 'tic_record_user_5_1' }, 'MissingParameter'],
      [startBody(5, { Extras: ['NOPE'] }), 'InvalidParameter.InvalidExtra'],
      [startBody(5, { MixStream: { Enabled: true, ModelId: 1 } }), 'InvalidParameter.RecordParameter'],
      [startBody(5, { MixStream: { Enabled: true, ModelId: 3 }, Extras: ['MIX_STREAM'] }), 'InvalidParameter.RecordParameter'],
      [startBody(5, { AutoStopTimeout: 299 }), 'InvalidParameter.RecordParameter'],
      [startBody(5, { Whiteboard: { Width: 1 } }), 'InvalidParameter.RecordParameter'],
      [startBody(0), 'InvalidParameter.RecordParameter'],
      [startBody(5, { RecordUserId: `tic_record_user_${'x'.repeat(50)}` }), 'InvalidParameter.RecordParameter'],
      [startBody(5, { ChatGroupId: 'g' }), 'InvalidParameter.RecordParameter'],
      [
        startBody(5, {
          Extras: ['MIX_STREAM'],
          MixStream: {
            Enabled: true,
            Custom: {
              Canvas: { LayoutParams: { Width: 640, Height: 360 } },
              InputStreamList: [{ LayoutParams: { Width: 400, Height: 360, X: 300 } }],
            },
          },
        }),
        'InvalidParameter.RecordParameter',
      ],
      [{ ...startBody(5), SdkAppId: 1400000999 }, 'UnauthorizedOperation.SdkAppId'],
    ];
    for (const [body, code] of cases) {
      expect([body, codeOf((await call('StartOnlineRecord', body)).response)]).toEqual([body, code]);
    }
  });

  it('validates callback settings', async () => {
    const bad = await call('SetOnlineRecordCallback', { SdkAppId: APP, Callback: 'ftp://x' });
    const longKey = await call('SetOnlineRecordCallbackKey', { SdkAppId: APP, CallbackKey: 'k'.repeat(65) });
    await call('SetOnlineRecordCallback', { SdkAppId: APP, Callback: 'https://example.com/cb' });
    await call('SetOnlineRecordCallbackKey', { SdkAppId: APP, CallbackKey: '6vg9G7Fd' });
    const described = await call('DescribeOnlineRecordCallback', { SdkAppId: APP });
    expect([codeOf(bad.response), codeOf(longKey.response), described.response['Callback'], described.response['CallbackKey']]).toEqual([
      'InvalidParameter.CallbackAddressFormatError',
      'InvalidParameter',
      'https://example.com/cb',
      '6vg9G7Fd',
    ]);
  });

  it('reports a service that is not enabled or expired', async () => {
    await sandbox.control('tencent-tiw', 'register-app', { sdkAppId: APP, secretId: ID, secretKey: KEY, notRegistered: true });
    expect(codeOf((await call('DescribeOnlineRecordCallback', { SdkAppId: APP })).response)).toBe('ResourceUnavailable.NotRegistered');
    await sandbox.control('tencent-tiw', 'register-app', { sdkAppId: APP, secretId: ID, secretKey: KEY, expired: true });
    expect(codeOf((await call('DescribeOnlineRecordCallback', { SdkAppId: APP })).response)).toBe('ResourceUnavailable.ServiceExpired');
  });
});

describe('TIW emulator: task lifecycle', () => {
  it('runs PREPARED → RECORDING ⇄ PAUSED → STOPPED → FINISHED with results and signed callbacks', async () => {
    await call('SetOnlineRecordCallback', { SdkAppId: APP, Callback: receiver.url });
    await call('SetOnlineRecordCallbackKey', { SdkAppId: APP, CallbackKey: 'Xz4ZgayTr7rMgWQrH' });
    await sandbox.control('tencent-tiw', 'publish', { sdkAppId: APP, roomId: 880528, userId: 'teacher' });
    const started = await call('StartOnlineRecord', startBody(880528, { Extras: ['MIX_STREAM'], MixStream: { Enabled: true, ModelId: 2 }, Concat: { Enabled: true }, AudioFileNeeded: true }));
    const taskId = started.response['TaskId'] as string;
    expect(taskId).toMatch(/^[a-z0-9]{20}$/);
    const states: string[] = [(await describeTask(taskId))['Status'] as string];
    await clock.advance(TIW_TIMING.prepareMs);
    states.push((await describeTask(taskId))['Status'] as string);
    await sandbox.control('tencent-tiw', 'publish', { sdkAppId: APP, roomId: 880528, userId: 'alice', kind: 'screen' });
    await clock.advance(10_000);
    expect(codeOf((await call('ResumeOnlineRecord', { SdkAppId: APP, TaskId: taskId })).response)).toBe('UnsupportedOperation.InvalidTaskStatus');
    await call('PauseOnlineRecord', { SdkAppId: APP, TaskId: taskId });
    states.push((await describeTask(taskId))['Status'] as string);
    expect(codeOf((await call('PauseOnlineRecord', { SdkAppId: APP, TaskId: taskId })).response)).toBe('UnsupportedOperation.InvalidTaskStatus');
    await clock.advance(5_000);
    await call('ResumeOnlineRecord', { SdkAppId: APP, TaskId: taskId });
    await clock.advance(5_000);
    await call('StopOnlineRecord', { SdkAppId: APP, TaskId: taskId });
    const stopped = await describeTask(taskId);
    states.push(stopped['Status'] as string);
    expect(codeOf((await call('StopOnlineRecord', { SdkAppId: APP, TaskId: taskId })).response)).toBe('UnsupportedOperation.TaskHasAlreadyStopped');
    await clock.advance(TIW_TIMING.uploadMs);
    const done = await describeTask(taskId);
    states.push(done['Status'] as string);
    expect(states).toEqual(['PREPARED', 'RECORDING', 'PAUSED', 'STOPPED', 'FINISHED']);
    const startSec = Math.floor((START + 1000 * 0) / 1000);
    expect(done).toMatchObject({
      FinishReason: 'USER_CALL',
      RoomId: 880528,
      GroupId: '880528',
      TotalTime: 15_000,
      ExceptionCnt: 0,
      OmittedDurations: [{ VideoTime: 10_000, PauseTime: expect.any(Number), ResumeTime: expect.any(Number) }],
      Interrupts: [],
    });
    expect(done['RecordStopTime'] as number).toBeGreaterThan(startSec);
    const videos = (done['VideoInfos'] as Record<string, unknown>[]).map((v) => [v['VideoType'], v['UserId'], v['VideoDuration'], v['VideoPlayTime']]);
    expect(videos).toEqual([
      [0, 'teacher', 15_000, 0],
      [4, 'teacher', 15_000, 0],
      [1, 'tic_substream_alice', 15_000, 0],
      [3, 'tic_mixstream_880528_2', 15_000, 0],
      [2, '', 15_000, 0],
    ]);
    const events = receiver.received.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(events.map((e) => e['EventType'])).toEqual(['OnlineRecordStarted', 'OnlineRecordStopped', 'OnlineRecordFinished']);
    for (const e of events) expect(e['Sign']).toBe(tiwCallbackSign('Xz4ZgayTr7rMgWQrH', e['ExpireTime'] as number));
    expect((events[2]?.['EventData'] as Record<string, unknown>)['FinishReason']).toBe('USER_CALL');
  });

  it('keeps RoomId and TRTCRoomId strictly inside (1, 4294967295)', async () => {
    const bodies = [
      startBody(1),
      startBody(4294967295),
      startBody(60, { TRTCRoomId: 1 }),
      startBody(61, { TRTCRoomId: 4294967295 }),
      startBody(2),
      startBody(4294967294),
      startBody(62, { TRTCRoomId: 4294967294 }),
    ];
    const codes: (string | null)[] = [];
    for (const body of bodies) codes.push(codeOf((await call('StartOnlineRecord', body)).response));
    expect(codes).toEqual(['InvalidParameter.RecordParameter', 'InvalidParameter.RecordParameter', 'InvalidParameter.RecordParameter', 'InvalidParameter.RecordParameter', null, null, null]);
  });

  it('answers ReplayUrl as a string, in both record modes', async () => {
    const realtime = (await call('StartOnlineRecord', startBody(70))).response['TaskId'] as string;
    const generated = (await call('StartOnlineRecord', startBody(71, { RecordMode: 'VIDEO_GENERATION_MODE' }))).response['TaskId'] as string;
    await clock.advance(TIW_TIMING.prepareMs + 5_000);
    await call('StopOnlineRecord', { SdkAppId: APP, TaskId: realtime });
    await call('StopOnlineRecord', { SdkAppId: APP, TaskId: generated });
    await clock.advance(TIW_TIMING.uploadMs);
    const answers = [await describeTask(realtime), await describeTask(generated)];
    expect(answers.map((a) => [a['Status'], a['ReplayUrl']])).toEqual([
      ['FINISHED', ''],
      ['FINISHED', `http://online-recording.sandbox.invalid/${generated}/replay.html`],
    ]);
  });

  it('enforces one task per room, one task per record user and 100 per app', async () => {
    const first = await call('StartOnlineRecord', startBody(10));
    expect(codeOf(first.response)).toBeNull();
    expect(codeOf((await call('StartOnlineRecord', startBody(11, { RecordUserId: 'tic_record_user_10_1' }))).response)).toBe('ResourceInUse.RecordUserId');
    expect(codeOf((await call('StartOnlineRecord', startBody(10, { RecordUserId: 'tic_record_user_10_2' }))).response)).toBe('FailedOperation');
    for (let room = 11; room < 110; room += 1) {
      if (room % 15 === 0) await clock.advance(1000);
      expect(codeOf((await call('StartOnlineRecord', startBody(room))).response)).toBeNull();
    }
    await clock.advance(1000);
    expect(codeOf((await call('StartOnlineRecord', startBody(500))).response)).toBe('LimitExceeded.TaskConcurrency');
  });

  it('stops AUTO after the idle timeout, and FORCE_STOP after 90 paused minutes', async () => {
    const idle = (await call('StartOnlineRecord', startBody(20, { AutoStopTimeout: 300 }))).response['TaskId'] as string;
    await sandbox.control('tencent-tiw', 'publish', { sdkAppId: APP, roomId: 21, userId: 'u' });
    const paused = (await call('StartOnlineRecord', startBody(21))).response['TaskId'] as string;
    await clock.advance(TIW_TIMING.prepareMs);
    await call('PauseOnlineRecord', { SdkAppId: APP, TaskId: paused });
    await clock.advance(300_000);
    expect([(await describeTask(idle))['Status'], (await describeTask(idle))['FinishReason']]).toEqual(['STOPPED', 'AUTO']);
    await clock.advance(90 * 60_000);
    expect([(await describeTask(paused))['Status'], (await describeTask(paused))['FinishReason']]).toEqual(['FINISHED', 'FORCE_STOP']);
  });

  it('keeps a task alive while someone publishes or the whiteboard is used', async () => {
    const taskId = (await call('StartOnlineRecord', startBody(30))).response['TaskId'] as string;
    await clock.advance(200_000);
    await sandbox.control('tencent-tiw', 'room-activity', { sdkAppId: APP, roomId: 30 });
    await clock.advance(200_000);
    expect((await describeTask(taskId))['Status']).toBe('RECORDING');
    await clock.advance(100_000);
    expect((await describeTask(taskId))['FinishReason']).toBe('AUTO');
  });

  it('fails a task whose RecordUserSig does not verify, reporting FailedOperation.Record', async () => {
    await sandbox.control('tencent-tiw', 'register-app', { sdkAppId: APP, secretId: ID, secretKey: KEY, sdkSecretKey: SDK_KEY });
    const good = genUserSig({ sdkAppId: APP, sdkSecretKey: SDK_KEY, identifier: 'tic_record_user_40_1', nowSec: Math.floor(clock.now() / 1000) });
    const ok = (await call('StartOnlineRecord', startBody(40, { RecordUserSig: good }))).response['TaskId'] as string;
    const bad = (await call('StartOnlineRecord', startBody(41, { RecordUserSig: 'not-a-sig' }))).response['TaskId'] as string;
    await clock.advance(TIW_TIMING.prepareMs + TIW_TIMING.uploadMs);
    const failed = await describeTask(bad);
    expect([(await describeTask(ok))['Status'], codeOf(failed)]).toEqual(['RECORDING', 'FailedOperation.Record']);
    expect((failed['Error'] as { Message: string }).Message).toContain('im login failed');
  });

  it('ends a task with EXCEPTION, or with a bare RequestId, when told to', async () => {
    const a = (await call('StartOnlineRecord', startBody(50))).response['TaskId'] as string;
    const b = (await call('StartOnlineRecord', startBody(51))).response['TaskId'] as string;
    await clock.advance(TIW_TIMING.prepareMs);
    await sandbox.control('tencent-tiw', 'force-exception', { taskId: a });
    await sandbox.control('tencent-tiw', 'force-exception', { taskId: b, kind: 'empty' });
    await clock.advance(TIW_TIMING.uploadMs);
    const da = await describeTask(a);
    const db = await describeTask(b);
    expect([da['Status'], da['FinishReason'], da['ExceptionCnt'], Object.keys(db)]).toEqual(['FINISHED', 'EXCEPTION', 1, ['RequestId']]);
  });
});
