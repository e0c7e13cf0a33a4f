import { describe, expect, it } from 'vitest';
import { chooseTarget, newMemo, type TaskMemo } from '../../../src-main/scheduler/choice';
import { DEFAULT_TUNING } from '../../../src-main/scheduler/tuning';
import type { PollTarget } from '../../../src-main/scheduler/types';

const NOW = 1_000_000;

function target(id: string, extra: Partial<PollTarget> = {}): PollTarget {
  return { id, accountId: 'acc', laneKey: 'lane', ratePerSecond: 10, state: 'recording', lastSeenAt: NOW - 600_000, changedAt: NOW - 3_600_000, ...extra };
}

function choose(list: PollTarget[], memos: Record<string, Partial<TaskMemo>> = {}) {
  return chooseTarget(list, (id) => ({ ...newMemo(), ...memos[id] }), NOW, DEFAULT_TUNING, false);
}

describe('choosing the next read of a lane', () => {
  it('reads what the source asked for before any stale task, the earliest request first', () => {
    const list = [target('stale', { lastSeenAt: null }), target('asked-late', { dueAt: NOW - 10 }), target('asked-early', { dueAt: NOW - 500 })];
    expect(choose(list).target?.id).toBe('asked-early');
    expect(choose(list.slice(0, 2)).target?.id).toBe('asked-late');
  });

  it('never reads a swept task nobody asked about, and counts only a read begun after the request as its answer', () => {
    const swept = target('swept', { dueAt: null, lastSeenAt: null });
    const answered = target('answered', { dueAt: NOW - 1_000 });
    expect(choose([swept, answered], { answered: { lastOkAt: NOW - 400, lastOkFrom: NOW - 900 } })).toEqual({ target: null, readyAt: Number.POSITIVE_INFINITY });
    expect(choose([answered], { answered: { lastOkAt: NOW - 2_000, lastOkFrom: NOW - 2_100 } }).target?.id).toBe('answered');
    // In flight when the request came: it answered after, but it cannot tell what changed since it was sent.
    expect(choose([answered], { answered: { lastOkAt: NOW - 400, lastOkFrom: NOW - 1_100 } }).target?.id).toBe('answered');
  });

  it('waits for a request in the future and for an error backoff, and says when the first one is due', () => {
    const list = [target('later', { dueAt: NOW + 700 }), target('failing', { dueAt: NOW - 1 }), target('fresh', { lastSeenAt: NOW - 1_000 })];
    expect(choose(list, { failing: { retryAt: NOW + 300 } })).toEqual({ target: null, readyAt: NOW + 300 });
  });

  it('keeps the interval rules for tasks without a request: never-read first, then the stalest due one', () => {
    const list = [target('b', { lastSeenAt: NOW - 20_000 }), target('a', { lastSeenAt: NOW - 30_000 }), target('recent', { lastSeenAt: NOW - 5_000 })];
    expect(choose(list).target?.id).toBe('a');
    expect(choose([...list, target('never', { lastSeenAt: null })]).target?.id).toBe('never');
    expect(choose([list[2] as PollTarget]).readyAt).toBe(NOW - 5_000 + DEFAULT_TUNING.stableIntervalMs);
  });

  it('reads an uploading task every second (its files are due any moment), a recently changed one every 2 s, a stable one every 10 s', () => {
    const lastSeenAt = NOW - 500;
    const readyAt = (extra: Partial<PollTarget>) => choose([target('t', { lastSeenAt, ...extra })]).readyAt - lastSeenAt;
    expect([readyAt({ state: 'uploading' }), readyAt({ changedAt: NOW - 10_000 }), readyAt({})]).toEqual([1_000, 2_000, 10_000]);
  });
});
