import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRetentionSchedule, type RetentionSchedule } from '../../../src-main/history';
import { createSettingsService, type SettingsService } from '../../../src-main/settings';
import { SettingsRepo } from '../../../src-main/store/settings-repo';
import { capturingLogger } from '../support';
import { historyOf, openLedger, seedTask } from './fixtures';

const DAY = 86_400_000;

let ledger: ReturnType<typeof openLedger>;
let settings: SettingsService;
let now: number;
let tick: (() => void) | null;
let intervalMs: number | null;
let schedule: RetentionSchedule | null;
const { log, lines } = capturingLogger();

beforeEach(() => {
  ledger = openLedger();
  settings = createSettingsService({ repo: new SettingsRepo(ledger.db), log });
  now = Date.UTC(2025, 5, 1);
  tick = null;
  intervalMs = null;
  schedule = null;
});
afterEach(() => {
  schedule?.stop();
  ledger.cleanup();
});

function start(): RetentionSchedule {
  schedule = startRetentionSchedule({
    history: historyOf(ledger, () => now),
    settings,
    log,
    every: (fn, ms) => {
      tick = fn;
      intervalMs = ms;
      return () => {
        tick = null;
      };
    },
  });
  return schedule;
}

const remaining = (): number => (ledger.db.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n;
const settle = (): Promise<unknown> => (schedule as RetentionSchedule).runNow();

describe('startRetentionSchedule', () => {
  it('prunes at launch and then once a day', async () => {
    settings.set({ retentionDays: 10 });
    seedTask(ledger.db, { id: 'old', createdAt: now - 11 * DAY });
    seedTask(ledger.db, { id: 'soon-old', createdAt: now - 9 * DAY });
    start();
    await settle();
    expect(remaining()).toBe(1);
    expect(intervalMs).toBe(DAY);
    now += 2 * DAY;
    tick?.();
    await settle();
    expect(remaining()).toBe(0);
    expect(lines.some((l) => l.includes('history.retention'))).toBe(true);
  });

  it('does nothing while retention is off, and prunes as soon as the operator turns it on or shortens it', async () => {
    seedTask(ledger.db, { id: 'a', createdAt: now - 100 * DAY });
    seedTask(ledger.db, { id: 'b', createdAt: now - 20 * DAY });
    start();
    await settle();
    expect(remaining()).toBe(2);
    settings.set({ retentionDays: 50 });
    await settle();
    expect(remaining()).toBe(1);
    settings.set({ retentionDays: 10 });
    await settle();
    expect(remaining()).toBe(0);
  });

  it('stops its timer and its settings subscription', async () => {
    seedTask(ledger.db, { id: 'a', createdAt: now - 100 * DAY });
    start().stop();
    expect(tick).toBeNull();
    settings.set({ retentionDays: 1 });
    await settle();
    expect(remaining()).toBe(1);
  });
});
