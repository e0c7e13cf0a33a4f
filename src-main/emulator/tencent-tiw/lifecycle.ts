import { tiwCallbackSign } from '../../vendors/tencent-tiw/callback';
import { verifyUserSig } from '../../vendors/tencent-tiw/usersig';
import { computeResults, isLive, omittedDurations, roomKey, roomOf, totalTimeMs, type TiwFinishReason, type TiwTask, type TiwWorld } from './model';

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

const nowSec = (w: TiwWorld): number => Math.floor(w.clock.now() / 1000);

/** Sends an event to the app's callback URL, md5-signed with its CallbackKey when it has one. */
function sendCallback(w: TiwWorld, task: TiwTask, eventType: string, eventData: Record<string, unknown>): void {
  const app = w.apps.get(task.sdkAppId);
  if (!app || app.callback === '') return;
  const expireTime = nowSec(w) + TIW_TIMING.callbackTtlSec;
  const body: Record<string, unknown> = { Timestamp: nowSec(w), SdkAppId: task.sdkAppId, ExpireTime: expireTime, EventType: eventType, EventData: eventData };
  if (app.callbackKey !== '') body['Sign'] = tiwCallbackSign(app.callbackKey, expireTime);
  w.deliverCallback(app.callback, JSON.stringify(body), { 'content-type': 'application/json' }).catch(() => undefined);
}

function taskEventData(task: TiwTask): Record<string, unknown> {
  return { TaskId: task.taskId, RoomId: task.roomId, RecordUserId: task.recordUserId };
}

/** AUTO stop after AutoStopTimeout with nobody publishing and no whiteboard operation. */
export function scheduleIdle(w: TiwWorld, task: TiwTask): void {
  w.idleTimers.get(task.taskId)?.();
  w.idleTimers.delete(task.taskId);
  if (!isLive(task)) return;
  const r = roomOf(w, task.sdkAppId, task.avRoom);
  if (r.sessions.some((s) => s.to === null)) return;
  const idleSince = Math.max(r.lastActivityAt, task.createdAt);
  w.idleTimers.set(
    task.taskId,
    w.clock.at(idleSince + task.autoStopTimeoutSec * 1000, () => {
      if (isLive(task)) stopTask(w, task, 'AUTO', idleSince + task.autoStopTimeoutSec * 1000);
    }),
  );
}

/**
 * `now` is when the event happens: a timer passes its own due time, because the virtual clock has
 * already jumped to the end of an `advance` when timers run.
 */
export function stopTask(w: TiwWorld, task: TiwTask, reason: TiwFinishReason, now = w.clock.now()): void {
  const open = task.pauses.at(-1);
  if (open && open.resumeAt === null) open.resumeAt = now;
  task.status = 'STOPPED';
  task.finishReason = reason;
  if (task.recordStartAt !== null) task.recordStopAt = now;
  for (const cancel of task.cancelTimers) cancel();
  task.cancelTimers = [];
  w.idleTimers.get(task.taskId)?.();
  w.idleTimers.delete(task.taskId);
  sendCallback(w, task, 'OnlineRecordStopped', taskEventData(task));
  w.clock.at(now + TIW_TIMING.uploadMs, () => finishTask(w, task, now + TIW_TIMING.uploadMs));
}

/** The next `count` files to finish are lost: TIW has no per-file status, so the task ends with EXCEPTION. */
export function failUploads(w: TiwWorld, count: number): void {
  w.uploadFailures += count;
}

function finishTask(w: TiwWorld, task: TiwTask, now: number): void {
  if (task.status !== 'STOPPED') return;
  task.status = 'FINISHED';
  if (task.failure === null) Object.assign(task, computeResults(task, w.rooms.get(roomKey(task.sdkAppId, task.avRoom))));
  if (w.uploadFailures > 0 && task.videoInfos.length > 0) {
    // TIW has no per-file upload status: a lost file shows as a missing video and an exceptional end.
    const lost = Math.min(w.uploadFailures, task.videoInfos.length);
    w.uploadFailures -= lost;
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
  sendCallback(w, task, 'OnlineRecordFinished', data);
}

/** The recorder joins (PREPARED → RECORDING), or fails to log in when its UserSig does not verify. */
export function beginRecording(w: TiwWorld, task: TiwTask, now: number): void {
  if (task.status !== 'PREPARED') return;
  const app = w.apps.get(task.sdkAppId);
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
      stopTask(w, task, 'EXCEPTION', now);
      return;
    }
  }
  task.status = 'RECORDING';
  task.recordStartAt = now;
  sendCallback(w, task, 'OnlineRecordStarted', taskEventData(task));
}
