import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SecretOwnerKind } from '@contract';

/**
 * When each secret field was last set. Never the value: the vault holds that. Kept in SQLite so
 * "configured since" survives restarts, while `configured` itself is always asked of the vault.
 */
export class SecretMetaRepo {
  private readonly listStmt: StatementSync;
  private readonly upsertStmt: StatementSync;
  private readonly deleteStmt: StatementSync;
  private readonly deleteOwnerStmt: StatementSync;

  constructor(db: DatabaseSync) {
    this.listStmt = db.prepare('SELECT field, updated_at FROM secret_meta WHERE owner_kind = ? AND owner_id = ?');
    this.upsertStmt = db.prepare(
      `INSERT INTO secret_meta (owner_kind, owner_id, field, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (owner_kind, owner_id, field) DO UPDATE SET updated_at = excluded.updated_at`,
    );
    this.deleteStmt = db.prepare('DELETE FROM secret_meta WHERE owner_kind = ? AND owner_id = ? AND field = ?');
    this.deleteOwnerStmt = db.prepare('DELETE FROM secret_meta WHERE owner_kind = ? AND owner_id = ?');
  }

  /** field → updatedAt for one owner. */
  list(kind: SecretOwnerKind, ownerId: string): Map<string, number> {
    const rows = this.listStmt.all(kind, ownerId) as unknown as { field: string; updated_at: number }[];
    return new Map(rows.map((r) => [r.field, r.updated_at]));
  }

  touch(kind: SecretOwnerKind, ownerId: string, field: string, at: number): void {
    this.upsertStmt.run(kind, ownerId, field, at);
  }

  delete(kind: SecretOwnerKind, ownerId: string, field: string): void {
    this.deleteStmt.run(kind, ownerId, field);
  }

  deleteOwner(kind: SecretOwnerKind, ownerId: string): void {
    this.deleteOwnerStmt.run(kind, ownerId);
  }
}
