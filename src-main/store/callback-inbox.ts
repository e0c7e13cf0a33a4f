import type { DatabaseSync } from 'node:sqlite';
import { statementsOf, type StatementCache } from './statements';

/** Why a callback waits: its task's start has not answered (`parked`), or its status query has not (`hint`). */
export type InboxKind = 'parked' | 'hint';

/** One waiting callback: who it is about and its delivery as JSON. */
export interface InboxEntry {
  id: number;
  vendor: string;
  accountId: string;
  vendorTaskId: string;
  dedupeKey: string;
  receivedAt: number;
  delivery: string;
}

type Row = { id: number; vendor: string; account_id: string; vendor_task_id: string; dedupe_key: string; received_at: number; delivery: string };

const decode = (r: Row): InboxEntry => ({
  id: r.id,
  vendor: r.vendor,
  accountId: r.account_id,
  vendorTaskId: r.vendor_task_id,
  dedupeKey: r.dedupe_key,
  receivedAt: r.received_at,
  delivery: r.delivery,
});

/** Callbacks acknowledged to their vendor and not done with yet (migration 006): a restart loses none. */
export class CallbackInboxStore {
  private readonly statements: StatementCache;

  constructor(db: DatabaseSync) {
    this.statements = statementsOf(db);
  }

  /** Keeps one callback as `kind` (a parked one released as a hint changes kind); false when it was already there as `kind`. */
  put(kind: InboxKind, e: Omit<InboxEntry, 'id'>): boolean {
    const sql = `INSERT INTO callback_inbox (kind, vendor, account_id, vendor_task_id, dedupe_key, received_at, delivery) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (vendor, account_id, vendor_task_id, dedupe_key) DO UPDATE SET kind = excluded.kind WHERE kind <> excluded.kind`;
    return Number(this.statements.get(sql).run(kind, e.vendor, e.accountId, e.vendorTaskId, e.dedupeKey, e.receivedAt, e.delivery).changes) > 0;
  }

  /** The callbacks of one vendor task waiting as `kind`, oldest first. */
  forTask(kind: InboxKind, vendor: string, vendorTaskId: string): InboxEntry[] {
    const sql = 'SELECT * FROM callback_inbox WHERE kind = ? AND vendor = ? AND vendor_task_id = ? ORDER BY id';
    return (this.statements.get(sql).all(kind, vendor, vendorTaskId) as Row[]).map(decode);
  }

  /** Every callback waiting as `kind`, oldest first. */
  all(kind: InboxKind): InboxEntry[] {
    return (this.statements.get('SELECT * FROM callback_inbox WHERE kind = ? ORDER BY id').all(kind) as Row[]).map(decode);
  }

  count(kind: InboxKind): number {
    return Number((this.statements.get('SELECT count(*) AS n FROM callback_inbox WHERE kind = ?').get(kind) as { n: number }).n);
  }

  /** Done with these callbacks. */
  remove(ids: readonly number[]): void {
    const stmt = this.statements.get('DELETE FROM callback_inbox WHERE id = ?');
    for (const id of ids) stmt.run(id);
  }

  /** Forgets `kind` callbacks received before `before`. */
  prune(kind: InboxKind, before: number): void {
    this.statements.get('DELETE FROM callback_inbox WHERE kind = ? AND received_at < ?').run(kind, before);
  }
}
