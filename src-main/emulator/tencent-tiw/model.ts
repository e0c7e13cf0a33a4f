import { createHash } from 'node:crypto';
import type { VirtualClock } from '../clock';
import type { EmulatorContext } from '../types';

/** TIW real-time recording statuses, as DescribeOnlineRecord spells them. */
export type TiwStatus = 'PREPARED' | 'RECORDING' | 'PAUSED' | 'STOPPED' | 'FINISHED';
/** Why a task ended. */
export type TiwFinishReason = 'AUTO' | 'USER_CALL' | 'EXCEPTION' | 'FORCE_STOP';

/** One publish session of a user in a TRTC room, epoch ms. */
export interface PublishSession {
  userId: string;
  kind: 'camera' | 'screen';
  from: number;
  to: number | null;
}

/** One emulated room (keyed by app and the TRTC room the recorder pulls). */
export interface Room {
  sessions: PublishSession[];
  /** Last whiteboard operation or publish change, epoch ms. */
  lastActivityAt: number;
}

/** One recording task. Times are virtual epoch ms. */
export interface TiwTask {
  taskId: string;
  sdkAppId: number;
  roomId: number;
  /** The TRTC room whose streams are recorded (TRTCRoomIdStr > TRTCRoomId > RoomId). */
  avRoom: string;
  groupId: string;
  recordUserId: string;
  recordUserSig: string;
  status: TiwStatus;
  finishReason: TiwFinishReason | null;
  createdAt: number;
  recordStartAt: number | null;
  recordStopAt: number | null;
  pauses: { pauseAt: number; resumeAt: number | null }[];
  exceptionCnt: number;
  concat: boolean;
  mix: { enabled: boolean; layout: string };
  audioFileNeeded: boolean;
  autoStopTimeoutSec: number;
  videoGeneration: boolean;
  recordControl: {
    enabled: boolean;
    disableRecord: boolean;
    streams: { streamId: string; disableRecord: boolean }[];
  };
  /** How the task failed, when it did: a FailedOperation.Record error, or the bare-RequestId answer. */
  failure: { kind: 'record-failed'; message: string } | { kind: 'empty' } | null;
  videoInfos: Record<string, unknown>[];
  interrupts: { UserId: string; Count: number }[];
  cancelTimers: (() => void)[];
}

/** One registered SdkAppId, owned by the Tencent Cloud account (SecretId) that registered it. */
export interface TiwApp {
  sdkAppId: number;
  owner: string;
  /** Checks the recorder's UserSig when set; null skips the check. */
  sdkSecretKey: string | null;
  callback: string;
  callbackKey: string;
  notRegistered: boolean;
  expired: boolean;
}

/** Everything one TIW emulator knows: accounts, apps, rooms, tasks, and the faults queued for it. */
export interface TiwWorld {
  clock: VirtualClock;
  /** SecretId → SecretKey of the registered Tencent Cloud accounts. */
  accounts: Map<string, string>;
  apps: Map<number, TiwApp>;
  tasks: Map<string, TiwTask>;
  /** Keyed by {@link roomKey}. */
  rooms: Map<string, Room>;
  /** Pending AUTO stops per task id. */
  idleTimers: Map<string, () => void>;
  /** Files the next finishing tasks lose (the Sandbox's upload-failure fault). */
  uploadFailures: number;
  /** A task started in a room nobody publishes in finds simulated publishers there (the in-process Sandbox's show). */
  simulatePublishers: boolean;
  deliverCallback: EmulatorContext['deliverCallback'];
}

/** A fresh, empty world on the Sandbox's clock. */
export function createTiwWorld(ctx: EmulatorContext): TiwWorld {
  return {
    clock: ctx.clock,
    accounts: new Map(),
    apps: new Map(),
    tasks: new Map(),
    rooms: new Map(),
    idleTimers: new Map(),
    uploadFailures: 0,
    simulatePublishers: false,
    deliverCallback: ctx.deliverCallback,
  };
}

/** Rooms are per app: the same room number in two apps is two rooms. */
export function roomKey(sdkAppId: number, room: string): string {
  return `${sdkAppId}:${room}`;
}

/** The room the recorder pulls, created on first use. */
export function roomOf(w: TiwWorld, sdkAppId: number, avRoom: string): Room {
  const key = roomKey(sdkAppId, avRoom);
  let r = w.rooms.get(key);
  if (!r) {
    r = { sessions: [], lastActivityAt: w.clock.now() };
    w.rooms.set(key, r);
  }
  return r;
}

/** Tasks that hold their room, record user and a concurrency slot. */
export function isLive(task: TiwTask): boolean {
  return task.status === 'PREPARED' || task.status === 'RECORDING' || task.status === 'PAUSED';
}

/** Milliseconds spent paused inside [from, to]. */
export function pausedMs(task: TiwTask, from: number, to: number): number {
  return task.pauses.reduce((sum, p) => {
    const a = Math.max(from, p.pauseAt);
    const b = Math.min(to, p.resumeAt ?? to);
    return sum + Math.max(0, b - a);
  }, 0);
}

/** Recorded (played-back) duration so far, ms. */
export function totalTimeMs(task: TiwTask, now: number): number {
  if (task.recordStartAt === null) return 0;
  const end = task.recordStopAt ?? now;
  return Math.max(0, end - task.recordStartAt - pausedMs(task, task.recordStartAt, end));
}

function recorded(task: TiwTask, userId: string, kind: 'camera' | 'screen'): boolean {
  if (!task.recordControl.enabled) return true;
  const streamId = kind === 'screen' ? 'tic_substream' : userId;
  const control = task.recordControl.streams.find((s) => streamId.startsWith(s.streamId) || userId.startsWith(s.streamId));
  return control ? !control.disableRecord : !task.recordControl.disableRecord;
}

function videoId(task: TiwTask, key: string): string {
  return createHash('md5').update(`${task.taskId}/${key}`).digest('hex');
}

/**
 * The result of a finished task: one video per recorded user stream, the whiteboard, the mix and
 * (when asked) per-user audio, with play offsets relative to the recording start; plus per-user
 * interruption counts. Sizes assume ~264 kbit/s so they look plausible.
 */
export function computeResults(task: TiwTask, room: Room | undefined): Pick<TiwTask, 'videoInfos' | 'interrupts'> {
  const start = task.recordStartAt;
  const stop = task.recordStopAt;
  if (start === null || stop === null) return { videoInfos: [], interrupts: [] };
  const total = totalTimeMs(task, stop);
  const base = `http://online-recording.sandbox.invalid/${task.taskId}`;
  const info = (key: string, type: number, userId: string, playAt: number, duration: number, format = 'mp4') => {
    const id = videoId(task, key);
    return {
      VideoPlayTime: playAt,
      VideoSize: Math.round(duration * 33),
      VideoFormat: format,
      VideoDuration: duration,
      VideoUrl: `${base}/${id}.${format}`,
      VideoId: id,
      VideoType: type,
      UserId: userId,
      Width: type === 4 ? 0 : 640,
      Height: type === 4 ? 0 : 360,
    };
  };
  const videos: Record<string, unknown>[] = [];
  const interrupts: { UserId: string; Count: number }[] = [];
  const groups = new Map<string, { userId: string; kind: 'camera' | 'screen'; first: number; duration: number; count: number }>();
  for (const s of room?.sessions ?? []) {
    const from = Math.max(s.from, start);
    const to = Math.min(s.to ?? stop, stop);
    if (to <= from || !recorded(task, s.userId, s.kind)) continue;
    const key = `${s.kind}:${s.userId}`;
    const g = groups.get(key) ?? { userId: s.userId, kind: s.kind, first: from, duration: 0, count: 0 };
    g.first = Math.min(g.first, from);
    g.duration += to - from - pausedMs(task, from, to);
    g.count += 1;
    groups.set(key, g);
  }
  for (const [key, g] of groups) {
    const playAt = g.first - start - pausedMs(task, start, g.first);
    if (g.kind === 'camera') {
      videos.push(info(key, 0, g.userId, playAt, g.duration));
      if (task.audioFileNeeded) videos.push(info(`audio:${g.userId}`, 4, g.userId, playAt, g.duration, 'mp3'));
    } else {
      videos.push(info(key, 1, `tic_substream_${g.userId}`, playAt, g.duration));
    }
    if (g.count > 1) interrupts.push({ UserId: g.kind === 'screen' ? `tic_substream_${g.userId}` : g.userId, Count: g.count - 1 });
  }
  if (task.mix.enabled) videos.push(info('mix', 3, `tic_mixstream_${task.roomId}_${task.mix.layout}`, 0, total));
  videos.push(info('whiteboard', 2, '', 0, total));
  return { videoInfos: videos, interrupts };
}

/** OmittedDurations: the pauses cut out of a spliced video (only with Concat enabled). */
export function omittedDurations(task: TiwTask): { VideoTime: number; PauseTime: number; ResumeTime: number }[] {
  if (!task.concat || task.recordStartAt === null) return [];
  const start = task.recordStartAt;
  return task.pauses
    .filter((p) => p.resumeAt !== null)
    .map((p) => ({
      VideoTime: p.pauseAt - start - pausedMs(task, start, p.pauseAt),
      PauseTime: p.pauseAt,
      ResumeTime: p.resumeAt as number,
    }));
}
