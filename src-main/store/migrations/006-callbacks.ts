/**
 * What the callback receiver must remember across a restart. `callback_replays`: signatures that do
 * not cover the body (ZEGO timestamp+nonce, TIW Sign+ExpireTime) with the hash of the one body they
 * came with, until they expire. `callback_inbox`: verified callbacks acknowledged to the vendor but
 * not done with yet: `parked` until their task's start answers, `hint` until the vendor's status
 * query they asked for has answered.
 */
export const MIGRATION_006_CALLBACKS = `
CREATE TABLE callback_replays (
  account_id TEXT NOT NULL,
  token      TEXT NOT NULL,
  body_hash  TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, token)
) STRICT, WITHOUT ROWID;
CREATE INDEX callback_replays_expiry ON callback_replays (expires_at);
CREATE TABLE callback_inbox (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('parked', 'hint')),
  vendor         TEXT NOT NULL,
  account_id     TEXT NOT NULL,
  vendor_task_id TEXT NOT NULL,
  dedupe_key     TEXT NOT NULL,
  received_at    INTEGER NOT NULL,
  delivery       TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX callback_inbox_callback ON callback_inbox (vendor, account_id, vendor_task_id, dedupe_key);
CREATE INDEX callback_inbox_task ON callback_inbox (vendor, vendor_task_id, kind);
`;
