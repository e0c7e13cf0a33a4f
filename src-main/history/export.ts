import type { DatabaseSync } from 'node:sqlite';
import type { HistoryQuery } from '@contract';
import { csvLine, type CsvValue } from './csv';
import { buildOrderBy, buildTaskFilter, StatementCache } from './query';
import { SUMMARY_COLUMNS, toTaskSummary, type SummaryRow } from './summary';

/** Output of {@link exportHistory}: the contract's `HistoryExport`. */
export interface HistoryExportFile {
  fileName: string;
  mime: string;
  content: string;
  rows: number;
}

/** Byte-order mark: without it Excel reads UTF-8 CSV as the local code page and garbles Chinese text. */
const BOM = '\uFEFF';

/**
 * CSV columns. One row per task, because an operator pastes history to count, sort and filter tasks;
 * files are summarised in `files` on one line (`status url-or-file-id`, joined by ` | `) so a paste
 * never splits a task over several rows. The JSON export carries every file field.
 */
export const CSV_COLUMNS = [
  'task_id',
  'vendor',
  'account',
  'account_id',
  'room_id',
  'vendor_task_id',
  'mode',
  'state',
  'vendor_status',
  'created_at_utc',
  'started_at_utc',
  'ended_at_utc',
  'duration_s',
  'finish_reason',
  'forgotten',
  'error_code',
  'error_message',
  'stream_ids',
  'file_count',
  'files_uploaded',
  'files_failed',
  'files',
] as const;

interface CsvRow extends SummaryRow {
  stream_ids: string;
  files_text: string | null;
}

interface JsonRow extends SummaryRow {
  request: string;
  storage_target_id: string | null;
  preset_id: string | null;
  extra: string;
  files: string;
}

/**
 * Every task matching `query` (offset and limit ignored), in the query's order, as CSV or JSON.
 * Content is read from `tasks` and `task_files` only: no account, storage target, vault or exchange
 * data can reach an export.
 */
export function exportHistory(
  db: DatabaseSync | StatementCache,
  format: 'csv' | 'json',
  query: HistoryQuery,
  now: number,
): HistoryExportFile {
  const cache = db instanceof StatementCache ? db : new StatementCache(db);
  const filter = buildTaskFilter(query);
  const order = buildOrderBy(query);
  const stamp = fileStamp(now);
  if (format === 'csv') {
    const sql = `SELECT ${SUMMARY_COLUMNS}, t.stream_ids,
        (SELECT group_concat(f.status || ' ' || coalesce(json_extract(f.file_json, '$.url'), f.file_id), ' | ')
           FROM task_files f WHERE f.task_id = t.id) AS files_text
      FROM tasks t ${filter.where} ${order}`;
    const parts: string[] = [BOM, csvLine(CSV_COLUMNS)];
    let rows = 0;
    for (const raw of cache.get(sql).iterate(...filter.params)) {
      parts.push(csvLine(csvRecord(raw as unknown as CsvRow)));
      rows++;
    }
    return { fileName: `recdeck-history-${stamp}.csv`, mime: 'text/csv;charset=utf-8', content: parts.join(''), rows };
  }
  const sql = `SELECT ${SUMMARY_COLUMNS},
      json(t.request_json) AS request, t.storage_target_id, t.preset_id,
      CASE WHEN json_valid(t.extra_json) THEN json(t.extra_json) ELSE '{}' END AS extra,
      (SELECT json_group_array(json(f.file_json)) FROM task_files f WHERE f.task_id = t.id) AS files
    FROM tasks t ${filter.where} ${order}`;
  const tasks: string[] = [];
  for (const raw of cache.get(sql).iterate(...filter.params)) tasks.push(jsonTask(raw as unknown as JsonRow));
  const head = JSON.stringify({ format: 'recdeck-history', version: 1, exportedAt: new Date(now).toISOString(), query: exportedQuery(query) });
  const content = `${head.slice(0, -1)},"tasks":[${tasks.length === 0 ? '' : `\n${tasks.join(',\n')}\n`}]}\n`;
  return { fileName: `recdeck-history-${stamp}.json`, mime: 'application/json', content, rows: tasks.length };
}

function csvRecord(row: CsvRow): CsvValue[] {
  const s = toTaskSummary(row);
  const duration = s.startedAt !== null && s.endedAt !== null ? Math.round((s.endedAt - s.startedAt) / 1000) : null;
  return [
    s.id,
    s.vendor,
    s.accountName,
    s.accountId,
    s.roomId,
    s.vendorTaskId,
    s.mode,
    s.state,
    s.rawStatus,
    utc(s.createdAt),
    utc(s.startedAt),
    utc(s.endedAt),
    duration,
    s.finishReason,
    s.forgotten ? 'yes' : 'no',
    s.error?.code ?? null,
    s.error?.message ?? null,
    row.stream_ids,
    s.fileCount,
    s.filesUploaded,
    s.filesFailed,
    row.files_text,
  ];
}

/**
 * One task as JSON text. `request`, `extra` and `files` are already canonical JSON from SQLite
 * (`json()`), so they are spliced in rather than parsed and re-serialised for every task.
 */
function jsonTask(row: JsonRow): string {
  const summary = JSON.stringify({ ...toTaskSummary(row), storageTargetId: row.storage_target_id, presetId: row.preset_id });
  return `${summary.slice(0, -1)},"request":${row.request},"extra":${row.extra},"files":${row.files}}`;
}

/** The filters that produced the export, so a file says what it contains. */
function exportedQuery(q: HistoryQuery): Omit<HistoryQuery, 'offset' | 'limit'> {
  return { vendors: q.vendors, accountIds: q.accountIds, room: q.room, states: q.states, from: q.from, to: q.to, text: q.text, sort: q.sort, direction: q.direction };
}

/** `YYYY-MM-DD HH:MM:SS` in UTC: spreadsheets read it as a date, and the column name says the zone. */
function utc(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

function fileStamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
