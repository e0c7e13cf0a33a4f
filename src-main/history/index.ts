import type { DatabaseSync } from 'node:sqlite';
import type { HistoryExportJob, HistoryPage, HistoryQuery } from '@contract';
import type { Logger } from '../logging/logger';
import { queryHistory } from '../store/history-query';
import { statementsOf } from '../store/statements';
import { pruneHistory, retentionCutoff, type RetentionResult } from '../store/task-retention';
import { createExportJobs, type ExportFile } from './export-jobs';

export { CSV_COLUMNS } from './export';
export { EXPORT_DOWNLOAD_PREFIX, type ExportFile } from './export-jobs';
export { startRetentionSchedule, type RetentionSchedule, type RetentionScheduleDeps } from './retention-schedule';

/** Offline history over the local task ledger: nothing here touches the network. */
export interface HistoryService {
  /** One page of tasks matching the filters, and how many match in all. */
  query(query: HistoryQuery): HistoryPage;
  /**
   * Starts streaming every matching task (offset and limit ignored) to a CSV or JSON file, with files
   * and without secrets; progress goes out as `history:exportChanged`.
   */
  export(input: { format: 'csv' | 'json'; query: HistoryQuery }): Promise<HistoryExportJob>;
  cancelExport(id: string): HistoryExportJob;
  /** A one-time same-origin URL for a finished export (browser host). */
  exportDownload(id: string): { url: string };
  /** The file behind a download ticket, once (the browser host serves it). */
  takeDownload(ticket: string): ExportFile | null;
  /** Deletes finished, failed and lost tasks older than `retentionDays` (never active ones). */
  retain(retentionDays: number): Promise<RetentionResult>;
}

export interface HistoryServiceDeps {
  db: DatabaseSync;
  /** The database's file, which exports read through connections of their own. */
  dbFile: string;
  /** Where exports wait for the browser host to hand them out. */
  exportsDir: string;
  /** Each change of an export. */
  emitExport(job: HistoryExportJob): void;
  /** Asks the operator where to save an export (the Electron app); null when they cancel. */
  chooseExportPath?: (fileName: string) => Promise<string | null>;
  log: Logger;
  now?: () => number;
}

/** Builds the history service over the app's database. */
export function createHistoryService(deps: HistoryServiceDeps): HistoryService {
  const now = deps.now ?? Date.now;
  const cache = statementsOf(deps.db);
  const exports = createExportJobs({
    dbFile: deps.dbFile,
    dir: deps.exportsDir,
    now,
    emit: deps.emitExport,
    log: deps.log,
    ...(deps.chooseExportPath ? { choosePath: deps.chooseExportPath } : {}),
  });
  return {
    query: (query) => queryHistory(cache, query),
    export: (input) => exports.start(input.format, input.query),
    cancelExport: (id) => exports.cancel(id),
    exportDownload: (id) => exports.download(id),
    takeDownload: (ticket) => exports.take(ticket),
    retain: (retentionDays) => pruneHistory(deps.db, retentionCutoff(retentionDays, now())),
  };
}
