import { z } from 'zod';

/** Vendor ids: lowercase kebab-case, identical to the folder names under `src-main/vendors/`. */
export const VENDOR_IDS = ['zego', 'tencent-tiw', 'tencent-trro'] as const;
/** See {@link VENDOR_IDS}. */
export const VendorIdSchema = z.enum(VENDOR_IDS);
/** One of {@link VENDOR_IDS}. */
export type VendorId = z.infer<typeof VendorIdSchema>;

/**
 * Normalized task state, one vocabulary for every vendor; the vendor's own status is kept beside it.
 *
 * `starting → recording ⇄ paused → stopping → uploading → finished | failed | lost`
 */
export const TASK_STATES = [
  'starting',
  'recording',
  'paused',
  'stopping',
  'uploading',
  'finished',
  'failed',
  'lost',
] as const;
/** See {@link TASK_STATES}. */
export const TaskStateSchema = z.enum(TASK_STATES);
/** One of {@link TASK_STATES}. */
export type TaskState = z.infer<typeof TaskStateSchema>;

/** States after which nothing more happens to a task. */
export const TERMINAL_TASK_STATES: readonly TaskState[] = ['finished', 'failed', 'lost'];

/** Upload state of one recorded file, normalized across vendors. */
export const FILE_STATUSES = ['recording', 'uploading', 'uploaded', 'backup', 'failed', 'unknown'] as const;
/** See {@link FILE_STATUSES}. */
export const FileStatusSchema = z.enum(FILE_STATUSES);
/** One of {@link FILE_STATUSES}. */
export type FileStatus = z.infer<typeof FileStatusSchema>;

/** Media tracks in a file. */
export const TrackTypeSchema = z.enum(['audio', 'video', 'audio+video']);
/** See {@link TrackTypeSchema}. */
export type TrackType = z.infer<typeof TrackTypeSchema>;

/** One recorded file as the vendor reported it. Fields the vendor does not report are null. */
export const RecordingFileSchema = z.object({
  /** Stable key within the task: the vendor's file id or name. */
  fileId: z.string(),
  /** Stream or user the file belongs to; the mix output id for mixed files; null for whiteboard-only files. */
  streamId: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  /** Container or format as the vendor names it: mp4, flv, hls, jpg, aac, mp3 … */
  format: z.string().nullable(),
  /** What the file shows: a publisher's stream, the mix, the whiteboard, screen share or audio. */
  kind: z.enum(['stream', 'mixed', 'whiteboard', 'screen', 'audio']).nullable(),
  trackType: TrackTypeSchema.nullable(),
  status: FileStatusSchema,
  /** The vendor's own file status value, for display. */
  rawStatus: z.string().nullable(),
  url: z.string().nullable(),
  /** VOD video id (Alibaba VideoId, Tencent FileId, TIW VideoId). */
  vendorVideoId: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  durationMs: z.number().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  /** When the file began, epoch ms. */
  beginAt: z.number().nullable(),
  /** Offset at which the file starts playing in the whole recording, ms (TIW VideoPlayTime). */
  playOffsetMs: z.number().nullable(),
});
/** See {@link RecordingFileSchema}. */
export type RecordingFile = z.infer<typeof RecordingFileSchema>;

/**
 * A vendor status answer, normalized. Adapters produce it from a status query or a callback; the
 * task service compares it with what it knew to write timeline events.
 */
export const VendorStatusSchema = z.object({
  state: TaskStateSchema,
  /** The vendor's status as it sent it (`2`, `RECORDING` …). */
  rawStatus: z.string(),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  /** Why the task ended, vendor vocabulary (`USER_CALL`, quit_reason `3` …). */
  finishReason: z.string().nullable(),
  files: z.array(RecordingFileSchema),
  /** Vendor facts worth showing that have no normalized field (ExceptionCnt, OmittedDurations, Interrupts …). */
  extra: z.record(z.string(), z.unknown()),
});
/** See {@link VendorStatusSchema}. */
export type VendorStatus = z.infer<typeof VendorStatusSchema>;

/** Who caused a timeline event. */
export const EventSourceSchema = z.enum(['operator', 'poll', 'callback', 'system']);
/** See {@link EventSourceSchema}. */
export type EventSource = z.infer<typeof EventSourceSchema>;

/** Kinds of timeline event. */
export const TIMELINE_EVENT_KINDS = [
  'action',
  'state-changed',
  'file-added',
  'file-changed',
  'error',
  'callback',
  'note',
] as const;
/** See {@link TIMELINE_EVENT_KINDS}. */
export const TimelineEventKindSchema = z.enum(TIMELINE_EVENT_KINDS);
/** One of {@link TIMELINE_EVENT_KINDS}. */
export type TimelineEventKind = z.infer<typeof TimelineEventKindSchema>;

/**
 * One row of a task's timeline as an adapter proposes it; the ledger adds ids and the task id.
 * `raw` is the vendor payload with secrets already redacted.
 */
export const TimelineEventDraftSchema = z.object({
  at: z.number(),
  source: EventSourceSchema,
  kind: TimelineEventKindSchema,
  /** Short machine summary, e.g. `state recording→paused`, `file X uploaded`. */
  summary: z.string(),
  state: TaskStateSchema.nullable(),
  raw: z.unknown().optional(),
});
/** See {@link TimelineEventDraftSchema}. */
export type TimelineEventDraft = z.infer<typeof TimelineEventDraftSchema>;
