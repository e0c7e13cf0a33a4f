import type { EmulatorContext } from '../types';
import type { ZegoParamOptions } from './params';

/** Knobs for what docs/vendors/zego.md marks unconfirmed (§13, §14); all settable through `control('configure')`. */
export interface ZegoEmulatorOptions extends ZegoParamOptions {
  /** Signature window, seconds either side of the server clock. */
  timestampWindowSec: number;
  /** Tasks in progress per AppId before 300000006. */
  concurrencyCap: number;
  /** DescribeTasks list key: the docs' example says `TaskidList`, its table `TaskList`. */
  listKey: 'TaskList' | 'TaskidList';
  /** Whether DescribeTasks `Status` 2 lists paused tasks (status 5) too; the docs do not say (docs/vendors/zego.md §4.6). */
  listsPaused: boolean;
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

/** The options a fresh emulator starts with; `configure` accepts exactly these keys and types. */
export const ZEGO_DEFAULTS: ZegoEmulatorOptions = {
  timestampWindowSec: 600,
  concurrencyCap: 1000,
  listKey: 'TaskidList',
  listsPaused: true,
  errorHttpStatus: 200,
  strictNonce: false,
  uploadDelayMs: 2000,
  joinDelayMs: 1000,
  queryWindowMs: 3 * 86_400_000,
  maxRecordTimeMax: 86_400,
  requireStorageParams: true,
  allowZeroAreaViews: false,
};

/** A JSON object as ZEGO bodies carry them. */
export type Obj = Record<string, unknown>;

/** True for a plain JSON object (not an array, not null). */
export function isObj(v: unknown): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** One registered AppId. */
export interface ZegoApp {
  appId: string;
  serverSecret: string;
  callbackSecret: string;
  callbackUrl: string | null;
  /** AppIDs of the test environment need `IsTest=true` (projects created on or before 2021-11-16). */
  testEnvironment: boolean;
  serviceEnabled: boolean;
}

/** A stream published in a room. */
export interface ZegoStream {
  streamId: string;
  userId: string;
  userName: string;
  width: number;
  height: number;
}

/** One recorded file, in the field names DescribeRecordStatus answers with, plus what the model needs. */
export interface ZegoFile {
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

/** One recording task; `status` is ZEGO's (1 starting, 2 recording, 3 ended, 4 abnormal, 5 paused). */
export interface ZegoTask {
  taskId: string;
  app: ZegoApp;
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
  files: ZegoFile[];
  sequence: number;
  timers: Array<() => void>;
  idleCancel: (() => void) | null;
  emptyCancel: (() => void) | null;
}

/** The virtual clock as ZEGO's model reads it. */
export interface ZegoClock {
  now(): number;
  at(due: number, fn: () => void | Promise<void>): () => void;
}

/** Everything one ZEGO emulator knows: its apps, rooms, tasks and the knobs in force. */
export interface ZegoWorld {
  opts: ZegoEmulatorOptions;
  clock: ZegoClock;
  apps: Map<string, ZegoApp>;
  rooms: Map<string, Map<string, ZegoStream>>;
  tasks: Map<string, ZegoTask>;
  /** Pause intervals per task id, `[from, to]`; `to` is null while paused. */
  pauses: Map<string, Array<[number, number | null]>>;
  /** Request times per `appId:action`, for the per-second limits. */
  hits: Map<string, number[]>;
  /** Files the next finishing tasks fail to upload (the Sandbox's upload-failure fault). */
  uploadFailures: { count: number; mode: 'backup' | 'failed' };
  /** A task started in an empty room finds simulated publishers there (the in-process Sandbox's show). */
  simulatePublishers: boolean;
  deliverCallback: EmulatorContext['deliverCallback'];
}

/** A fresh, empty world on the Sandbox's clock. */
export function createZegoWorld(ctx: EmulatorContext, opts: ZegoEmulatorOptions): ZegoWorld {
  return {
    opts,
    clock: freezingClock(ctx),
    apps: new Map(),
    rooms: new Map(),
    tasks: new Map(),
    pauses: new Map(),
    hits: new Map(),
    uploadFailures: { count: 0, mode: 'failed' },
    simulatePublishers: false,
    deliverCallback: ctx.deliverCallback,
  };
}

/**
 * Timers run after the shared clock has already jumped to the end of an advance; while a timer's
 * synchronous part runs, "now" is its due time, so a task that idles out at 30 s ends at 30 s.
 */
function freezingClock(ctx: EmulatorContext): ZegoClock {
  let frozen: number | null = null;
  return {
    now: () => frozen ?? ctx.clock.now(),
    at: (due, fn) =>
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
}

/** The streams of a room, created empty on first use. */
export function roomOf(w: ZegoWorld, roomId: string): Map<string, ZegoStream> {
  let r = w.rooms.get(roomId);
  if (!r) {
    r = new Map();
    w.rooms.set(roomId, r);
  }
  return r;
}

/** Starting, recording or paused: the task holds a concurrency slot and can be acted on. */
export function running(t: ZegoTask): boolean {
  return t.status === 1 || t.status === 2 || t.status === 5;
}
