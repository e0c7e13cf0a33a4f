import { newRowUid } from './row-uid';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import {
  formatMessage,
  MessageSchema,
  OPEN_TASK_STATES,
  RecordingRequestSchema,
  type Message,
  type AppError,
  type EventSource,
  type Exchange,
  type RecordingFile,
  type RecordingRequest,
  type TaskState,
  type TaskSummary,
  type TimelineEvent,
  type TimelineEventDraft,
  type VendorId,
  type VendorStatus,
} from '@contract';
import { transaction } from './db';
import type { SecretScrubber } from './secret-scrubber';
import { statementsOf, type StatementCache } from './statements';
import { SUMMARY_COLUMNS, toTaskSummary, type SummaryRow } from './task-summary';

/** One task row, decoded. */
export interface TaskRow {
  id: string;
  vendor: VendorId;
  accountId: string | null;
  accountName: string;
  roomId: string;
  vendorTaskId: string | null;
  startKey: string;
  mode: 'single' | 'mixed';
  state: TaskState;
  rawStatus: string;
  request: RecordingRequest;
  storageTargetId: string | null;
  presetId: string | null;
  streamIds: string;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  updatedAt: number;
  lastSeenAt: number | null;
  forgotten: boolean;
  finishReason: string | null;
  error: AppError | null;
  extra: Record<string, unknown>;
  /** The desk that started or adopted the task (team mode); null for tasks from before issue 14. */
  deskId: string | null;
}

/** Columns a caller may change after the insert. */
export type TaskPatch = Partial<
  Pick<TaskRow, 'vendorTaskId' | 'state' | 'rawStatus' | 'request' | 'startedAt' | 'endedAt' | 'updatedAt' | 'lastSeenAt' | 'forgotten' | 'finishReason' | 'error' | 'extra' | 'streamIds'>
>;

const COLUMNS: Record<keyof TaskPatch, string> = {
  vendorTaskId: 'vendor_task_id',
  state: 'state',
  rawStatus: 'raw_status',
  request: 'request_json',
  startedAt: 'started_at',
  endedAt: 'ended_at',
  updatedAt: 'updated_at',
  lastSeenAt: 'last_seen_at',
  forgotten: 'forgotten',
  finishReason: 'finish_reason',
  error: 'error_json',
  extra: 'extra_json',
  streamIds: 'stream_ids',
};

type Row = Record<string, SQLInputValue>;

const str = (v: SQLInputValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: SQLInputValue | undefined): number | null => (v === null || v === undefined ? null : Number(v));

function parseJson(text: SQLInputValue | undefined): unknown {
  return typeof text === 'string' ? (JSON.parse(text) as unknown) : null;
}

/** A stored event message; null for rows from before migration 004 (or one this version cannot read). */
function messageOf(text: SQLInputValue | undefined): Message | null {
  const parsed = MessageSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}

/** One vendor exchange as the ledger stores it for the inspector (secrets already redacted). */
export type ExchangeWrite = Omit<Exchange, 'id' | 'taskId'>;

/**
 * All task SQL (migration 002): tasks, their files, timeline and exchanges, through the database's
 * one statement cache. Every write of vendor-sourced text goes through the {@link SecretScrubber}.
 */
export class TaskLedger {
  private readonly statements: StatementCache;

  constructor(
    private readonly db: DatabaseSync,
    readonly scrubber: SecretScrubber,
    /** This desk: every timeline row written here carries it. */
    private readonly deskId: string | null = null,
  ) {
    this.statements = statementsOf(db);
  }

  private prepare(sql: string): StatementSync {
    return this.statements.get(sql);
  }

  /** Inserts a new task; false when the start key is already taken (the caller returns that task). */
  insert(row: TaskRow): boolean {
    const result = this
      .prepare(
        `INSERT OR IGNORE INTO tasks (id, vendor, account_id, account_name, room_id, vendor_task_id, start_key, mode, state, raw_status,
           request_json, storage_target_id, preset_id, stream_ids, created_at, started_at, ended_at, updated_at, last_seen_at, forgotten,
           finish_reason, error_json, extra_json, desk_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id,
        row.vendor,
        row.accountId,
        row.accountName,
        row.roomId,
        row.vendorTaskId,
        row.startKey,
        row.mode,
        row.state,
        row.rawStatus,
        this.scrubber.json(row.request),
        row.storageTargetId,
        row.presetId,
        row.streamIds,
        row.createdAt,
        row.startedAt,
        row.endedAt,
        row.updatedAt,
        row.lastSeenAt,
        row.forgotten ? 1 : 0,
        row.finishReason,
        row.error ? this.scrubber.json(row.error) : null,
        this.scrubber.json(row.extra),
        row.deskId,
      );
    return Number(result.changes) === 1;
  }

  get(id: string): TaskRow | null {
    const r = this.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as Row | undefined;
    return r ? decode(r) : null;
  }

  byStartKey(startKey: string): TaskRow | null {
    const r = this.prepare('SELECT * FROM tasks WHERE start_key = ?').get(startKey) as Row | undefined;
    return r ? decode(r) : null;
  }

  byVendorTaskId(vendor: VendorId, vendorTaskId: string): TaskRow | null {
    const r = this.prepare('SELECT * FROM tasks WHERE vendor = ? AND vendor_task_id = ? ORDER BY created_at DESC LIMIT 1').get(vendor, vendorTaskId) as
      | Row
      | undefined;
    return r ? decode(r) : null;
  }

  /** Tasks in the given states, oldest first. */
  inStates(states: readonly TaskState[]): TaskRow[] {
    const marks = states.map(() => '?').join(', ');
    return (this.prepare(`SELECT * FROM tasks WHERE state IN (${marks}) ORDER BY created_at`).all(...states) as Row[]).map(decode);
  }

  /** Open tasks plus tasks that changed since `since` (the Live view). */
  active(since: number): TaskRow[] {
    const marks = OPEN_TASK_STATES.map(() => '?').join(', ');
    return (
      this.prepare(`SELECT * FROM tasks WHERE state IN (${marks}) OR updated_at >= ? ORDER BY created_at DESC`).all(...OPEN_TASK_STATES, since) as Row[]
    ).map(decode);
  }

  /** Vendor task ids already known for a room (a reconciliation must not adopt one of them). */
  knownVendorTaskIds(vendor: VendorId, roomId: string): string[] {
    return (this.prepare('SELECT vendor_task_id AS v FROM tasks WHERE vendor = ? AND room_id = ? AND vendor_task_id IS NOT NULL').all(vendor, roomId) as Row[]).map(
      (r) => String(r['v']),
    );
  }

  countForAccount(accountId: string): number {
    const r = this.prepare('SELECT count(*) AS n FROM tasks WHERE account_id = ?').get(accountId) as Row;
    return Number(r['n']);
  }

  /** Presets and open tasks that name a storage target (finished history keeps the id as a record only). */
  storageReferences(storageTargetId: string): { presets: number; openTasks: number } {
    const marks = OPEN_TASK_STATES.map(() => '?').join(', ');
    const presets = this.prepare("SELECT count(*) AS n FROM presets WHERE json_extract(request_json, '$.storageTargetId') = ?").get(storageTargetId) as Row;
    const open = this.prepare(`SELECT count(*) AS n FROM tasks WHERE storage_target_id = ? AND state IN (${marks})`).get(storageTargetId, ...OPEN_TASK_STATES) as Row;
    return { presets: Number(presets['n']), openTasks: Number(open['n']) };
  }

  update(id: string, patch: TaskPatch): void {
    const sets: string[] = [];
    const values: SQLInputValue[] = [];
    for (const [key, value] of Object.entries(patch) as [keyof TaskPatch, unknown][]) {
      if (value === undefined) continue;
      sets.push(`${COLUMNS[key]} = ?`);
      if (key === 'request' || key === 'extra') values.push(this.scrubber.json(value));
      else if (key === 'error') values.push(value === null ? null : this.scrubber.json(value));
      else if (key === 'forgotten') values.push(value ? 1 : 0);
      else values.push(value as SQLInputValue);
    }
    if (sets.length === 0) return;
    this.prepare(`UPDATE tasks SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  }

  files(id: string): RecordingFile[] {
    return (this.prepare('SELECT file_json FROM task_files WHERE task_id = ? ORDER BY rowid').all(id) as Row[]).map(
      (r) => parseJson(r['file_json']) as RecordingFile,
    );
  }

  upsertFiles(id: string, files: readonly RecordingFile[], at: number): void {
    const stmt = this.prepare(
      `INSERT INTO task_files (task_id, file_id, status, file_json, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (task_id, file_id) DO UPDATE SET status = excluded.status, file_json = excluded.file_json, updated_at = excluded.updated_at`,
    );
    for (const f of files) stmt.run(id, f.fileId, f.status, this.scrubber.json(f), at);
  }

  /** What the ledger last knew, as a VendorStatus, to diff the next answer against. */
  knownStatus(row: TaskRow): VendorStatus {
    return {
      state: row.state,
      rawStatus: row.rawStatus,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      finishReason: row.finishReason,
      files: this.files(row.id),
      extra: row.extra,
    };
  }

  /** Adds a timeline row; false when `dedupeKey` was already recorded for the task. */
  addEvent(taskId: string, draft: TimelineEventDraft, dedupeKey: string | null = null): boolean {
    const result = this
      .prepare(
        'INSERT OR IGNORE INTO task_events (task_id, at, source, kind, summary, message_json, state, raw_json, dedupe_key, uid, desk_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        taskId,
        draft.at,
        draft.source,
        draft.kind,
        this.scrubber.scrub(formatMessage('en', draft.message)),
        this.scrubber.json(draft.message),
        draft.state,
        draft.raw === undefined ? null : this.scrubber.json(draft.raw),
        dedupeKey,
        newRowUid(),
        this.deskId,
      );
    return Number(result.changes) === 1;
  }

  /** The latest `at` of a state-bearing event from `source`, or null. */
  /**
   * The state the vendor last reported for the task (the newest `state-changed` row), or null before
   * any: an operator action moves the task ahead of its vendor, and a status read's "from" is this one.
   */
  lastReportedState(taskId: string): TaskState | null {
    const r = this.prepare("SELECT state FROM task_events WHERE task_id = ? AND kind = 'state-changed' ORDER BY id DESC LIMIT 1").get(taskId) as Row | undefined;
    return str(r?.['state']) as TaskState | null;
  }

  lastStateAt(taskId: string, source: EventSource): number | null {
    const r = this.prepare('SELECT max(at) AS at FROM task_events WHERE task_id = ? AND source = ? AND state IS NOT NULL').get(taskId, source) as Row;
    return num(r['at']);
  }

  events(taskId: string): TimelineEvent[] {
    const sql = 'SELECT e.*, (SELECT d.name FROM team_desks d WHERE d.id = e.desk_id) AS desk_name FROM task_events e WHERE e.task_id = ? ORDER BY e.at, e.id';
    return (this.prepare(sql).all(taskId) as Row[]).map((r) => ({
      id: Number(r['id']),
      taskId: String(r['task_id']),
      at: Number(r['at']),
      source: String(r['source']) as EventSource,
      kind: String(r['kind']) as TimelineEvent['kind'],
      summary: String(r['summary']),
      message: messageOf(r['message_json']),
      state: str(r['state']) as TaskState | null,
      raw: parseJson(r['raw_json']),
      deskName: str(r['desk_name']),
    }));
  }

  addExchange(taskId: string | null, e: ExchangeWrite): void {
    this
      .prepare(
        `INSERT INTO exchanges (task_id, at, vendor, action, request_id, request_json, response_json, http_status, duration_ms, error_code, uid)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        taskId,
        e.at,
        e.vendor,
        e.action,
        e.requestId,
        this.scrubber.json(e.request),
        e.response === null || e.response === undefined ? null : this.scrubber.json(e.response),
        e.httpStatus,
        Math.max(0, Math.round(e.durationMs)),
        e.errorCode,
        newRowUid(),
      );
  }

  exchanges(taskId: string, limit = 500): Exchange[] {
    return (this.prepare('SELECT * FROM exchanges WHERE task_id = ? ORDER BY at DESC, id DESC LIMIT ?').all(taskId, limit) as Row[])
      .reverse()
      .map((r) => ({
        id: Number(r['id']),
        taskId: str(r['task_id']),
        at: Number(r['at']),
        vendor: String(r['vendor']) as VendorId,
        action: String(r['action']),
        requestId: str(r['request_id']),
        request: parseJson(r['request_json']),
        response: parseJson(r['response_json']),
        httpStatus: num(r['http_status']),
        durationMs: Number(r['duration_ms']),
        errorCode: str(r['error_code']),
      }));
  }

  summary(row: TaskRow): TaskSummary {
    return toTaskSummary(this.prepare(`SELECT ${SUMMARY_COLUMNS} FROM tasks t WHERE t.id = ?`).get(row.id) as unknown as SummaryRow);
  }

  /** Runs `fn` in one transaction, so a crash never leaves half a change. */
  tx<T>(fn: () => T): T {
    return transaction(this.db, fn);
  }
}

function decode(r: Row): TaskRow {
  return {
    id: String(r['id']),
    vendor: String(r['vendor']) as VendorId,
    accountId: str(r['account_id']),
    accountName: String(r['account_name']),
    roomId: String(r['room_id']),
    vendorTaskId: str(r['vendor_task_id']),
    startKey: String(r['start_key']),
    mode: String(r['mode']) as 'single' | 'mixed',
    state: String(r['state']) as TaskState,
    rawStatus: String(r['raw_status']),
    request: RecordingRequestSchema.parse(parseJson(r['request_json'])),
    storageTargetId: str(r['storage_target_id']),
    presetId: str(r['preset_id']),
    streamIds: String(r['stream_ids']),
    createdAt: Number(r['created_at']),
    startedAt: num(r['started_at']),
    endedAt: num(r['ended_at']),
    updatedAt: Number(r['updated_at']),
    lastSeenAt: num(r['last_seen_at']),
    forgotten: Number(r['forgotten']) === 1,
    finishReason: str(r['finish_reason']),
    error: (parseJson(r['error_json']) as AppError | null) ?? null,
    extra: (parseJson(r['extra_json']) as Record<string, unknown> | null) ?? {},
    deskId: str(r['desk_id']),
  };
}
