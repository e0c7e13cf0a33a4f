import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { HistoryQuerySchema, RecordingRequestSchema, type HistoryExportJob, type HistoryQuery, type RecordingFile } from '@contract';
import { createHistoryService, type HistoryService, type HistoryServiceDeps } from '../../../src-main/history';
import { openDatabase } from '../../../src-main/store/db';
import { capturingLogger, tempDir } from '../support';

/** A task row as the ledger writes it; unspecified columns get plausible values. */
export interface TaskSeed {
  id: string;
  vendor?: string;
  accountId?: string | null;
  accountName?: string;
  roomId?: string;
  vendorTaskId?: string | null;
  mode?: 'single' | 'mixed';
  state?: string;
  rawStatus?: string;
  request?: Record<string, unknown>;
  storageTargetId?: string | null;
  streamIds?: string[];
  createdAt?: number;
  startedAt?: number | null;
  endedAt?: number | null;
  updatedAt?: number;
  forgotten?: boolean;
  finishReason?: string | null;
  error?: unknown;
  files?: Array<Partial<RecordingFile> & { fileId: string }>;
}

export const T0 = Date.UTC(2025, 0, 10, 8, 0, 0);

/** A ledger database in a temp dir, migrated by the real migrations. */
export function openLedger(): { db: DatabaseSync; file: string; dir: string; cleanup: () => void } {
  const tmp = tempDir('recdeck-history-');
  const file = join(tmp.dir, 'recdeck.sqlite');
  const db = openDatabase(file);
  return {
    db,
    file,
    dir: tmp.dir,
    cleanup: () => {
      if (db.isOpen) db.close();
      tmp.cleanup();
    },
  };
}

/** The history service over a ledger, its exports in the ledger's temp dir; `exports` records every export change it announced. */
export function historyOf(
  ledger: { db: DatabaseSync; file: string; dir: string },
  now: () => number,
  extra: Partial<HistoryServiceDeps> = {},
): HistoryService & { exports: HistoryExportJob[] } {
  const exports: HistoryExportJob[] = [];
  const service = createHistoryService({
    db: ledger.db,
    dbFile: ledger.file,
    exportsDir: join(ledger.dir, 'exports'),
    emitExport: (job) => exports.push(job),
    log: capturingLogger().log,
    now,
    ...extra,
  });
  return Object.assign(service, { exports });
}

/** Waits until the export `id` stopped running, and answers how it ended. */
export async function finished(history: { exports: HistoryExportJob[] }, id: string): Promise<HistoryExportJob> {
  for (let i = 0; i < 500; i++) {
    const last = history.exports.filter((j) => j.id === id).at(-1);
    if (last && last.state !== 'running') return last;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`export ${id} did not finish`);
}

/** Inserts a task, its files and one event with plain SQL, the way the ledger writes them. */
export function seedTask(db: DatabaseSync, seed: TaskSeed): void {
  const roomId = seed.roomId ?? 'room-1';
  const request = RecordingRequestSchema.parse({ roomId, ...(seed.request ?? {}) });
  const createdAt = seed.createdAt ?? T0;
  db.prepare(`INSERT INTO tasks (id, vendor, account_id, account_name, room_id, vendor_task_id, start_key, mode, state, raw_status,
      request_json, storage_target_id, stream_ids, created_at, started_at, ended_at, updated_at, forgotten, finish_reason, error_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    seed.id,
    seed.vendor ?? 'zego',
    seed.accountId === undefined ? 'acc-1' : seed.accountId,
    seed.accountName ?? 'Account 1',
    roomId,
    seed.vendorTaskId === undefined ? `vt-${seed.id}` : seed.vendorTaskId,
    `start-${seed.id}`,
    seed.mode ?? 'single',
    seed.state ?? 'finished',
    seed.rawStatus ?? '3',
    JSON.stringify(request),
    seed.storageTargetId ?? null,
    (seed.streamIds ?? []).join(' '),
    createdAt,
    seed.startedAt === undefined ? createdAt + 1000 : seed.startedAt,
    seed.endedAt === undefined ? createdAt + 61_000 : seed.endedAt,
    seed.updatedAt ?? createdAt + 61_000,
    seed.forgotten === true ? 1 : 0,
    seed.finishReason ?? null,
    seed.error === undefined ? null : JSON.stringify(seed.error),
  );
  for (const f of seed.files ?? []) {
    const file: RecordingFile = {
      streamId: null, userId: null, userName: null, format: 'mp4', kind: 'stream', trackType: 'audio+video', status: 'uploaded',
      rawStatus: null, url: null, vendorVideoId: null, sizeBytes: null, durationMs: null, width: null, height: null, beginAt: null,
      playOffsetMs: null, ...f,
    };
    db.prepare('INSERT INTO task_files (task_id, file_id, status, file_json, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      seed.id, file.fileId, file.status, JSON.stringify(file), createdAt,
    );
  }
  db.prepare("INSERT INTO task_events (task_id, at, source, kind, summary, state) VALUES (?, ?, 'operator', 'action', 'start', 'starting')").run(seed.id, createdAt);
}

/** A history query with the contract's defaults filled in. */
export function hq(input: Partial<HistoryQuery> = {}): HistoryQuery {
  return HistoryQuerySchema.parse(input);
}
