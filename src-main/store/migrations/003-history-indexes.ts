/**
 * Indexes for the history view over 100 000+ tasks.
 *
 * - The filter indexes of 002 become covering for every filter column (state, vendor, account,
 *   created_at), so a page's total with any mix of those filters is counted from one index without
 *   reading task rows. Their leading columns are unchanged: every lookup 002's indexes served, these serve.
 * - Each sortable column gets a `(column, created_at)` index, so the first page of a large result is
 *   read in order instead of sorting the whole table. Account names sort without regard to case.
 */
export const MIGRATION_003_HISTORY_INDEXES = `
DROP INDEX tasks_state;
DROP INDEX tasks_vendor;
DROP INDEX tasks_account;
CREATE INDEX tasks_state ON tasks (state, created_at, vendor, account_id);
CREATE INDEX tasks_vendor ON tasks (vendor, created_at, state, account_id);
CREATE INDEX tasks_account ON tasks (account_id, created_at, state, vendor);
CREATE INDEX tasks_started ON tasks (started_at, created_at);
CREATE INDEX tasks_ended ON tasks (ended_at, created_at);
CREATE INDEX tasks_updated ON tasks (updated_at, created_at);
CREATE INDEX tasks_account_name ON tasks (account_name COLLATE NOCASE, created_at);
`;
