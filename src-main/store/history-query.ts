import type { SQLInputValue } from 'node:sqlite';
import type { HistoryPage, HistoryQuery } from '@contract';
import type { StatementCache } from './statements';
import { SUMMARY_COLUMNS, toTaskSummary, type SummaryRow } from './task-summary';

/** A WHERE clause over `tasks t` and its positional parameters. */
export interface TaskFilter {
  where: string;
  params: SQLInputValue[];
}

/** Each sortable column and the `(column, created_at)` index that yields it in order (migrations 002, 003). */
const SORTS: Record<HistoryQuery['sort'], { column: string; index: string }> = {
  createdAt: { column: 't.created_at', index: 'tasks_created' },
  startedAt: { column: 't.started_at', index: 'tasks_started' },
  endedAt: { column: 't.ended_at', index: 'tasks_ended' },
  updatedAt: { column: 't.updated_at', index: 'tasks_updated' },
  roomId: { column: 't.room_id', index: 'tasks_room' },
  state: { column: 't.state', index: 'tasks_state' },
  vendor: { column: 't.vendor', index: 'tasks_vendor' },
  accountName: { column: 't.account_name COLLATE NOCASE', index: 'tasks_account_name' },
};

/**
 * How many index entries a page may walk in sort order. Walking the sort's index and stopping after
 * `offset + limit` matches costs about `(offset + limit) × tasks / total` rows; when that is small
 * (a filter most tasks pass) it beats collecting every match and sorting it, and when it is large (a
 * selective filter) the filter's own index finds the few rows faster. SQLite's planner cannot tell
 * the two apart without statistics; the exact total, which the page needs anyway, can.
 */
const ORDERED_SCAN_BUDGET = 5000;

/** Trigram tokens are three characters: shorter text cannot be looked up in `task_search` by MATCH. */
const TRIGRAM = 3;

/** The text condition on `task_search`, and a per-row recheck with the same result where one exists. */
export interface TextMatch {
  /** A condition over `task_search` (MATCH through the trigram index, or LIKE for short text). */
  condition: string;
  param: string;
  /**
   * A LIKE pattern that accepts exactly the rows `condition` accepts, checked against one row's
   * `body` by rowid; null when the text holds letters whose case the trigram index folds and LIKE
   * does not (é/É), where only `condition` is exact.
   */
  recheck: string | null;
}

/** The filters of a history query: plain clauses over `tasks t`, and the text search apart. */
export interface FilterParts {
  clauses: string[];
  params: SQLInputValue[];
  text: TextMatch | null;
}

/**
 * Translates the filters of a history query into SQL. List filters bind one JSON array each, so the
 * statement text depends only on which filters are present and stays cacheable.
 *
 * `room` is an exact room id (it narrows by index); `text` is a case-insensitive substring over room,
 * RecDeck and vendor task ids, stream ids and file ids, answered by the `task_search` trigram index.
 */
export function buildFilterParts(query: HistoryQuery): FilterParts {
  const clauses: string[] = [];
  const params: SQLInputValue[] = [];
  if (query.vendors.length > 0) {
    clauses.push('t.vendor IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.vendors));
  }
  if (query.accountIds.length > 0) {
    clauses.push('t.account_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.accountIds));
  }
  if (query.states.length > 0) {
    clauses.push('t.state IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.states));
  }
  if (query.room !== null && query.room !== '') {
    clauses.push('t.room_id = ?');
    params.push(query.room);
  }
  if (query.from !== null) {
    clauses.push('t.created_at >= ?');
    params.push(query.from);
  }
  if (query.to !== null) {
    clauses.push('t.created_at <= ?');
    params.push(query.to);
  }
  return { clauses, params, text: textMatch(query.text?.trim() ?? '') };
}

/** All filters of a history query as one WHERE clause over `tasks t`. */
export function buildTaskFilter(query: HistoryQuery): TaskFilter {
  return filterFromParts(buildFilterParts(query));
}

function filterFromParts(parts: FilterParts): TaskFilter {
  const clauses = [...parts.clauses];
  const params = [...parts.params];
  if (parts.text !== null) {
    clauses.push(`t.rowid IN (SELECT rowid FROM task_search WHERE ${parts.text.condition})`);
    params.push(parts.text.param);
  }
  return { where: whereOf(clauses), params };
}

function textMatch(text: string): TextMatch | null {
  if (text === '') return null;
  const like = `%${escapeLike(text)}%`;
  if ([...text].length < TRIGRAM) return { condition: "body LIKE ? ESCAPE '\\'", param: like, recheck: like };
  const caseless = [...text].every((c) => c.charCodeAt(0) < 128 || c.toLowerCase() === c.toUpperCase());
  return { condition: 'task_search MATCH ?', param: ftsPhrase(text), recheck: caseless ? like : null };
}

function whereOf(clauses: readonly string[]): string {
  return clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
}

/**
 * ORDER BY for a history query. `created_at` then `rowid` break ties so that pages never overlap or
 * skip a row, and so that the `(column, created_at)` indexes serve the sort as they are.
 */
export function buildOrderBy(query: HistoryQuery): string {
  const dir = query.direction === 'asc' ? 'ASC' : 'DESC';
  const column = SORTS[query.sort].column;
  const keys = column === 't.created_at' ? [column, 't.rowid'] : [column, 't.created_at', 't.rowid'];
  return `ORDER BY ${keys.map((k) => `${k} ${dir}`).join(', ')}`;
}

/**
 * A FTS5 string literal: the whole user text as one phrase, so operators and punctuation in it
 * (`AND`, `*`, `-`, `:` …) are searched for, never interpreted. With the trigram tokenizer a phrase
 * matches as a substring.
 */
export function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Escapes LIKE wildcards for `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One page of history and the total matching the filters. The total comes first (from a covering
 * index, or from the search index alone when text is the only filter) and decides how the page is
 * read; the page is chosen over bare rowids and only its rows pay for the file counts and JSON reads.
 * `scanBudget` exists so tests can force either way of reading a page and compare them.
 */
export function queryHistory(cache: StatementCache, query: HistoryQuery, scanBudget = ORDERED_SCAN_BUDGET): HistoryPage {
  const parts = buildFilterParts(query);
  const total = countMatches(cache, parts);
  if (total <= query.offset) return { rows: [], total };

  const span = (cache.get('SELECT coalesce(max(rowid), 0) AS n FROM tasks').get() as { n: number }).n;
  const ordered = ((query.offset + query.limit) * span) / total <= scanBudget;
  const clauses = [...parts.clauses];
  const params = [...parts.params];
  if (parts.text !== null) {
    clauses.push(
      ordered && parts.text.recheck !== null
        ? "EXISTS (SELECT 1 FROM task_search s WHERE s.rowid = t.rowid AND s.body LIKE ? ESCAPE '\\')"
        : `t.rowid IN (SELECT rowid FROM task_search WHERE ${parts.text.condition})`,
    );
    params.push(ordered && parts.text.recheck !== null ? parts.text.recheck : parts.text.param);
  }
  const hint = ordered ? `INDEXED BY ${SORTS[query.sort].index}` : '';
  const idsSql = `SELECT t.rowid AS rid FROM tasks t ${hint} ${whereOf(clauses)} ${buildOrderBy(query)} LIMIT ? OFFSET ?`;
  const ids = (cache.get(idsSql).all(...params, query.limit, query.offset) as Array<{ rid: number }>).map((r) => r.rid);
  const rows = cache
    .get(`SELECT ${SUMMARY_COLUMNS} FROM json_each(?) AS page JOIN tasks t ON t.rowid = page.value ORDER BY page.key`)
    .all(JSON.stringify(ids)) as unknown as SummaryRow[];
  return { rows: rows.map(toTaskSummary), total };
}

/** Counts matches; `task_search` has one row per task, so text alone is counted there without a join. */
function countMatches(cache: StatementCache, parts: FilterParts): number {
  if (parts.text !== null && parts.clauses.length === 0) {
    return (cache.get(`SELECT count(*) AS n FROM task_search WHERE ${parts.text.condition}`).get(parts.text.param) as { n: number }).n;
  }
  const filter = filterFromParts(parts);
  return (cache.get(`SELECT count(*) AS n FROM tasks t ${filter.where}`).get(...filter.params) as { n: number }).n;
}
