import type { HistoryQuery } from '@contract';
import { csvExportRows, jsonExportRows, type CsvExportRow, type JsonExportRow } from '../store/history-export';
import type { StatementCache } from '../store/statements';
import { toTaskSummary } from '../store/task-summary';
import { csvLine, type CsvValue } from './csv';

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

/** Every task matching `query` (offset and limit ignored), in the query's order, as a CSV or JSON file. */
export function exportHistory(cache: StatementCache, format: 'csv' | 'json', query: HistoryQuery, now: number): HistoryExportFile {
  const stamp = fileStamp(now);
  if (format === 'csv') {
    const parts: string[] = [BOM, csvLine(CSV_COLUMNS)];
    let rows = 0;
    for (const row of csvExportRows(cache, query)) {
      parts.push(csvLine(csvRecord(row)));
      rows++;
    }
    return { fileName: `recdeck-history-${stamp}.csv`, mime: 'text/csv;charset=utf-8', content: parts.join(''), rows };
  }
  const tasks: string[] = [];
  for (const row of jsonExportRows(cache, query)) tasks.push(jsonTask(row));
  const head = JSON.stringify({ format: 'recdeck-history', version: 1, exportedAt: new Date(now).toISOString(), query: exportedQuery(query) });
  const content = `${head.slice(0, -1)},"tasks":[${tasks.length === 0 ? '' : `\n${tasks.join(',\n')}\n`}]}\n`;
  return { fileName: `recdeck-history-${stamp}.json`, mime: 'application/json', content, rows: tasks.length };
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
