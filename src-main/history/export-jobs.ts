import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { msg, type HistoryExportJob, type HistoryQuery } from '@contract';
import { AppFailure, toAppError } from '../errors/app-failure';
import type { Logger } from '../logging/logger';
import { openReader } from '../store/db';
import { exportCount } from '../store/history-export';
import { EXPORT_MIME, exportChunks, exportFileName } from './export';

/** Where the browser host serves a finished export: this prefix, then a one-time ticket. */
export const EXPORT_DOWNLOAD_PREFIX = '/api/exports/';

/** A download ticket is good once, for this long. */
const TICKET_MS = 5 * 60_000;
/** Files left in the exports folder are deleted this long after they were written. */
const KEEP_MS = 86_400_000;
/** Progress goes out at most this often while an export runs. */
const PROGRESS_EVERY_MS = 200;

/** What the browser host streams for a download ticket. */
export interface ExportFile {
  path: string;
  fileName: string;
  mime: string;
}

export interface ExportJobsDeps {
  /** The app's database file; each export reads it through a connection of its own. */
  dbFile: string;
  /** The data folder's exports folder, for files the browser host hands out. */
  dir: string;
  now: () => number;
  /** Each change of an export (`history:exportChanged`). */
  emit(job: HistoryExportJob): void;
  /** Asks the operator where to save (the Electron app); null when they cancel. Absent: files wait in `dir` for a download. */
  choosePath?: (fileName: string) => Promise<string | null>;
  log: Logger;
}

/** Streamed exports: started, cancelled, and handed to the browser host by one-time tickets. */
export interface ExportJobs {
  start(format: 'csv' | 'json', query: HistoryQuery): Promise<HistoryExportJob>;
  cancel(id: string): HistoryExportJob;
  /** A same-origin URL that serves a finished export once (browser host). */
  download(id: string): { url: string };
  /** The file behind a ticket; a ticket works once. */
  take(ticket: string): ExportFile | null;
}

interface Job {
  view: HistoryExportJob;
  path: string;
  canceled: boolean;
  emittedAt: number;
}

function notFound(id: string): AppFailure {
  return new AppFailure('NOT_FOUND', msg('history.exportGone'), { details: { id } });
}

/**
 * Each export reads one snapshot of the ledger through its own read-only connection and writes it to
 * `<target>.part` in chunks of about a megabyte, awaiting each write, so memory stays flat and the
 * app stays responsive; the finished file is renamed into place. A cancel or a failure deletes the
 * partial file.
 */
export function createExportJobs(deps: ExportJobsDeps): ExportJobs {
  const jobs = new Map<string, Job>();
  const tickets = new Map<string, { id: string; until: number }>();

  function update(job: Job, patch: Partial<HistoryExportJob>, force: boolean): void {
    job.view = { ...job.view, ...patch };
    const now = deps.now();
    if (!force && now - job.emittedAt < PROGRESS_EVERY_MS) return;
    job.emittedAt = now;
    deps.emit(job.view);
  }

  function sweepFolder(): void {
    // Inside the data folder, private like everything else there (the files are created 0600).
    mkdirSync(deps.dir, { recursive: true, mode: 0o700 });
    const cutoff = deps.now() - KEEP_MS;
    for (const name of readdirSync(deps.dir)) {
      const file = join(deps.dir, name);
      if (statSync(file).mtimeMs < cutoff) rmSync(file, { force: true });
    }
  }

  async function run(job: Job, format: 'csv' | 'json', query: HistoryQuery): Promise<void> {
    const part = `${job.path}.part`;
    const reader = openReader(deps.dbFile);
    let handle: FileHandle | null = null;
    try {
      // One read transaction: the count and every row come from the same snapshot.
      reader.exec('BEGIN');
      update(job, { total: exportCount(reader, query) }, true);
      handle = await open(part, 'w', 0o600);
      for (const chunk of exportChunks(reader, format, query, deps.now())) {
        if (job.canceled) break;
        await handle.write(chunk.text);
        update(job, { rows: chunk.rows }, false);
      }
      await handle.close();
      handle = null;
      if (job.canceled) {
        await rm(part, { force: true });
        update(job, { state: 'canceled' }, true);
        return;
      }
      await rename(part, job.path);
      update(job, { state: 'done', savedTo: deps.choosePath ? job.path : null }, true);
    } catch (e) {
      await handle?.close().catch(() => undefined);
      await rm(part, { force: true });
      deps.log.error('history.export-failed', { id: job.view.id, error: e instanceof Error ? e.name : 'error' });
      update(job, { state: 'failed', error: toAppError(e) }, true);
    } finally {
      reader.close();
    }
  }

  return {
    async start(format, query) {
      const id = randomUUID();
      const fileName = exportFileName(format, deps.now());
      let path = join(deps.dir, `${id}.${format}`);
      const view: HistoryExportJob = { id, format, fileName, state: 'running', rows: 0, total: 0, savedTo: null, error: null };
      if (deps.choosePath) {
        const chosen = await deps.choosePath(fileName);
        if (chosen === null) return { ...view, state: 'canceled' };
        path = chosen;
      } else {
        sweepFolder();
      }
      const job: Job = { view, path, canceled: false, emittedAt: Number.NEGATIVE_INFINITY };
      jobs.set(id, job);
      void run(job, format, query);
      return job.view;
    },
    cancel(id) {
      const job = jobs.get(id);
      if (!job) throw notFound(id);
      job.canceled = job.view.state === 'running';
      return job.view;
    },
    download(id) {
      const job = jobs.get(id);
      if (!job || job.view.state !== 'done' || job.view.savedTo !== null) throw notFound(id);
      for (const [k, t] of tickets) if (t.until <= deps.now()) tickets.delete(k);
      const ticket = randomBytes(32).toString('base64url');
      tickets.set(ticket, { id, until: deps.now() + TICKET_MS });
      return { url: `${EXPORT_DOWNLOAD_PREFIX}${ticket}` };
    },
    take(ticket) {
      const t = tickets.get(ticket);
      tickets.delete(ticket);
      const job = t && t.until > deps.now() ? jobs.get(t.id) : undefined;
      if (!job || job.view.state !== 'done') return null;
      return { path: job.path, fileName: job.view.fileName, mime: EXPORT_MIME[job.view.format] };
    },
  };
}
