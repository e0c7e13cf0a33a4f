import type { DatabaseSync, StatementSync } from 'node:sqlite';

/**
 * Prepared statements keyed by their text. Preparing is most of the cost of a small write, and the
 * task and history SQL is a small, fixed set of texts, so each is prepared once per database.
 */
export class StatementCache {
  private readonly stmts = new Map<string, StatementSync>();

  constructor(private readonly db: DatabaseSync) {}

  get(sql: string): StatementSync {
    let stmt = this.stmts.get(sql);
    if (stmt === undefined) {
      stmt = this.db.prepare(sql);
      this.stmts.set(sql, stmt);
    }
    return stmt;
  }
}

const caches = new WeakMap<DatabaseSync, StatementCache>();

/** The one statement cache of a database, shared by the task ledger and the history queries. */
export function statementsOf(db: DatabaseSync): StatementCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new StatementCache(db);
    caches.set(db, cache);
  }
  return cache;
}
