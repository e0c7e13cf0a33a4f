import type { DatabaseSync } from 'node:sqlite';
import type { HistoryPage, HistoryQuery } from '@contract';
import { queryHistory } from '../store/history-query';
import { statementsOf } from '../store/statements';
import { pruneHistory, retentionCutoff, type RetentionResult } from '../store/task-retention';
import { exportHistory, type HistoryExportFile } from './export';

export { CSV_COLUMNS, type HistoryExportFile } from './export';
export { startRetentionSchedule, type RetentionSchedule, type RetentionScheduleDeps } from './retention-schedule';

/** Offline history over the local task ledger: nothing here touches the network. */
export interface HistoryService {
  /** One page of tasks matching the filters, and how many match in all. */
  query(query: HistoryQuery): HistoryPage;
  /** Every matching task (offset and limit ignored) as CSV or JSON, with files and without secrets. */
  export(input: { format: 'csv' | 'json'; query: HistoryQuery }): HistoryExportFile;
  /** Deletes finished, failed and lost tasks older than `retentionDays` (never active ones). */
  retain(retentionDays: number): Promise<RetentionResult>;
}

/** Builds the history service over the app's database. */
export function createHistoryService(deps: { db: DatabaseSync; now?: () => number }): HistoryService {
  const now = deps.now ?? Date.now;
  const cache = statementsOf(deps.db);
  return {
    query: (query) => queryHistory(cache, query),
    export: (input) => exportHistory(cache, input.format, input.query, now()),
    retain: (retentionDays) => pruneHistory(deps.db, retentionCutoff(retentionDays, now())),
  };
}
