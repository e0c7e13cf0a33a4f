import { diffVendorStatus } from '../shared/status-diff';
import type { FileStatus, RecordingFile, TaskState, TimelineEventDraft, TrackType, VendorStatus, EventSource } from '@contract';

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

const FILE_STATUS: Record<number, FileStatus> = { 1: 'recording', 2: 'uploading', 3: 'uploaded', 4: 'backup', 5: 'failed' };
const TRACK: Record<number, TrackType> = { 1: 'audio', 2: 'video', 3: 'audio+video' };

/** One `RecordFiles` item (or a callback `file_info` item with the same fields in snake_case) as a RecordingFile. */
export function mapZegoFile(f: Record<string, unknown>, mixOutputStreamId: string | null): RecordingFile {
  const g = (pascal: string, snake: string): unknown => (pascal in f ? f[pascal] : f[snake]);
  const status = num(g('Status', 'status'));
  const track = num(g('MediaTrackType', 'media_track_type'));
  const streamId = str(g('StreamId', 'stream_id'));
  const fileId = str(g('FileId', 'file_id')) ?? '';
  const kind: RecordingFile['kind'] =
    mixOutputStreamId !== null && streamId === mixOutputStreamId
      ? 'mixed'
      : /_whiteboard_/.test(fileId)
        ? 'whiteboard'
        : track === 1
          ? 'audio'
          : 'stream';
  return {
    fileId,
    streamId,
    userId: str(g('UserId', 'user_id')),
    userName: str(g('UserName', 'user_name')),
    format: str(g('OutputFileFormat', 'output_file_format')),
    kind,
    trackType: track === null ? null : (TRACK[track] ?? null),
    status: status === null ? 'unknown' : (FILE_STATUS[status] ?? 'unknown'),
    rawStatus: status === null ? null : String(status),
    url: str(g('FileUrl', 'file_url')),
    vendorVideoId: str(g('VideoId', 'video_id')),
    sizeBytes: num(g('FileSize', 'file_size')),
    durationMs: num(g('Duration', 'duration')),
    width: num(g('ResolutionWidth', 'resolution_width')),
    height: num(g('ResolutionHeight', 'resolution_height')),
    beginAt: num(g('BeginTimestamp', 'begin_timestamp')),
    playOffsetMs: null,
  };
}

/**
 * Task state for a ZEGO task `Status`: 1→starting, 2→recording, 5→paused, 4→failed, and 3 (ended)
 * is `uploading` while any file is still recording or uploading, else `finished`.
 */
export function zegoTaskState(status: number, files: readonly RecordingFile[]): TaskState {
  switch (status) {
    case 1:
      return 'starting';
    case 2:
      return 'recording';
    case 5:
      return 'paused';
    case 4:
      return 'failed';
    case 3:
      return files.some((f) => f.status === 'recording' || f.status === 'uploading') ? 'uploading' : 'finished';
    default:
      return 'lost';
  }
}

/**
 * DescribeRecordStatus `Data` → VendorStatus. Mixed files are recognised by their StreamId being
 * the task's MixOutputStreamId, which the caller knows from the start request (null if unknown:
 * then files of a mixed task are still recognised by RecordMode).
 */
export function mapZegoStatus(data: Record<string, unknown>, mixOutputStreamId: string | null = null): VendorStatus {
  const status = num(data['Status']) ?? 0;
  const rawFiles = Array.isArray(data['RecordFiles']) ? (data['RecordFiles'] as unknown[]) : [];
  const mixed = num(data['RecordMode']) === 2;
  const files = rawFiles
    .filter((f): f is Record<string, unknown> => !!f && typeof f === 'object')
    .map((f) => mapZegoFile(f, mixOutputStreamId ?? (mixed ? str(f['StreamId']) : null)));
  const endedAt = num(data['RecordEndTimestamp']);
  return {
    state: zegoTaskState(status, files),
    rawStatus: String(status),
    startedAt: num(data['RecordBeginTimestamp']) || null,
    endedAt: endedAt ? endedAt : null,
    finishReason: status === 4 ? 'abnormal' : null,
    files,
    extra: { roomId: data['RoomId'] ?? null, recordMode: data['RecordMode'] ?? null, streamType: data['StreamType'] ?? null },
  };
}

/**
 * Timeline events between two statuses of one ZEGO task (state, new files, changed files). Yields
 * nothing when nothing changed, so polling adds no noise.
 */
export function diffStatus(prev: VendorStatus | null, next: VendorStatus, source: EventSource, at: number): TimelineEventDraft[] {
  return diffVendorStatus(prev, next, source, at, { vendor: 'zego', label: 'ZEGO' });
}
