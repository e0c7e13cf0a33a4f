import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { RecordingFile } from '@contract';
import { transaction } from './db';
import { statementsOf, type StatementCache } from './statements';
import type { TaskRow } from './task-ledger';

/** What the outbox says changed here: one entity, coalesced, and the revision that queued it last. */
export interface OutboxEntry {
  kind: 'task' | 'event' | 'exchange' | 'preset' | 'account' | 'storage';
  entity: string;
  uid: string;
  rev: number;
}

/**
 * A task as it travels between desks: its row and its files (the request already scrubbed of secrets).
 * The request and the error arrive as JSON from another desk, so they are read as unknown.
 */
export interface TaskWire extends Omit<TaskRow, 'request' | 'error'> {
  request: unknown;
  error: unknown;
  /** When the state side (state, raw status, finish reason, error, request, facts, account) last changed. */
  stateAt: number;
  files: RecordingFile[];
}

/** One table whose rows travel whole (last writer by `updated_at` wins): column names, JSON-valued ones marked. */
interface RowTable {
  table: string;
  columns: readonly string[];
  json: readonly string[];
}

/** Tables whose rows travel whole, by change kind. */
export const ROW_TABLES = {
  preset: { table: 'presets', columns: ['id', 'name', 'vendor', 'account_id', 'request_json', 'created_at', 'updated_at'], json: ['request_json'] },
  account: { table: 'accounts', columns: ['id', 'vendor', 'name', 'environment', 'endpoint', 'fields_json', 'created_at', 'updated_at'], json: ['fields_json'] },
  storage: {
    table: 'storage_targets',
    columns: ['id', 'name', 'provider', 'region', 'bucket', 'path_prefix', 'endpoint', 'title', 'storage_location', 'sub_app_id', 'created_at', 'updated_at'],
    json: [],
  },
} as const satisfies Record<string, RowTable>;

/** A kind of {@link ROW_TABLES}. */
export type RowKind = keyof typeof ROW_TABLES;

type Row = Record<string, SQLInputValue>;

const TASK_JSON = `json_object(
  'id', t.id, 'vendor', t.vendor, 'accountId', t.account_id, 'accountName', t.account_name, 'roomId', t.room_id,
  'vendorTaskId', t.vendor_task_id, 'startKey', t.start_key, 'mode', t.mode, 'state', t.state, 'rawStatus', t.raw_status,
  'request', json(t.request_json), 'storageTargetId', t.storage_target_id, 'presetId', t.preset_id, 'streamIds', t.stream_ids,
  'createdAt', t.created_at, 'startedAt', t.started_at, 'endedAt', t.ended_at, 'updatedAt', t.updated_at, 'lastSeenAt', t.last_seen_at,
  'forgotten', json(CASE t.forgotten WHEN 1 THEN 'true' ELSE 'false' END), 'finishReason', t.finish_reason, 'error', json(t.error_json),
  'extra', json(t.extra_json), 'deskId', t.desk_id, 'stateAt', t.state_at,
  'files', json((SELECT json_group_array(json(f.file_json)) FROM (SELECT file_json FROM task_files WHERE task_id = t.id ORDER BY rowid) f)))`;

const EVENT_JSON = `json_object('uid', e.uid, 'taskId', e.task_id, 'at', e.at, 'source', e.source, 'kind', e.kind, 'summary', e.summary,
  'message', json(e.message_json), 'state', e.state, 'raw', json(e.raw_json), 'dedupeKey', e.dedupe_key, 'deskId', e.desk_id)`;

const EXCHANGE_JSON = `json_object('uid', x.uid, 'taskId', x.task_id, 'at', x.at, 'vendor', x.vendor, 'action', x.action, 'requestId', x.request_id,
  'request', json(x.request_json), 'response', json(x.response_json), 'httpStatus', x.http_status, 'durationMs', x.duration_ms, 'errorCode', x.error_code)`;

function rowJson(t: RowTable): string {
  return `json_object(${t.columns.map((c) => `'${c}', ${t.json.includes(c) ? `json(${c})` : c}`).join(', ')})`;
}

/**
 * The team's SQL on this desk (migration 007): the link to the team, the outbox of what changed here,
 * the bodies that travel, and the writes that apply what other desks changed. Applying runs with
 * `team_link.applying = 1`, so the outbox triggers leave what came from the server alone.
 */
export class TeamStore {
  private readonly statements: StatementCache;

  constructor(private readonly db: DatabaseSync) {
    this.statements = statementsOf(db);
  }

  private prepare(sql: string): StatementSync {
    return this.statements.get(sql);
  }

  link(): { url: string; cursor: number; joinedAt: number } | null {
    const r = this.prepare('SELECT url, cursor, joined_at FROM team_link WHERE id = 1').get() as Row | undefined;
    return r ? { url: String(r['url']), cursor: Number(r['cursor']), joinedAt: Number(r['joined_at']) } : null;
  }

  /**
   * Joins a team: remembers its server and queues everything this desk holds (but `localOnly`'s
   * accounts and storage targets and their tasks are skipped when pushed). A desk that rejoins the
   * same server keeps its cursor; another server starts from its beginning.
   */
  join(url: string, at: number): void {
    transaction(this.db, () => {
      const previous = this.link();
      this.prepare('DELETE FROM team_link').run();
      this.prepare('INSERT INTO team_link (id, url, cursor, joined_at, applying) VALUES (1, ?, ?, ?, 0)').run(url, previous?.url === url ? previous.cursor : 0, at);
      const queue = (kind: OutboxEntry['kind'], select: string): void => {
        this.db.exec(
          `INSERT INTO team_outbox (kind, entity, uid, rev) SELECT '${kind}', e, lower(hex(randomblob(16))), (SELECT coalesce(max(rev), 0) FROM team_outbox) + row_number() OVER () FROM (${select})
           WHERE true ON CONFLICT (kind, entity) DO NOTHING`,
        );
      };
      queue('account', 'SELECT id AS e FROM accounts');
      queue('storage', 'SELECT id AS e FROM storage_targets');
      queue('preset', 'SELECT id AS e FROM presets');
      queue('task', 'SELECT id AS e FROM tasks ORDER BY created_at');
      queue('event', 'SELECT id AS e FROM task_events ORDER BY id');
      queue('exchange', 'SELECT id AS e FROM exchanges WHERE task_id IS NOT NULL ORDER BY id');
    });
  }

  /** Leaves the team: nothing more is queued; what is here stays. */
  leave(): void {
    transaction(this.db, () => {
      this.prepare('DELETE FROM team_link').run();
      this.prepare('DELETE FROM team_outbox').run();
      this.prepare('DELETE FROM team_parked').run();
    });
  }

  outbox(limit: number): OutboxEntry[] {
    return (this.prepare('SELECT kind, entity, uid, rev FROM team_outbox ORDER BY rev LIMIT ?').all(limit) as Row[]).map((r) => ({
      kind: String(r['kind']) as OutboxEntry['kind'],
      entity: String(r['entity']),
      uid: String(r['uid']),
      rev: Number(r['rev']),
    }));
  }

  /**
   * The server has the first entries of the outbox up to revision `rev`: forget them. An entity that
   * changed again since they were read was queued again under a higher revision, so it stays.
   */
  ack(rev: number): void {
    this.prepare('DELETE FROM team_outbox WHERE rev <= ?').run(rev);
  }

  pending(): number {
    return Number((this.prepare('SELECT count(*) AS n FROM team_outbox').get() as Row)['n']);
  }

  /** A task's wire body (JSON text) and account, or null once it is gone. */
  taskBody(id: string): { accountId: string | null; body: string } | null {
    const r = this.prepare(`SELECT t.account_id AS a, ${TASK_JSON} AS body FROM tasks t WHERE t.id = ?`).get(id) as Row | undefined;
    return r ? { accountId: r['a'] === null ? null : String(r['a']), body: String(r['body']) } : null;
  }

  /** A timeline row's wire body by its local id, with its uid and task. */
  eventBody(localId: string): { uid: string; taskId: string; body: string } | null {
    const r = this.prepare(`SELECT e.uid AS uid, e.task_id AS task, ${EVENT_JSON} AS body FROM task_events e WHERE e.id = ?`).get(Number(localId)) as Row | undefined;
    return r ? { uid: String(r['uid']), taskId: String(r['task']), body: String(r['body']) } : null;
  }

  /** An exchange's wire body by its local id (exchanges without a task stay here). */
  exchangeBody(localId: string): { uid: string; taskId: string; body: string } | null {
    const r = this.prepare(`SELECT x.uid AS uid, x.task_id AS task, ${EXCHANGE_JSON} AS body FROM exchanges x WHERE x.id = ? AND x.task_id IS NOT NULL`).get(
      Number(localId),
    ) as Row | undefined;
    return r ? { uid: String(r['uid']), taskId: String(r['task']), body: String(r['body']) } : null;
  }

  /** A preset's, account's or storage target's row as JSON text, or null when it was deleted. */
  rowBody(kind: RowKind, id: string): string | null {
    const t = ROW_TABLES[kind];
    const r = this.prepare(`SELECT ${rowJson(t)} AS body FROM ${t.table} WHERE id = ?`).get(id) as Row | undefined;
    return r ? String(r['body']) : null;
  }

  /** The task as stored here, in wire form (for the merge), or null. */
  task(id: string): TaskWire | null {
    const body = this.taskBody(id)?.body;
    return body === undefined ? null : (JSON.parse(body) as TaskWire);
  }

  /** Runs `fn` as the application of server changes up to `cursor`: one transaction, no outbox entries, the cursor moved with it. */
  applying<T>(cursor: number, fn: () => T): T {
    return transaction(this.db, () => {
      this.prepare('UPDATE team_link SET applying = 1 WHERE id = 1').run();
      const out = fn();
      this.prepare('UPDATE team_link SET applying = 0, cursor = max(cursor, ?) WHERE id = 1').run(cursor);
      return out;
    });
  }

  /** Writes a merged task and its files (files only move forward; none is removed). */
  putTask(t: TaskWire): void {
    this.prepare(
      `INSERT INTO tasks (id, vendor, account_id, account_name, room_id, vendor_task_id, start_key, mode, state, raw_status, request_json,
         storage_target_id, preset_id, stream_ids, created_at, started_at, ended_at, updated_at, last_seen_at, forgotten, finish_reason,
         error_json, extra_json, desk_id, state_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, account_name = excluded.account_name, vendor_task_id = excluded.vendor_task_id,
         state = excluded.state, raw_status = excluded.raw_status, request_json = excluded.request_json, stream_ids = excluded.stream_ids,
         created_at = excluded.created_at, started_at = excluded.started_at, ended_at = excluded.ended_at, updated_at = excluded.updated_at,
         last_seen_at = excluded.last_seen_at, forgotten = excluded.forgotten, finish_reason = excluded.finish_reason, error_json = excluded.error_json,
         extra_json = excluded.extra_json, desk_id = excluded.desk_id, state_at = excluded.state_at`,
    ).run(
      t.id, t.vendor, t.accountId, t.accountName, t.roomId, t.vendorTaskId, t.startKey, t.mode, t.state, t.rawStatus, JSON.stringify(t.request),
      t.storageTargetId, t.presetId, t.streamIds, t.createdAt, t.startedAt, t.endedAt, t.updatedAt, t.lastSeenAt, t.forgotten ? 1 : 0,
      t.finishReason, t.error === null || t.error === undefined ? null : JSON.stringify(t.error), JSON.stringify(t.extra), t.deskId, t.stateAt,
    );
    const file = this.prepare(
      `INSERT INTO task_files (task_id, file_id, status, file_json, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (task_id, file_id) DO UPDATE SET status = excluded.status, file_json = excluded.file_json, updated_at = excluded.updated_at
       WHERE file_json <> excluded.file_json`,
    );
    for (const f of t.files) file.run(t.id, f.fileId, f.status, JSON.stringify(f), t.updatedAt);
  }

  hasTask(id: string): boolean {
    return this.prepare('SELECT 1 FROM tasks WHERE id = ?').get(id) !== undefined;
  }

  /**
   * Inserts a received timeline row or exchange (its wire body, parsed): `inserted`, `duplicate` when
   * this desk has it, or `no-task` when its task has not arrived yet. SQLite's constraints refuse a row
   * that lacks what the table requires.
   */
  insertBody(kind: 'event' | 'exchange', uid: string, taskId: string, row: Record<string, unknown>): 'inserted' | 'duplicate' | 'no-task' {
    const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));
    const value = (v: unknown): SQLInputValue => (v === undefined ? null : (v as SQLInputValue));
    const result =
      kind === 'event'
        ? this.prepare(
            `INSERT OR IGNORE INTO task_events (task_id, at, source, kind, summary, message_json, state, raw_json, dedupe_key, uid, desk_id)
             SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM tasks WHERE id = ?)`,
          ).run(taskId, value(row['at']), value(row['source']), value(row['kind']), value(row['summary']), json(row['message']), value(row['state']), json(row['raw']), value(row['dedupeKey']), uid, value(row['deskId']), taskId)
        : this.prepare(
            `INSERT OR IGNORE INTO exchanges (task_id, at, vendor, action, request_id, request_json, response_json, http_status, duration_ms, error_code, uid)
             SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM tasks WHERE id = ?)`,
          ).run(taskId, value(row['at']), value(row['vendor']), value(row['action']), value(row['requestId']), json(row['request']) ?? 'null', json(row['response']), value(row['httpStatus']), value(row['durationMs']), value(row['errorCode']), uid, taskId);
    if (Number(result.changes) === 1) return 'inserted';
    return this.hasTask(taskId) ? 'duplicate' : 'no-task';
  }

  /** Keeps a received row whose task has not arrived yet. */
  park(uid: string, taskId: string, kind: 'event' | 'exchange', body: string): void {
    this.prepare('INSERT OR IGNORE INTO team_parked (uid, task_id, kind, body) VALUES (?, ?, ?, ?)').run(uid, taskId, kind, body);
  }

  /** The parked rows of a task that has now arrived (removed from the parking). */
  unpark(taskId: string): Array<{ uid: string; kind: 'event' | 'exchange'; body: string }> {
    const rows = this.prepare('SELECT uid, kind, body FROM team_parked WHERE task_id = ?').all(taskId) as Row[];
    if (rows.length > 0) this.prepare('DELETE FROM team_parked WHERE task_id = ?').run(taskId);
    return rows.map((r) => ({ uid: String(r['uid']), kind: String(r['kind']) as 'event' | 'exchange', body: String(r['body']) }));
  }

  /** The `updated_at` of a whole-row entity here, or null when absent. */
  rowUpdatedAt(kind: RowKind, id: string): number | null {
    const r = this.prepare(`SELECT updated_at AS u FROM ${ROW_TABLES[kind].table} WHERE id = ?`).get(id) as Row | undefined;
    return r ? Number(r['u']) : null;
  }

  /** Writes a whole row received from another desk (`values` by column name). */
  putRow(kind: RowKind, values: Record<string, SQLInputValue>): void {
    const t = ROW_TABLES[kind];
    const cols = t.columns as readonly string[];
    const updates = cols.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ');
    this.prepare(`INSERT INTO ${t.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT (id) DO UPDATE SET ${updates}`).run(
      ...cols.map((c) => values[c] ?? null),
    );
  }

  /** Whether another row of the table already has this name (names are unique per table, accounts per vendor). */
  nameTaken(kind: RowKind, id: string, name: string, vendor: string | null): boolean {
    const t = ROW_TABLES[kind];
    const byVendor = kind === 'storage' ? '' : ' AND vendor = ?';
    const args: SQLInputValue[] = [id, name, ...(kind === 'storage' ? [] : [vendor])];
    return this.prepare(`SELECT 1 FROM ${t.table} WHERE id <> ? AND name = ? COLLATE NOCASE${byVendor}`).get(...args) !== undefined;
  }

  deleteRow(kind: RowKind, id: string): void {
    this.prepare(`DELETE FROM ${ROW_TABLES[kind].table} WHERE id = ?`).run(id);
  }

  /** Open tasks of the given accounts seen since `since`, for the leader's `seen` change. */
  seenSince(since: number): Array<[string, number]> {
    return (this.prepare('SELECT id, last_seen_at AS s FROM tasks WHERE last_seen_at > ? ORDER BY last_seen_at').all(since) as Row[]).map((r) => [String(r['id']), Number(r['s'])]);
  }

  /** Another desk's reads: a task's `last_seen_at` only moves forward, and it is no news (no outbox entry). */
  applySeen(pairs: ReadonlyArray<readonly [string, number]>): void {
    const stmt = this.prepare('UPDATE tasks SET last_seen_at = ? WHERE id = ? AND (last_seen_at IS NULL OR last_seen_at < ?)');
    for (const [id, at] of pairs) stmt.run(at, id, at);
  }

  /** Desks as the server last listed them (this desk among them). */
  putDesks(desks: ReadonlyArray<{ id: string; name: string; lastSeenAt: number | null }>): void {
    const stmt = this.prepare('INSERT INTO team_desks (id, name, last_seen_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, last_seen_at = excluded.last_seen_at');
    transaction(this.db, () => {
      for (const d of desks) stmt.run(d.id, d.name, d.lastSeenAt);
    });
  }

  desks(): Array<{ id: string; name: string; lastSeenAt: number | null }> {
    return (this.prepare('SELECT id, name, last_seen_at FROM team_desks ORDER BY name COLLATE NOCASE').all() as Row[]).map((r) => ({
      id: String(r['id']),
      name: String(r['name']),
      lastSeenAt: r['last_seen_at'] === null ? null : Number(r['last_seen_at']),
    }));
  }

  /** Forgets the team's desks (leaving): timelines then show no desk names. */
  clearDesks(): void {
    this.prepare('DELETE FROM team_desks').run();
  }
}
