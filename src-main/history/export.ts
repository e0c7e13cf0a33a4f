import type { DatabaseSync } from 'node:sqlite';
import type { HistoryQuery } from '@contract';
import { csvExportRows, jsonExportRows, type CsvExportRow, type JsonExportRow } from '../store/history-export';
import { toTaskSummary } from '../store/task-summary';
import { csvLine, type CsvValue } from './csv';

/** Export formats and their content types. */
export const EXPORT_MIME = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

/** About this many characters go to the file at a time: memory stays flat whatever the number of tasks. */
const CHUNK_CHARS = 1 << 20;

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

/** The file name of an export made at `now`. */
export function exportFileName(format: 'csv' | 'json', now: number): string {
  return `recdeck-history-${fileStamp(now)}.${format}`;
}

/**
 * Every task matching `query` (offset and limit ignored), in the query's order, as CSV or JSON text
 * in chunks of about a megabyte, each with how many tasks the file holds once it is written. The
 * JSON document is one object: `format`, `version`, `exportedAt`, the `query` and the `tasks`.
 */
export function* exportChunks(db: DatabaseSync, format: 'csv' | 'json', query: HistoryQuery, now: number): Generator<{ text: string; rows: number }> {
  let parts: string[] = [];
  let size = 0;
  let rows = 0;
  const add = (text: string): boolean => {
    parts.push(text);
    size += text.length;
    return size >= CHUNK_CHARS;
  };
  const take = (): { text: string; rows: number } => {
    const text = parts.join('');
    parts = [];
    size = 0;
    return { text, rows };
  };
  if (format === 'csv') {
    add(BOM + csvLine(CSV_COLUMNS));
    for (const row of csvExportRows(db, query)) {
      rows++;
      if (add(csvLine(csvRecord(row)))) yield take();
    }
  } else {
    const head = JSON.stringify({ format: 'recdeck-history', version: 1, exportedAt: new Date(now).toISOString(), query: exportedQuery(query) });
    add(`${head.slice(0, -1)},"tasks":[`);
    for (const row of jsonExportRows(db, query)) {
      rows++;
      if (add(`${rows === 1 ? '\n' : ',\n'}${jsonTask(row)}`)) yield take();
    }
    add(rows === 0 ? ']}\n' : '\n]}\n');
  }
  yield take();
}

function csvRecord(row: CsvExportRow): CsvValue[] {
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
function jsonTask(row: JsonExportRow): string {
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
