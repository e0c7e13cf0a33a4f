import type { DatabaseSync } from 'node:sqlite';
import { statementsOf, type StatementCache } from './statements';

/** How often expired records are deleted (a claim checks expiry itself). */
const PRUNE_EVERY_MS = 60_000;

/**
 * Signatures already taken, in SQLite so a restart forgets none (migration 006). A record lives
 * until its signature expires, when the receiver refuses the signature as too old anyway.
 */
export class CallbackReplayStore {
  private readonly statements: StatementCache;
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(db: DatabaseSync) {
    this.statements = statementsOf(db);
  }

  /**
   * Takes `token` of `accountId` for the body hashed `bodyHash`: `new` the first time, `same` when the
   * same body comes again (a vendor's retry), `other` when another body comes under it (a forgery).
   */
  claim(accountId: string, token: string, bodyHash: string, expiresAt: number, now: number): 'new' | 'same' | 'other' {
    if (now - this.prunedAt >= PRUNE_EVERY_MS) {
      this.statements.get('DELETE FROM callback_replays WHERE expires_at < ?').run(now);
      this.prunedAt = now;
    }
    const known = this.statements.get('SELECT body_hash, expires_at FROM callback_replays WHERE account_id = ? AND token = ?').get(accountId, token) as
      | { body_hash: string; expires_at: number }
      | undefined;
    if (known && known.expires_at >= now) return known.body_hash === bodyHash ? 'same' : 'other';
    this.statements.get('INSERT OR REPLACE INTO callback_replays (account_id, token, body_hash, expires_at) VALUES (?, ?, ?, ?)').run(accountId, token, bodyHash, expiresAt);
    return 'new';
  }
}
