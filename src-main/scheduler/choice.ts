import { TRANSITIONAL_TASK_STATES, type TaskState } from '@contract';
import type { SchedulerTuning } from './tuning';
import type { PollTarget } from './types';

/** States a task passes through quickly: poll them as if they had just changed. */
const PASSING_STATES: ReadonlySet<TaskState> = new Set<TaskState>(TRANSITIONAL_TASK_STATES);

/** What the scheduler remembers of one task between its reads. */
export interface TaskMemo {
  lastOkAt: number | null;
  /** When the last read that answered began: only a read begun after a request answers it. */
  lastOkFrom: number | null;
  lastChangeAt: number | null;
  errors: number;
  retryAt: number;
  inFlight: boolean;
}

/** A fresh memo: never read. */
export function newMemo(): TaskMemo {
  return { lastOkAt: null, lastOkFrom: null, lastChangeAt: null, errors: 0, retryAt: 0, inFlight: false };
}

/** The later of the source's last read and the scheduler's own, or null when neither read it. */
function lastSeen(t: PollTarget, m: TaskMemo): number | null {
  if (t.lastSeenAt === null) return m.lastOkAt;
  return m.lastOkAt === null ? t.lastSeenAt : Math.max(t.lastSeenAt, m.lastOkAt);
}

function minInterval(t: PollTarget, m: TaskMemo, now: number, tuning: SchedulerTuning): number {
  const changed = Math.max(t.changedAt, m.lastChangeAt ?? Number.NEGATIVE_INFINITY);
  if (PASSING_STATES.has(t.state)) return tuning.passingIntervalMs;
  return now - changed < tuning.recentChangeMs ? tuning.changedIntervalMs : tuning.stableIntervalMs;
}

/** Rank of a due task: lower goes first. Reads the source asked for come before interval-based ones. */
type Rank = [kind: number, at: number, changedAt: number, id: string];

function before(a: Rank, b: Rank): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number | string) < (b[i] as number | string);
  return false;
}

/**
 * The task to read next on one lane, or when the next one becomes due. Reads the source asked for
 * (`dueAt`) go first, earliest first; then the stalest task whose minimum interval has passed: short
 * right after a change or in a passing state, longer when stable, after any error backoff.
 * `ignoreIntervals` (an offline probe) takes the stalest task of all.
 */
export function chooseTarget(
  list: readonly PollTarget[],
  memo: (id: string) => TaskMemo,
  now: number,
  tuning: SchedulerTuning,
  ignoreIntervals: boolean,
): { target: PollTarget | null; readyAt: number } {
  let best: PollTarget | null = null;
  let bestRank: Rank | null = null;
  let readyAt = Number.POSITIVE_INFINITY;
  for (const t of list) {
    const m = memo(t.id);
    if (m.inFlight) continue;
    const seen = lastSeen(t, m) ?? Number.NEGATIVE_INFINITY;
    let rank: Rank = [1, seen, t.changedAt, t.id];
    if (!ignoreIntervals) {
      if (m.retryAt > now) {
        readyAt = Math.min(readyAt, m.retryAt);
        continue;
      }
      if (t.dueAt !== undefined) {
        if (t.dueAt === null || (m.lastOkFrom !== null && m.lastOkFrom >= t.dueAt)) continue;
        if (t.dueAt > now) {
          readyAt = Math.min(readyAt, t.dueAt);
          continue;
        }
        rank = [0, t.dueAt, t.changedAt, t.id];
      } else {
        const due = seen + minInterval(t, m, now, tuning);
        if (due > now) {
          readyAt = Math.min(readyAt, due);
          continue;
        }
      }
    }
    if (bestRank === null || before(rank, bestRank)) {
      best = t;
      bestRank = rank;
    }
  }
  return { target: best, readyAt };
}
