import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { StorageProvider } from '@contract';

/** One `storage_targets` row, non-secret fields only. */
export interface StorageTargetRecord {
  id: string;
  name: string;
  provider: StorageProvider;
  region: string | null;
  bucket: string | null;
  pathPrefix: string | null;
  endpoint: string | null;
  title: string | null;
  storageLocation: string | null;
  subAppId: number | null;
  createdAt: number;
  updatedAt: number;
}

interface Row {
  id: string;
  name: string;
  provider: string;
  region: string | null;
  bucket: string | null;
  path_prefix: string | null;
  endpoint: string | null;
  title: string | null;
  storage_location: string | null;
  sub_app_id: number | null;
  created_at: number;
  updated_at: number;
}

/** Prepared-statement access to `storage_targets`. */
export class StorageRepo {
  private readonly listStmt: StatementSync;
  private readonly getStmt: StatementSync;
  private readonly byNameStmt: StatementSync;
  private readonly insertStmt: StatementSync;
  private readonly updateStmt: StatementSync;
  private readonly deleteStmt: StatementSync;

  constructor(db: DatabaseSync) {
    this.listStmt = db.prepare('SELECT * FROM storage_targets ORDER BY name COLLATE NOCASE, id');
    this.getStmt = db.prepare('SELECT * FROM storage_targets WHERE id = ?');
    this.byNameStmt = db.prepare('SELECT * FROM storage_targets WHERE name = ? COLLATE NOCASE');
    this.insertStmt = db.prepare(
      `INSERT INTO storage_targets (id, name, provider, region, bucket, path_prefix, endpoint, title,
         storage_location, sub_app_id, created_at, updated_at)
       VALUES (:id, :name, :provider, :region, :bucket, :path_prefix, :endpoint, :title,
         :storage_location, :sub_app_id, :created_at, :updated_at)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE storage_targets SET name = :name, provider = :provider, region = :region, bucket = :bucket,
         path_prefix = :path_prefix, endpoint = :endpoint, title = :title, storage_location = :storage_location,
         sub_app_id = :sub_app_id, updated_at = :updated_at WHERE id = :id`,
    );
    this.deleteStmt = db.prepare('DELETE FROM storage_targets WHERE id = ?');
  }

  list(): StorageTargetRecord[] {
    return (this.listStmt.all() as unknown as Row[]).map(fromRow);
  }

  get(id: string): StorageTargetRecord | null {
    const row = this.getStmt.get(id) as unknown as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Case-insensitive (ASCII) name lookup; names are unique across all targets. */
  findByName(name: string): StorageTargetRecord | null {
    const row = this.byNameStmt.get(name) as unknown as Row | undefined;
    return row ? fromRow(row) : null;
  }

  insert(record: StorageTargetRecord): void {
    this.insertStmt.run(toParams(record));
  }

  update(record: StorageTargetRecord): void {
    const { created_at: _created, ...params } = toParams(record);
    this.updateStmt.run(params);
  }

  delete(id: string): boolean {
    return Number(this.deleteStmt.run(id).changes) > 0;
  }
}

function fromRow(row: Row): StorageTargetRecord {
  return {
    id: row.id,
    name: row.name,
    provider: row.provider as StorageProvider,
    region: row.region,
    bucket: row.bucket,
    pathPrefix: row.path_prefix,
    endpoint: row.endpoint,
    title: row.title,
    storageLocation: row.storage_location,
    subAppId: row.sub_app_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toParams(r: StorageTargetRecord) {
  return {
    id: r.id,
    name: r.name,
    provider: r.provider,
    region: r.region,
    bucket: r.bucket,
    path_prefix: r.pathPrefix,
    endpoint: r.endpoint,
    title: r.title,
    storage_location: r.storageLocation,
    sub_app_id: r.subAppId,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}
