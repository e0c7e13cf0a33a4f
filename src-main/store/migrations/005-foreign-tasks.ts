/**
 * Foreign tasks: tasks in progress that a sweep of a vendor's task list found on an account and that
 * the ledger does not hold. A row lives while the vendor lists the task; `gone_at` is set once two
 * whole sweeps missed it. `dismissed_at` remembers the operator's dismissal. Adoption moves the task
 * into `tasks` and deletes its row here.
 */
export const MIGRATION_005_FOREIGN_TASKS = `
CREATE TABLE foreign_tasks (
  id             TEXT PRIMARY KEY,
  vendor         TEXT NOT NULL,
  account_id     TEXT NOT NULL,
  vendor_task_id TEXT NOT NULL,
  room_id        TEXT NOT NULL,
  started_at     INTEGER,
  state          TEXT NOT NULL,
  raw_status     TEXT NOT NULL,
  first_seen_at  INTEGER NOT NULL,
  last_seen_at   INTEGER NOT NULL,
  gone_at        INTEGER,
  dismissed_at   INTEGER
) STRICT;
CREATE UNIQUE INDEX foreign_tasks_vendor_task ON foreign_tasks (vendor, account_id, vendor_task_id);
`;
