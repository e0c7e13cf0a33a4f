/**
 * Accounts, storage targets, secret bookkeeping and settings. Secret VALUES never live here:
 * `secret_meta` only records that a field was set and when, so the UI can show "configured since".
 * Account fields that differ per vendor are one JSON column, validated by the contract on the way in.
 */
export const MIGRATION_001_ACCOUNTS_STORAGE = `
CREATE TABLE accounts (
  id          TEXT PRIMARY KEY,
  vendor      TEXT NOT NULL,
  name        TEXT NOT NULL,
  environment TEXT NOT NULL CHECK (environment IN ('production', 'test')),
  endpoint    TEXT,
  fields_json TEXT NOT NULL CHECK (json_valid(fields_json)),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX accounts_vendor_name ON accounts (vendor, name COLLATE NOCASE);

CREATE TABLE storage_targets (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  provider         TEXT NOT NULL,
  region           TEXT,
  bucket           TEXT,
  path_prefix      TEXT,
  endpoint         TEXT,
  title            TEXT,
  storage_location TEXT,
  sub_app_id       INTEGER,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX storage_targets_name ON storage_targets (name COLLATE NOCASE);

CREATE TABLE secret_meta (
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('account', 'storage')),
  owner_id   TEXT NOT NULL,
  field      TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (owner_kind, owner_id, field)
) STRICT;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
