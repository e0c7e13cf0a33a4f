import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { OPEN_TASK_STATES, type TaskState, type VendorId } from '@contract';
import { statementsOf, type StatementCache } from './statements';
import type { TaskRow } from './task-ledger';

/** The columns of a task that polling and sweeps decide by, without decoding its request. */
export type TaskHead = Pick<TaskRow, 'id' | 'vendor' | 'accountId' | 'roomId' | 'vendorTaskId' | 'state' | 'rawStatus' | 'createdAt' | 'updatedAt' | 'lastSeenAt' | 'forgotten' | 'deskId'>;

type Row = Record<string, SQLInputValue>;

const COLUMNS = 'id, vendor, account_id, room_id, vendor_task_id, state, raw_status, created_at, updated_at, last_seen_at, forgotten, desk_id';

function decode(r: Row): TaskHead {
  const str = (v: SQLInputValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r['id']),
    vendor: String(r['vendor']) as VendorId,
    accountId: str(r['account_id']),
    roomId: String(r['room_id']),
    vendorTaskId: str(r['vendor_task_id']),
    state: String(r['state']) as TaskState,
    rawStatus: String(r['raw_status']),
    createdAt: Number(r['created_at']),
    updatedAt: Number(r['updated_at']),
    lastSeenAt: r['last_seen_at'] === null ? null : Number(r['last_seen_at']),
    forgotten: Number(r['forgotten']) === 1,
    deskId: str(r['desk_id']),
  };
}

/**
 * Task SQL for polling and sweeps, which run several times a second over every open task: heads only
 * (no request JSON to decode), and the one write a sweep makes for a task it found unchanged.
 */
export class TaskHeads {
  private readonly statements: StatementCache;

  constructor(db: DatabaseSync) {
    this.statements = statementsOf(db);
  }

  private prepare(sql: string): StatementSync {
    return this.statements.get(sql);
  }

  /** Every open task, oldest first. */
  open(): TaskHead[] {
    const marks = OPEN_TASK_STATES.map(() => '?').join(', ');
    return (this.prepare(`SELECT ${COLUMNS} FROM tasks WHERE state IN (${marks}) ORDER BY created_at`).all(...OPEN_TASK_STATES) as Row[]).map(decode);
  }

  /** The latest task with this vendor task id, whatever its state. */
  byVendorTaskId(vendor: VendorId, vendorTaskId: string): TaskHead | null {
    const sql = `SELECT ${COLUMNS} FROM tasks WHERE vendor = ? AND vendor_task_id = ? ORDER BY created_at DESC LIMIT 1`;
    const r = this.prepare(sql).get(vendor, vendorTaskId) as Row | undefined;
    return r ? decode(r) : null;
  }

  /** Whether a start in this room, opened since `since`, still waits for its vendor task id. */
  hasPendingStart(vendor: VendorId, roomId: string, since: number): boolean {
    const sql = "SELECT 1 FROM tasks WHERE vendor = ? AND room_id = ? AND vendor_task_id IS NULL AND state = 'starting' AND created_at >= ? LIMIT 1";
    return this.prepare(sql).get(vendor, roomId, since) !== undefined;
  }

  /** Whether a start on this account, opened since `since`, still waits for its vendor task id. */
  hasPendingStartOn(accountId: string, since: number): boolean {
    const sql = "SELECT 1 FROM tasks WHERE account_id = ? AND vendor_task_id IS NULL AND state = 'starting' AND created_at >= ? LIMIT 1";
    return this.prepare(sql).get(accountId, since) !== undefined;
  }

  /** Tasks a sweep found as the ledger has them: only `last_seen_at` moves, and nothing goes on their timeline. */
  confirmSeen(ids: readonly string[], at: number): void {
    const stmt = this.prepare('UPDATE tasks SET last_seen_at = ? WHERE id = ?');
    for (const id of ids) stmt.run(at, id);
  }
}
