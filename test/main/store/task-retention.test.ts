import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TASK_STATES } from '@contract';
import { pruneHistory, retentionCutoff } from '../../../src-main/store/task-retention';
import { historyOf, openLedger, seedTask } from '../history/fixtures';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);

let ledger: ReturnType<typeof openLedger>;

beforeEach(() => {
  ledger = openLedger();
});
afterEach(() => ledger.cleanup());

const count = (sql: string): number => (ledger.db.prepare(sql).get() as { n: number }).n;
const taskIds = (): string[] => (ledger.db.prepare('SELECT id FROM tasks ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);

describe('retention', () => {
  it('deletes old finished, failed and lost tasks with their files, events, exchanges and search rows', async () => {
    for (const state of ['finished', 'failed', 'lost']) {
      seedTask(ledger.db, { id: `old-${state}`, state, roomId: `gone-${state}`, createdAt: NOW - 31 * DAY, files: [{ fileId: `${state}.mp4` }] });
    }
    seedTask(ledger.db, { id: 'young', createdAt: NOW - 29 * DAY, files: [{ fileId: 'young.mp4' }] });
    ledger.db.prepare("INSERT INTO exchanges (task_id, at, vendor, action, request_json, duration_ms) VALUES ('old-failed', ?, 'zego', 'start', '{}', 5)").run(NOW - 31 * DAY);
    ledger.db.prepare("INSERT INTO exchanges (task_id, at, vendor, action, request_json, duration_ms) VALUES (NULL, ?, 'zego', 'ping', '{}', 5)").run(NOW - 31 * DAY);
    ledger.db.prepare("INSERT INTO exchanges (task_id, at, vendor, action, request_json, duration_ms) VALUES (NULL, ?, 'zego', 'ping', '{}', 5)").run(NOW - DAY);

    const result = await historyOf(ledger, () => NOW).retain(30);

    expect(result).toEqual({ tasks: 3, exchanges: 1 });
    expect(taskIds()).toEqual(['young']);
    expect(count('SELECT count(*) AS n FROM task_files')).toBe(1);
    expect(count('SELECT count(*) AS n FROM task_events')).toBe(1);
    expect(count('SELECT count(*) AS n FROM exchanges')).toBe(1);
    expect(count("SELECT count(*) AS n FROM task_search WHERE task_search MATCH '\"gone-\"'")).toBe(0);
    expect(count('SELECT count(*) AS n FROM task_search')).toBe(1);
  });

  it('never deletes a task that is not finished, failed or lost, however old or forgotten', async () => {
    const active = TASK_STATES.filter((s) => !['finished', 'failed', 'lost'].includes(s));
    for (const state of active) seedTask(ledger.db, { id: `a-${state}`, state, createdAt: NOW - 3000 * DAY, forgotten: true, endedAt: null });
    seedTask(ledger.db, { id: 'z-old', createdAt: NOW - 3000 * DAY });

    const result = await pruneHistory(ledger.db, retentionCutoff(1, NOW));

    expect(result.tasks).toBe(1);
    expect(taskIds()).toEqual(active.map((s) => `a-${s}`).sort());
  });

  it('works through more tasks than one batch', async () => {
    for (let i = 0; i < 1203; i++) seedTask(ledger.db, { id: `t${i}`, createdAt: NOW - 400 * DAY + i });
    seedTask(ledger.db, { id: 'keep', createdAt: NOW });
    expect((await pruneHistory(ledger.db, retentionCutoff(365, NOW))).tasks).toBe(1203);
    expect(taskIds()).toEqual(['keep']);
  });

  it('keeps a task created exactly at the cut-off', async () => {
    seedTask(ledger.db, { id: 'edge', createdAt: NOW - 7 * DAY });
    expect((await pruneHistory(ledger.db, retentionCutoff(7, NOW))).tasks).toBe(0);
  });
});
