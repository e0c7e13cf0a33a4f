import type { DatabaseSync } from 'node:sqlite';
import type { HistoryQuery } from '@contract';
import { buildOrderBy, buildTaskFilter } from './history-query';
import { SUMMARY_COLUMNS, type SummaryRow } from './task-summary';

/** One task of a CSV export: its summary, stream ids and its files on one line. */
export interface CsvExportRow extends SummaryRow {
  stream_ids: string;
  files_text: string | null;
}

/** One task of a JSON export: its summary and, as canonical JSON text, its request, extra facts and files. */
export interface JsonExportRow extends SummaryRow {
  request: string;
  storage_target_id: string | null;
  preset_id: string | null;
  extra: string;
  files: string;
}

/** How many tasks match `query` (offset and limit ignored). */
export function exportCount(db: DatabaseSync, query: HistoryQuery): number {
  const filter = buildTaskFilter(query);
  const r = db.prepare(`SELECT count(*) AS n FROM tasks t ${filter.where}`).get(...filter.params) as { n: number };
  return Number(r.n);
}

/**
 * Every task matching `query` (offset and limit ignored), in the query's order, as export rows, one
 * at a time from `db` (a reader connection of its own: the statement is its own too, so the rows
 * can be read across awaits). Read from `tasks` and `task_files` only: no account, storage target,
 * vault or exchange data can reach an export. Files are summarised as `status url-or-file-id`,
 * joined by ` | `.
 */
export function csvExportRows(db: DatabaseSync, query: HistoryQuery): Iterable<CsvExportRow> {
  const filter = buildTaskFilter(query);
  const sql = `SELECT ${SUMMARY_COLUMNS}, t.stream_ids,
      (SELECT group_concat(f.status || ' ' || coalesce(json_extract(f.file_json, '$.url'), f.file_id), ' | ')
         FROM task_files f WHERE f.task_id = t.id) AS files_text
    FROM tasks t ${filter.where} ${buildOrderBy(query)}`;
  return db.prepare(sql).iterate(...filter.params) as Iterable<unknown> as Iterable<CsvExportRow>;
}

/**
 * As {@link csvExportRows}, with every file field: `request`, `extra` and `files` come out as JSON
 * text, spliced from the stored text rather than re-encoded (the schema checks `request_json` and
 * `file_json` are valid JSON; `extra_json` is checked here).
 */
export function jsonExportRows(db: DatabaseSync, query: HistoryQuery): Iterable<JsonExportRow> {
  const filter = buildTaskFilter(query);
  const sql = `SELECT ${SUMMARY_COLUMNS},
      t.request_json AS request, t.storage_target_id, t.preset_id,
      CASE WHEN json_valid(t.extra_json) THEN t.extra_json ELSE '{}' END AS extra,
      coalesce((SELECT '[' || group_concat(f.file_json, ',') || ']' FROM task_files f WHERE f.task_id = t.id), '[]') AS files
    FROM tasks t ${filter.where} ${buildOrderBy(query)}`;
  return db.prepare(sql).iterate(...filter.params) as Iterable<unknown> as Iterable<JsonExportRow>;
}
