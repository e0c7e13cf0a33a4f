import { trtcCallbackSign } from '../../vendors/tencent-trro/callback';
import { streamKey, taskFiles, type TrroTask, type TrroWorld } from './model';

/** Timing of the emulated lifecycle (virtual ms). */
export const TRRO_TIMING = {
  /** Stop → all files uploaded (310 MP4_STOP / 305 UPLOAD_STOP). */
  uploadMs: 5_000,
};

/** Sends a TRTC-format event to the project's callback URL, signed with its SignKey when it has one. */
export function sendCallback(w: TrroWorld, task: TrroTask, eventType: number, payload: Record<string, unknown>, at: number): void {
  const project = w.projects.get(task.projectId);
  if (!project || project.callbackUrl === '') return;
  // TRRO points to the TRTC callback format; its RoomId and UserId for a device are [UNCONFIRMED].
  const body = JSON.stringify({
    EventGroupId: 3,
    EventType: eventType,
    CallbackTs: at,
    EventInfo: {
      RoomId: task.deviceId,
      EventTs: Math.floor(at / 1000),
      EventMsTs: at,
      UserId: `trro_recorder_${task.videoStreamId}`,
      TaskId: task.taskId,
      Payload: payload,
    },
  });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (project.signKey !== '') headers['sign'] = trtcCallbackSign(project.signKey, body);
  w.deliverCallback(project.callbackUrl, body, headers).catch(() => undefined);
}

/** Stops the task MaxIdleTime after its device stream stopped publishing (or never started). */
export function scheduleIdle(w: TrroWorld, task: TrroTask): void {
  task.cancelIdle?.();
  task.cancelIdle = null;
  if (!task.live) return;
  const s = w.streams.get(streamKey(task.projectId, task.deviceId, task.videoStreamId));
  if (s?.publishing) return;
  const since = Math.max(task.startAt, s?.at ?? task.startAt);
  const due = since + task.maxIdleSec * 1000;
  task.cancelIdle = w.clock.at(due, () => {
    if (task.live) stopTask(w, task, 99, due);
  });
}

/** The next `count` cut files fail to upload: 310 lists only the rest, 305 reports files left behind. */
export function failUploads(w: TrroWorld, count: number): void {
  w.uploadFailures += count;
}

/**
 * Ends the task at `at` (a timer passes its own due time): 302 leave, 303 stop and 304 for the HLS
 * playlist at once, then, after the upload time, 310 for the cut files and 305 for the upload's end.
 */
export function stopTask(w: TrroWorld, task: TrroTask, leaveCode: number, at: number): void {
  task.live = false;
  task.stopAt = at;
  task.cancelIdle?.();
  task.cancelIdle = null;
  sendCallback(w, task, 302, { LeaveCode: leaveCode }, at);
  sendCallback(w, task, 303, { Status: 0 }, at);
  const all = taskFiles(task, at);
  const hls = all.find((f) => f.ext === 'm3u8');
  if (hls) sendCallback(w, task, 304, { FileList: hls.FileName }, at);
  const done = at + TRRO_TIMING.uploadMs;
  w.clock.at(done, () => {
    const cut = all.filter((f) => f.ext !== 'm3u8');
    const lost = Math.min(w.uploadFailures, cut.length);
    w.uploadFailures -= lost;
    if (cut.length > 0) {
      const trackType = cut[0]?.ext === 'aac' ? 'audio' : 'audio_video';
      const uploaded = cut.slice(lost);
      sendCallback(
        w,
        task,
        310,
        {
          Status: lost === 0 ? 0 : uploaded.length > 0 ? 2 : 1,
          FileList: uploaded.map((f) => f.FileName),
          FileMessage: uploaded.map((f) => ({
            FileName: f.FileName,
            UserId: '',
            TrackType: trackType,
            MediaId: 'main',
            StartTimeStamp: f.StartTimeStamp,
            EndTimeStamp: f.EndTimeStamp,
          })),
        },
        done,
      );
    }
    // 305 LeaveCode 1 = some files stranded on the server/backup; the 310 Status tells failed from partial.
    sendCallback(w, task, 305, { LeaveCode: lost === 0 ? 0 : 1 }, done);
  });
}
