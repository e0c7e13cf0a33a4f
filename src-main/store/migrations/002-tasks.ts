/**
 * The task ledger: one row per recording task (written before the vendor is called), its files,
 * its timeline, the redacted vendor exchanges, and saved presets. Accounts are referenced without
 * a foreign key: deleting an account leaves its history readable through `account_name`.
 *
 * `task_search` is a trigram full-text index over room, task ids, stream ids and file names, kept
 * current by triggers so every writer keeps it right.
 */
export const MIGRATION_002_TASKS = `
CREATE TABLE tasks (
  id                TEXT PRIMARY KEY,
  vendor            TEXT NOT NULL,
  account_id        TEXT,
  account_name      TEXT NOT NULL,
  room_id           TEXT NOT NULL,
  vendor_task_id    TEXT,
  start_key         TEXT NOT NULL UNIQUE,
  mode              TEXT NOT NULL CHECK (mode IN ('single', 'mixed')),
  state             TEXT NOT NULL,
  raw_status        TEXT NOT NULL DEFAULT '',
  request_json      TEXT NOT NULL CHECK (json_valid(request_json)),
  storage_target_id TEXT,
  preset_id         TEXT,
  stream_ids        TEXT NOT NULL DEFAULT '',
  created_at        INTEGER NOT NULL,
  started_at        INTEGER,
  ended_at          INTEGER,
  updated_at        INTEGER NOT NULL,
  last_seen_at      INTEGER,
  forgotten         INTEGER NOT NULL DEFAULT 0,
  finish_reason     TEXT,
  error_json        TEXT,
  extra_json        TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX tasks_created ON tasks (created_at);
CREATE INDEX tasks_state ON tasks (state, created_at);
CREATE INDEX tasks_vendor ON tasks (vendor, created_at);
CREATE INDEX tasks_account ON tasks (account_id, created_at);
CREATE INDEX tasks_room ON tasks (room_id, created_at);
CREATE INDEX tasks_vendor_task ON tasks (vendor, vendor_task_id);

CREATE TABLE task_files (
  task_id    TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  file_id    TEXT NOT NULL,
  status     TEXT NOT NULL,
  file_json  TEXT NOT NULL CHECK (json_valid(file_json)),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (task_id, file_id)
) STRICT;

CREATE TABLE task_events (
  id         INTEGER PRIMARY KEY,
  task_id    TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  at         INTEGER NOT NULL,
  source     TEXT NOT NULL CHECK (source IN ('operator', 'poll', 'callback', 'system')),
  kind       TEXT NOT NULL,
  summary    TEXT NOT NULL,
  state      TEXT,
  raw_json   TEXT,
  dedupe_key TEXT
) STRICT;
CREATE INDEX task_events_task ON task_events (task_id, at);
CREATE UNIQUE INDEX task_events_dedupe ON task_events (task_id, dedupe_key) WHERE dedupe_key IS NOT NULL;

CREATE TABLE exchanges (
  id            INTEGER PRIMARY KEY,
  task_id       TEXT REFERENCES tasks (id) ON DELETE CASCADE,
  at            INTEGER NOT NULL,
  vendor        TEXT NOT NULL,
  action        TEXT NOT NULL,
  request_id    TEXT,
  request_json  TEXT NOT NULL,
  response_json TEXT,
  http_status   INTEGER,
  duration_ms   INTEGER NOT NULL,
  error_code    TEXT
) STRICT;
CREATE INDEX exchanges_task ON exchanges (task_id, at);

CREATE TABLE presets (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  vendor       TEXT NOT NULL,
  account_id   TEXT,
  request_json TEXT NOT NULL CHECK (json_valid(request_json)),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX presets_name ON presets (name COLLATE NOCASE);

CREATE VIRTUAL TABLE task_search USING fts5 (task_id UNINDEXED, body, tokenize = 'trigram');

CREATE TRIGGER tasks_search_insert AFTER INSERT ON tasks BEGIN
  INSERT INTO task_search (rowid, task_id, body)
  VALUES (new.rowid, new.id, new.room_id || ' ' || new.id || ' ' || coalesce(new.vendor_task_id, '') || ' ' || new.stream_ids);
END;
CREATE TRIGGER tasks_search_update AFTER UPDATE OF room_id, vendor_task_id, stream_ids ON tasks BEGIN
  DELETE FROM task_search WHERE rowid = old.rowid;
  INSERT INTO task_search (rowid, task_id, body)
  VALUES (new.rowid, new.id, new.room_id || ' ' || new.id || ' ' || coalesce(new.vendor_task_id, '') || ' ' || new.stream_ids || ' '
    || coalesce((SELECT group_concat(file_id, ' ') FROM task_files WHERE task_id = new.id), ''));
END;
CREATE TRIGGER tasks_search_delete AFTER DELETE ON tasks BEGIN
  DELETE FROM task_search WHERE rowid = old.rowid;
END;
CREATE TRIGGER task_files_search AFTER INSERT ON task_files BEGIN
  UPDATE task_search SET body = body || ' ' || new.file_id
  WHERE rowid = (SELECT rowid FROM tasks WHERE id = new.task_id);
END;
`;
