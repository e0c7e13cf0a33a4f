import { createHash, randomBytes, randomInt } from 'node:crypto';
import { fileInfo, fileUrl, grow, mixSource, newFiles } from './files';
import { roomOf, running, type Obj, type ZegoStream, type ZegoTask, type ZegoWorld } from './model';

/** Sends a task event to the task's (or the app's) callback URL, signed per docs/vendors/zego.md §9.4 with the app's CallbackSecret. */
export async function sendCallback(w: ZegoWorld, t: ZegoTask, eventType: number, detail: Obj, message = ''): Promise<void> {
  const url = t.callbackUrl ?? t.app.callbackUrl;
  if (!url) return;
  const nonce = String(randomInt(100_000, 1_000_000));
  const timestamp = String(Math.floor(w.clock.now() / 1000));
  const signature = createHash('sha1').update([t.app.callbackSecret, timestamp, nonce].sort().join('')).digest('hex');
  const body = {
    app_id: Number(t.app.appId),
    task_id: t.taskId,
    room_id: t.roomId,
    event_type: eventType,
    message,
    nonce,
    timestamp,
    signature,
    sequence: t.sequence++,
    detail,
  };
  await w.deliverCallback(url, JSON.stringify(body), {});
}

/** Only streams in RecordStreamList (when given), and no more live sources than the mode's cap (36 single, 25 mixed). */
function recordable(t: ZegoTask, s: ZegoStream): boolean {
  if (t.streamList && !t.streamList.includes(s.streamId)) return false;
  const live = new Set(t.files.filter((f) => f.endAt === null).map((f) => f.sourceKey));
  return live.size < (t.recordMode === 1 ? 36 : 25) || live.has(s.streamId);
}

/** A stream appeared in a running task's room: open its files (single mode) or the mix file (mixed mode). */
export function onStreamUp(w: ZegoWorld, t: ZegoTask, s: ZegoStream): void {
  if (t.status !== 2 && t.status !== 5) return;
  if (t.format === 'jpg') return;
  if (t.recordMode === 2) {
    if (!t.files.some((f) => f.endAt === null)) newFiles(w, t, mixSource(t), 'mix', 'mix');
    return;
  }
  if (!recordable(t, s)) return;
  const open = t.files.filter((f) => f.sourceKey === s.streamId && f.endAt === null);
  if (open.length > 0) return;
  // FillBlank keeps one file across an interruption: reopen the stream's last file instead of starting anew.
  const last = t.files.filter((f) => f.sourceKey === s.streamId);
  if (t.fillBlank && last.length > 0) {
    const lastBegin = Math.max(...last.map((f) => f.BeginTimestamp));
    for (const f of last) if (f.BeginTimestamp === lastBegin) f.endAt = null;
    return;
  }
  newFiles(w, t, { userId: s.userId, userName: s.userName, streamId: s.streamId, w: s.width, h: s.height }, s.streamId, 'stream');
}

/** A stream left a running task's room: in single mode without FillBlank its files end now. */
export function onStreamDown(w: ZegoWorld, t: ZegoTask, streamId: string): void {
  if (t.recordMode === 1 && !t.fillBlank) {
    grow(w, t, w.clock.now());
    for (const f of t.files) if (f.sourceKey === streamId && f.endAt === null) f.endAt = w.clock.now();
  }
}

/**
 * (Re)arms the idle stop: with no stream and no whiteboard the task ends after MaxIdleTime, and
 * every 30 s of an empty room sends event 4.
 */
export function armIdle(w: ZegoWorld, t: ZegoTask): void {
  t.idleCancel?.();
  t.idleCancel = null;
  t.emptyCancel?.();
  t.emptyCancel = null;
  if (!running(t)) return;
  const streams = roomOf(w, t.roomId).size;
  const whiteboard = t.hasWhiteboard && !!t.whiteboardId;
  if (streams > 0 || whiteboard) return;
  t.idleCancel = w.clock.at(w.clock.now() + t.maxIdleMs, () => endTask(w, t, 3, 3));
  const tick = (): void => {
    t.emptyCancel = w.clock.at(w.clock.now() + 30_000, async () => {
      if (!running(t) || roomOf(w, t.roomId).size > 0) return;
      tick();
      await sendCallback(w, t, 4, {});
    });
  };
  tick();
}

/** Who publishes in a room the Sandbox fills: a host and a guest, each with a camera stream. */
const SIMULATED_USERS = ['host', 'guest-1'] as const;

/** A stream of `userId` in `roomId`, as the Sandbox's show publishes it. */
export function showStream(roomId: string, userId: string): ZegoStream {
  return { streamId: `${roomId}-${userId}`, userId, userName: userId, width: 1280, height: 720 };
}

/** An empty room gets the simulated publishers, so a recording there records instead of idling out. */
export function simulatePublishers(w: ZegoWorld, roomId: string): void {
  const room = roomOf(w, roomId);
  if (room.size > 0) return;
  for (const user of SIMULATED_USERS) {
    const s = showStream(roomId, user);
    room.set(s.streamId, s);
  }
}

/** The recorder joined (status 1 → 2): open the files of what is already in the room. */
export function beginTask(w: ZegoWorld, t: ZegoTask): void {
  if (t.status !== 1) return;
  t.status = 2;
  if (t.recordMode === 2 && t.alwaysMix && t.format !== 'jpg') newFiles(w, t, mixSource(t), 'mix', 'mix');
  if (t.recordMode === 1 && t.hasWhiteboard && t.whiteboardId && t.format !== 'jpg') {
    newFiles(w, t, { userId: 'whiteboard', userName: 'whiteboard', streamId: 'whiteboard', w: t.canvas.w, h: t.canvas.h }, 'whiteboard', 'whiteboard');
  }
  for (const s of roomOf(w, t.roomId).values()) onStreamUp(w, t, s);
  armIdle(w, t);
}

/** Ends a task: `status` 3 (ended) or 4 (abnormal); `quitReason` set for auto and abnormal ends. */
export async function endTask(w: ZegoWorld, t: ZegoTask, status: 3 | 4, quitReason: number | null): Promise<void> {
  if (!running(t)) return;
  const now = w.clock.now();
  grow(w, t, now);
  if (t.pausedAt !== null) {
    const list = w.pauses.get(t.taskId) ?? [];
    const lastPause = list[list.length - 1];
    if (lastPause) lastPause[1] = now;
  }
  for (const f of t.files) {
    if (f.endAt === null) f.endAt = now;
    if (f.Status === 1) f.Status = 2;
  }
  t.status = status;
  t.endAt = now;
  t.pausedAt = null;
  for (const cancel of t.timers) cancel();
  t.idleCancel?.();
  t.emptyCancel?.();
  t.timers.push(w.clock.at(now + w.opts.uploadDelayMs, () => finishUploads(w, t)));
  if (quitReason !== null) await sendCallback(w, t, 2, { quit_reason: quitReason });
  else await sendCallback(w, t, 7, {});
}

/** The next `count` files to finish uploading fail: kept in backup storage (status 4) or lost (status 5). */
export function failUploads(w: ZegoWorld, count: number, mode: 'backup' | 'failed'): void {
  w.uploadFailures = { count, mode };
}

/** Uploads finish: each file is uploaded (3), or lost to the upload-failure fault (4 backup, 5 failed). */
async function finishUploads(w: ZegoWorld, t: ZegoTask): Promise<void> {
  const failures = w.uploadFailures;
  for (const f of t.files) {
    if (f.Status !== 2) continue;
    if (failures.count > 0) {
      failures.count -= 1;
      f.Status = failures.mode === 'backup' ? 4 : 5;
      f.FileUrl = f.Status === 4 ? `https://backup.sandbox-storage.invalid/${f.FileId}` : '';
    } else {
      f.Status = 3;
      f.FileUrl = fileUrl(t, f.FileId);
      if (t.storageVendor === 5 || t.storageVendor === 6) f.VideoId = randomBytes(16).toString('hex');
    }
  }
  const info = t.files.map(fileInfo);
  await sendCallback(w, t, 1, { upload_status: t.files.every((f) => f.Status === 3) ? 1 : 2, file_info: info });
  if (t.status === 3) await sendCallback(w, t, 5, {});
}
