import type { AccountHealth, SchedulerStatus } from '@contract';
import type { PollOutcome, PollTarget, SweepTarget } from './types';

/** Reads in a row answered with an error before an account counts as failing. */
const FAILING_AFTER = 3;

/** What the scheduler knows of one account between its reads. */
export interface AccountMemo {
  /** When its vendor stopped answering; null while it answers. */
  downSince: number | null;
  lastOkAt: number | null;
  /** Reads in a row that the vendor answered with an error, and when the first of them did. */
  errors: number;
  erringSince: number | null;
  throttledAt: number | null;
  /** Wait before the next probe while it is down; doubles per failed probe. */
  probeDelay: number;
  probing: boolean;
  cancelProbe: (() => void) | null;
}

/** A fresh memo of an account nothing was read from yet. */
export function newAccountMemo(probeBaseMs: number): AccountMemo {
  return { downSince: null, lastOkAt: null, errors: 0, erringSince: null, throttledAt: null, probeDelay: probeBaseMs, probing: false, cancelProbe: null };
}

/** Records what an answered read of the account found (`unreachable` is no answer: the scheduler pauses the account). */
export function noteAnswer(m: AccountMemo, outcome: PollOutcome, now: number): void {
  if (outcome === 'unreachable') return;
  if (outcome === 'error' || outcome === 'rate-limited') {
    m.errors += 1;
    m.erringSince ??= now;
    if (outcome === 'rate-limited') m.throttledAt = now;
    return;
  }
  m.lastOkAt = now;
  m.errors = 0;
  m.erringSince = null;
}

/** The account's health as `scheduler:status` reports it. */
function healthOf(accountId: string, m: AccountMemo, load: number, tasks: number): AccountHealth {
  const state = m.downSince !== null ? 'unreachable' : m.errors >= FAILING_AFTER ? 'failing' : 'ok';
  const since = state === 'unreachable' ? m.downSince : state === 'failing' ? m.erringSince : null;
  return { accountId, state, since, lastOkAt: m.lastOkAt, load, throttledAt: m.throttledAt, tasks };
}

/**
 * The health of every account with something listed to read, by account id: its tasks, and the load
 * of its busiest lane (what was sent in the last second over the lane's rate).
 */
export function healthList(
  targets: readonly PollTarget[],
  sweeps: readonly SweepTarget[],
  recent: (laneKey: string) => number,
  memo: (accountId: string) => AccountMemo,
): AccountHealth[] {
  const byAccount = new Map<string, { tasks: number; lanes: Map<string, number> }>();
  const entry = (id: string) => {
    let e = byAccount.get(id);
    if (!e) {
      e = { tasks: 0, lanes: new Map() };
      byAccount.set(id, e);
    }
    return e;
  };
  for (const t of targets) {
    const e = entry(t.accountId);
    e.tasks += 1;
    e.lanes.set(t.laneKey, t.ratePerSecond);
  }
  for (const w of sweeps) entry(w.accountId).lanes.set(w.laneKey, w.ratePerSecond);
  return [...byAccount.keys()].sort().map((id) => {
    const e = byAccount.get(id) as { tasks: number; lanes: Map<string, number> };
    let load = 0;
    for (const [lane, rate] of e.lanes) load = Math.max(load, recent(lane) / rate);
    return healthOf(id, memo(id), Math.round(Math.min(1, load) * 100) / 100, e.tasks);
  });
}

/** What makes a status worth sending at once: an account that stops or starts answering. */
export function urgentKey(s: SchedulerStatus): string {
  return s.accounts.map((a) => `${a.accountId}:${a.state}:${a.since}`).join('|');
}

/** What is sent at most every `statusEveryMs`: counts (tasks polled, tasks reconciled), load in tenths, throttling. */
export function routineKey(s: SchedulerStatus): string {
  const recovery = s.recovery ? `${s.recovery.checked}/${s.recovery.total}` : '-';
  return `${s.activeTasks}|${recovery}|${s.accounts.map((a) => `${a.tasks}:${Math.round(a.load * 10)}:${a.throttledAt}`).join('|')}`;
}
