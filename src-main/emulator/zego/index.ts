import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, VendorEmulator } from '../types';
import { checkDescribeTasks, checkStartRecord, checkUpdateLayout, type ZegoParamOptions } from './params';

/** Knobs for what the spec marks unconfirmed (§13, §14); all settable through `control('configure')`. */
export interface ZegoEmulatorOptions extends ZegoParamOptions {
  /** Signature window, seconds either side of the server clock. */
  timestampWindowSec: number;
  /** Tasks in progress per AppId before 300000006. */
  concurrencyCap: number;
  /** DescribeTasks list key: the docs' example says `TaskidList`, its table `TaskList`. */
  listKey: 'TaskList' | 'TaskidList';
  /** HTTP status of error answers (ZEGO convention: 200 with a non-zero Code). */
  errorHttpStatus: number;
  /** Require the nonce to be 16 lowercase hex characters. */
  strictNonce: boolean;
  /** Virtual ms a file stays "uploading" after its task ends. */
  uploadDelayMs: number;
  /** Virtual ms from StartRecord to status 2 (the recorder joining). */
  joinDelayMs: number;
  /** Query window of DescribeRecordStatus / DescribeTasks. */
  queryWindowMs: number;
}

const DEFAULTS: ZegoEmulatorOptions = {
  timestampWindowSec: 600,
  concurrencyCap: 1000,
  listKey: 'TaskidList',
  errorHttpStatus: 200,
  strictNonce: false,
  uploadDelayMs: 2000,
  joinDelayMs: 1000,
  queryWindowMs: 3 * 86_400_000,
  maxRecordTimeMax: 86_400,
  requireStorageParams: true,
  allowZeroAreaViews: false,
};

const ACTIONS = new Set([
  'StartRecord',
  'StopRecord',
  'PauseRecord',
  'ResumeRecord',
  'UpdateLayout',
  'UpdateWhiteboard',
  'DescribeRecordStatus',
  'DescribeTasks',
  'TakeSnapshot',
]);

const MESSAGES: Record<number, string> = {
  100000001: 'AppId is invalid',
  100000002: 'Timestamp is empty',
  100000003: 'Timestamp is invalid',
  100000004: 'signature expired',
  100000005: 'signature error',
  100000006: 'Action is empty',
  100000007: 'Action is not supported',
  100000008: 'SignatureNonce is empty',
  100000009: 'Signature is empty',
  100000010: 'get server secret failed',
  100000013: 'SignatureVersion is empty',
  100000014: 'SignatureVersion is not supported',
  100000016: 'app has no production environment',
  300000002: 'service not enabled',
  300000003: 'request rate over limit',
  300000006: 'concurrent task limit exceeded',
  300001000: 'task not exist',
  300001001: 'task already ended',
  300001004: 'task is not paused',
};

interface App {
  appId: string;
  serverSecret: string;
  callbackSecret: string;
  callbackUrl: string | null;
  /** AppIDs of the test environment need `IsTest=true` (projects created on or before 2021-11-16). */
  testEnvironment: boolean;
  serviceEnabled: boolean;
}

interface Stream {
  streamId: string;
  userId: string;
  userName: string;
  width: number;
  height: number;
}

interface FileRec {
  UserId: string;
  UserName: string;
  StreamId: string;
  FileId: string;
  VideoId: string;
  FileUrl: string;
  OutputFileFormat: string;
  FileSize: number;
  Duration: number;
  ResolutionWidth: number;
  ResolutionHeight: number;
  MediaTrackType: number;
  BeginTimestamp: number;
  Status: number;
  /** Virtual ms of the file's end while the task runs; null while it grows. */
  endAt: number | null;
  bitrate: number;
  /** Set while this file's source is live (single mode: the stream is published). */
  sourceKey: string;
}

interface Task {
  taskId: string;
  app: App;
  roomId: string;
  clientTaskId: string | null;
  recordMode: number;
  streamType: number;
  mixOutputStreamId: string;
  canvas: { w: number; h: number };
  videoBitrate: number;
  hasWhiteboard: boolean;
  whiteboardId: string | null;
  streamList: string[] | null;
  fillBlank: boolean;
  alwaysMix: boolean;
  format: string;
  folder: string;
  storageVendor: number;
  bucket: string;
  callbackUrl: string | null;
  maxIdleMs: number;
  maxRecordMs: number;
  status: number;
  beginAt: number;
  endAt: number;
  pausedAt: number | null;
  files: FileRec[];
  sequence: number;
  timers: Array<() => void>;
  idleCancel: (() => void) | null;
  emptyCancel: (() => void) | null;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function utcStamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}${p(d.getUTCMilliseconds(), 3)}`;
}

function requestId(): string {
  return String(randomInt(1, 2 ** 47)) + String(randomInt(0, 100_000));
}

/**
 * The ZEGO Cloud Recording v2 emulator: gateway checks and signature exactly as §2–§3, parameter
 * codes, rate limits on the virtual clock, rooms and streams, the task lifecycle, files named per §8
 * and signed callbacks per §9.
 */
export function createZegoEmulator(initial: Partial<ZegoEmulatorOptions> = {}): (ctx: EmulatorContext) => VendorEmulator {
  return (ctx) => {
    const opts: ZegoEmulatorOptions = { ...DEFAULTS, ...initial };
    const apps = new Map<string, App>();
    const rooms = new Map<string, Map<string, Stream>>();
    const tasks = new Map<string, Task>();
    const rate = new Map<string, number[]>();
    let uploadFailures: { count: number; mode: 'backup' | 'failed' } = { count: 0, mode: 'failed' };
    // Timers run after the shared clock has already jumped to the end of an advance; while a timer's
    // synchronous part runs, "now" is its due time, so a task that idles out at 30 s ends at 30 s.
    let frozen: number | null = null;
    const clock = {
      now: (): number => frozen ?? ctx.clock.now(),
      at: (due: number, fn: () => void | Promise<void>): (() => void) =>
        ctx.clock.at(due, async () => {
          frozen = due;
          let pending: void | Promise<void>;
          try {
            pending = fn();
          } finally {
            frozen = null;
          }
          await pending;
        }),
    };

    function answer(code: number, message?: string, data?: Obj): EmulatorResponse {
      const body: Obj = { Code: code, Message: message ?? (code === 0 ? 'succeed' : (MESSAGES[code] ?? 'error')), RequestId: requestId() };
      if (data) body['Data'] = data;
      return { status: code === 0 ? 200 : opts.errorHttpStatus, body: JSON.stringify(body) };
    }

    function roomOf(roomId: string): Map<string, Stream> {
      let r = rooms.get(roomId);
      if (!r) {
        r = new Map();
        rooms.set(roomId, r);
      }
      return r;
    }

    function running(t: Task): boolean {
      return t.status === 1 || t.status === 2 || t.status === 5;
    }

    function rateLimited(appId: string, action: string, isTest: boolean): boolean {
      const limit = action === 'StartRecord' || action === 'StopRecord' ? (isTest ? 20 : 50) : 10;
      const key = `${appId}:${action}`;
      const now = clock.now();
      const hits = (rate.get(key) ?? []).filter((t) => t > now - 1000);
      if (hits.length >= limit) {
        rate.set(key, hits);
        return true;
      }
      hits.push(now);
      rate.set(key, hits);
      return false;
    }

    async function callback(t: Task, eventType: number, detail: Obj, message = ''): Promise<void> {
      const url = t.callbackUrl ?? t.app.callbackUrl;
      if (!url) return;
      const nonce = String(randomInt(100_000, 1_000_000));
      const timestamp = String(Math.floor(clock.now() / 1000));
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
      await ctx.deliverCallback(url, JSON.stringify(body), {});
    }

    function fileUrl(t: Task, fileId: string): string {
      if (t.storageVendor === 4 || t.storageVendor === 5) return '';
      return `https://${t.bucket || 'vod'}.sandbox-storage.invalid/${t.folder}${fileId}`;
    }

    function newFiles(t: Task, who: { userId: string; userName: string; streamId: string; w: number; h: number }, sourceKey: string, kind: 'stream' | 'mix' | 'whiteboard'): void {
      const now = clock.now();
      const stamp = utcStamp(now);
      const ext = t.format === 'hls' ? 'm3u8' : t.format;
      const base =
        kind === 'mix'
          ? `${t.taskId}_${t.roomId}_${t.mixOutputStreamId}`
          : kind === 'whiteboard'
            ? `${t.taskId}_${t.roomId}_whiteboard`
            : `${t.taskId}_${t.roomId}_${who.userId}_${who.streamId}`;
      const audioBitrate = 48_000;
      const parts: Array<{ type: string; track: number; ext: string; format: string; bitrate: number; video: boolean }> = [];
      const st = kind === 'whiteboard' ? 2 : t.streamType;
      if (st === 1) parts.push({ type: 'A', track: 1, ext: t.format === 'mp3' ? 'mp3' : 'aac', format: t.format === 'mp3' ? 'mp3' : 'aac', bitrate: audioBitrate, video: false });
      if (st === 2) parts.push({ type: 'V', track: 2, ext, format: t.format, bitrate: t.videoBitrate, video: true });
      if (st === 3) parts.push({ type: 'VA', track: 3, ext, format: t.format, bitrate: t.videoBitrate + audioBitrate, video: true });
      if (st === 4) {
        parts.push({ type: 'V', track: 2, ext, format: t.format, bitrate: t.videoBitrate, video: true });
        parts.push({ type: 'A', track: 1, ext: 'aac', format: 'aac', bitrate: audioBitrate, video: false });
      }
      for (const p of parts) {
        const fileId = `${base}_${p.type}_${stamp}.${p.ext}`;
        t.files.push({
          UserId: who.userId,
          UserName: who.userName,
          StreamId: who.streamId,
          FileId: fileId,
          VideoId: '',
          FileUrl: '',
          OutputFileFormat: p.format,
          FileSize: 0,
          Duration: 0,
          ResolutionWidth: p.video ? who.w : 0,
          ResolutionHeight: p.video ? who.h : 0,
          MediaTrackType: p.track,
          BeginTimestamp: now,
          Status: 1,
          endAt: null,
          bitrate: p.bitrate,
          sourceKey,
        });
      }
    }

    function grow(t: Task, at: number): void {
      for (const f of t.files) {
        if (f.Status !== 1) continue;
        const end = f.endAt ?? at;
        f.Duration = Math.max(0, end - f.BeginTimestamp - (t.recordMode === 2 ? pausedMs(t, f, end) : 0));
        f.FileSize = Math.round((f.bitrate * f.Duration) / 8000);
      }
    }

    const pauses = new Map<string, Array<[number, number | null]>>();
    function pausedMs(t: Task, f: FileRec, end: number): number {
      let total = 0;
      for (const [from, to] of pauses.get(t.taskId) ?? []) {
        const a = Math.max(from, f.BeginTimestamp);
        const b = Math.min(to ?? end, end);
        if (b > a) total += b - a;
      }
      return total;
    }

    function recordable(t: Task, s: Stream): boolean {
      if (t.streamList && !t.streamList.includes(s.streamId)) return false;
      const live = new Set(t.files.filter((f) => f.endAt === null).map((f) => f.sourceKey));
      return live.size < (t.recordMode === 1 ? 36 : 25) || live.has(s.streamId);
    }

    function onStreamUp(t: Task, s: Stream): void {
      if (t.status !== 2 && t.status !== 5) return;
      if (t.format === 'jpg') return;
      if (t.recordMode === 2) {
        if (!t.files.some((f) => f.endAt === null)) {
          newFiles(t, { userId: t.mixOutputStreamId, userName: t.mixOutputStreamId, streamId: t.mixOutputStreamId, w: t.canvas.w, h: t.canvas.h }, 'mix', 'mix');
        }
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
      newFiles(t, { userId: s.userId, userName: s.userName, streamId: s.streamId, w: s.width, h: s.height }, s.streamId, 'stream');
    }

    function onStreamDown(t: Task, streamId: string): void {
      if (t.recordMode === 1 && !t.fillBlank) {
        grow(t, clock.now());
        for (const f of t.files) if (f.sourceKey === streamId && f.endAt === null) f.endAt = clock.now();
      }
    }

    function armIdle(t: Task): void {
      t.idleCancel?.();
      t.idleCancel = null;
      t.emptyCancel?.();
      t.emptyCancel = null;
      if (!running(t)) return;
      const streams = roomOf(t.roomId).size;
      const whiteboard = t.hasWhiteboard && !!t.whiteboardId;
      if (streams > 0 || whiteboard) return;
      t.idleCancel = clock.at(clock.now() + t.maxIdleMs, () => end(t, 3, 3));
      const tick = (): void => {
        t.emptyCancel = clock.at(clock.now() + 30_000, async () => {
          if (!running(t) || roomOf(t.roomId).size > 0) return;
          tick();
          await callback(t, 4, {});
        });
      };
      tick();
    }

    function begin(t: Task): void {
      if (t.status !== 1) return;
      t.status = 2;
      if (t.recordMode === 2 && t.alwaysMix && t.format !== 'jpg') {
        newFiles(t, { userId: t.mixOutputStreamId, userName: t.mixOutputStreamId, streamId: t.mixOutputStreamId, w: t.canvas.w, h: t.canvas.h }, 'mix', 'mix');
      }
      if (t.recordMode === 1 && t.hasWhiteboard && t.whiteboardId && t.format !== 'jpg') {
        newFiles(t, { userId: 'whiteboard', userName: 'whiteboard', streamId: 'whiteboard', w: t.canvas.w, h: t.canvas.h }, 'whiteboard', 'whiteboard');
      }
      for (const s of roomOf(t.roomId).values()) onStreamUp(t, s);
      armIdle(t);
    }

    /** Ends a task: `status` 3 (ended) or 4 (abnormal); `quitReason` set for auto and abnormal ends. */
    async function end(t: Task, status: 3 | 4, quitReason: number | null): Promise<void> {
      if (!running(t)) return;
      const now = clock.now();
      grow(t, now);
      if (t.pausedAt !== null) {
        const list = pauses.get(t.taskId) ?? [];
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
      t.timers.push(clock.at(now + opts.uploadDelayMs, () => finishUploads(t)));
      if (quitReason !== null) await callback(t, 2, { quit_reason: quitReason });
      else await callback(t, 7, {});
    }

    async function finishUploads(t: Task): Promise<void> {
      for (const f of t.files) {
        if (f.Status !== 2) continue;
        if (uploadFailures.count > 0) {
          uploadFailures.count -= 1;
          f.Status = uploadFailures.mode === 'backup' ? 4 : 5;
          f.FileUrl = f.Status === 4 ? `https://backup.sandbox-storage.invalid/${f.FileId}` : '';
        } else {
          f.Status = 3;
          f.FileUrl = fileUrl(t, f.FileId);
          if (t.storageVendor === 5 || t.storageVendor === 6) f.VideoId = randomBytes(16).toString('hex');
        }
      }
      const info = t.files.map(fileInfo);
      await callback(t, 1, { upload_status: t.files.every((f) => f.Status === 3) ? 1 : 2, file_info: info });
      if (t.status === 3) await callback(t, 5, {});
    }

    function fileInfo(f: FileRec): Obj {
      return {
        user_id: f.UserId,
        user_name: f.UserName,
        stream_id: f.StreamId,
        file_id: f.FileId,
        video_id: f.VideoId,
        file_url: f.FileUrl,
        output_file_format: f.OutputFileFormat,
        file_size: f.FileSize,
        duration: f.Duration,
        resolution_width: f.ResolutionWidth,
        resolution_height: f.ResolutionHeight,
        media_track_type: f.MediaTrackType,
        begin_timestamp: f.BeginTimestamp,
        status: f.Status,
      };
    }

    function publicFile(f: FileRec): Obj {
      const out: Obj = {
        UserId: f.UserId,
        UserName: f.UserName,
        StreamId: f.StreamId,
        FileId: f.FileId,
        VideoId: f.VideoId,
        OutputFileFormat: f.OutputFileFormat,
        FileSize: f.FileSize,
        Duration: f.Duration,
        ResolutionWidth: f.ResolutionWidth,
        ResolutionHeight: f.ResolutionHeight,
        MediaTrackType: f.MediaTrackType,
        BeginTimestamp: f.BeginTimestamp,
        Status: f.Status,
      };
      if (f.FileUrl) out['FileUrl'] = f.FileUrl;
      return out;
    }

    function gateway(req: EmulatorRequest): { app: App; action: string; isTest: boolean } | EmulatorResponse {
      const q = req.url.searchParams;
      const action = q.get('Action') ?? '';
      if (!action) return answer(100000006);
      if (!ACTIONS.has(action)) return answer(100000007);
      const appId = q.get('AppId') ?? '';
      if (!/^\d{1,10}$/.test(appId) || Number(appId) > 0xffffffff) return answer(100000001);
      const ts = q.get('Timestamp') ?? '';
      if (!ts) return answer(100000002);
      if (!/^\d{1,12}$/.test(ts)) return answer(100000003);
      const nonce = q.get('SignatureNonce') ?? '';
      if (!nonce || (opts.strictNonce && !/^[0-9a-f]{16}$/.test(nonce))) return answer(100000008);
      const signature = q.get('Signature') ?? '';
      if (!signature) return answer(100000009);
      const version = q.get('SignatureVersion') ?? '';
      if (!version) return answer(100000013);
      if (version !== '2.0') return answer(100000014);
      const app = apps.get(String(Number(appId)));
      if (!app) return answer(100000010);
      const isTestParam = (q.get('IsTest') ?? 'false').toLowerCase() === 'true';
      if (isTestParam !== app.testEnvironment) return answer(100000016);
      if (Math.abs(Math.floor(clock.now() / 1000) - Number(ts)) > opts.timestampWindowSec) return answer(100000004);
      const expected = createHash('md5').update(`${appId}${nonce}${app.serverSecret}${ts}`).digest();
      const given = Buffer.from(signature, 'hex');
      if (given.length !== expected.length || !/^[0-9a-f]{32}$/.test(signature) || !timingSafeEqual(given, expected)) return answer(100000005);
      if (!app.serviceEnabled) return answer(300000002);
      return { app, action, isTest: isTestParam };
    }

    function taskFor(app: App, body: Obj): Task | EmulatorResponse {
      const id = body['TaskId'];
      if (typeof id !== 'string' || id === '') return answer(300000004, 'invalid parameter: TaskId');
      const t = tasks.get(id);
      if (!t || t.app !== app || t.beginAt < clock.now() - opts.queryWindowMs) return answer(300001000);
      return t;
    }

    async function startRecord(app: App, body: Obj): Promise<EmulatorResponse> {
      const bad = checkStartRecord(body, opts);
      if (bad) return answer(300000004, `invalid parameter: ${bad}`);
      const clientTaskId = typeof body['ClientTaskId'] === 'string' ? body['ClientTaskId'] : null;
      if (clientTaskId) {
        const dup = [...tasks.values()].find((t) => t.app === app && t.clientTaskId === clientTaskId);
        if (dup) return answer(0, undefined, { TaskId: dup.taskId });
      }
      if ([...tasks.values()].filter((t) => t.app === app && running(t)).length >= opts.concurrencyCap) return answer(300000006);
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
      const t: Task = {
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
      t.timers.push(clock.at(now + opts.joinDelayMs, () => begin(t)));
      t.timers.push(clock.at(now + t.maxRecordMs, () => end(t, 3, 4)));
      return answer(0, undefined, { TaskId: taskId });
    }

    async function act(app: App, action: string, body: Obj): Promise<EmulatorResponse> {
      if (action === 'StartRecord') return startRecord(app, body);
      if (action === 'DescribeTasks') {
        const now = clock.now();
        const bad = checkDescribeTasks(body, now, opts.queryWindowMs);
        if (bad) return answer(300000004, `invalid parameter: ${bad}`);
        const wanted = body['Status'] === 2 ? [1, 2, 5] : [3, 4];
        const start = body['StartTime'] as number;
        const endT = body['EndTime'] as number;
        const size = (body['PageSize'] as number | undefined) ?? 50;
        const page = Math.max(1, (body['PageOffset'] as number | undefined) ?? 1);
        const found = [...tasks.values()]
          .filter((t) => t.app === app && wanted.includes(t.status) && t.beginAt >= start && t.beginAt <= endT)
          .filter((t) => body['RoomId'] === undefined || t.roomId === body['RoomId'])
          .sort((a, b) => b.beginAt - a.beginAt);
        const rows = found.slice((page - 1) * size, page * size).map((t) => ({ RecordBeginTimestamp: t.beginAt, TaskId: t.taskId, RoomId: t.roomId, Status: t.status }));
        return answer(0, undefined, { PageOffset: page, PageSize: size, TotalCount: found.length, [opts.listKey]: rows });
      }
      const found = taskFor(app, body);
      if (!('taskId' in found)) return found;
      const t = found;
      switch (action) {
        case 'DescribeRecordStatus': {
          grow(t, clock.now());
          const data: Obj = {
            RoomId: t.roomId,
            RecordMode: t.recordMode,
            StreamType: t.streamType,
            RecordBeginTimestamp: t.beginAt,
            RecordEndTimestamp: t.endAt,
            Status: t.status,
          };
          if (t.format !== 'jpg' && t.files.length > 0) data['RecordFiles'] = t.files.map(publicFile);
          return answer(0, undefined, data);
        }
        case 'StopRecord':
          if (!running(t)) return answer(300001001);
          await end(t, 3, null);
          return answer(0);
        case 'PauseRecord':
          if (!running(t)) return answer(300001001);
          if (t.recordMode !== 2) return answer(300000004, 'invalid parameter: TaskId (only mixed-stream tasks can be paused)');
          if (t.status === 5) return answer(300000004, 'invalid parameter: TaskId (task is already paused)');
          grow(t, clock.now());
          t.status = 5;
          t.pausedAt = clock.now();
          pauses.set(t.taskId, [...(pauses.get(t.taskId) ?? []), [t.pausedAt, null]]);
          await callback(t, 201, {});
          return answer(0);
        case 'ResumeRecord': {
          if (!running(t)) return answer(300001001);
          if (t.status !== 5) return answer(300001004);
          const list = pauses.get(t.taskId) ?? [];
          const last = list[list.length - 1];
          if (last) last[1] = clock.now();
          t.status = 2;
          t.pausedAt = null;
          await callback(t, 202, {});
          return answer(0);
        }
        case 'TakeSnapshot': {
          if (!running(t)) return answer(300001001);
          if (t.recordMode !== 2 || t.status !== 2) return answer(300000004, 'invalid parameter: TaskId (needs a mixed-stream task in progress)');
          const fileId = `${t.taskId}_${t.roomId}_${t.mixOutputStreamId}_V_${utcStamp(clock.now())}.jpg`;
          await callback(t, 1, {
            upload_status: 1,
            file_info: [
              { user_id: t.mixOutputStreamId, user_name: t.mixOutputStreamId, stream_id: t.mixOutputStreamId, file_id: fileId, video_id: '', file_url: fileUrl(t, fileId), output_file_format: 'jpg', file_size: 120_000, duration: 0, resolution_width: t.canvas.w, resolution_height: t.canvas.h, media_track_type: 2, begin_timestamp: clock.now(), status: 3 },
            ],
          });
          return answer(0);
        }
        case 'UpdateLayout': {
          if (!running(t)) return answer(300001001);
          if (t.recordMode !== 2) return answer(300000004, 'invalid parameter: TaskId (not a mixed-stream task)');
          const bad = checkUpdateLayout(body, t.canvas, t.hasWhiteboard, opts);
          return bad ? answer(300000004, `invalid parameter: ${bad}`) : answer(0);
        }
        case 'UpdateWhiteboard': {
          if (!running(t)) return answer(300001001);
          if (typeof body['WhiteboardId'] !== 'string' || body['WhiteboardId'] === '') return answer(300000004, 'invalid parameter: WhiteboardId');
          if (!t.hasWhiteboard) return answer(300000004, 'invalid parameter: WhiteboardId (task records no whiteboard)');
          t.whiteboardId = body['WhiteboardId'];
          armIdle(t);
          return answer(0);
        }
        default:
          return answer(100000007);
      }
    }

    return {
      id: 'zego',
      async handle(req) {
        const g = gateway(req);
        if ('status' in g) return g;
        if (rateLimited(g.app.appId, g.action, g.isTest)) return answer(300000003);
        let body: unknown;
        try {
          body = req.rawBody.length === 0 ? {} : JSON.parse(req.rawBody.toString('utf8'));
        } catch {
          return answer(300000004, 'invalid parameter: body is not JSON');
        }
        if (!isObj(body)) return answer(300000004, 'invalid parameter: body is not a JSON object');
        return act(g.app, g.action, body);
      },
      rateLimitedResponse() {
        return answer(300000003);
      },
      async control(command, input) {
        const o = isObj(input) ? input : {};
        const s = (k: string): string => {
          const v = o[k];
          if (typeof v !== 'string' && typeof v !== 'number') throw new Error(`${command}: "${k}" is required`);
          return String(v);
        };
        switch (command) {
          case 'register-app': {
            const appId = String(Number(s('appId')));
            apps.set(appId, {
              appId,
              serverSecret: s('serverSecret'),
              callbackSecret: typeof o['callbackSecret'] === 'string' ? o['callbackSecret'] : '',
              callbackUrl: typeof o['callbackUrl'] === 'string' ? o['callbackUrl'] : null,
              testEnvironment: o['testEnvironment'] === true,
              serviceEnabled: o['serviceEnabled'] !== false,
            });
            return { appId };
          }
          case 'set-callback': {
            const app = apps.get(String(Number(s('appId'))));
            if (!app) throw new Error('set-callback: unknown appId');
            if (typeof o['url'] === 'string' || o['url'] === null) app.callbackUrl = o['url'];
            if (typeof o['secret'] === 'string') app.callbackSecret = o['secret'];
            return null;
          }
          case 'publish-stream': {
            const roomId = s('roomId');
            const stream: Stream = {
              streamId: s('streamId'),
              userId: s('userId'),
              userName: typeof o['userName'] === 'string' ? o['userName'] : s('userId'),
              width: typeof o['width'] === 'number' ? o['width'] : 1280,
              height: typeof o['height'] === 'number' ? o['height'] : 720,
            };
            roomOf(roomId).set(stream.streamId, stream);
            for (const t of tasks.values()) {
              if (t.roomId !== roomId || !running(t)) continue;
              onStreamUp(t, stream);
              armIdle(t);
            }
            return null;
          }
          case 'stop-stream': {
            const roomId = s('roomId');
            const streamId = s('streamId');
            roomOf(roomId).delete(streamId);
            for (const t of tasks.values()) {
              if (t.roomId !== roomId || !running(t)) continue;
              onStreamDown(t, streamId);
              armIdle(t);
            }
            return null;
          }
          case 'upload-failure':
            uploadFailures = { count: Number(o['count'] ?? 1), mode: o['mode'] === 'backup' ? 'backup' : 'failed' };
            return null;
          case 'fail-task': {
            const t = tasks.get(s('taskId'));
            if (!t) throw new Error('fail-task: unknown task');
            await end(t, 4, typeof o['quitReason'] === 'number' ? o['quitReason'] : 1001);
            return null;
          }
          case 'configure': {
            for (const [k, v] of Object.entries(o)) {
              if (!(k in DEFAULTS) || typeof v !== typeof DEFAULTS[k as keyof ZegoEmulatorOptions]) throw new Error(`configure: bad option "${k}"`);
            }
            Object.assign(opts, o);
            return { ...opts };
          }
          case 'get-task': {
            const t = tasks.get(s('taskId'));
            if (!t) return null;
            grow(t, clock.now());
            return { taskId: t.taskId, roomId: t.roomId, status: t.status, clientTaskId: t.clientTaskId, files: t.files.map(publicFile) };
          }
          case 'list-tasks':
            return [...tasks.values()].map((t) => ({ taskId: t.taskId, roomId: t.roomId, status: t.status, appId: t.app.appId }));
          default:
            throw new Error(`unknown zego control command "${command}"`);
        }
      },
    };
  };
}
