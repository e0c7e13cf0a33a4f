import { z } from 'zod';
import { AppErrorSchema } from './result';
import { FieldIssueSchema, MixSettingsSchema, RecordingRequestSchema } from './recording';
import { LocalizedTextSchema } from './storage';
import {
  EventSourceSchema,
  RecordingFileSchema,
  TaskStateSchema,
  TimelineEventKindSchema,
  VendorIdSchema,
} from './tasks';

/**
 * The recording lifecycle as the renderer sees it: vendors' capabilities, tasks in the local
 * ledger, their timelines and vendor exchanges, presets, history queries and core → renderer events.
 */

/** What a vendor can do. An action a vendor lacks is never offered. */
export const CapabilitiesSchema = z.object({
  query: z.boolean(),
  listTasks: z.boolean(),
  pause: z.boolean(),
  resume: z.boolean(),
  updateLayout: z.boolean(),
  updateWhiteboard: z.boolean(),
  snapshot: z.boolean(),
  callbacks: z.boolean(),
  storageTarget: z.boolean(),
  mix: z.boolean(),
  whiteboard: z.boolean(),
  idempotencyKey: z.boolean(),
});
/** See {@link CapabilitiesSchema}. */
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

/** Output item of `vendors:list`: a vendor's descriptor as data, from which forms are drawn. */
export const VendorDescriptorSchema = z.object({
  id: VendorIdSchema,
  name: LocalizedTextSchema,
  capabilities: CapabilitiesSchema,
  /** Normalized request fields the New-recording form shows (`roomId`, `mix`, `zego` …). */
  requestFields: z.array(z.string()),
  /** Storage providers the vendor uploads to (empty: the vendor stores files itself). */
  storageProviders: z.array(z.string()),
  /** Days back the vendor's status query reaches; null = no status query at all. */
  queryWindowDays: z.number().nullable(),
  /** Requests per second per app, by action (`other` for the rest). */
  ratePerSecond: z.record(z.string(), z.number()),
  /** The vendor's limits, passed to the contract's validators (`ZEGO_LIMITS` …). */
  limits: z.record(z.string(), z.unknown()),
  /** Plain-language caveat shown on the vendor's forms and task cards (e.g. TRRO: status only from callbacks). */
  note: LocalizedTextSchema.nullable(),
});
/** See {@link VendorDescriptorSchema}. */
export type VendorDescriptor = z.infer<typeof VendorDescriptorSchema>;

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
  summary: z.string(),
  state: TaskStateSchema.nullable(),
  raw: z.unknown().nullable(),
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

/** Output of `tasks:get`. */
export const TaskDetailSchema = z.object({
  task: TaskSummarySchema,
  request: RecordingRequestSchema,
  storageTargetId: z.string().nullable(),
  files: z.array(RecordingFileSchema),
  events: z.array(TimelineEventSchema),
  exchanges: z.array(ExchangeSchema),
  /** Vendor facts without a normalized field (ExceptionCnt, OmittedDurations …). */
  extra: z.record(z.string(), z.unknown()),
});
/** See {@link TaskDetailSchema}. */
export type TaskDetail = z.infer<typeof TaskDetailSchema>;

/** Input of `tasks:start`. `startKey` makes a double click start one task, not two. */
export const TaskStartInputSchema = z.strictObject({
  accountId: z.string().min(1).max(64),
  request: RecordingRequestSchema,
  presetId: z.string().max(64).nullable().default(null),
  /** A key the renderer makes once per form submission; the same key never starts a second task. */
  startKey: z.string().min(8).max(64),
});

/** Input of the one-task actions. */
export const TaskIdInputSchema = z.strictObject({ id: z.string().min(1).max(64) });

/** Input of `tasks:updateLayout`: the full mixed layout (vendors replace, never merge). */
export const TaskLayoutInputSchema = z.strictObject({ id: z.string().min(1).max(64), mix: MixSettingsSchema });

/** Input of `tasks:updateWhiteboard`. */
export const TaskWhiteboardInputSchema = z.strictObject({ id: z.string().min(1).max(64), whiteboardId: z.string().min(1).max(256) });

/** Input of `tasks:preview`: what would be sent for this request, without sending it. */
export const TaskPreviewInputSchema = z.strictObject({ accountId: z.string().min(1).max(64), request: RecordingRequestSchema });

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

/** A saved request. The storage target is referenced by id, never its keys. */
export const PresetSchema = z.object({
  id: z.string(),
  name: z.string(),
  vendor: VendorIdSchema,
  accountId: z.string().nullable(),
  request: RecordingRequestSchema,
  createdAt: z.number(),
  updatedAt: z.number(),
});
/** See {@link PresetSchema}. */
export type Preset = z.infer<typeof PresetSchema>;

/** Input of `presets:save` (new when `id` is absent). */
export const PresetSaveInputSchema = z.strictObject({
  id: z.string().max(64).optional(),
  name: z.string().trim().min(1).max(64),
  vendor: VendorIdSchema,
  accountId: z.string().max(64).nullable(),
  request: RecordingRequestSchema,
});

/** Sortable history columns. */
export const HISTORY_SORT_FIELDS = ['createdAt', 'startedAt', 'endedAt', 'updatedAt', 'roomId', 'state', 'vendor', 'accountName'] as const;

/** Input of `history:query`. */
export const HistoryQuerySchema = z.strictObject({
  vendors: z.array(VendorIdSchema).max(3).default([]),
  accountIds: z.array(z.string().max(64)).max(100).default([]),
  room: z.string().max(256).nullable().default(null),
  states: z.array(TaskStateSchema).max(8).default([]),
  /** createdAt range, epoch ms, inclusive. */
  from: z.number().nullable().default(null),
  to: z.number().nullable().default(null),
  /** Free text over room, task ids, stream ids and file names. */
  text: z.string().max(256).nullable().default(null),
  sort: z.enum(HISTORY_SORT_FIELDS).default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
/** See {@link HistoryQuerySchema}. */
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;

/** Output of `history:query`. */
export const HistoryPageSchema = z.object({ rows: z.array(TaskSummarySchema), total: z.number().int() });
/** See {@link HistoryPageSchema}. */
export type HistoryPage = z.infer<typeof HistoryPageSchema>;

/** Input of `history:export`: every task matching the query (offset and limit ignored). */
export const HistoryExportInputSchema = z.strictObject({ format: z.enum(['csv', 'json']), query: HistoryQuerySchema.prefault({}) });
/** Output of `history:export`. Files are included; secrets never are. */
export const HistoryExportSchema = z.object({ fileName: z.string(), mime: z.string(), content: z.string(), rows: z.number().int() });

/** Settings the operator changes in Settings (the core keeps them in SQLite). */
export const CoreSettingsSchema = z.object({
  /** Delete finished tasks older than this many days; null = keep forever. */
  retentionDays: z.number().int().min(1).max(3650).nullable(),
  /** Polling pace: `gentle` uses half the spare rate, `normal` all of it (always within vendor limits). */
  polling: z.enum(['gentle', 'normal']),
  /** The callback receiver (off by default). */
  callbacks: z.object({ enabled: z.boolean(), port: z.number().int().min(0).max(65535) }),
});
/** See {@link CoreSettingsSchema}. */
export type CoreSettings = z.infer<typeof CoreSettingsSchema>;

/** Payload of `tasks:changed`: the tasks that changed since the last batch (at most 10 batches a second). */
export const TasksChangedEventSchema = z.object({ tasks: z.array(TaskSummarySchema), removed: z.array(z.string()) });

/** Payload of `tasks:alerted`: something the operator must hear about now. */
export const TaskAlertEventSchema = z.object({
  taskId: z.string(),
  kind: z.enum(['still-running', 'failed', 'ended-unexpectedly', 'upload-failed', 'lost']),
  message: LocalizedTextSchema,
  at: z.number(),
});
/** See {@link TaskAlertEventSchema}. */
export type TaskAlert = z.infer<typeof TaskAlertEventSchema>;

/** Payload of `scheduler:changed`: whether status polling runs, and since when it cannot reach vendors. */
export const SchedulerStatusSchema = z.object({
  online: z.boolean(),
  offlineSince: z.number().nullable(),
  activeTasks: z.number().int(),
});
/** See {@link SchedulerStatusSchema}. */
export type SchedulerStatus = z.infer<typeof SchedulerStatusSchema>;

/** Input of `tasks:importLegacy`: a pasted legacy (snake_case, v1) ZEGO start body. */
export const LegacyImportInputSchema = z.strictObject({ vendor: z.literal('zego'), text: z.string().min(1).max(262_144) });

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
  notes: z.array(LocalizedTextSchema),
});
/** See {@link LegacyImportSchema}. */
export type LegacyImport = z.infer<typeof LegacyImportSchema>;

/** Input of `sandbox:control`: drive the in-process Sandbox (publish a stream, inject a fault). */
export const SandboxControlInputSchema = z.strictObject({
  vendor: z.enum(['zego', 'tencent-tiw', 'tencent-trro', 'clock', 'faults']),
  command: z.string().min(1).max(64),
  input: z.record(z.string(), z.unknown()).default({}),
});
