import { AppErrorSchema, type AppError, type TaskState, type TaskSummary, type VendorId } from '@contract';

/**
 * File statuses that count as uploaded in a summary. `backup` (ZEGO wrote the file to its own backup
 * store because the operator's storage refused it) counts as uploaded: the recording exists and can
 * be retrieved, which is what "uploaded" tells the operator on a card. Where it landed stays visible
 * per file (`status: backup`) in the task detail and in both exports.
 */
export const UPLOADED_FILE_STATUSES = ['uploaded', 'backup'] as const;

/**
 * The select list that yields a {@link SummaryRow} from `tasks t`. File counts are correlated
 * lookups on the `task_files` primary key, so callers select them only for the rows they return.
 */
export const SUMMARY_COLUMNS = `
  t.id, t.vendor, t.account_id, t.account_name, t.room_id, t.vendor_task_id, t.mode, t.state, t.raw_status,
  t.created_at, t.started_at, t.ended_at, t.updated_at, t.last_seen_at, t.forgotten, t.finish_reason, t.error_json,
  json_extract(t.request_json, '$.maxIdleSec') AS max_idle_sec,
  json_extract(t.request_json, '$.maxRecordSec') AS max_record_sec,
  (SELECT count(*) FROM task_files f WHERE f.task_id = t.id) AS file_count,
  (SELECT count(*) FROM task_files f WHERE f.task_id = t.id AND f.status IN (${UPLOADED_FILE_STATUSES.map((s) => `'${s}'`).join(', ')})) AS files_uploaded,
  (SELECT count(*) FROM task_files f WHERE f.task_id = t.id AND f.status = 'failed') AS files_failed,
  (SELECT d.name FROM team_desks d WHERE d.id = t.desk_id) AS desk_name`;

/** One row as {@link SUMMARY_COLUMNS} selects it. */
export interface SummaryRow {
  id: string;
  vendor: string;
  account_id: string | null;
  account_name: string;
  room_id: string;
  vendor_task_id: string | null;
  mode: string;
  state: string;
  raw_status: string;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
  updated_at: number;
  last_seen_at: number | null;
  forgotten: number;
  finish_reason: string | null;
  error_json: string | null;
  max_idle_sec: number | null;
  max_record_sec: number | null;
  file_count: number;
  files_uploaded: number;
  files_failed: number;
  desk_name: string | null;
}

/** Maps a ledger row to the contract's summary. The ledger validated what it wrote; this only reshapes. */
export function toTaskSummary(row: SummaryRow): TaskSummary {
  return {
    id: row.id,
    vendor: row.vendor as VendorId,
    accountId: row.account_id,
    accountName: row.account_name,
    roomId: row.room_id,
    vendorTaskId: row.vendor_task_id,
    mode: row.mode === 'mixed' ? 'mixed' : 'single',
    state: row.state as TaskState,
    rawStatus: row.raw_status,
    createdAt: row.created_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    updatedAt: row.updated_at,
    lastSeenAt: row.last_seen_at,
    forgotten: row.forgotten !== 0,
    finishReason: row.finish_reason,
    fileCount: row.file_count,
    filesUploaded: row.files_uploaded,
    filesFailed: row.files_failed,
    error: parseError(row.error_json),
    maxIdleSec: numberOrNull(row.max_idle_sec),
    maxRecordSec: numberOrNull(row.max_record_sec),
    deskName: row.desk_name,
  };
}

/** A stored error that no longer parses is shown as absent rather than breaking the whole page. */
function parseError(json: string | null): AppError | null {
  if (json === null) return null;
  try {
    const parsed = AppErrorSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
