import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { AccountEnvironment, VendorId } from '@contract';

/** One `accounts` row; `fields` is the vendor-specific object, already validated by the service. */
export interface AccountRecord {
  id: string;
  vendor: VendorId;
  name: string;
  environment: AccountEnvironment;
  endpoint: string | null;
  fields: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

interface Row {
  id: string;
  vendor: string;
  name: string;
  environment: string;
  endpoint: string | null;
  fields_json: string;
  created_at: number;
  updated_at: number;
}

/** Prepared-statement access to `accounts`. No validation here: the service owns the rules. */
export class AccountsRepo {
  private readonly listStmt: StatementSync;
  private readonly getStmt: StatementSync;
  private readonly byNameStmt: StatementSync;
  private readonly insertStmt: StatementSync;
  private readonly updateStmt: StatementSync;
  private readonly deleteStmt: StatementSync;

  constructor(db: DatabaseSync) {
    this.listStmt = db.prepare('SELECT * FROM accounts ORDER BY vendor, name COLLATE NOCASE, id');
    this.getStmt = db.prepare('SELECT * FROM accounts WHERE id = ?');
    this.byNameStmt = db.prepare('SELECT * FROM accounts WHERE vendor = ? AND name = ? COLLATE NOCASE');
    this.insertStmt = db.prepare(
      `INSERT INTO accounts (id, vendor, name, environment, endpoint, fields_json, created_at, updated_at)
       VALUES (:id, :vendor, :name, :environment, :endpoint, :fields_json, :created_at, :updated_at)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE accounts SET name = :name, environment = :environment, endpoint = :endpoint,
         fields_json = :fields_json, updated_at = :updated_at WHERE id = :id`,
    );
    this.deleteStmt = db.prepare('DELETE FROM accounts WHERE id = ?');
  }

  list(): AccountRecord[] {
    return (this.listStmt.all() as unknown as Row[]).map(fromRow);
  }

  get(id: string): AccountRecord | null {
    const row = this.getStmt.get(id) as unknown as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Case-insensitive (ASCII) name lookup within one vendor. */
  findByName(vendor: VendorId, name: string): AccountRecord | null {
    const row = this.byNameStmt.get(vendor, name) as unknown as Row | undefined;
    return row ? fromRow(row) : null;
  }

  insert(record: AccountRecord): void {
    this.insertStmt.run(toParams(record));
  }

  update(record: AccountRecord): void {
    const { vendor: _vendor, created_at: _created, ...params } = toParams(record);
    this.updateStmt.run(params);
  }

  delete(id: string): boolean {
    return Number(this.deleteStmt.run(id).changes) > 0;
  }
}

function fromRow(row: Row): AccountRecord {
  return {
    id: row.id,
    vendor: row.vendor as VendorId,
    name: row.name,
    environment: row.environment as AccountEnvironment,
    endpoint: row.endpoint,
    fields: JSON.parse(row.fields_json) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toParams(r: AccountRecord) {
  return {
    id: r.id,
    vendor: r.vendor,
    name: r.name,
    environment: r.environment,
    endpoint: r.endpoint,
    fields_json: JSON.stringify(r.fields),
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}
