import { describe, expect, it } from 'vitest';
import { freshnessLineOf, recCountsOf, recSignalOf, recTimerOf, recTitle } from '../../../../../src-renderer/src/features/monitor/model/rec-signal';
import { summary } from '../fixtures';

const polled = { query: true, listTasks: false, callbacks: true };
const callbacksOnly = { query: false, listTasks: false, callbacks: true };
const running = { now: 20_000, pausedSince: null, receiverOn: false };

describe('recSignalOf', () => {
  it('says REC only when a polled vendor confirmed it within 30 s; amber when stale or never; grey while polling is paused', () => {
    expect([
      recSignalOf(summary({ lastSeenAt: 1000 }), polled, running),
      recSignalOf(summary({ lastSeenAt: 1000 }), polled, { ...running, now: 40_000 }),
      recSignalOf(summary({ lastSeenAt: null }), polled, running),
      recSignalOf(summary({ lastSeenAt: 19_000 }), polled, { ...running, pausedSince: 19_500 }),
      recSignalOf(summary({ state: 'paused', lastSeenAt: 19_000 }), polled, running),
    ]).toEqual(['confirmed', 'unconfirmed', 'unconfirmed', 'held', null]);
  });

  it('never says REC for a callback-only vendor while the receiver is off; one callback confirms while it is on', () => {
    expect([
      recSignalOf(summary({ vendor: 'tencent-trro', lastSeenAt: null }), callbacksOnly, running),
      recSignalOf(summary({ vendor: 'tencent-trro', lastSeenAt: 1000 }), callbacksOnly, running),
      recSignalOf(summary({ vendor: 'tencent-trro', lastSeenAt: null }), callbacksOnly, { ...running, receiverOn: true }),
      recSignalOf(summary({ vendor: 'tencent-trro', lastSeenAt: 1000 }), callbacksOnly, { ...running, now: 900_000, receiverOn: true }),
    ]).toEqual(['unconfirmed', 'unconfirmed', 'unconfirmed', 'confirmed']);
  });
});

describe('recTimerOf', () => {
  it('runs to now, stops when polling paused, and ends at the end', () => {
    const task = summary({ startedAt: 10_000 });
    expect(recTimerOf(task, 'confirmed', { now: 70_000, pausedSince: null })).toBe(60_000);
    expect(recTimerOf(task, 'held', { now: 70_000, pausedSince: 40_000 })).toBe(30_000);
    expect(recTimerOf(task, 'held', { now: 90_000, pausedSince: 40_000 })).toBe(30_000);
    expect(recTimerOf(summary({ startedAt: 10_000, endedAt: 15_000 }), null, { now: 70_000, pausedSince: null })).toBe(5_000);
    expect(recTimerOf(summary({ startedAt: null }), 'unconfirmed', { now: 70_000, pausedSince: null })).toBeNull();
  });
});

describe('recCountsOf and recTitle', () => {
  it('counts confirmed REC and the open tasks to check, over the open tasks only', () => {
    const capsOf = (t: { vendor: string }) => (t.vendor === 'tencent-trro' ? callbacksOnly : polled);
    const tasks = [
      summary({ id: 'a', lastSeenAt: 19_000 }),
      summary({ id: 'b', lastSeenAt: 19_000 }),
      summary({ id: 'c', lastSeenAt: 1000 }),
      summary({ id: 'd', vendor: 'tencent-trro', lastSeenAt: null }),
      summary({ id: 'e', state: 'paused', lastSeenAt: 19_000 }),
      summary({ id: 'f', state: 'finished', lastSeenAt: 1000 }),
    ];
    const counts = recCountsOf(tasks, capsOf, { now: 35_000, pausedSince: null, receiverOn: false });
    expect(counts).toEqual({ rec: 2, warn: 2 });
    expect(recCountsOf(tasks, capsOf, { now: 35_000, pausedSince: 25_000, receiverOn: false })).toEqual({ rec: 0, warn: 5 });
    expect([recTitle(counts, 'RecDeck'), recTitle({ rec: 3, warn: 0 }, 'RecDeck'), recTitle({ rec: 0, warn: 0 }, 'RecDeck')]).toEqual([
      '● 2 REC · 2 ⚠ — RecDeck',
      '● 3 REC — RecDeck',
      'RecDeck',
    ]);
  });
});

describe('freshnessLineOf', () => {
  it('reads a polled task by its last read, a callback-only one by its last callback', () => {
    expect([
      freshnessLineOf(summary({ lastSeenAt: 15_000 }), polled, running),
      freshnessLineOf(summary({ lastSeenAt: 15_000 }), polled, { ...running, pausedSince: 18_000 }),
      freshnessLineOf(summary({ vendor: 'tencent-trro', lastSeenAt: null }), callbacksOnly, running),
      freshnessLineOf(summary({ vendor: 'tencent-trro', lastSeenAt: 1_000 }), callbacksOnly, { ...running, now: 200_000, receiverOn: true }),
    ]).toEqual([
      { freshness: 'fresh', key: 'lastSeen', age: '5 s' },
      { freshness: 'stale', key: 'offline', age: '5 s' },
      { freshness: 'unknown', key: 'noCallback', age: '' },
      { freshness: 'fresh', key: 'lastCallback', age: '3 min' },
    ]);
  });
});
