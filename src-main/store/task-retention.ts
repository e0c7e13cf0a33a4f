import type { DatabaseSync } from 'node:sqlite';
import { TERMINAL_TASK_STATES } from '@contract';
import { transaction } from './db';
import { statementsOf } from './statements';

/** What one retention pass removed. */
export interface RetentionResult {
  /** Tasks deleted, each with its files, events and exchanges (ON DELETE CASCADE). */
  tasks: number;
  /** Exchanges not tied to any task (e.g. connection tests) older than the cut-off. */
  exchanges: number;
}

const DAY_MS = 86_400_000;

/** Tasks deleted per transaction: short write locks, and the event loop breathes between batches. */
const BATCH = 500;

/** The epoch-ms cut-off for `retentionDays` at `now`: tasks created before it are old enough to go. */
export function retentionCutoff(retentionDays: number, now: number): number {
  return now - retentionDays * DAY_MS;
}

/**
 * Deletes finished, failed and lost tasks created before `cutoff`, in batches, yielding to the event
 * loop between them. A task in any other state is never touched however old it is: a task the
 * vendor forgot while it was recording keeps its last known state and stays until the operator
 * sees it end.
 */
export async function pruneHistory(db: DatabaseSync, cutoff: number): Promise<RetentionResult> {
  const states = JSON.stringify(TERMINAL_TASK_STATES);
  const statements = statementsOf(db);
  const batch = statements.get(`DELETE FROM tasks WHERE rowid IN (
      SELECT rowid FROM tasks WHERE state IN (SELECT value FROM json_each(?)) AND created_at < ? LIMIT ?)`);
  let tasks = 0;
  for (;;) {
    const removed = Number(transaction(db, () => batch.run(states, cutoff, BATCH)).changes);
    tasks += removed;
    if (removed < BATCH) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const exchanges = Number(statements.get('DELETE FROM exchanges WHERE task_id IS NULL AND at < ?').run(cutoff).changes);
  return { tasks, exchanges };
}
