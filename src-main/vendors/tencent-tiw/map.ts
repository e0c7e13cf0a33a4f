import type { EventSource, RecordingFile, TaskState, TimelineEventDraft, VendorStatus } from '@contract';
import { diffVendorStatus } from '../shared/status-diff';

const STATES: Record<string, TaskState> = {
  PREPARED: 'starting',
  RECORDING: 'recording',
  PAUSED: 'paused',
  STOPPED: 'uploading',
  FINISHED: 'finished',
};

const KINDS: Record<number, RecordingFile['kind']> = { 0: 'stream', 1: 'screen', 2: 'whiteboard', 3: 'mixed', 4: 'audio' };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Normalized task state for a TIW Status and FinishReason: FINISHED after an EXCEPTION is a failure. */
export function tiwTaskState(status: string, finishReason: string | null): TaskState {
  if (status === 'FINISHED' && finishReason === 'EXCEPTION') return 'failed';
  return STATES[status] ?? 'recording';
}

/** One VideoInfo as a RecordingFile. Results exist only once uploaded, so every file is `uploaded`. */
export function mapTiwVideo(v: Record<string, unknown>): RecordingFile {
  const type = num(v['VideoType']) ?? -1;
  const rawUser = text(v['UserId']) ?? '';
  const userId = type === 1 ? rawUser.replace(/^tic_substream_/, '') : type === 0 || type === 4 ? rawUser : null;
  return {
    fileId: text(v['VideoId']) ?? text(v['VideoUrl']) ?? `${type}:${rawUser}`,
    streamId: rawUser === '' ? null : rawUser,
    userId: userId === '' ? null : userId,
    userName: null,
    format: text(v['VideoFormat']),
    kind: KINDS[type] ?? null,
    trackType: type === 4 ? 'audio' : type === 2 ? 'video' : null,
    status: 'uploaded',
    rawStatus: null,
    url: text(v['VideoUrl']),
    vendorVideoId: text(v['VideoId']),
    sizeBytes: num(v['VideoSize']),
    durationMs: num(v['VideoDuration']),
    width: num(v['Width']),
    height: num(v['Height']),
    // VideoPlayTime is an offset in the playback, not a wall-clock time.
    beginAt: null,
    playOffsetMs: num(v['VideoPlayTime']),
  };
}

/**
 * A DescribeOnlineRecord `Response` (RequestId already removed or not) as a VendorStatus. Every output
 * field is kept: the normalized ones, and ExceptionCnt, OmittedDurations, Interrupts, ReplayUrl,
 * TotalTime, RoomId, GroupId and RecordUserId in `extra`.
 */
export function mapDescribeOnlineRecord(response: Record<string, unknown>): VendorStatus {
  const status = text(response['Status']);
  if (status === null) {
    // The doc's "Querying failed real-time recording tasks" example answers with nothing but a
    // RequestId: no status, no result. The only reading that fits is a task that failed without
    // producing anything, so it is 'failed' with an empty raw status (not 'unknown', which would keep
    // the scheduler polling a task that will never say more).
    return { state: 'failed', rawStatus: '', startedAt: null, endedAt: null, finishReason: null, files: [], extra: {} };
  }
  const finishReason = text(response['FinishReason']) || null;
  const start = num(response['RecordStartTime']);
  const stop = num(response['RecordStopTime']);
  const videos = Array.isArray(response['VideoInfos']) ? (response['VideoInfos'] as Record<string, unknown>[]) : [];
  return {
    state: tiwTaskState(status, finishReason),
    rawStatus: status,
    startedAt: start ? start * 1000 : null,
    endedAt: stop ? stop * 1000 : null,
    finishReason,
    files: videos.map(mapTiwVideo),
    extra: {
      TaskId: response['TaskId'] ?? null,
      RoomId: response['RoomId'] ?? null,
      GroupId: response['GroupId'] ?? null,
      RecordUserId: response['RecordUserId'] ?? null,
      TotalTime: response['TotalTime'] ?? null,
      ExceptionCnt: response['ExceptionCnt'] ?? null,
      OmittedDurations: response['OmittedDurations'] ?? null,
      Interrupts: response['Interrupts'] ?? null,
      ReplayUrl: response['ReplayUrl'] ?? null,
    },
  };
}

/** A FailedOperation.Record answer to DescribeOnlineRecord: the task failed; the vendor message says why. */
export function failedRecordStatus(vendorMessage: string): VendorStatus {
  return {
    state: 'failed',
    rawStatus: '',
    startedAt: null,
    endedAt: null,
    finishReason: 'EXCEPTION',
    files: [],
    extra: { errorCode: 'FailedOperation.Record', errorMessage: vendorMessage },
  };
}

/** Timeline events between two TIW statuses; nothing when nothing changed. */
export function diffTiwStatus(prev: VendorStatus | null, next: VendorStatus, source: EventSource, at: number): TimelineEventDraft[] {
  return diffVendorStatus(prev, next, source, at, {
    vendor: 'tencent-tiw',
    label: 'TIW',
    watchExtra: [
      { key: 'ExceptionCnt', kind: 'error' },
      { key: 'Interrupts', kind: 'note' },
      { key: 'OmittedDurations', kind: 'note' },
    ],
  });
}
