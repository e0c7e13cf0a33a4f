import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, createHistoryService, type HistoryService } from '../../../src-main/history';
import { TaskSummarySchema, RecordingFileSchema, RecordingRequestSchema } from '@contract';
import { hq, openLedger, seedTask, T0 } from './fixtures';

let ledger: ReturnType<typeof openLedger>;
let history: HistoryService;

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
  history = createHistoryService({ db: ledger.db, now: () => Date.UTC(2025, 1, 3, 4, 5, 6) });
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
  it('writes a BOM, a header and one RFC 4180 row per task that round-trips commas, quotes, newlines and Chinese', () => {
    const out = history.export({ format: 'csv', query: hq({ direction: 'asc' }) });
    expect(out).toMatchObject({ fileName: 'recdeck-history-20250203-040506.csv', mime: 'text/csv;charset=utf-8', rows: 3 });
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

  it('exports only what matches the query, ignoring offset and limit', () => {
    const out = history.export({ format: 'csv', query: hq({ vendors: ['zego'], offset: 1, limit: 1 }) });
    expect(out.rows).toBe(2);
    expect(parseCsv(out.content.slice(1)).map((r) => r[0])).toEqual(['task_id', 'x2', 'x1']);
  });
});

describe('history.export json', () => {
  it('writes every matching task with its summary, request and files', () => {
    const out = history.export({ format: 'json', query: hq({ text: '课堂' }) });
    expect(out).toMatchObject({ fileName: 'recdeck-history-20250203-040506.json', mime: 'application/json', rows: 1 });
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

  it('writes a valid document when nothing matches', () => {
    const out = history.export({ format: 'json', query: hq({ room: 'none' }) });
    expect(out.rows).toBe(0);
    expect((JSON.parse(out.content) as { tasks: unknown[] }).tasks).toEqual([]);
  });
});
