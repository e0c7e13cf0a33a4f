/** A new random id in SQL, as 32 hex digits (the outbox's change uids). */
const NEW_UID = 'lower(hex(randomblob(16)))';

/**
 * A uid for a timeline row or exchange written at `at` (ms), as 32 hex digits: the time first, so the
 * unique index on uids stays in time order like the ids RecDeck writes (store/row-uid.ts) and an
 * insert or a retention delete touches neighbouring index pages, not random ones.
 */
function rowUid(at: string): string {
  return `printf('%012x', ${at}) || lower(hex(randomblob(10)))`;
}

/** Columns of `tasks` whose change is news for other desks (`last_seen_at` alone travels as a `seen` change). */
const TASK_NEWS = 'vendor_task_id, state, raw_status, request_json, started_at, ended_at, updated_at, forgotten, finish_reason, error_json, extra_json';

/** A task's state as a whole (what a merge takes from one side): `state_at` stamps its last local change. */
const TASK_STATE = 'state, raw_status, finish_reason, error_json, request_json, extra_json, account_id, account_name';

/** Queues `kind`/`entity` for the server, unless the row came from the server (`applying`) or the desk is in no team. */
function enqueue(name: string, on: string, kind: string, entity: string): string {
  return `CREATE TRIGGER ${name} AFTER ${on} WHEN (SELECT applying = 0 FROM team_link) BEGIN
  INSERT INTO team_outbox (kind, entity, uid, rev) VALUES ('${kind}', ${entity}, ${NEW_UID}, (SELECT coalesce(max(rev), 0) + 1 FROM team_outbox))
  ON CONFLICT (kind, entity) DO UPDATE SET uid = excluded.uid, rev = excluded.rev;
END;`;
}

/**
 * Team mode (issue 14). A task's `state_at` is when its state (with raw status, finish reason, error,
 * request and vendor facts) last changed here, or on the desk it came from: the merge of two desks'
 * snapshots orders same-rank states by it. Every timeline row and exchange gets a globally unique `uid`, so a row that
 * comes back from the team server (or twice) is recognised; tasks and timeline rows name the desk that
 * started or wrote them. `team_link` is the one team this desk belongs to (its server, the last server
 * change applied, and whether a server change is being applied right now); `team_outbox` holds what
 * changed here and has not reached the server, filled by triggers so every writer is covered, and
 * coalesced per entity (a task that changed ten times goes as its latest snapshot once). Nothing is
 * queued while the desk is in no team. `team_parked` keeps a received timeline row or exchange whose
 * task has not arrived yet, so the order changes arrive in never loses one.
 */
export const MIGRATION_007_TEAM = `
ALTER TABLE tasks ADD COLUMN desk_id TEXT;
ALTER TABLE tasks ADD COLUMN state_at INTEGER NOT NULL DEFAULT 0;
UPDATE tasks SET state_at = updated_at;
CREATE TRIGGER tasks_state_at_insert AFTER INSERT ON tasks WHEN new.state_at = 0 BEGIN
  UPDATE tasks SET state_at = new.updated_at WHERE id = new.id;
END;
CREATE TRIGGER tasks_state_at_update AFTER UPDATE OF ${TASK_STATE} ON tasks WHEN coalesce((SELECT applying FROM team_link), 0) = 0 BEGIN
  UPDATE tasks SET state_at = new.updated_at WHERE id = new.id;
END;
ALTER TABLE task_events ADD COLUMN uid TEXT;
ALTER TABLE task_events ADD COLUMN desk_id TEXT;
UPDATE task_events SET uid = ${rowUid('at')};
CREATE UNIQUE INDEX task_events_uid ON task_events (uid);
ALTER TABLE exchanges ADD COLUMN uid TEXT;
UPDATE exchanges SET uid = ${rowUid('at')};
CREATE UNIQUE INDEX exchanges_uid ON exchanges (uid);
CREATE TRIGGER task_events_uid_fill AFTER INSERT ON task_events WHEN new.uid IS NULL BEGIN
  UPDATE task_events SET uid = ${rowUid('new.at')} WHERE id = new.id;
END;
CREATE TRIGGER exchanges_uid_fill AFTER INSERT ON exchanges WHEN new.uid IS NULL BEGIN
  UPDATE exchanges SET uid = ${rowUid('new.at')} WHERE id = new.id;
END;

CREATE TABLE team_desks (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  last_seen_at INTEGER
) STRICT;

CREATE TABLE team_link (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  url       TEXT NOT NULL,
  cursor    INTEGER NOT NULL DEFAULT 0,
  joined_at INTEGER NOT NULL,
  applying  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE team_outbox (
  kind   TEXT NOT NULL,
  entity TEXT NOT NULL,
  uid    TEXT NOT NULL,
  rev    INTEGER NOT NULL,
  PRIMARY KEY (kind, entity)
) STRICT;
CREATE INDEX team_outbox_rev ON team_outbox (rev);

CREATE TABLE team_parked (
  uid     TEXT PRIMARY KEY,
  task_id TEXT NOT NULL,
  kind    TEXT NOT NULL,
  body    TEXT NOT NULL
) STRICT;
CREATE INDEX team_parked_task ON team_parked (task_id);

${enqueue('team_task_insert', 'INSERT ON tasks', 'task', 'new.id')}
${enqueue('team_task_update', `UPDATE OF ${TASK_NEWS} ON tasks`, 'task', 'new.id')}
${enqueue('team_file_insert', 'INSERT ON task_files', 'task', 'new.task_id')}
${enqueue('team_file_update', 'UPDATE ON task_files', 'task', 'new.task_id')}
${enqueue('team_event_insert', 'INSERT ON task_events', 'event', 'new.id')}
${enqueue('team_exchange_insert', 'INSERT ON exchanges', 'exchange', 'new.id')}
${enqueue('team_preset_insert', 'INSERT ON presets', 'preset', 'new.id')}
${enqueue('team_preset_update', 'UPDATE ON presets', 'preset', 'new.id')}
${enqueue('team_preset_delete', 'DELETE ON presets', 'preset', 'old.id')}
${enqueue('team_account_insert', 'INSERT ON accounts', 'account', 'new.id')}
${enqueue('team_account_update', 'UPDATE ON accounts', 'account', 'new.id')}
${enqueue('team_account_delete', 'DELETE ON accounts', 'account', 'old.id')}
${enqueue('team_storage_insert', 'INSERT ON storage_targets', 'storage', 'new.id')}
${enqueue('team_storage_update', 'UPDATE ON storage_targets', 'storage', 'new.id')}
${enqueue('team_storage_delete', 'DELETE ON storage_targets', 'storage', 'old.id')}
`;
