import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaskSummarySchema, RecordingFileSchema, RecordingRequestSchema, type HistoryQuery } from '@contract';
import { CSV_COLUMNS, EXPORT_DOWNLOAD_PREFIX } from '../../../src-main/history';
import { finished, historyOf, hq, openLedger, seedTask, T0 } from './fixtures';

let ledger: ReturnType<typeof openLedger>;
let history: ReturnType<typeof historyOf>;
const NOW = Date.UTC(2025, 1, 3, 4, 5, 6);

/** Exports through the browser host's path: start, wait, take the file by its one-time ticket. */
async function exported(format: 'csv' | 'json', query: HistoryQuery) {
  const job = await finished(history, (await history.export({ format, query })).id);
  const file = history.takeDownload(history.exportDownload(job.id).url.slice(EXPORT_DOWNLOAD_PREFIX.length));
  return { job, file, content: readFileSync(file!.path, 'utf8') };
}

/** A minimal RFC 4180 reader, so the test checks what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

beforeEach(() => {
  ledger = openLedger();
  history = historyOf(ledger, () => NOW);
  seedTask(ledger.db, {
    id: 'x1',
    roomId: '课堂, "三年级"\n二班',
    accountName: 'Ops, Shanghai',
    createdAt: T0,
    startedAt: T0 + 1000,
    endedAt: T0 + 61_000,
    streamIds: ['s1', 's2'],
    finishReason: 'USER_CALL',
    files: [
      { fileId: 'f1.mp4', status: 'uploaded', url: 'https://b.example/f1.mp4', streamId: 's1' },
      { fileId: 'f2.mp4', status: 'failed', streamId: 's2' },
    ],
  });
  seedTask(ledger.db, { id: 'x2', roomId: '=cmd|calc', state: 'failed', createdAt: T0 + 5000, error: { code: 'VENDOR_AUTH', message: 'signature, "bad"' } });
  seedTask(ledger.db, { id: 'x3', vendor: 'tencent-tiw', roomId: '999', state: 'recording', createdAt: T0 + 9000, endedAt: null });
});

afterEach(() => ledger.cleanup());

describe('history.export csv', () => {
  it('writes a BOM, a header and one RFC 4180 row per task that round-trips commas, quotes, newlines and Chinese', async () => {
    const out = await exported('csv', hq({ direction: 'asc' }));
    expect(out.job).toMatchObject({ fileName: 'recdeck-history-20250203-040506.csv', state: 'done', rows: 3, total: 3, savedTo: null, error: null });
    expect(out.file).toMatchObject({ fileName: 'recdeck-history-20250203-040506.csv', mime: 'text/csv; charset=utf-8' });
    // In the data folder, private to the user like the database.
    expect([statSync(join(ledger.dir, 'exports')).mode & 0o777, statSync(out.file!.path).mode & 0o777]).toEqual([0o700, 0o600]);
    expect(out.content.startsWith('\uFEFF')).toBe(true);
    const [head, ...rows] = parseCsv(out.content.slice(1));
    expect(head).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    const record = (r: string[] | undefined): Record<string, string> => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r?.[i] ?? '']));
    const x1 = record(rows[0]);
    expect(x1).toMatchObject({
      task_id: 'x1',
      room_id: '课堂, "三年级"\n二班',
      account: 'Ops, Shanghai',
      created_at_utc: '2025-01-10 08:00:00',
      started_at_utc: '2025-01-10 08:00:01',
      ended_at_utc: '2025-01-10 08:01:01',
      duration_s: '60',
      finish_reason: 'USER_CALL',
      forgotten: 'no',
      stream_ids: 's1 s2',
      file_count: '2',
      files_uploaded: '1',
      files_failed: '1',
      files: 'uploaded https://b.example/f1.mp4 | failed f2.mp4',
    });
    const x2 = record(rows[1]);
    expect(x2).toMatchObject({ task_id: 'x2', room_id: "'=cmd|calc", state: 'failed', error_code: 'VENDOR_AUTH', error_message: 'signature, "bad"', file_count: '0', files: '' });
    expect(record(rows[2])).toMatchObject({ task_id: 'x3', state: 'recording', ended_at_utc: '', duration_s: '' });
  });

  it('exports only what matches the query, ignoring offset and limit', async () => {
    const out = await exported('csv', hq({ vendors: ['zego'], offset: 1, limit: 1 }));
    expect(out.job.rows).toBe(2);
    expect(parseCsv(out.content.slice(1)).map((r) => r[0])).toEqual(['task_id', 'x2', 'x1']);
  });
});

describe('history.export json', () => {
  it('writes every matching task with its summary, request and files', async () => {
    const out = await exported('json', hq({ text: '课堂' }));
    expect(out.job).toMatchObject({ fileName: 'recdeck-history-20250203-040506.json', rows: 1 });
    expect(out.file?.mime).toBe('application/json; charset=utf-8');
    const doc = JSON.parse(out.content) as { format: string; version: number; exportedAt: string; query: Record<string, unknown>; tasks: Array<Record<string, unknown>> };
    expect(doc).toMatchObject({ format: 'recdeck-history', version: 1, exportedAt: '2025-02-03T04:05:06.000Z', query: { text: '课堂' } });
    expect(doc.query).not.toHaveProperty('offset');
    const [task] = doc.tasks;
    expect(Object.keys(task ?? {}).sort()).toEqual(
      [...Object.keys(TaskSummarySchema.shape), 'storageTargetId', 'presetId', 'request', 'extra', 'files'].sort(),
    );
    expect(task).toMatchObject({ id: 'x1', roomId: '课堂, "三年级"\n二班', fileCount: 2, filesUploaded: 1, storageTargetId: null, presetId: null, extra: {} });
    TaskSummarySchema.parse(task);
    expect(RecordingRequestSchema.parse(task?.request).roomId).toBe('课堂, "三年级"\n二班');
    const files = RecordingFileSchema.array().parse(task?.files);
    expect(files.map((f) => [f.fileId, f.status, f.url])).toEqual([
      ['f1.mp4', 'uploaded', 'https://b.example/f1.mp4'],
      ['f2.mp4', 'failed', null],
    ]);
  });

  it('writes a valid document when nothing matches', async () => {
    const out = await exported('json', hq({ room: 'none' }));
    expect(out.job.rows).toBe(0);
    expect((JSON.parse(out.content) as { tasks: unknown[] }).tasks).toEqual([]);
  });
});

describe('streamed exports', () => {
  function seedMany(n: number): void {
    for (let i = 0; i < n; i++) seedTask(ledger.db, { id: `bulk-${i}`, roomId: `bulk-room-${i}`, createdAt: T0 + 10_000 + i, files: [{ fileId: `bulk-${i}.mp4`, url: `https://b.example/${'x'.repeat(400)}/${i}.mp4` }] });
  }

  it('writes a large export in chunks, reporting progress, from one snapshot while the app keeps writing', async () => {
    seedMany(3_000);
    const started = await history.export({ format: 'json', query: hq({}) });
    expect(started).toMatchObject({ state: 'running', total: 3_003 });
    seedTask(ledger.db, { id: 'late', createdAt: T0 + 99_999 });
    const job = await finished(history, started.id);
    expect(job).toMatchObject({ state: 'done', rows: 3_003, total: 3_003 });
    const progress = history.exports.filter((j) => j.id === started.id && j.state === 'running').map((j) => j.rows);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const { url } = history.exportDownload(job.id);
    const doc = JSON.parse(readFileSync(history.takeDownload(url.slice(EXPORT_DOWNLOAD_PREFIX.length))!.path, 'utf8')) as { tasks: Array<{ id: string }> };
    expect([doc.tasks.length, doc.tasks.some((t) => t.id === 'late')]).toEqual([3_003, false]);
  });

  it('stops on cancel and leaves no partial file behind', async () => {
    seedMany(3_000);
    const started = await history.export({ format: 'csv', query: hq({}) });
    expect(history.cancelExport(started.id).id).toBe(started.id);
    expect(await finished(history, started.id)).toMatchObject({ state: 'canceled', error: null });
    expect(readdirSync(join(ledger.dir, 'exports'))).toEqual([]);
    expect(() => history.exportDownload(started.id)).toThrow(/not available/);
  });

  it('hands a finished export to the browser host once per ticket, and only for 5 minutes', async () => {
    let now = NOW;
    history = historyOf(ledger, () => now);
    const job = await finished(history, (await history.export({ format: 'csv', query: hq({}) })).id);
    const ticket = (): string => history.exportDownload(job.id).url.slice(EXPORT_DOWNLOAD_PREFIX.length);
    const first = ticket();
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(history.takeDownload(first)?.fileName).toBe('recdeck-history-20250203-040506.csv');
    expect(history.takeDownload(first)).toBeNull();
    const late = ticket();
    now += 5 * 60_000;
    expect(history.takeDownload(late)).toBeNull();
    expect(history.takeDownload('not-a-ticket')).toBeNull();
  });

  it('saves where the operator chose in the Electron app, and does nothing when they close the dialog', async () => {
    const target = join(ledger.dir, 'chosen.csv');
    history = historyOf(ledger, () => NOW, { chooseExportPath: async () => target });
    const job = await finished(history, (await history.export({ format: 'csv', query: hq({}) })).id);
    expect(job).toMatchObject({ state: 'done', savedTo: target, rows: 3 });
    expect(readFileSync(target, 'utf8').startsWith('\uFEFFtask_id,')).toBe(true);
    expect(existsSync(`${target}.part`)).toBe(false);
    expect(() => history.exportDownload(job.id)).toThrow(/not available/);
    history = historyOf(ledger, () => NOW, { chooseExportPath: async () => null });
    expect(await history.export({ format: 'json', query: hq({}) })).toMatchObject({ state: 'canceled', rows: 0 });
  });
});
