import { randomBytes } from 'node:crypto';
import type { EmulatorResponse } from '../types';
import { fileUrl, grow, publicFile, utcStamp } from './files';
import { zegoAnswer, type ZegoAction } from './gateway';
import { armIdle, beginTask, endTask, sendCallback, simulatePublishers } from './lifecycle';
import { isObj, running, type Obj, type ZegoApp, type ZegoTask, type ZegoWorld } from './model';
import { checkDescribeTasks, checkStartRecord, checkUpdateLayout } from './params';

type Answer = EmulatorResponse | Promise<EmulatorResponse>;
type AppAction = (w: ZegoWorld, app: ZegoApp, body: Obj) => Answer;
type TaskAction = (w: ZegoWorld, t: ZegoTask, body: Obj) => Answer;

/** The task named by `TaskId`, if it belongs to the app and is inside the query window. */
function taskFor(w: ZegoWorld, app: ZegoApp, body: Obj): ZegoTask | EmulatorResponse {
  const id = body['TaskId'];
  if (typeof id !== 'string' || id === '') return zegoAnswer(w.opts, 300000004, 'invalid parameter: TaskId');
  const t = w.tasks.get(id);
  if (!t || t.app !== app || t.beginAt < w.clock.now() - w.opts.queryWindowMs) return zegoAnswer(w.opts, 300001000);
  return t;
}

function withTask(action: TaskAction): AppAction {
  return (w, app, body) => {
    const found = taskFor(w, app, body);
    return 'taskId' in found ? action(w, found, body) : found;
  };
}

function startRecord(w: ZegoWorld, app: ZegoApp, body: Obj): EmulatorResponse {
  const { opts, clock, tasks } = w;
  const bad = checkStartRecord(body, opts);
  if (bad) return zegoAnswer(opts, 300000004, `invalid parameter: ${bad}`);
  const clientTaskId = typeof body['ClientTaskId'] === 'string' ? body['ClientTaskId'] : null;
  if (clientTaskId) {
    const dup = [...tasks.values()].find((t) => t.app === app && t.clientTaskId === clientTaskId);
    if (dup) return zegoAnswer(opts, 0, undefined, { TaskId: dup.taskId });
  }
  if ([...tasks.values()].filter((t) => t.app === app && running(t)).length >= opts.concurrencyCap) return zegoAnswer(opts, 300000006);
  const input = body['RecordInputParams'] as Obj;
  const mix = isObj(input['MixConfig']) ? input['MixConfig'] : {};
  const video = isObj(mix['MixOutputVideoConfig']) ? mix['MixOutputVideoConfig'] : {};
  const out = isObj(body['RecordOutputParams']) ? body['RecordOutputParams'] : {};
  const storage = isObj(body['StorageParams']) ? body['StorageParams'] : {};
  const wb = Array.isArray(input['Whiteboard']) && isObj(input['Whiteboard'][0]) ? (input['Whiteboard'][0] as Obj) : {};
  const recordMode = input['RecordMode'] as number;
  const list = Array.isArray(input['RecordStreamList']) ? (input['RecordStreamList'] as Obj[]).map((s) => String(s['StreamId'])) : [];
  let taskId = randomBytes(12).toString('base64url');
  while (tasks.has(taskId)) taskId = randomBytes(12).toString('base64url');
  const now = clock.now();
  const t: ZegoTask = {
    taskId,
    app,
    roomId: body['RoomId'] as string,
    clientTaskId,
    recordMode,
    streamType: (input['StreamType'] as number | undefined) ?? 3,
    mixOutputStreamId: typeof mix['MixOutputStreamId'] === 'string' ? mix['MixOutputStreamId'] : '',
    canvas:
      recordMode === 2
        ? { w: (video['Width'] as number | undefined) ?? 1920, h: (video['Height'] as number | undefined) ?? 1920 }
        : { w: (wb['Width'] as number | undefined) ?? 1280, h: (wb['Height'] as number | undefined) ?? 720 },
    videoBitrate: recordMode === 2 ? ((video['Bitrate'] as number | undefined) ?? 1_500_000) : 1_500_000,
    hasWhiteboard: input['HasWhiteboard'] === true,
    whiteboardId: typeof wb['WhiteboardId'] === 'string' && wb['WhiteboardId'] !== '' ? wb['WhiteboardId'] : null,
    streamList: recordMode === 1 && list.length > 0 ? list : null,
    fillBlank: input['FillBlank'] === true,
    alwaysMix: mix['IsAlwaysMix'] === true,
    format: (out['OutputFileFormat'] as string | undefined) ?? 'mp4',
    folder: typeof out['OutputFolder'] === 'string' ? out['OutputFolder'] : '',
    storageVendor: (storage['Vendor'] as number | undefined) ?? 0,
    bucket: typeof storage['Bucket'] === 'string' ? storage['Bucket'] : '',
    callbackUrl: typeof out['CallbackUrl'] === 'string' ? out['CallbackUrl'] : null,
    maxIdleMs: ((input['MaxIdleTime'] as number | undefined) ?? 30) * 1000,
    maxRecordMs: ((input['MaxRecordTime'] as number | undefined) ?? 86_400) * 1000,
    status: 1,
    beginAt: now,
    endAt: 0,
    pausedAt: null,
    files: [],
    sequence: 0,
    timers: [],
    idleCancel: null,
    emptyCancel: null,
  };
  tasks.set(taskId, t);
  if (w.simulatePublishers) simulatePublishers(w, t.roomId);
  t.timers.push(clock.at(now + opts.joinDelayMs, () => beginTask(w, t)));
  t.timers.push(clock.at(now + t.maxRecordMs, () => endTask(w, t, 3, 4)));
  return zegoAnswer(opts, 0, undefined, { TaskId: taskId });
}

function describeTasks(w: ZegoWorld, app: ZegoApp, body: Obj): EmulatorResponse {
  const now = w.clock.now();
  const bad = checkDescribeTasks(body, now, w.opts.queryWindowMs);
  if (bad) return zegoAnswer(w.opts, 300000004, `invalid parameter: ${bad}`);
  const wanted = body['Status'] === 2 ? (w.opts.listsPaused ? [1, 2, 5] : [1, 2]) : [3, 4];
  const start = body['StartTime'] as number;
  const endT = body['EndTime'] as number;
  const size = (body['PageSize'] as number | undefined) ?? 50;
  const page = Math.max(1, (body['PageOffset'] as number | undefined) ?? 1);
  const found = [...w.tasks.values()]
    .filter((t) => t.app === app && wanted.includes(t.status) && t.beginAt >= start && t.beginAt <= endT)
    .filter((t) => body['RoomId'] === undefined || t.roomId === body['RoomId'])
    .sort((a, b) => b.beginAt - a.beginAt);
  const rows = found.slice((page - 1) * size, page * size).map((t) => ({ RecordBeginTimestamp: t.beginAt, TaskId: t.taskId, RoomId: t.roomId, Status: t.status }));
  return zegoAnswer(w.opts, 0, undefined, { PageOffset: page, PageSize: size, TotalCount: found.length, [w.opts.listKey]: rows });
}

function describeRecordStatus(w: ZegoWorld, t: ZegoTask): EmulatorResponse {
  grow(w, t, w.clock.now());
  const data: Obj = {
    RoomId: t.roomId,
    RecordMode: t.recordMode,
    StreamType: t.streamType,
    RecordBeginTimestamp: t.beginAt,
    RecordEndTimestamp: t.endAt,
    Status: t.status,
  };
  if (t.format !== 'jpg' && t.files.length > 0) data['RecordFiles'] = t.files.map(publicFile);
  return zegoAnswer(w.opts, 0, undefined, data);
}

async function stopRecord(w: ZegoWorld, t: ZegoTask): Promise<EmulatorResponse> {
  if (!running(t)) return zegoAnswer(w.opts, 300001001);
  await endTask(w, t, 3, null);
  return zegoAnswer(w.opts, 0);
}

async function pauseRecord(w: ZegoWorld, t: ZegoTask): Promise<EmulatorResponse> {
  if (!running(t)) return zegoAnswer(w.opts, 300001001);
  if (t.recordMode !== 2) return zegoAnswer(w.opts, 300000004, 'invalid parameter: TaskId (only mixed-stream tasks can be paused)');
  if (t.status === 5) return zegoAnswer(w.opts, 300000004, 'invalid parameter: TaskId (task is already paused)');
  grow(w, t, w.clock.now());
  t.status = 5;
  t.pausedAt = w.clock.now();
  w.pauses.set(t.taskId, [...(w.pauses.get(t.taskId) ?? []), [t.pausedAt, null]]);
  await sendCallback(w, t, 201, {});
  return zegoAnswer(w.opts, 0);
}

async function resumeRecord(w: ZegoWorld, t: ZegoTask): Promise<EmulatorResponse> {
  if (!running(t)) return zegoAnswer(w.opts, 300001001);
  if (t.status !== 5) return zegoAnswer(w.opts, 300001004);
  const list = w.pauses.get(t.taskId) ?? [];
  const last = list[list.length - 1];
  if (last) last[1] = w.clock.now();
  t.status = 2;
  t.pausedAt = null;
  await sendCallback(w, t, 202, {});
  return zegoAnswer(w.opts, 0);
}

async function takeSnapshot(w: ZegoWorld, t: ZegoTask): Promise<EmulatorResponse> {
  if (!running(t)) return zegoAnswer(w.opts, 300001001);
  if (t.recordMode !== 2 || t.status !== 2) return zegoAnswer(w.opts, 300000004, 'invalid parameter: TaskId (needs a mixed-stream task in progress)');
  const now = w.clock.now();
  const fileId = `${t.taskId}_${t.roomId}_${t.mixOutputStreamId}_V_${utcStamp(now)}.jpg`;
  await sendCallback(w, t, 1, {
    upload_status: 1,
    file_info: [
      { user_id: t.mixOutputStreamId, user_name: t.mixOutputStreamId, stream_id: t.mixOutputStreamId, file_id: fileId, video_id: '', file_url: fileUrl(t, fileId), output_file_format: 'jpg', file_size: 120_000, duration: 0, resolution_width: t.canvas.w, resolution_height: t.canvas.h, media_track_type: 2, begin_timestamp: now, status: 3 },
    ],
  });
  return zegoAnswer(w.opts, 0);
}

function updateLayout(w: ZegoWorld, t: ZegoTask, body: Obj): EmulatorResponse {
  if (!running(t)) return zegoAnswer(w.opts, 300001001);
  if (t.recordMode !== 2) return zegoAnswer(w.opts, 300000004, 'invalid parameter: TaskId (not a mixed-stream task)');
  const bad = checkUpdateLayout(body, t.canvas, t.hasWhiteboard, w.opts);
  return bad ? zegoAnswer(w.opts, 300000004, `invalid parameter: ${bad}`) : zegoAnswer(w.opts, 0);
}

function updateWhiteboard(w: ZegoWorld, t: ZegoTask, body: Obj): EmulatorResponse {
  if (!running(t)) return zegoAnswer(w.opts, 300001001);
  if (typeof body['WhiteboardId'] !== 'string' || body['WhiteboardId'] === '') return zegoAnswer(w.opts, 300000004, 'invalid parameter: WhiteboardId');
  if (!t.hasWhiteboard) return zegoAnswer(w.opts, 300000004, 'invalid parameter: WhiteboardId (task records no whiteboard)');
  t.whiteboardId = body['WhiteboardId'];
  armIdle(w, t);
  return zegoAnswer(w.opts, 0);
}

const ACTIONS: Record<ZegoAction, AppAction> = {
  StartRecord: startRecord,
  DescribeTasks: describeTasks,
  DescribeRecordStatus: withTask(describeRecordStatus),
  StopRecord: withTask(stopRecord),
  PauseRecord: withTask(pauseRecord),
  ResumeRecord: withTask(resumeRecord),
  TakeSnapshot: withTask(takeSnapshot),
  UpdateLayout: withTask(updateLayout),
  UpdateWhiteboard: withTask(updateWhiteboard),
};

/** Runs one authenticated action on the app's behalf. */
export async function runAction(w: ZegoWorld, app: ZegoApp, action: ZegoAction, body: Obj): Promise<EmulatorResponse> {
  return ACTIONS[action](w, app, body);
}
