import type { Obj, ZegoFile, ZegoTask, ZegoWorld } from './model';

/** ZEGO's file-name time stamp: UTC `yyyyMMddHHmmssSSS`. */
export function utcStamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}${p(d.getUTCMilliseconds(), 3)}`;
}

/** Where an uploaded file lands; VOD vendors (4, 5) give no URL. */
export function fileUrl(t: ZegoTask, fileId: string): string {
  if (t.storageVendor === 4 || t.storageVendor === 5) return '';
  return `https://${t.bucket || 'vod'}.sandbox-storage.invalid/${t.folder}${fileId}`;
}

/** Whose stream a new file records, and at what size. */
export interface FileSource {
  userId: string;
  userName: string;
  streamId: string;
  w: number;
  h: number;
}

/** Opens the files of one source (a stream, the mix or the whiteboard), named per docs/vendors/zego.md §8, one per track the task records. */
export function newFiles(w: ZegoWorld, t: ZegoTask, who: FileSource, sourceKey: string, kind: 'stream' | 'mix' | 'whiteboard'): void {
  const now = w.clock.now();
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

/** The mixed output as a file source: the task's mix stream at canvas size. */
export function mixSource(t: ZegoTask): FileSource {
  return { userId: t.mixOutputStreamId, userName: t.mixOutputStreamId, streamId: t.mixOutputStreamId, w: t.canvas.w, h: t.canvas.h };
}

/** Brings the duration and size of every recording file up to `at` (paused time does not count in mixed mode). */
export function grow(w: ZegoWorld, t: ZegoTask, at: number): void {
  for (const f of t.files) {
    if (f.Status !== 1) continue;
    const end = f.endAt ?? at;
    f.Duration = Math.max(0, end - f.BeginTimestamp - (t.recordMode === 2 ? pausedMs(w, t, f, end) : 0));
    f.FileSize = Math.round((f.bitrate * f.Duration) / 8000);
  }
}

function pausedMs(w: ZegoWorld, t: ZegoTask, f: ZegoFile, end: number): number {
  let total = 0;
  for (const [from, to] of w.pauses.get(t.taskId) ?? []) {
    const a = Math.max(from, f.BeginTimestamp);
    const b = Math.min(to ?? end, end);
    if (b > a) total += b - a;
  }
  return total;
}

/** A file as the upload callback's `file_info` lists it. */
export function fileInfo(f: ZegoFile): Obj {
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

/**
 * A file as DescribeRecordStatus' `RecordFiles` lists it (`FileUrl` only once there is one).
 * `CustomBeginTimestamp` is the time carried in the stream's SEI; Sandbox streams carry none, which
 * the English page's example shows as 0.
 */
export function publicFile(f: ZegoFile): Obj {
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
    CustomBeginTimestamp: 0,
    Status: f.Status,
  };
  if (f.FileUrl) out['FileUrl'] = f.FileUrl;
  return out;
}
