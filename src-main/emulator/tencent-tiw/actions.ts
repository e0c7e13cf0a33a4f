import { randomBytes } from 'node:crypto';
import { Api3Error, type Api3Call } from '../tencent-api3/gate';
import { rec } from '../tencent-api3/params';
import { checkTiwParams, ownedApp, taskOf, type TiwAction } from './gateway';
import { beginRecording, scheduleIdle, stopTask, TIW_TIMING } from './lifecycle';
import { isLive, omittedDurations, roomOf, totalTimeMs, type TiwTask, type TiwWorld } from './model';
import { checkStartRules, START_FIELDS } from './params';

/** Who publishes in a room the Sandbox fills: a host and a guest, each with a camera. */
const SIMULATED_USERS = ['host', 'guest-1'] as const;

type Action = (w: TiwWorld, call: Api3Call) => Record<string, unknown>;

const MAX_CONCURRENT_TASKS = 100;

function newTaskId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(20), (b) => alphabet[b % alphabet.length]).join('');
}

function startOnlineRecord(w: TiwWorld, call: Api3Call): Record<string, unknown> {
  const { clock, tasks } = w;
  const p = checkTiwParams(call, START_FIELDS);
  const sdkAppId = p['SdkAppId'] as number;
  ownedApp(w, call, sdkAppId);
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
  const room = roomOf(w, sdkAppId, avRoom);
  if (w.simulatePublishers && !room.sessions.some((s) => s.to === null)) {
    for (const userId of SIMULATED_USERS) room.sessions.push({ userId, kind: 'camera', from: now, to: null });
  }
  task.cancelTimers.push(
    clock.at(now + TIW_TIMING.prepareMs, () => beginRecording(w, task, now + TIW_TIMING.prepareMs)),
    clock.at(now + TIW_TIMING.maxTotalMs + 1, () => {
      if (isLive(task)) stopTask(w, task, 'FORCE_STOP', now + TIW_TIMING.maxTotalMs + 1);
    }),
  );
  scheduleIdle(w, task);
  return { TaskId: task.taskId };
}

function liveTaskOf(w: TiwWorld, call: Api3Call): TiwTask {
  const task = taskOf(w, call);
  if (!isLive(task)) throw new Api3Error('UnsupportedOperation.TaskHasAlreadyStopped', 'The task has already stopped.');
  return task;
}

function stopOnlineRecord(w: TiwWorld, call: Api3Call): Record<string, unknown> {
  stopTask(w, liveTaskOf(w, call), 'USER_CALL');
  return {};
}

function pauseOnlineRecord(w: TiwWorld, call: Api3Call): Record<string, unknown> {
  const task = liveTaskOf(w, call);
  if (task.status !== 'RECORDING') throw new Api3Error('UnsupportedOperation.InvalidTaskStatus', `The task cannot be paused in status ${task.status}.`);
  const pause = { pauseAt: w.clock.now(), resumeAt: null };
  task.pauses.push(pause);
  task.status = 'PAUSED';
  task.cancelTimers.push(
    w.clock.at(pause.pauseAt + TIW_TIMING.maxPauseMs + 1, () => {
      if (task.status === 'PAUSED' && task.pauses.at(-1) === pause) stopTask(w, task, 'FORCE_STOP', pause.pauseAt + TIW_TIMING.maxPauseMs + 1);
    }),
  );
  return {};
}

function resumeOnlineRecord(w: TiwWorld, call: Api3Call): Record<string, unknown> {
  const task = liveTaskOf(w, call);
  const pause = task.pauses.at(-1);
  if (task.status !== 'PAUSED' || !pause) throw new Api3Error('UnsupportedOperation.InvalidTaskStatus', `The task cannot be resumed in status ${task.status}.`);
  pause.resumeAt = w.clock.now();
  task.status = 'RECORDING';
  return {};
}

function describeOnlineRecord(w: TiwWorld, call: Api3Call): Record<string, unknown> {
  const task = taskOf(w, call);
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
    TotalTime: totalTimeMs(task, w.clock.now()),
    ExceptionCnt: task.exceptionCnt,
    OmittedDurations: omittedDurations(task),
    VideoInfos: task.status === 'FINISHED' ? task.videoInfos : [],
    // A String in the API model, never null (unlike Interrupts); only video-generation mode has a replay.
    ReplayUrl: task.videoGeneration ? `http://online-recording.sandbox.invalid/${task.taskId}/replay.html` : '',
    Interrupts: task.status === 'FINISHED' ? task.interrupts : null,
  };
}

function describeOnlineRecordCallback(w: TiwWorld, call: Api3Call): Record<string, unknown> {
  const p = checkTiwParams(call, { SdkAppId: { t: 'int', req: true } });
  const app = ownedApp(w, call, p['SdkAppId'] as number);
  return { Callback: app.callback, CallbackKey: app.callbackKey };
}

function setOnlineRecordCallback(w: TiwWorld, call: Api3Call): Record<string, unknown> {
  const p = checkTiwParams(call, { SdkAppId: { t: 'int', req: true }, Callback: { t: 'str', req: true } });
  const app = ownedApp(w, call, p['SdkAppId'] as number);
  const url = p['Callback'] as string;
  if (url !== '' && !/^https?:\/\/[^\s]+$/i.test(url)) {
    throw new Api3Error('InvalidParameter.CallbackAddressFormatError', 'The callback address must start with http:// or https://.');
  }
  app.callback = url;
  return {};
}

function setOnlineRecordCallbackKey(w: TiwWorld, call: Api3Call): Record<string, unknown> {
  const p = checkTiwParams(call, { SdkAppId: { t: 'int', req: true }, CallbackKey: { t: 'str', req: true } });
  const app = ownedApp(w, call, p['SdkAppId'] as number);
  const key = p['CallbackKey'] as string;
  if (key.length > 64) throw new Api3Error('InvalidParameter', 'CallbackKey must be at most 64 characters.');
  app.callbackKey = key;
  return {};
}

const ACTIONS: Record<TiwAction, Action> = {
  StartOnlineRecord: startOnlineRecord,
  StopOnlineRecord: stopOnlineRecord,
  PauseOnlineRecord: pauseOnlineRecord,
  ResumeOnlineRecord: resumeOnlineRecord,
  DescribeOnlineRecord: describeOnlineRecord,
  DescribeOnlineRecordCallback: describeOnlineRecordCallback,
  SetOnlineRecordCallback: setOnlineRecordCallback,
  SetOnlineRecordCallbackKey: setOnlineRecordCallbackKey,
};

/** Runs one call the gate accepted (its action is one of the TIW actions); throws {@link Api3Error}. */
export function runTiwAction(w: TiwWorld, call: Api3Call): Record<string, unknown> {
  return ACTIONS[call.action as TiwAction](w, call);
}
