import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { ForeignTask, TaskState, VendorId } from '@contract';
import { statementsOf, type StatementCache } from './statements';

/** What a sweep saw of a foreign task. */
export interface ForeignSighting {
  vendor: VendorId;
  accountId: string;
  vendorTaskId: string;
  roomId: string;
  startedAt: number | null;
  state: TaskState;
  rawStatus: string;
}

type Row = Record<string, SQLInputValue>;

const num = (v: SQLInputValue | undefined): number | null => (v === null || v === undefined ? null : Number(v));

function decode(r: Row): ForeignTask {
  return {
    id: String(r['id']),
    vendor: String(r['vendor']) as VendorId,
    accountId: String(r['account_id']),
    accountName: String(r['account_name']),
    vendorTaskId: String(r['vendor_task_id']),
    roomId: String(r['room_id']),
    startedAt: num(r['started_at']),
    state: String(r['state']) as TaskState,
    rawStatus: String(r['raw_status']),
    firstSeenAt: Number(r['first_seen_at']),
    lastSeenAt: Number(r['last_seen_at']),
    dismissed: r['dismissed_at'] !== null,
  };
}

const SELECT = 'SELECT f.*, a.name AS account_name FROM foreign_tasks f JOIN accounts a ON a.id = f.account_id';

/** The SQL of foreign tasks (migration 004). Rows of a deleted account are never listed. */
export class ForeignTaskStore {
  private readonly statements: StatementCache;

  constructor(db: DatabaseSync) {
    this.statements = statementsOf(db);
  }

  private prepare(sql: string): StatementSync {
    return this.statements.get(sql);
  }

  /**
   * Records one sighting: a new row, or the known row brought up to date (and back from gone).
   * Answers whether the operator's list changed (`added`, `changed`) or only `lastSeenAt` moved.
   */
  seen(s: ForeignSighting, at: number, newId: () => string): 'added' | 'changed' | 'same' {
    const known = this.prepare('SELECT id, room_id, started_at, state, raw_status, gone_at FROM foreign_tasks WHERE vendor = ? AND account_id = ? AND vendor_task_id = ?').get(
      s.vendor,
      s.accountId,
      s.vendorTaskId,
    ) as Row | undefined;
    if (!known) {
      this.prepare(
        `INSERT INTO foreign_tasks (id, vendor, account_id, vendor_task_id, room_id, started_at, state, raw_status, first_seen_at, last_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(newId(), s.vendor, s.accountId, s.vendorTaskId, s.roomId, s.startedAt, s.state, s.rawStatus, at, at);
      return 'added';
    }
    const changed = known['gone_at'] !== null || known['state'] !== s.state || known['raw_status'] !== s.rawStatus || num(known['started_at']) !== s.startedAt;
    this.prepare('UPDATE foreign_tasks SET room_id = ?, started_at = ?, state = ?, raw_status = ?, last_seen_at = ?, gone_at = NULL WHERE id = ?').run(
      s.roomId,
      s.startedAt,
      s.state,
      s.rawStatus,
      at,
      known['id'] as string,
    );
    return changed ? 'changed' : 'same';
  }

  /** The running foreign tasks of these accounts: RecDeck's id and the vendor's. */
  running(accountIds: readonly string[]): Array<{ id: string; vendorTaskId: string }> {
    if (accountIds.length === 0) return [];
    const marks = accountIds.map(() => '?').join(', ');
    return (this.prepare(`SELECT id, vendor_task_id FROM foreign_tasks WHERE gone_at IS NULL AND account_id IN (${marks})`).all(...accountIds) as Row[]).map((r) => ({
      id: String(r['id']),
      vendorTaskId: String(r['vendor_task_id']),
    }));
  }

  markGone(ids: readonly string[], at: number): void {
    const stmt = this.prepare('UPDATE foreign_tasks SET gone_at = ? WHERE id = ?');
    for (const id of ids) stmt.run(at, id);
  }

  /** Forgets the foreign rows of a vendor task the ledger now holds; answers how many there were. */
  forgetTask(vendor: VendorId, vendorTaskId: string): number {
    return Number(this.prepare('DELETE FROM foreign_tasks WHERE vendor = ? AND vendor_task_id = ?').run(vendor, vendorTaskId).changes);
  }

  /** Every foreign task still running, newest first. */
  list(): ForeignTask[] {
    return (this.prepare(`${SELECT} WHERE f.gone_at IS NULL ORDER BY f.started_at DESC, f.first_seen_at DESC`).all() as Row[]).map(decode);
  }

  get(id: string): ForeignTask | null {
    const r = this.prepare(`${SELECT} WHERE f.id = ? AND f.gone_at IS NULL`).get(id) as Row | undefined;
    return r ? decode(r) : null;
  }

  setDismissed(id: string, at: number | null): void {
    this.prepare('UPDATE foreign_tasks SET dismissed_at = ? WHERE id = ?').run(at, id);
  }

  /** Deletes rows that have been gone since before `before`, and rows of deleted accounts. */
  prune(before: number): void {
    this.prepare('DELETE FROM foreign_tasks WHERE gone_at < ? OR account_id NOT IN (SELECT id FROM accounts)').run(before);
  }
}
