import { z } from 'zod';
import { MessageSchema, RecordIdSchema, TaskStateSchema } from './common';
import { msg, type Message } from './messages/message';
import { FieldIssueSchema, MixSettingsSchema, RecordingRequestSchema } from './recording';
import { AppErrorSchema } from './result';
import { VENDOR_IDS, type VendorId } from './vendors';
import { VENDOR_CONTRACTS, VendorIdSchema } from './vendors/contracts';

export * from './task-states';

/**
 * Tasks as the ledger keeps them: files and vendor status answers, timelines, vendor exchanges, the
 * task channels' inputs and outputs.
 */

/** Upload state of one recorded file, normalized across vendors. */
export const FILE_STATUSES = ['recording', 'uploading', 'uploaded', 'backup', 'failed', 'unknown'] as const;
/** See {@link FILE_STATUSES}. */
export const FileStatusSchema = z.enum(FILE_STATUSES);
/** One of {@link FILE_STATUSES}. */
export type FileStatus = z.infer<typeof FileStatusSchema>;

/** A file status inside a sentence of the timeline (`file.status.<status>`). */
export function fileStatusText(status: FileStatus): Message {
  return msg(`file.status.${status}`);
}

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
 * One row of a task's timeline as an adapter proposes it; the ledger adds ids, the task id and the
 * English `summary`. `raw` is the vendor payload with secrets already redacted.
 */
export const TimelineEventDraftSchema = z.object({
  at: z.number(),
  source: EventSourceSchema,
  kind: TimelineEventKindSchema,
  /** What happened, e.g. `state recording→paused`, `file X uploaded`. */
  message: MessageSchema,
  state: TaskStateSchema.nullable(),
  raw: z.unknown().optional(),
});
/** See {@link TimelineEventDraftSchema}. */
export type TimelineEventDraft = z.infer<typeof TimelineEventDraftSchema>;

/** A task as listed: everything a card or a history row shows. */
export const TaskSummarySchema = z.object({
  /** RecDeck's own id (the ledger row), stable before the vendor answers. */
  id: z.string(),
  vendor: VendorIdSchema,
  /** Null once the account was deleted; `accountName` keeps the history readable. */
  accountId: z.string().nullable(),
  accountName: z.string(),
  roomId: z.string(),
  vendorTaskId: z.string().nullable(),
  mode: z.enum(['single', 'mixed']),
  state: TaskStateSchema,
  /** The vendor's own status as last seen. */
  rawStatus: z.string(),
  createdAt: z.number(),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  updatedAt: z.number(),
  /** Last successful status read (poll or callback); null = never. */
  lastSeenAt: z.number().nullable(),
  /** The vendor no longer answers for this task (query window passed, not found): state is the last known. */
  forgotten: z.boolean(),
  finishReason: z.string().nullable(),
  fileCount: z.number().int(),
  filesUploaded: z.number().int(),
  filesFailed: z.number().int(),
  /** Last error on the task, if any. */
  error: AppErrorSchema.nullable(),
  /** Idle auto-stop and max duration from the request (seconds), for the Live countdowns. */
  maxIdleSec: z.number().nullable(),
  maxRecordSec: z.number().nullable(),
  /** In a team: the desk that started (or adopted) the task; null outside a team. */
  deskName: z.string().nullable(),
});
/** See {@link TaskSummarySchema}. */
export type TaskSummary = z.infer<typeof TaskSummarySchema>;

/** One stored timeline row. `raw` is the vendor payload with secrets redacted. */
export const TimelineEventSchema = z.object({
  id: z.number().int(),
  taskId: z.string(),
  at: z.number(),
  source: EventSourceSchema,
  kind: TimelineEventKindSchema,
  /** What happened, in English: for search, CSV, logs, and rows written before `message` existed. */
  summary: z.string(),
  /** What happened, for the operator in their language; null on rows written before RecDeck kept it. */
  message: MessageSchema.nullable(),
  state: TaskStateSchema.nullable(),
  raw: z.unknown().nullable(),
  /** In a team: the desk whose action or reading wrote the row ("Stopped by Desk B"); null outside a team. */
  deskName: z.string().nullable(),
});
/** See {@link TimelineEventSchema}. */
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/** One request/response pair with the vendor, redacted, for the inspector and support tickets. */
export const ExchangeSchema = z.object({
  id: z.number().int(),
  taskId: z.string().nullable(),
  at: z.number(),
  vendor: VendorIdSchema,
  action: z.string(),
  requestId: z.string().nullable(),
  /** Redacted request: method, URL without signature, body with secrets as ••••. */
  request: z.unknown(),
  /** Redacted response body, or null when none arrived. */
  response: z.unknown().nullable(),
  httpStatus: z.number().nullable(),
  durationMs: z.number(),
  errorCode: z.string().nullable(),
});
/** See {@link ExchangeSchema}. */
export type Exchange = z.infer<typeof ExchangeSchema>;

/** An exchange as the request inspector shows it. */
export const InspectedExchangeSchema = ExchangeSchema.extend({
  /** `curl …` of the stored request, its signature as placeholders (a stored request keeps none). */
  curl: z.string().nullable(),
  /** A status query or task list, not an action: the inspector can hide these polls. */
  read: z.boolean(),
});
/** See {@link InspectedExchangeSchema}. */
export type InspectedExchange = z.infer<typeof InspectedExchangeSchema>;

/** Output of `tasks:get`. */
export const TaskDetailSchema = z.object({
  task: TaskSummarySchema,
  request: RecordingRequestSchema,
  storageTargetId: z.string().nullable(),
  files: z.array(RecordingFileSchema),
  events: z.array(TimelineEventSchema),
  exchanges: z.array(InspectedExchangeSchema),
  /** Vendor facts without a normalized field (ExceptionCnt, OmittedDurations …). */
  extra: z.record(z.string(), z.unknown()),
});
/** See {@link TaskDetailSchema}. */
export type TaskDetail = z.infer<typeof TaskDetailSchema>;

/** Input of `tasks:start`. `startKey` makes a double click start one task, not two. */
export const TaskStartInputSchema = z.strictObject({
  accountId: RecordIdSchema,
  request: RecordingRequestSchema,
  presetId: z.string().max(64).nullable().default(null),
  /** A key the renderer makes once per form submission; the same key never starts a second task. */
  startKey: z.string().min(8).max(64),
});

/** Input of the one-task actions. */
export const TaskIdInputSchema = z.strictObject({ id: RecordIdSchema });

/** Input of `tasks:updateLayout`: the full mixed layout (vendors replace, never merge). */
export const TaskLayoutInputSchema = z.strictObject({ id: RecordIdSchema, mix: MixSettingsSchema });

/** Input of `tasks:updateWhiteboard`. */
export const TaskWhiteboardInputSchema = z.strictObject({ id: RecordIdSchema, whiteboardId: z.string().min(1).max(256) });

/** Input of `tasks:preview`: what would be sent for this request, without sending it. */
export const TaskPreviewInputSchema = z.strictObject({ accountId: RecordIdSchema, request: RecordingRequestSchema });

/** Output of `tasks:preview`. */
export const TaskPreviewSchema = z.object({
  /** The exact body, secrets shown as ••••. */
  body: z.unknown(),
  method: z.string(),
  /** URL without signature parameters. */
  url: z.string(),
  /** `curl …` with placeholders for secrets and signatures. */
  curl: z.string(),
  issues: z.array(FieldIssueSchema),
});
/** See {@link TaskPreviewSchema}. */
export type TaskPreview = z.infer<typeof TaskPreviewSchema>;

/**
 * Input of `tasks:signedCurl`: the form's request on an account (a start), or a task (a status read).
 */
export const SignedCurlInputSchema = z.union([TaskPreviewInputSchema, TaskIdInputSchema]);

/** Output of `tasks:signedCurl`: a command line signed now, and until when the vendor accepts it. */
export const SignedCurlSchema = z.object({
  /** `curl …` with the signature in place; secrets in the body still as •••• (see `masked`). */
  curl: z.string(),
  /** When the vendor stops accepting the signature, epoch ms. */
  expiresAt: z.number(),
  /** Body paths still masked: the operator pastes their own values there (the signature does not cover the body). */
  masked: z.array(z.string()),
});
/** See {@link SignedCurlSchema}. */
export type SignedCurl = z.infer<typeof SignedCurlSchema>;

/** Vendors whose legacy start bodies `tasks:importLegacy` can read (capability `legacyImport`). */
const LEGACY_IMPORT_VENDORS = VENDOR_IDS.filter((v) => VENDOR_CONTRACTS[v].descriptor.capabilities.legacyImport) as [VendorId, ...VendorId[]];

/** Input of `tasks:importLegacy`: a start body pasted from a vendor's legacy API (ZEGO's snake_case v1). */
export const LegacyImportInputSchema = z.strictObject({ vendor: z.enum(LEGACY_IMPORT_VENDORS), text: z.string().min(1).max(262_144) });

/** Output of `tasks:importLegacy`: the request to load into the form, and what did not come across. */
export const LegacyImportSchema = z.object({
  /** A request draft (RecordingRequestInput): it may lack what the legacy body lacked, e.g. the room. */
  request: z.record(z.string(), z.unknown()),
  /** Paths of legacy fields that have no place in the request; never silently dropped. */
  unmapped: z.array(z.string()),
  /** Paths of secrets removed from the paste (enter them in a storage target). */
  secretsRemoved: z.array(z.string()),
  /** The legacy body's storage (no keys), to find or create the matching storage target. */
  storage: z.record(z.string(), z.unknown()).nullable(),
  appId: z.number().nullable(),
  notes: z.array(MessageSchema),
});
/** See {@link LegacyImportSchema}. */
export type LegacyImport = z.infer<typeof LegacyImportSchema>;

