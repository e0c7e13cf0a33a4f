import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { HISTORY_SORT_FIELDS, TaskSummarySchema, type HistoryQuery } from '@contract';
import type { HistoryService } from '../../../src-main/history';
import { escapeLike, ftsPhrase, queryHistory } from '../../../src-main/store/history-query';
import { StatementCache } from '../../../src-main/store/statements';
import { historyOf, hq, openLedger, seedTask, T0 } from '../history/fixtures';

const H = 3_600_000;

let ledger: ReturnType<typeof openLedger>;
let db: DatabaseSync;
let history: HistoryService;

beforeEach(() => {
  ledger = openLedger();
  db = ledger.db;
  history = historyOf(ledger, () => T0 + 100 * H);
  seedTask(db, { id: 'a1', vendor: 'zego', accountId: 'acc-z', accountName: 'Zed', roomId: 'lobby', vendorTaskId: 'ZTASK-0001', state: 'finished', createdAt: T0, streamIds: ['alice_cam'], files: [{ fileId: 'lobby/alice_cam.mp4', status: 'uploaded' }, { fileId: 'lobby/x.mp4', status: 'backup' }] });
  seedTask(db, { id: 'a2', vendor: 'zego', accountId: 'acc-z', accountName: 'Zed', roomId: '课堂-三年级', vendorTaskId: 'ZTASK-0002', state: 'recording', createdAt: T0 + 1 * H, endedAt: null, streamIds: ['bob_screen'], request: { maxIdleSec: 30, maxRecordSec: 7200 } });
  seedTask(db, { id: 'b1', vendor: 'tencent-tiw', accountId: 'acc-t', accountName: 'Alpha', roomId: '1234', vendorTaskId: 'tiw-9f8e', state: 'failed', createdAt: T0 + 2 * H, startedAt: null, error: { code: 'VENDOR_AUTH', message: 'bad key' }, files: [{ fileId: 'rec_final_%_1.mp4', status: 'failed' }] });
  seedTask(db, { id: 'c1', vendor: 'tencent-trro', accountId: null, accountName: 'Deleted acct', roomId: 'device-7', vendorTaskId: null, state: 'lost', forgotten: true, createdAt: T0 + 3 * H, streamIds: ['cam_front'] });
  seedTask(db, { id: 'a3', vendor: 'zego', accountId: 'acc-z2', accountName: 'beta', roomId: 'lobby', vendorTaskId: 'ZTASK-0003', state: 'finished', createdAt: T0 + 4 * H, mode: 'mixed' });
});

afterEach(() => ledger.cleanup());

const ids = (query = hq()): string[] => history.query(query).rows.map((r) => r.id);

describe('history.query', () => {
  it('maps ledger rows to the contract summary with file counts, error, forgotten and request limits', () => {
    const page = history.query(hq({ sort: 'createdAt', direction: 'asc' }));
    expect(page.total).toBe(5);
    for (const row of page.rows) TaskSummarySchema.parse(row);
    const byId = Object.fromEntries(page.rows.map((r) => [r.id, r]));
    expect(byId.a1).toMatchObject({ fileCount: 2, filesUploaded: 2, filesFailed: 0, forgotten: false, error: null, maxIdleSec: null });
    expect(byId.a2).toMatchObject({ fileCount: 0, state: 'recording', maxIdleSec: 30, maxRecordSec: 7200, endedAt: null });
    expect(byId.b1).toMatchObject({ fileCount: 1, filesUploaded: 0, filesFailed: 1, error: { code: 'VENDOR_AUTH', message: 'bad key' }, startedAt: null });
    expect(byId.c1).toMatchObject({ forgotten: true, accountId: null, accountName: 'Deleted acct', vendorTaskId: null });
    expect(byId.a3?.mode).toBe('mixed');
  });

  it('filters by vendor, account, room, state and date range, each alone', () => {
    expect(ids(hq({ vendors: ['zego'] })).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(ids(hq({ vendors: ['tencent-tiw', 'tencent-trro'] })).sort()).toEqual(['b1', 'c1']);
    expect(ids(hq({ accountIds: ['acc-z'] })).sort()).toEqual(['a1', 'a2']);
    expect(ids(hq({ room: 'lobby' })).sort()).toEqual(['a1', 'a3']);
    expect(ids(hq({ room: 'lob' }))).toEqual([]);
    expect(ids(hq({ states: ['failed', 'lost'] })).sort()).toEqual(['b1', 'c1']);
    expect(ids(hq({ from: T0 + 1 * H, to: T0 + 3 * H })).sort()).toEqual(['a2', 'b1', 'c1']);
    expect(ids(hq({ from: T0 + 3 * H })).sort()).toEqual(['a3', 'c1']);
    expect(ids(hq({ to: T0 })).sort()).toEqual(['a1']);
  });

  it('combines filters with AND and counts the same set', () => {
    const page = history.query(hq({ vendors: ['zego'], states: ['finished'], room: 'lobby', from: T0 + 1, accountIds: ['acc-z', 'acc-z2'] }));
    expect(page.rows.map((r) => r.id)).toEqual(['a3']);
    expect(page.total).toBe(1);
    expect(history.query(hq({ vendors: ['zego'], states: ['lost'] }))).toEqual({ rows: [], total: 0 });
  });

  it('finds text in room, task ids, vendor task id, stream ids and file names, ignoring case', () => {
    expect(ids(hq({ text: 'OBB' })).sort()).toEqual(['a1', 'a3']);
    expect(ids(hq({ text: 'ztask-0002' }))).toEqual(['a2']);
    expect(ids(hq({ text: 'tiw-9f' }))).toEqual(['b1']);
    expect(ids(hq({ text: 'bob_scr' }))).toEqual(['a2']);
    expect(ids(hq({ text: 'alice_cam.mp4' }))).toEqual(['a1']);
    expect(ids(hq({ text: '三年级' }))).toEqual(['a2']);
    expect(ids(hq({ text: 'cam' })).sort()).toEqual(['a1', 'c1']);
    expect(ids(hq({ text: '  1234  ' }))).toEqual(['b1']);
    expect(ids(hq({ text: 'nowhere' }))).toEqual([]);
  });

  it('finds text shorter than three characters by substring as well', () => {
    expect(ids(hq({ text: 'a3' }))).toEqual(['a3']);
    expect(ids(hq({ text: '-7' }))).toEqual(['c1']);
    expect(ids(hq({ text: '课堂' }))).toEqual(['a2']);
    expect(ids(hq({ text: 'zz' }))).toEqual([]);
  });

  it('treats search text as literal, never as FTS syntax or LIKE wildcards', () => {
    expect(ids(hq({ text: '"lobby' })).sort()).toEqual([]);
    expect(ids(hq({ text: 'lobby OR 1234' }))).toEqual([]);
    expect(ids(hq({ text: 'cam*' }))).toEqual([]);
    expect(ids(hq({ text: '_%_' }))).toEqual(['b1']);
    expect(ids(hq({ text: '%' }))).toEqual(['b1']);
    expect(ids(hq({ text: '_' })).sort()).toEqual(['a1', 'a2', 'b1', 'c1']);
    expect(ftsPhrase('a "b" c')).toBe('"a ""b"" c"');
    expect(escapeLike('50%_\\')).toBe('50\\%\\_\\\\');
  });

  it('sees file names added after the task was written', () => {
    db.prepare("INSERT INTO task_files (task_id, file_id, status, file_json, updated_at) VALUES ('c1', 'front-late.flv', 'uploading', '{}', 0)").run();
    expect(ids(hq({ text: 'late.flv' }))).toEqual(['c1']);
  });

  it('combines text with filters', () => {
    expect(ids(hq({ text: 'lobby', states: ['finished'], vendors: ['zego'], from: T0 + 1 }))).toEqual(['a3']);
  });

  it('sorts by each column both ways with a stable tie-break', () => {
    expect(ids(hq())).toEqual(['a3', 'c1', 'b1', 'a2', 'a1']);
    expect(ids(hq({ direction: 'asc' }))).toEqual(['a1', 'a2', 'b1', 'c1', 'a3']);
    expect(ids(hq({ sort: 'roomId', direction: 'asc' }))).toEqual(['b1', 'c1', 'a1', 'a3', 'a2']);
    expect(ids(hq({ sort: 'roomId', direction: 'desc' }))).toEqual(['a2', 'a3', 'a1', 'c1', 'b1']);
    expect(ids(hq({ sort: 'accountName', direction: 'asc' }))).toEqual(['b1', 'a3', 'c1', 'a1', 'a2']);
    expect(ids(hq({ sort: 'state', direction: 'asc' }))).toEqual(['b1', 'a1', 'a3', 'c1', 'a2']);
    expect(ids(hq({ sort: 'vendor', direction: 'desc' }))).toEqual(['a3', 'a2', 'a1', 'c1', 'b1']);
    expect(ids(hq({ sort: 'startedAt', direction: 'asc' }))[0]).toBe('b1');
    expect(ids(hq({ sort: 'endedAt', direction: 'desc' })).at(-1)).toBe('a2');
    expect(ids(hq({ sort: 'updatedAt', direction: 'desc' }))).toEqual(['a3', 'c1', 'b1', 'a2', 'a1']);
  });

  it('paginates with offset and limit without overlap, and reports the full total', () => {
    for (let i = 0; i < 30; i++) seedTask(db, { id: `p${String(i).padStart(2, '0')}`, roomId: 'same-room', createdAt: T0 + 10 * H });
    const seen: string[] = [];
    for (let offset = 0; offset < 40; offset += 7) {
      const page = history.query(hq({ room: 'same-room', sort: 'createdAt', offset, limit: 7 }));
      expect(page.total).toBe(30);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(history.query(hq({ room: 'same-room', offset: 30 }))).toEqual({ rows: [], total: 30 });
  });

  it('has an index that yields every sort in order and counts every filter mix without reading rows', () => {
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' / ');
    const sorts = [
      ['tasks_created', 'created_at'],
      ['tasks_started', 'started_at'],
      ['tasks_ended', 'ended_at'],
      ['tasks_updated', 'updated_at'],
      ['tasks_room', 'room_id'],
      ['tasks_account_name', 'account_name COLLATE NOCASE'],
      ['tasks_state', 'state'],
      ['tasks_vendor', 'vendor'],
    ] as const;
    for (const [index, column] of sorts) {
      const keys = column === 'created_at' ? 'created_at DESC, rowid DESC' : `${column} DESC, created_at DESC, rowid DESC`;
      expect(plan(`SELECT rowid FROM tasks INDEXED BY ${index} ORDER BY ${keys} LIMIT 50`), index).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
    const count = plan("SELECT count(*) FROM tasks WHERE vendor IN ('zego') AND state IN ('finished', 'failed') AND account_id IN ('a') AND created_at >= 0");
    expect(count).toMatch(/COVERING INDEX/);
  });
});

describe('queryHistory page plans', () => {
  it('reads the same page whether it walks the sort index or sorts the matches', () => {
    const rooms = ['lobby', 'Élan-room', 'élan-ROOM', '课堂', 'r_1', 'r%2'];
    for (let i = 0; i < 60; i++) {
      seedTask(db, {
        id: `g${i}`,
        vendor: (['zego', 'tencent-tiw', 'tencent-trro'] as const)[i % 3],
        accountId: `acc-${i % 4}`,
        accountName: ['b', 'A', 'c', 'D'][i % 4] as string,
        roomId: rooms[i % rooms.length] as string,
        state: (['finished', 'failed', 'recording', 'lost'] as const)[i % 4],
        createdAt: T0 + (i % 7) * H,
        startedAt: i % 5 === 0 ? null : T0 + i * 1000,
        streamIds: [`s${i % 9}`],
      });
    }
    const cache = new StatementCache(db);
    fc.assert(
      fc.property(
        fc.record({
          vendors: fc.subarray(['zego', 'tencent-tiw', 'tencent-trro'] as const),
          states: fc.subarray(['finished', 'failed', 'recording', 'lost'] as const),
          accountIds: fc.subarray(['acc-0', 'acc-1', 'acc-z']),
          text: fc.constantFrom(null, 'lan', 'ÉLAN', 'élan', 'r_', '%', '课', 's1', 'room', 'zz'),
          from: fc.constantFrom(null, T0 + 2 * H),
          sort: fc.constantFrom(...HISTORY_SORT_FIELDS),
          direction: fc.constantFrom('asc', 'desc'),
          offset: fc.integer({ min: 0, max: 30 }),
          limit: fc.integer({ min: 1, max: 20 }),
        }),
        (input) => {
          const query = hq(input as Partial<HistoryQuery>);
          expect(queryHistory(cache, query, Number.POSITIVE_INFINITY)).toEqual(queryHistory(cache, query, 0));
        },
      ),
      { numRuns: 300 },
    );
  });
});
