import { randomBytes } from 'node:crypto';
import { ControlError } from '../control';
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, VendorEmulator } from '../types';
import { Api3Error, api3Error, api3Ok, api3RateLimited, createApi3Gate, type Api3Call } from '../tencent-api3/gate';
import { checkParams, type ParamSpec } from '../tencent-api3/params';
import { TENCENT_REGIONS } from '../tencent-api3/regions';
import { tiwCallbackSign } from '../../vendors/tencent-tiw/callback';
import { verifyUserSig } from '../../vendors/tencent-tiw/usersig';
import {
  computeResults,
  isLive,
  omittedDurations,
  totalTimeMs,
  type Room,
  type TiwFinishReason,
  type TiwTask,
} from './model';

/**
 * Sandbox emulator of TIW real-time recording (service `tiw`, version `2019-09-19`): TC3 checks,
 * the eight *OnlineRecord* APIs with their documented codes, the PREPARED → RECORDING ⇄ PAUSED →
 * STOPPED → FINISHED lifecycle on the virtual clock, and md5-signed event callbacks.
 */

/** Timing of the emulated lifecycle (virtual ms). */
export const TIW_TIMING = {
  /** Recorder joins the room: PREPARED → RECORDING. */
  prepareMs: 2_000,
  /** Processing and upload: STOPPED → FINISHED. */
  uploadMs: 10_000,
  /** FORCE_STOP when paused longer than this. */
  maxPauseMs: 90 * 60_000,
  /** FORCE_STOP when the task has lasted longer than this. */
  maxTotalMs: 24 * 3_600_000,
  /** Callback signatures stay valid this long. */
  callbackTtlSec: 600,
};

const ACTIONS = [
  'StartOnlineRecord',
  'StopOnlineRecord',
  'PauseOnlineRecord',
  'ResumeOnlineRecord',
  'DescribeOnlineRecord',
  'DescribeOnlineRecordCallback',
  'SetOnlineRecordCallback',
  'SetOnlineRecordCallbackKey',
] as const;

const MAX_CONCURRENT_TASKS = 100;
const ROOM_MAX = 4294967295;
const TYPE_CODE = 'InvalidParameter.BodyParameterTypeUnmatched';

const bool: ParamSpec = { t: 'bool' };
const int: ParamSpec = { t: 'int' };
const str: ParamSpec = { t: 'str' };
const layoutParams: ParamSpec = {
  t: 'obj',
  req: true,
  fields: { Width: { t: 'int', req: true }, Height: { t: 'int', req: true }, X: int, Y: int, ZOrder: int },
};
const START_FIELDS: Record<string, ParamSpec> = {
  SdkAppId: { t: 'int', req: true },
  RoomId: { t: 'int', req: true },
  RecordUserId: { t: 'str', req: true },
  RecordUserSig: { t: 'str', req: true },
  GroupId: str,
  Concat: { t: 'obj', fields: { Enabled: { t: 'bool', req: true }, Image: str } },
  Whiteboard: { t: 'obj', fields: { Width: int, Height: int, InitParam: str } },
  MixStream: {
    t: 'obj',
    fields: {
      Enabled: { t: 'bool', req: true },
      DisableAudio: bool,
      ModelId: int,
      TeacherId: str,
      Custom: {
        t: 'obj',
        fields: {
          Canvas: { t: 'obj', req: true, fields: { LayoutParams: layoutParams, BackgroundColor: str } },
          InputStreamList: {
            t: 'arr',
            req: true,
            items: { t: 'obj', fields: { LayoutParams: layoutParams, InputStreamId: str, BackgroundColor: str, FillMode: int } },
          },
        },
      },
    },
  },
  Extras: { t: 'arr', items: str },
  AudioFileNeeded: bool,
  RecordControl: {
    t: 'obj',
    fields: {
      Enabled: { t: 'bool', req: true },
      DisableRecord: bool,
      DisableAudio: bool,
      PullSmallVideo: bool,
      StreamControls: {
        t: 'arr',
        items: { t: 'obj', fields: { StreamId: { t: 'str', req: true }, DisableRecord: bool, DisableAudio: bool, PullSmallVideo: bool } },
      },
    },
  },
  RecordMode: str,
  ChatGroupId: str,
  AutoStopTimeout: int,
  ExtraData: str,
  TRTCRoomId: int,
  TRTCRoomIdStr: str,
};
const TASK_FIELDS: Record<string, ParamSpec> = { SdkAppId: { t: 'int', req: true }, TaskId: { t: 'str', req: true } };

interface App {
  sdkAppId: number;
  owner: string;
  sdkSecretKey: string | null;
  callback: string;
  callbackKey: string;
  notRegistered: boolean;
  expired: boolean;
}

const recordParameter = (message: string) => new Api3Error('InvalidParameter.RecordParameter', message);

function rec(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function newTaskId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(20), (b) => alphabet[b % alphabet.length]).join('');
}

/** Creates the TIW emulator bound to the Sandbox's clock and callback delivery. */
export function createTiwEmulator(ctx: EmulatorContext): VendorEmulator {
  const { clock } = ctx;
  const accounts = new Map<string, string>();
  const apps = new Map<number, App>();
  const tasks = new Map<string, TiwTask>();
  const rooms = new Map<string, Room>();
  const idleTimers = new Map<string, () => void>();
  /** Files the next finishing tasks lose (the Sandbox's upload-failure fault). */
  let uploadFailures = 0;
  const gate = createApi3Gate({
    service: 'tiw',
    version: '2019-09-19',
    actions: ACTIONS,
    regionRequired: true,
    regions: TENCENT_REGIONS,
    ratePerSecond: 20,
    clock,
    secretKeyFor: (id) => accounts.get(id) ?? null,
  });

  const nowSec = () => Math.floor(clock.now() / 1000);
  const roomKey = (sdkAppId: number, room: string) => `${sdkAppId}:${room}`;

  function room(sdkAppId: number, avRoom: string): Room {
    const key = roomKey(sdkAppId, avRoom);
    let r = rooms.get(key);
    if (!r) {
      r = { sessions: [], lastActivityAt: clock.now() };
      rooms.set(key, r);
    }
    return r;
  }

  function sendCallback(task: TiwTask, eventType: string, eventData: Record<string, unknown>): void {
    const app = apps.get(task.sdkAppId);
    if (!app || app.callback === '') return;
    const expireTime = nowSec() + TIW_TIMING.callbackTtlSec;
    const body: Record<string, unknown> = { Timestamp: nowSec(), SdkAppId: task.sdkAppId, ExpireTime: expireTime, EventType: eventType, EventData: eventData };
    if (app.callbackKey !== '') body['Sign'] = tiwCallbackSign(app.callbackKey, expireTime);
    ctx.deliverCallback(app.callback, JSON.stringify(body), { 'content-type': 'application/json' }).catch(() => undefined);
  }

  function taskEventData(task: TiwTask): Record<string, unknown> {
    return { TaskId: task.taskId, RoomId: task.roomId, RecordUserId: task.recordUserId };
  }

  /** AUTO stop after AutoStopTimeout with nobody publishing and no whiteboard operation. */
  function scheduleIdle(task: TiwTask): void {
    idleTimers.get(task.taskId)?.();
    idleTimers.delete(task.taskId);
    if (!isLive(task)) return;
    const r = room(task.sdkAppId, task.avRoom);
    if (r.sessions.some((s) => s.to === null)) return;
    const idleSince = Math.max(r.lastActivityAt, task.createdAt);
    idleTimers.set(
      task.taskId,
      clock.at(idleSince + task.autoStopTimeoutSec * 1000, () => {
        if (isLive(task)) stop(task, 'AUTO', idleSince + task.autoStopTimeoutSec * 1000);
      }),
    );
  }

  /**
   * `now` is when the event happens: a timer passes its own due time, because the virtual clock has
   * already jumped to the end of an `advance` when timers run.
   */
  function stop(task: TiwTask, reason: TiwFinishReason, now = clock.now()): void {
    const open = task.pauses.at(-1);
    if (open && open.resumeAt === null) open.resumeAt = now;
    task.status = 'STOPPED';
    task.finishReason = reason;
    if (task.recordStartAt !== null) task.recordStopAt = now;
    for (const cancel of task.cancelTimers) cancel();
    task.cancelTimers = [];
    idleTimers.get(task.taskId)?.();
    idleTimers.delete(task.taskId);
    sendCallback(task, 'OnlineRecordStopped', taskEventData(task));
    clock.at(now + TIW_TIMING.uploadMs, () => finish(task, now + TIW_TIMING.uploadMs));
  }

  function finish(task: TiwTask, now: number): void {
    if (task.status !== 'STOPPED') return;
    task.status = 'FINISHED';
    if (task.failure === null) Object.assign(task, computeResults(task, rooms.get(roomKey(task.sdkAppId, task.avRoom))));
    if (uploadFailures > 0 && task.videoInfos.length > 0) {
      // TIW has no per-file upload status: a lost file shows as a missing video and an exceptional end.
      const lost = Math.min(uploadFailures, task.videoInfos.length);
      uploadFailures -= lost;
      task.videoInfos = task.videoInfos.slice(lost);
      task.exceptionCnt += lost;
      task.finishReason = 'EXCEPTION';
    }
    const data: Record<string, unknown> = {
      ...taskEventData(task),
      GroupId: task.groupId,
      FinishReason: task.finishReason,
      RecordStartTime: task.recordStartAt === null ? 0 : Math.floor(task.recordStartAt / 1000),
      RecordStopTime: task.recordStopAt === null ? 0 : Math.floor(task.recordStopAt / 1000),
      TotalTime: totalTimeMs(task, now),
      ExceptionCnt: task.exceptionCnt,
      OmittedDurations: omittedDurations(task),
      VideoInfos: task.videoInfos,
    };
    if (task.failure?.kind === 'record-failed') data['Error'] = { Code: 'FailedOperation.Record', Message: task.failure.message };
    sendCallback(task, 'OnlineRecordFinished', data);
  }

  function beginRecording(task: TiwTask, now: number): void {
    if (task.status !== 'PREPARED') return;
    const app = apps.get(task.sdkAppId);
    if (app?.sdkSecretKey) {
      const check = verifyUserSig({
        userSig: task.recordUserSig,
        sdkAppId: task.sdkAppId,
        sdkSecretKey: app.sdkSecretKey,
        identifier: task.recordUserId,
        nowSec: Math.floor(now / 1000),
      });
      if (check !== 'ok') {
        const stamp = new Date(now).toISOString().replace('T', ' ').slice(0, 19);
        task.failure = { kind: 'record-failed', message: `code: 40004, msg: ${stamp}, im login failed with code 70001, desc usersig ${check}\n` };
        task.exceptionCnt += 1;
        stop(task, 'EXCEPTION', now);
        return;
      }
    }
    task.status = 'RECORDING';
    task.recordStartAt = now;
    sendCallback(task, 'OnlineRecordStarted', taskEventData(task));
  }

  function ownedApp(call: Api3Call, sdkAppId: number): App {
    const app = apps.get(sdkAppId);
    if (!app || app.owner !== call.secretId) {
      throw new Api3Error('UnauthorizedOperation.SdkAppId', 'The SdkAppId does not exist or does not belong to the current account.');
    }
    if (app.notRegistered) throw new Api3Error('ResourceUnavailable.NotRegistered', 'The whiteboard service is not enabled for this application.');
    if (app.expired) throw new Api3Error('ResourceUnavailable.ServiceExpired', 'The account is in arrears or the whiteboard service has expired.');
    return app;
  }

  function taskOf(call: Api3Call, params: Record<string, unknown>): TiwTask {
    const sdkAppId = params['SdkAppId'] as number;
    ownedApp(call, sdkAppId);
    const task = tasks.get(params['TaskId'] as string);
    if (!task || task.sdkAppId !== sdkAppId) throw new Api3Error('InvalidParameter.TaskNotFound', 'The task does not exist.');
    return task;
  }

  function checkStartRules(p: Record<string, unknown>): void {
    const roomId = p['RoomId'] as number;
    if (roomId < 1 || roomId > ROOM_MAX) throw recordParameter(`RoomId must be within (1, ${ROOM_MAX}).`);
    const recordUserId = p['RecordUserId'] as string;
    if (recordUserId === '' || Buffer.byteLength(recordUserId) > 60) throw recordParameter('RecordUserId must be 1 to 60 bytes.');
    if (p['RecordUserSig'] === '') throw recordParameter('RecordUserSig must not be empty.');
    const extras = (p['Extras'] as string[] | undefined) ?? [];
    const unknownExtra = extras.find((e) => e !== 'MIX_STREAM');
    if (unknownExtra !== undefined) throw new Api3Error('InvalidParameter.InvalidExtra', `The extra feature \`${unknownExtra}\` does not exist.`);
    const mix = rec(p['MixStream']);
    if (mix['Enabled'] === true) {
      if (!extras.includes('MIX_STREAM')) throw recordParameter('MixStream requires Extras to contain MIX_STREAM.');
      if (mix['Custom'] === undefined) {
        if (mix['ModelId'] !== 1 && mix['ModelId'] !== 2) throw recordParameter('MixStream.ModelId must be 1 or 2 when Custom is not given.');
      } else {
        checkCustomLayout(rec(mix['Custom']));
      }
    }
    const wb = rec(p['Whiteboard']);
    for (const k of ['Width', 'Height'] as const) {
      if (wb[k] !== undefined && (wb[k] as number) < 2) throw recordParameter(`Whiteboard.${k} must be at least 2.`);
    }
    const mode = p['RecordMode'];
    if (mode !== undefined && mode !== 'REALTIME_MODE' && mode !== 'VIDEO_GENERATION_MODE') throw recordParameter('RecordMode must be REALTIME_MODE or VIDEO_GENERATION_MODE.');
    if (p['ChatGroupId'] !== undefined && mode !== 'VIDEO_GENERATION_MODE') throw recordParameter('ChatGroupId is valid only in VIDEO_GENERATION_MODE.');
    const timeout = p['AutoStopTimeout'];
    if (timeout !== undefined && ((timeout as number) < 300 || (timeout as number) > 86400)) throw recordParameter('AutoStopTimeout must be within [300, 86400].');
    const trtcRoom = p['TRTCRoomId'];
    if (trtcRoom !== undefined && ((trtcRoom as number) < 1 || (trtcRoom as number) > ROOM_MAX)) throw recordParameter(`TRTCRoomId must be within (1, ${ROOM_MAX}).`);
  }

  function checkCustomLayout(custom: Record<string, unknown>): void {
    const canvas = rec(rec(custom['Canvas'])['LayoutParams']);
    const cw = canvas['Width'] as number;
    const ch = canvas['Height'] as number;
    const inRange = (v: unknown, min: number, max: number) => v === undefined || ((v as number) >= min && (v as number) <= max);
    if (!inRange(cw, 2, 3000) || !inRange(ch, 2, 3000)) throw recordParameter('Canvas width and height must be within [2, 3000].');
    const color = rec(custom['Canvas'])['BackgroundColor'];
    if (color !== undefined && !/^#[0-9a-fA-F]{6}$/.test(color as string)) throw recordParameter('BackgroundColor must be #RRGGBB.');
    ((custom['InputStreamList'] as unknown[]) ?? []).forEach((item, i) => {
      const lp = rec(rec(item)['LayoutParams']);
      const x = (lp['X'] as number | undefined) ?? 0;
      const y = (lp['Y'] as number | undefined) ?? 0;
      const w = lp['Width'] as number;
      const h = lp['Height'] as number;
      if (!inRange(w, 2, 3000) || !inRange(h, 2, 3000) || !inRange(x, 0, 3000) || !inRange(y, 0, 3000)) {
        throw recordParameter(`InputStreamList.${i}.LayoutParams is out of range.`);
      }
      if (x + w > cw || y + h > ch) throw recordParameter(`InputStreamList.${i} does not fit inside the canvas.`);
      const fill = rec(item)['FillMode'];
      if (fill !== undefined && fill !== 0 && fill !== 1) throw recordParameter(`InputStreamList.${i}.FillMode must be 0 or 1.`);
    });
  }

  function startOnlineRecord(call: Api3Call): Record<string, unknown> {
    const p = checkParams(call.params, START_FIELDS, { type: TYPE_CODE }, call.fromQuery);
    const sdkAppId = p['SdkAppId'] as number;
    ownedApp(call, sdkAppId);
    checkStartRules(p);
    const live = [...tasks.values()].filter((t) => t.sdkAppId === sdkAppId && isLive(t));
    const recordUserId = p['RecordUserId'] as string;
    if (live.some((t) => t.recordUserId === recordUserId)) {
      throw new Api3Error('ResourceInUse.RecordUserId', 'The RecordUserId is already used by another recording task.');
    }
    const roomId = p['RoomId'] as number;
    // The error for a second recording in the same room is [UNCONFIRMED]; FailedOperation is in the product's list.
    if (live.some((t) => t.roomId === roomId)) throw new Api3Error('FailedOperation', `A recording task is already running in room ${roomId}.`);
    if (live.length >= MAX_CONCURRENT_TASKS) {
      throw new Api3Error('LimitExceeded.TaskConcurrency', `The number of concurrent recording tasks exceeds the limit (${MAX_CONCURRENT_TASKS}).`);
    }
    const mix = rec(p['MixStream']);
    const control = rec(p['RecordControl']);
    const now = clock.now();
    const avRoom = (p['TRTCRoomIdStr'] as string | undefined) ?? String((p['TRTCRoomId'] as number | undefined) ?? roomId);
    const task: TiwTask = {
      taskId: newTaskId(),
      sdkAppId,
      roomId,
      avRoom,
      groupId: (p['GroupId'] as string | undefined) ?? String(roomId),
      recordUserId,
      recordUserSig: p['RecordUserSig'] as string,
      status: 'PREPARED',
      finishReason: null,
      createdAt: now,
      recordStartAt: null,
      recordStopAt: null,
      pauses: [],
      exceptionCnt: 0,
      concat: rec(p['Concat'])['Enabled'] === true,
      mix: { enabled: mix['Enabled'] === true, layout: mix['Custom'] ? '0' : String(mix['ModelId'] ?? 0) },
      audioFileNeeded: p['AudioFileNeeded'] === true,
      autoStopTimeoutSec: (p['AutoStopTimeout'] as number | undefined) ?? 300,
      videoGeneration: p['RecordMode'] === 'VIDEO_GENERATION_MODE',
      recordControl: {
        enabled: control['Enabled'] === true,
        disableRecord: control['DisableRecord'] === true,
        streams: ((control['StreamControls'] as Record<string, unknown>[] | undefined) ?? []).map((s) => ({
          streamId: s['StreamId'] as string,
          disableRecord: s['DisableRecord'] === true,
        })),
      },
      failure: null,
      videoInfos: [],
      interrupts: [],
      cancelTimers: [],
    };
    tasks.set(task.taskId, task);
    room(sdkAppId, avRoom);
    task.cancelTimers.push(
      clock.at(now + TIW_TIMING.prepareMs, () => beginRecording(task, now + TIW_TIMING.prepareMs)),
      clock.at(now + TIW_TIMING.maxTotalMs + 1, () => {
        if (isLive(task)) stop(task, 'FORCE_STOP', now + TIW_TIMING.maxTotalMs + 1);
      }),
    );
    scheduleIdle(task);
    return { TaskId: task.taskId };
  }

  function stopOnlineRecord(call: Api3Call): Record<string, unknown> {
    const task = taskOf(call, checkParams(call.params, TASK_FIELDS, { type: TYPE_CODE }, call.fromQuery));
    if (!isLive(task)) throw new Api3Error('UnsupportedOperation.TaskHasAlreadyStopped', 'The task has already stopped.');
    stop(task, 'USER_CALL');
    return {};
  }

  function pauseOnlineRecord(call: Api3Call): Record<string, unknown> {
    const task = taskOf(call, checkParams(call.params, TASK_FIELDS, { type: TYPE_CODE }, call.fromQuery));
    if (!isLive(task)) throw new Api3Error('UnsupportedOperation.TaskHasAlreadyStopped', 'The task has already stopped.');
    if (task.status !== 'RECORDING') throw new Api3Error('UnsupportedOperation.InvalidTaskStatus', `The task cannot be paused in status ${task.status}.`);
    const pause = { pauseAt: clock.now(), resumeAt: null };
    task.pauses.push(pause);
    task.status = 'PAUSED';
    task.cancelTimers.push(
      clock.at(pause.pauseAt + TIW_TIMING.maxPauseMs + 1, () => {
        if (task.status === 'PAUSED' && task.pauses.at(-1) === pause) stop(task, 'FORCE_STOP', pause.pauseAt + TIW_TIMING.maxPauseMs + 1);
      }),
    );
    return {};
  }

  function resumeOnlineRecord(call: Api3Call): Record<string, unknown> {
    const task = taskOf(call, checkParams(call.params, TASK_FIELDS, { type: TYPE_CODE }, call.fromQuery));
    if (!isLive(task)) throw new Api3Error('UnsupportedOperation.TaskHasAlreadyStopped', 'The task has already stopped.');
    const pause = task.pauses.at(-1);
    if (task.status !== 'PAUSED' || !pause) throw new Api3Error('UnsupportedOperation.InvalidTaskStatus', `The task cannot be resumed in status ${task.status}.`);
    pause.resumeAt = clock.now();
    task.status = 'RECORDING';
    return {};
  }

  function describeOnlineRecord(call: Api3Call): Record<string, unknown> {
    const task = taskOf(call, checkParams(call.params, TASK_FIELDS, { type: TYPE_CODE }, call.fromQuery));
    if (task.status === 'FINISHED' && task.failure?.kind === 'record-failed') throw new Api3Error('FailedOperation.Record', task.failure.message);
    if (task.status === 'FINISHED' && task.failure?.kind === 'empty') return {};
    return {
      FinishReason: task.finishReason ?? '',
      TaskId: task.taskId,
      Status: task.status,
      RoomId: task.roomId,
      GroupId: task.groupId,
      RecordUserId: task.recordUserId,
      RecordStartTime: task.recordStartAt === null ? 0 : Math.floor(task.recordStartAt / 1000),
      RecordStopTime: task.recordStopAt === null ? 0 : Math.floor(task.recordStopAt / 1000),
      TotalTime: totalTimeMs(task, clock.now()),
      ExceptionCnt: task.exceptionCnt,
      OmittedDurations: omittedDurations(task),
      VideoInfos: task.status === 'FINISHED' ? task.videoInfos : [],
      ReplayUrl: task.videoGeneration ? `http://online-recording.sandbox.invalid/${task.taskId}/replay.html` : null,
      Interrupts: task.status === 'FINISHED' ? task.interrupts : null,
    };
  }

  function callbackApis(call: Api3Call): Record<string, unknown> {
    if (call.action === 'DescribeOnlineRecordCallback') {
      const p = checkParams(call.params, { SdkAppId: { t: 'int', req: true } }, { type: TYPE_CODE }, call.fromQuery);
      const app = ownedApp(call, p['SdkAppId'] as number);
      return { Callback: app.callback, CallbackKey: app.callbackKey };
    }
    if (call.action === 'SetOnlineRecordCallback') {
      const p = checkParams(call.params, { SdkAppId: { t: 'int', req: true }, Callback: { t: 'str', req: true } }, { type: TYPE_CODE }, call.fromQuery);
      const app = ownedApp(call, p['SdkAppId'] as number);
      const url = p['Callback'] as string;
      if (url !== '' && !/^https?:\/\/[^\s]+$/i.test(url)) {
        throw new Api3Error('InvalidParameter.CallbackAddressFormatError', 'The callback address must start with http:// or https://.');
      }
      app.callback = url;
      return {};
    }
    const p = checkParams(call.params, { SdkAppId: { t: 'int', req: true }, CallbackKey: { t: 'str', req: true } }, { type: TYPE_CODE }, call.fromQuery);
    const app = ownedApp(call, p['SdkAppId'] as number);
    const key = p['CallbackKey'] as string;
    if (key.length > 64) throw new Api3Error('InvalidParameter', 'CallbackKey must be at most 64 characters.');
    app.callbackKey = key;
    return {};
  }

  const handlers: Record<(typeof ACTIONS)[number], (call: Api3Call) => Record<string, unknown>> = {
    StartOnlineRecord: startOnlineRecord,
    StopOnlineRecord: stopOnlineRecord,
    PauseOnlineRecord: pauseOnlineRecord,
    ResumeOnlineRecord: resumeOnlineRecord,
    DescribeOnlineRecord: describeOnlineRecord,
    DescribeOnlineRecordCallback: callbackApis,
    SetOnlineRecordCallback: callbackApis,
    SetOnlineRecordCallbackKey: callbackApis,
  };

  function publishChange(input: Record<string, unknown>, on: boolean): { ok: true } {
    const sdkAppId = Number(input['sdkAppId']);
    const r = room(sdkAppId, String(input['roomId']));
    const userId = String(input['userId']);
    const kind = input['kind'] === 'screen' ? 'screen' : 'camera';
    const now = clock.now();
    const open = r.sessions.find((s) => s.userId === userId && s.kind === kind && s.to === null);
    if (on && !open) r.sessions.push({ userId, kind, from: now, to: null });
    if (!on && open) open.to = now;
    r.lastActivityAt = now;
    for (const t of tasks.values()) if (t.sdkAppId === sdkAppId && t.avRoom === String(input['roomId'])) scheduleIdle(t);
    return { ok: true };
  }

  return {
    id: 'tencent-tiw',
    async handle(request: EmulatorRequest): Promise<EmulatorResponse> {
      const gated = gate.check(request);
      if (!gated.ok) return gated.response;
      const { call } = gated;
      try {
        return api3Ok(clock, handlers[call.action as (typeof ACTIONS)[number]](call));
      } catch (e) {
        if (e instanceof Api3Error) return api3Error(clock, e.code, e.message);
        return api3Error(clock, 'InternalError', 'Internal error.');
      }
    },
    async control(command: string, raw: unknown): Promise<unknown> {
      const input = rec(raw);
      switch (command) {
        case 'register-app': {
          const sdkAppId = Number(input['sdkAppId']);
          const secretId = String(input['secretId'] ?? '');
          const secretKey = String(input['secretKey'] ?? '');
          if (!Number.isInteger(sdkAppId) || secretId === '' || secretKey === '') throw new ControlError('register-app needs sdkAppId, secretId and secretKey');
          accounts.set(secretId, secretKey);
          const prev = apps.get(sdkAppId);
          apps.set(sdkAppId, {
            sdkAppId,
            owner: secretId,
            sdkSecretKey: typeof input['sdkSecretKey'] === 'string' ? input['sdkSecretKey'] : null,
            callback: prev?.callback ?? '',
            callbackKey: prev?.callbackKey ?? '',
            notRegistered: input['notRegistered'] === true,
            expired: input['expired'] === true,
          });
          return { ok: true };
        }
        case 'publish':
          return publishChange(input, true);
        case 'unpublish':
          return publishChange(input, false);
        case 'room-activity': {
          const sdkAppId = Number(input['sdkAppId']);
          room(sdkAppId, String(input['roomId'])).lastActivityAt = clock.now();
          for (const t of tasks.values()) if (t.sdkAppId === sdkAppId && String(t.roomId) === String(input['roomId'])) scheduleIdle(t);
          return { ok: true };
        }
        case 'force-exception': {
          const task = tasks.get(String(input['taskId']));
          if (!task) throw new ControlError('unknown taskId');
          const kind = input['kind'] ?? 'exception';
          task.exceptionCnt += 1;
          if (kind === 'glitch') return { ok: true };
          if (!isLive(task)) throw new ControlError('task is not live');
          if (kind === 'record-failed') task.failure = { kind: 'record-failed', message: 'code: 40004, msg: recording failed (forced by the Sandbox)\n' };
          if (kind === 'empty') task.failure = { kind: 'empty' };
          stop(task, 'EXCEPTION');
          return { ok: true };
        }
        case 'upload-failure':
          uploadFailures += Number(input['count'] ?? 1);
          return { ok: true };
        case 'tasks':
          return [...tasks.values()].map((t) => ({ taskId: t.taskId, sdkAppId: t.sdkAppId, roomId: t.roomId, status: t.status, finishReason: t.finishReason }));
        case 'reset':
          for (const t of tasks.values()) for (const cancel of t.cancelTimers) cancel();
          for (const cancel of idleTimers.values()) cancel();
          accounts.clear();
          apps.clear();
          tasks.clear();
          rooms.clear();
          idleTimers.clear();
          uploadFailures = 0;
          return { ok: true };
        default:
          throw new ControlError(`unknown tencent-tiw control command: ${command}`);
      }
    },
    rateLimitedResponse() {
      return api3RateLimited(clock);
    },
  };
}
