import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DatabaseSync } from 'node:sqlite';
import { afterAll, it } from 'vitest';
import { HistoryQuerySchema, msg, RecordingRequestSchema, TASK_STATES, taskStateText, VENDOR_IDS, type HistoryExportJob, type HistoryQuery } from '@contract';
import { createHistoryService, EXPORT_DOWNLOAD_PREFIX, type HistoryService } from '../../src-main/history';
import { createLogger } from '../../src-main/logging/logger';
import { openDatabase, transaction } from '../../src-main/store/db';
import { intactMarkerOf } from '../../src-main/store/integrity';
import { SecretScrubber } from '../../src-main/store/secret-scrubber';
import { TaskLedger } from '../../src-main/store/task-ledger';
import { percentile, renderTable, report } from './table';

const TASKS = 100_000;
const FILES_PER_TASK = 2;
const EVENTS = 1_000_000;
const ACCOUNTS = 20;
const ROOMS = 5_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);

const dir = mkdtempSync(join(tmpdir(), 'recdeck-history-bench-'));
const file = join(dir, 'recdeck.sqlite');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`\n${renderTable()}\n`);
});

/**
 * 100 000 tasks over a year (3 vendors, 20 accounts, 5 000 rooms, ~6 % failed, ~2 % lost, 50 still
 * recording), two files each and ten timeline events each, written with plain prepared INSERTs in
 * one transaction; the FTS triggers of migration 002 index them as the ledger's writes would.
 */
function generate(db: DatabaseSync): void {
  const request = RecordingRequestSchema.parse({ roomId: 'r', maxIdleSec: 30, maxRecordSec: 7200, streams: ['s1', 's2'] });
  const insertTask = db.prepare(`INSERT INTO tasks (id, vendor, account_id, account_name, room_id, vendor_task_id, start_key, mode, state,
      raw_status, request_json, stream_ids, created_at, started_at, ended_at, updated_at, last_seen_at, finish_reason)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertFile = db.prepare('INSERT INTO task_files (task_id, file_id, status, file_json, updated_at) VALUES (?, ?, ?, ?, ?)');
  const insertEvent = db.prepare('INSERT INTO task_events (task_id, at, source, kind, summary, state, dedupe_key) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const eventsPerTask = EVENTS / TASKS;
  transaction(db, () => {
    for (let i = 0; i < TASKS; i++) {
      const id = `t${i.toString(36).padStart(8, '0')}`;
      const vendor = VENDOR_IDS[i % 3] as string;
      const room = `room-${(i * 7919) % ROOMS}`;
      const created = NOW - Math.floor(((TASKS - i) / TASKS) * 365 * DAY);
      const active = i >= TASKS - 50;
      const state = active ? 'recording' : (TASK_STATES[5 + (i % 17 === 0 ? 1 : i % 53 === 0 ? 2 : 0)] as string);
      const streams = [`user${i % 997}_main`, `user${(i + 1) % 997}_screen`];
      insertTask.run(id, vendor, `acc-${i % ACCOUNTS}`, `Account ${i % ACCOUNTS}`, room, `vt-${i}-${(i * 31) % 100_000}`, `sk-${id}`,
        i % 4 === 0 ? 'mixed' : 'single', state, active ? '1' : '3', JSON.stringify({ ...request, roomId: room }), streams.join(' '),
        created, created + 2000, active ? null : created + 3_600_000, created + 3_600_000, created + 3_600_000, active ? null : 'USER_CALL');
      for (let f = 0; f < FILES_PER_TASK; f++) {
        const fileId = `${room}/${streams[f]}_${created}.mp4`;
        const status = i % 29 === 0 && f === 1 ? 'failed' : 'uploaded';
        insertFile.run(id, fileId, status, JSON.stringify({
          fileId, streamId: streams[f], userId: null, userName: null, format: 'mp4', kind: 'stream', trackType: 'audio+video', status,
          rawStatus: null, url: `https://bucket.cos.ap-shanghai.myqcloud.com/${fileId}`, vendorVideoId: null, sizeBytes: 10_485_760,
          durationMs: 3_600_000, width: 1280, height: 720, beginAt: created, playOffsetMs: 0,
        }), created + 3_600_000);
      }
      for (let e = 0; e < eventsPerTask; e++) {
        insertEvent.run(id, created + e * 1000, e === 0 ? 'operator' : 'poll', 'state-changed', `state poll ${e}`, 'recording', `p${e}`);
      }
    }
  });
}

function timeMix(queries: readonly HistoryQuery[], rounds: number, fn: (query: HistoryQuery) => void): { all: number[]; worst: number } {
  const per = queries.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    queries.forEach((query, i) => {
      const t = performance.now();
      fn(query);
      per[i]?.push(performance.now() - t);
    });
  }
  return { all: per.flat(), worst: Math.max(...per.map((p) => percentile(p, 95))) };
}

const q = (input: Partial<HistoryQuery>): HistoryQuery => HistoryQuerySchema.parse(input);

/**
 * One streamed export of every task, as the browser host makes it: wall time from `history:export`
 * to the done event, the RSS growth over the RSS just before (sampled every 10 ms), and the file.
 */
async function timedExport(history: HistoryService, done: Map<string, (job: HistoryExportJob) => void>, format: 'csv' | 'json') {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const start = performance.now();
  const started = await history.export({ format, query: q({}) });
  const job = await new Promise<HistoryExportJob>((resolve) => done.set(started.id, resolve));
  const ms = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const file = history.takeDownload(history.exportDownload(job.id).url.slice(EXPORT_DOWNLOAD_PREFIX.length));
  return { job, ms, growthMb: (peak - before) / 1_048_576, sizeMb: file ? statSync(file.path).size / 1_048_576 : Number.NaN };
}
const ms = (v: number): string => `${v.toFixed(1)} ms`;
const pct = (samples: number[]): string => `${ms(percentile(samples, 50))} p50 / ${ms(percentile(samples, 95))} p95`;

it('history: 100 000 tasks, 1 000 000 events', async () => {
  // Set RECDECK_HISTORY_BENCH_CACHE=/some/file.sqlite to generate once and reuse the dataset across runs.
  const cache = process.env.RECDECK_HISTORY_BENCH_CACHE;
  if (cache !== undefined && existsSync(cache)) {
    copyFileSync(cache, file);
  } else {
    const genStart = performance.now();
    const seed = openDatabase(file);
    generate(seed);
    seed.close();
    const genMs = performance.now() - genStart;
    const mb = statSync(file).size / 1_048_576;
    report({ figure: 'history dataset generation', value: `${(genMs / 1000).toFixed(1)} s`, target: '—', how: `${TASKS} tasks, ${TASKS * FILES_PER_TASK} files, ${EVENTS} events in one transaction through migrations 001–003; ${mb.toFixed(0)} MB file` });
    if (cache !== undefined) copyFileSync(file, cache);
  }

  // A copied or freshly generated file may have changed outside RecDeck: the first open checks every page.
  rmSync(intactMarkerOf(file), { force: true });
  const checkStart = performance.now();
  openDatabase(file).close();
  report({
    figure: 'history: open with integrity check (100k tasks)',
    value: ms(performance.now() - checkStart),
    target: '—',
    how: 'openDatabase() with PRAGMA quick_check, as after an unclean exit or an outside change; a file RecDeck closed cleanly skips it (next row)',
  });

  const opens: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    openDatabase(file).close();
    opens.push(performance.now() - t);
  }
  report({ figure: 'history: open database (100k tasks)', value: pct(opens), target: '≤ 100 ms', how: '10× openDatabase() + close on the generated file (WAL, foreign keys, schema check; closed cleanly, so no page check)' });

  const db = openDatabase(file);
  const done = new Map<string, (job: HistoryExportJob) => void>();
  const history = createHistoryService({
    db,
    dbFile: file,
    exportsDir: join(dir, 'exports'),
    emitExport: (job) => job.state !== 'running' && done.get(job.id)?.(job),
    log: createLogger(() => undefined),
    now: () => NOW,
  });
  const first = performance.now();
  history.query(q({ states: ['finished'] }));
  report({ figure: 'history: first query after open', value: ms(performance.now() - first), target: '—', how: 'history.query({states:[finished]}), statements not yet prepared' });

  const pageQueries: HistoryQuery[] = [
    q({}),
    q({ states: ['finished'] }),
    q({ vendors: ['zego'], from: NOW - 30 * DAY }),
    q({ accountIds: ['acc-3', 'acc-7'], states: ['failed', 'lost'] }),
    q({ room: 'room-42' }),
    q({ states: ['finished'], sort: 'startedAt', direction: 'asc' }),
    q({ vendors: ['tencent-tiw'], sort: 'roomId' }),
    q({ sort: 'endedAt' }),
    q({ sort: 'accountName', direction: 'asc', offset: 500 }),
    q({ sort: 'updatedAt', states: ['recording'] }),
  ];
  const pages = timeMix(pageQueries, 30, (query) => history.query(query));
  report({ figure: 'history: filtered page + total', value: pct(pages.all), target: '≤ 20 ms p95', how: `history.query() 30× each of ${pageQueries.length} filter/sort mixes (state, vendor+date, account+state, room, 5 sorts, offset 500), 50 rows + exact total; slowest mix p95 ${ms(pages.worst)}` });

  const selective = ['room-4217', 'user123_scr', 'vt-5001-', 'ROOM-99', 'nothing-here', '4217_16'].map((text) => q({ text }));
  const found = timeMix(selective, 30, (query) => history.query(query));
  report({ figure: 'history: text search page + total', value: pct(found.all), target: '≤ 50 ms p95', how: `history.query({text}) 30× each of ${selective.length} terms (room, stream, vendor task id, file name; trigram MATCH); slowest p95 ${ms(found.worst)}` });
  const broad = [q({ text: '.mp4' }), q({ text: 'user' }), q({ text: '42' }), q({ text: 'u' })];
  const wide = timeMix(broad, 10, (query) => history.query(query));
  report({ figure: 'history: text search matching 20–100 % of tasks', value: pct(wide.all), target: '(≤ 50 ms p95)', how: `10× each of '.mp4', 'user' (every task), '42', 'u' (< 3 chars: LIKE scan); slowest p95 ${ms(wide.worst)}` });

  const json = await timedExport(history, done, 'json');
  report({
    figure: 'history: JSON export of 100k tasks: time / peak RSS growth',
    value: `${(json.ms / 1000).toFixed(2)} s / ${json.growthMb.toFixed(0)} MB`,
    target: '≤ 3 s / ≤ 100 MB',
    how: `history:export (json) streamed to the exports folder in ~1 MB chunks through a read-only connection → done: ${json.job.rows} tasks with files and request, ${json.sizeMb.toFixed(0)} MB file; RSS sampled every 10 ms against the RSS just before`,
  });
  const csv = await timedExport(history, done, 'csv');
  report({
    figure: 'history: CSV export of 100k tasks: time / peak RSS growth',
    value: `${(csv.ms / 1000).toFixed(2)} s / ${csv.growthMb.toFixed(0)} MB`,
    target: '≤ 5 s / ≤ 100 MB',
    how: `history:export (csv) the same way: ${csv.job.rows} rows, ${csv.sizeMb.toFixed(0)} MB file`,
  });

  const ledger = new TaskLedger(db, new SecretScrubber());
  const batches = 100;
  const perBatch = 1000;
  const ingestStart = performance.now();
  for (let b = 0; b < batches; b++) {
    transaction(db, () => {
      for (let e = 0; e < perBatch; e++) {
        const task = `t${((b * perBatch + e) % TASKS).toString(36).padStart(8, '0')}`;
        ledger.addEvent(task, { at: NOW + e, source: 'poll', kind: 'state-changed', message: msg('timeline.stateFirst', { to: taskStateText('recording'), vendor: 'ZEGO', raw: '2' }), state: 'recording', raw: { Status: 2 } }, `bench-${b}-${e}`);
      }
    });
  }
  const ingestSec = (performance.now() - ingestStart) / 1000;
  report({ figure: 'history: event ingestion', value: `${Math.round((batches * perBatch) / ingestSec)} events/s`, target: '≥ 20 000 events/s', how: `TaskLedger.addEvent (src-main/store/task-ledger.ts) ×${batches * perBatch}, ${perBatch} per transaction, dedupe key + raw JSON, into the 1M-event table` });

  const retentionStart = performance.now();
  const deleted = await history.retain(30);
  report({ figure: 'history: retention (keep 30 days)', value: `${((performance.now() - retentionStart) / 1000).toFixed(2)} s`, target: '—', how: `history.retain(30): ${deleted.tasks} finished/failed/lost tasks with their files and events (cascade), 500 per transaction` });
  db.close();
});
