import type { VirtualClock } from '../clock';
import type { EmulatorContext } from '../types';

/** A TRRO project, owned by the Tencent Cloud account (SecretId) that registered it. */
export interface TrroProject {
  owner: string;
  callbackUrl: string;
  signKey: string;
}

/** One cloud recording of a device's video stream. Times are virtual epoch ms. */
export interface TrroTask {
  taskId: string;
  projectId: string;
  deviceId: string;
  videoStreamId: number;
  outputFormat: number;
  maxFileMs: number;
  maxIdleSec: number;
  prefix: string[];
  startAt: number;
  stopAt: number | null;
  live: boolean;
  cancelIdle: (() => void) | null;
}

/** One file a stopped task uploads. */
export interface TrroFile {
  FileName: string;
  StartTimeStamp: number;
  EndTimeStamp: number;
  ext: string;
}

/** Everything one TRRO emulator knows: accounts, projects, device streams, tasks, queued faults. */
export interface TrroWorld {
  clock: VirtualClock;
  /** SecretId → SecretKey of the registered Tencent Cloud accounts. */
  accounts: Map<string, string>;
  projects: Map<string, TrroProject>;
  tasks: Map<string, TrroTask>;
  /** Device streams by {@link streamKey}: publishing or not, and since when. */
  streams: Map<string, { publishing: boolean; at: number }>;
  /** Files the next stopping tasks fail to upload (the Sandbox's upload-failure fault). */
  uploadFailures: number;
  /** A task started on a device stream that is not publishing finds it publishing (the in-process Sandbox's show). */
  simulatePublishers: boolean;
  deliverCallback: EmulatorContext['deliverCallback'];
}

/** A fresh, empty world on the Sandbox's clock. */
export function createTrroWorld(ctx: EmulatorContext): TrroWorld {
  return {
    clock: ctx.clock,
    accounts: new Map(),
    projects: new Map(),
    tasks: new Map(),
    streams: new Map(),
    uploadFailures: 0,
    simulatePublishers: false,
    deliverCallback: ctx.deliverCallback,
  };
}

/** A device stream is identified by project, device and video stream number. */
export function streamKey(projectId: string, deviceId: string, videoStreamId: number): string {
  return `${projectId}\n${deviceId}\n${videoStreamId}`;
}

/** OutputFormat → what gets uploaded: an HLS playlist, cut files with this extension, or both. */
const FORMATS: Record<number, { hls: boolean; cut: 'mp4' | 'aac' | null }> = {
  0: { hls: true, cut: null },
  1: { hls: true, cut: 'mp4' },
  2: { hls: true, cut: 'aac' },
  3: { hls: false, cut: 'mp4' },
  4: { hls: false, cut: 'aac' },
};

/** Files of a stopped task: an m3u8 for HLS formats, plus mp4/aac files cut every MaxMediaFileDuration. */
export function taskFiles(task: TrroTask, stopAt: number): TrroFile[] {
  const dir = [...task.prefix, task.taskId].join('/');
  const base = `${task.deviceId}_${task.videoStreamId}`;
  const out: TrroFile[] = [];
  const format = FORMATS[task.outputFormat] ?? { hls: false, cut: 'mp4' };
  if (format.hls) out.push({ FileName: `${dir}/${base}.m3u8`, StartTimeStamp: task.startAt, EndTimeStamp: stopAt, ext: 'm3u8' });
  if (format.cut) {
    const count = Math.max(1, Math.ceil((stopAt - task.startAt) / task.maxFileMs));
    for (let i = 0; i < count; i += 1) {
      const from = task.startAt + i * task.maxFileMs;
      out.push({ FileName: `${dir}/${base}_${i + 1}.${format.cut}`, StartTimeStamp: from, EndTimeStamp: Math.min(stopAt, from + task.maxFileMs), ext: format.cut });
    }
  }
  return out;
}
