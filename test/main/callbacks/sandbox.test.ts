import { formatMessage } from '@contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCallbackReceiver, type CallbackReceiver } from '../../../src-main/callbacks';
import { createVirtualClock } from '../../../src-main/emulator/clock';
import { createSandbox, type Sandbox } from '../../../src-main/emulator/server';
import { createTiwEmulator, TIW_TIMING } from '../../../src-main/emulator/tencent-tiw';
import { createTrroEmulator, TRRO_TIMING } from '../../../src-main/emulator/tencent-trro';
import { createZegoEmulator } from '../../../src-main/emulator/zego';
import { createClockSkewStore } from '../../../src-main/vendors/shared/http';
import { createRateLimiter } from '../../../src-main/vendors/shared/rate-limiter';
import { createZegoClient } from '../../../src-main/vendors/zego/client';
import { openHarness, type Harness } from '../accounts/harness';
import { codeOf, rawCall, type RawCall } from '../emulator/tencent-api3/harness';
import { STORAGE, request } from '../vendors/zego/helpers';
import { receiverDeps, recordingSink, until } from './helpers';

const ZEGO_APP = 1_234_567;
const TIW_APP = 1_400_000_001;
const TC_ID = 'AKIDsandboxCallbacks';
const TC_KEY = 'sandboxSecretKeyCallbacks';
const PROJECT = 'cbproject1';
const op = { priority: 'operator' as const };

const clock = createVirtualClock({ start: Date.UTC(2025, 5, 1, 8, 0, 0), speed: 0 });
let sandbox: Sandbox;
let h: Harness;
let receiver: CallbackReceiver;
let ids: { zego: string; tiw: string; trro: string };
const sink = { current: recordingSink() };

function tencent(vendor: 'tencent-tiw' | 'tencent-trro', action: string, body: unknown) {
  const extra: Partial<RawCall> = vendor === 'tencent-tiw' ? { service: 'tiw', version: '2019-09-19', region: 'ap-singapore' } : { service: 'trro', version: '2022-03-25', region: null };
  return rawCall({
    baseUrl: `${sandbox.baseUrl}/${vendor}`, service: '', version: '', action, body, secretId: TC_ID, secretKey: TC_KEY,
    timestamp: Math.floor(clock.now() / 1000), ...extra,
  });
}

beforeAll(async () => {
  sandbox = await createSandbox({ clock, emulators: [createZegoEmulator(), createTiwEmulator, createTrroEmulator] });
  h = await openHarness();
  const z = await h.services.accounts.create({
    vendor: 'zego', name: 'Sandbox ZEGO', endpoint: `${sandbox.baseUrl}/zego`, fields: { appId: ZEGO_APP },
    secrets: { serverSecret: 'zego-server-secret', callbackSecret: 'zego-callback-secret' },
  });
  const t = await h.services.accounts.create({
    vendor: 'tencent-tiw', name: 'Sandbox TIW', endpoint: `${sandbox.baseUrl}/tencent-tiw`, fields: { sdkAppId: TIW_APP, region: 'ap-singapore' },
    secrets: { secretId: TC_ID, secretKey: TC_KEY, sdkSecretKey: 'unused', callbackKey: 'tiw-callback-key' },
  });
  const r = await h.services.accounts.create({
    vendor: 'tencent-trro', name: 'Sandbox TRRO', endpoint: `${sandbox.baseUrl}/tencent-trro`, fields: { projectId: PROJECT },
    secrets: { secretId: TC_ID, secretKey: TC_KEY, signKey: 'trroSignKey123' },
  });
  ids = { zego: z.id, tiw: t.id, trro: r.id };
  await sandbox.control('zego', 'register-app', { appId: ZEGO_APP, serverSecret: 'zego-server-secret', callbackSecret: 'zego-callback-secret' });
  await sandbox.control('tencent-tiw', 'register-app', { sdkAppId: TIW_APP, secretId: TC_ID, secretKey: TC_KEY });
  await sandbox.control('tencent-trro', 'register-project', { projectId: PROJECT, secretId: TC_ID, secretKey: TC_KEY });
  receiver = createCallbackReceiver({
    ...receiverDeps(h.services, h.db),
    sink: { expects: () => true, deliver: (d) => sink.current.sink.deliver(d) },
    log: { info() {}, warn() {}, error() {} },
    now: clock.now,
  });
  await receiver.start(0);
});
afterAll(async () => {
  await receiver.stop();
  await sandbox.close();
  await h.dispose();
  clock.dispose();
});
beforeEach(async () => {
  sink.current = recordingSink();
  await clock.advance(1000);
});

describe("the Sandbox's callbacks through the receiver", () => {
  it('receives a ZEGO task verified and parsed from stop to uploaded files, a refused delivery arriving late on retry', async () => {
    const client = createZegoClient({
      baseUrl: `${sandbox.baseUrl}/zego`, appId: ZEGO_APP, serverSecret: 'zego-server-secret', isTest: null,
      limiter: createRateLimiter({ now: clock.now }), skew: createClockSkewStore(), timeoutMs: 2000, now: clock.now,
    });
    await sandbox.control('zego', 'publish-stream', { roomId: 'cb-room', streamId: 's1', userId: 'u1' });
    const callbackUrl = receiver.callbackUrlFor('zego', ids.zego);
    const started = await client.startRecord(request({ roomId: 'cb-room', callbackUrl }), STORAGE, { ...op, clientTaskId: null });
    await clock.advance(5000);
    sink.current.failNext(1);
    await client.stopRecord(started.taskId, op);
    await clock.advance(5000);
    await clock.advance(5000);
    const stoppedAt = sink.current.deliveries.find((d) => d.dedupeKey === 'zego:seq:0')?.at ?? 0;
    expect({
      // 7 failed once and came back with the Sandbox's retry 5 s later, after 1 and 5: order is the ledger's job.
      events: sink.current.deliveries.map((d) => [d.vendorTaskId === started.taskId, d.dedupeKey, d.patch.state ?? null, formatMessage('en', d.message)]),
      atOrder: sink.current.deliveries.map((d) => d.at >= stoppedAt),
      files: sink.current.deliveries.find((d) => d.dedupeKey === 'zego:seq:1')?.patch.files?.map((f) => [f.status, f.format, f.fileId.startsWith(started.taskId)]),
      status: receiver.status(),
      attempts: sandbox.callbacks().filter((c) => c.url === callbackUrl).map((c) => c.status),
    }).toEqual({
      events: [
        [true, 'zego:seq:1', null, 'callback 1 upload done, 1 file(s)'],
        [true, 'zego:seq:2', 'finished', 'callback 5 recording exited normally'],
        [true, 'zego:seq:0', 'uploading', 'callback 7 stopped, uploading'],
      ],
      atOrder: [true, true, true],
      files: [['uploaded', 'mp4', true]],
      status: expect.objectContaining({ enabled: true }),
      attempts: [500, 200, 200, 200],
    });
  });

  it('receives the TIW Started, Stopped and Finished events once SetOnlineRecordCallback points at it', async () => {
    const set = await tencent('tencent-tiw', 'SetOnlineRecordCallback', { SdkAppId: TIW_APP, Callback: receiver.callbackUrlFor('tencent-tiw', ids.tiw) });
    const key = await tencent('tencent-tiw', 'SetOnlineRecordCallbackKey', { SdkAppId: TIW_APP, CallbackKey: 'tiw-callback-key' });
    await sandbox.control('tencent-tiw', 'publish', { sdkAppId: TIW_APP, roomId: 4242, userId: 'teacher' });
    const start = await tencent('tencent-tiw', 'StartOnlineRecord', { SdkAppId: TIW_APP, RoomId: 4242, RecordUserId: 'tic_record_user_4242_1', RecordUserSig: 'sig' });
    const taskId = start.response['TaskId'] as string;
    await clock.advance(TIW_TIMING.prepareMs + 10_000);
    // Started fired at the end of that advance: stopping in the same second would sign Stopped with
    // the same Sign and ExpireTime, which the receiver takes only once.
    await clock.advance(1000);
    await tencent('tencent-tiw', 'StopOnlineRecord', { SdkAppId: TIW_APP, TaskId: taskId });
    await clock.advance(TIW_TIMING.uploadMs);
    await until(() => sink.current.deliveries.length >= 3);
    expect({
      codes: [codeOf(set.response), codeOf(key.response), codeOf(start.response)],
      events: sink.current.deliveries.map((d) => [d.vendorTaskId === taskId, d.patch.state, d.patch.rawStatus, d.patch.finishReason ?? null]),
      files: (sink.current.deliveries[2]?.patch.files ?? []).length > 0,
      order: sink.current.deliveries.map((d) => d.at).every((at, i, all) => i === 0 || at >= (all[i - 1] as number)),
    }).toEqual({
      codes: [null, null, null],
      events: [
        [true, 'recording', 'RECORDING', null],
        [true, 'uploading', 'STOPPED', null],
        [true, 'finished', 'FINISHED', 'USER_CALL'],
      ],
      files: true,
      order: true,
    });
  });

  it('receives the TRRO recording events signed with the SignKey given to ModifyCallbackUrl', async () => {
    const modify = await tencent('tencent-trro', 'ModifyCallbackUrl', { ProjectId: PROJECT, CallbackUrl: receiver.callbackUrlFor('tencent-trro', ids.trro), SignKey: 'trroSignKey123' });
    const storage = { Vendor: 0, Bucket: 'b-1300000000', Region: 'ap-nanjing', AccessKey: 'a', SecretKey: 's' };
    const created = await tencent('tencent-trro', 'CreateCloudRecording', { ProjectId: PROJECT, DeviceId: 'dev1', VideoStreamId: 0, CloudStorage: storage, OutputFormat: 1 });
    const taskId = created.response['TaskId'] as string;
    // 301 is sent while CreateCloudRecording is still answering, as the real service may.
    await until(() => sink.current.deliveries.length >= 1);
    await clock.advance(30_000);
    await tencent('tencent-trro', 'DeleteCloudRecording', { TaskId: taskId });
    await clock.advance(TRRO_TIMING.uploadMs);
    await until(() => sink.current.deliveries.length >= 6);
    const byType = new Map(sink.current.deliveries.map((d) => [d.dedupeKey.split(':')[1], d]));
    expect({
      codes: [codeOf(modify.response), codeOf(created.response)],
      sameTask: sink.current.deliveries.every((d) => d.vendorTaskId === taskId),
      types: [...byType.keys()].sort(),
      states: ['301', '302', '305'].map((t) => byType.get(t)?.patch.state),
      playlist: byType.get('304')?.patch.files?.map((f) => f.format),
      uploaded: byType.get('310')?.patch.files?.map((f) => [f.format, f.status, f.durationMs]),
    }).toEqual({
      codes: [null, null],
      sameTask: true,
      types: ['301', '302', '303', '304', '305', '310'],
      states: ['recording', 'uploading', 'finished'],
      playlist: ['hls'],
      uploaded: [['mp4', 'uploaded', 30_000]],
    });
  });
});
