import type { SchedulerStatus } from '@contract';
import { systemClock, type Clock } from '../events/clock';
import type { EventBus } from '../events/event-bus';
import type { RateLimiter } from '../vendors/shared/rate-limiter';
import { chooseTarget, newMemo, type TaskMemo } from './choice';
import { healthList, newAccountMemo, noteAnswer, routineKey, urgentKey, type AccountMemo } from './health';
import { DEFAULT_TUNING, type PollingPace, type SchedulerTuning } from './tuning';
import type { PollOutcome, PollSource, PollTarget, SweepStep, SweepTarget } from './types';

export interface SchedulerOptions {
  source: PollSource;
  /** The process-wide limiter the vendor clients use; read to leave room the operator is using. */
  limiter: Pick<RateLimiter, 'recent'>;
  /** Receives `scheduler:changed`. */
  events?: Pick<EventBus, 'emit'>;
  clock?: Clock;
  /** Read before every pacing decision, so a settings change applies at once. */
  pace?: () => PollingPace;
  /** The share of every lane this desk may use (team mode: below 1 while cut off from the team, see issue 14). */
  laneShare?: () => number;
  tuning?: Partial<SchedulerTuning>;
  /** A poll or sweep step that threw instead of returning an outcome (counted as `error`); `id` is the task id or sweep key. */
  onPollError?: (id: string, error: unknown) => void;
}

/** The status scheduler; one per process. */
export interface Scheduler {
  start(): void;
  /** Stops dispatching and waits for polls in flight. */
  stop(): Promise<void>;
  status(): SchedulerStatus;
  /** The poll set changed (task started, refresh asked): reconsider now instead of at the next tick. */
  nudge(): void;
}

/** A sweep's memo: a task memo whose next page is due at `nextAt`. */
interface SweepMemo extends TaskMemo {
  nextAt: number;
}

interface LaneMemo {
  nextAt: number;
  inFlight: number;
}

/**
 * Polls every task the source lists, and pages through every task list it sweeps, per rate-limit
 * lane, never faster than the lane's share of the vendor's rate. On a lane a due sweep page goes
 * first; otherwise the slot goes to a read the source asked for, else to the task whose status is
 * oldest among those whose minimum interval has passed (see {@link chooseTarget}); errors back off
 * exponentially. An `unreachable` answer pauses that account alone and probes it with one request
 * at a time until any answer comes back; every other account keeps being read.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? systemClock();
  const tuning: SchedulerTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const pace = options.pace ?? ((): PollingPace => 'normal');
  const memos = new Map<string, TaskMemo>();
  const sweepMemos = new Map<string, SweepMemo>();
  const lanes = new Map<string, LaneMemo>();
  const accounts = new Map<string, AccountMemo>();
  /** Tasks that answered `done` or `forgotten`, kept out until the source stops listing them. */
  const removed = new Set<string>();
  const inFlight = new Set<Promise<void>>();

  let running = false;
  let activeTasks = 0;
  let tickAt = Number.POSITIVE_INFINITY;
  let cancelTick: (() => void) | null = null;
  let cancelStatus: (() => void) | null = null;
  let lastEmitted: SchedulerStatus | null = null;
  let lastEmittedAt = Number.NEGATIVE_INFINITY;
  let listed: PollTarget[] = [];
  let listedSweeps: SweepTarget[] = [];
  let listedAt = Number.NEGATIVE_INFINITY;

  function memo(id: string): TaskMemo {
    let m = memos.get(id);
    if (!m) {
      m = newMemo();
      memos.set(id, m);
    }
    return m;
  }

  function account(id: string): AccountMemo {
    let a = accounts.get(id);
    if (!a) {
      a = newAccountMemo(tuning.probeBaseMs);
      accounts.set(id, a);
    }
    return a;
  }

  function isDown(accountId: string): boolean {
    return (accounts.get(accountId)?.downSince ?? null) !== null;
  }

  function sweepMemo(key: string): SweepMemo {
    let m = sweepMemos.get(key);
    if (!m) {
      m = { ...newMemo(), nextAt: Number.NEGATIVE_INFINITY };
      sweepMemos.set(key, m);
    }
    return m;
  }

  function currentTargets(): PollTarget[] {
    const now = clock.now();
    if (now - listedAt >= tuning.targetsMaxAgeMs) {
      listed = options.source.targets();
      listedSweeps = options.source.sweeps?.() ?? [];
      listedAt = now;
      prune();
    }
    const targets = listed.filter((t) => !removed.has(t.id));
    activeTasks = targets.length;
    return targets;
  }

  function prune(): void {
    const ids = new Set(listed.map((t) => t.id));
    for (const id of removed) if (!ids.has(id)) removed.delete(id);
    for (const [id, m] of memos) if (!ids.has(id) && !m.inFlight) memos.delete(id);
    const keys = new Set(listedSweeps.map((w) => w.key));
    for (const [key, m] of sweepMemos) if (!keys.has(key) && !m.inFlight) sweepMemos.delete(key);
    // An account with nothing left to read has no health to report (its tasks ended, it was deleted).
    const owners = new Set([...listed.map((t) => t.accountId), ...listedSweeps.map((w) => w.accountId)]);
    for (const [id, a] of accounts) {
      if (owners.has(id) || a.probing) continue;
      a.cancelProbe?.();
      accounts.delete(id);
    }
  }

  function choose(list: readonly PollTarget[], now: number, ignoreIntervals: boolean): { target: PollTarget | null; readyAt: number } {
    return chooseTarget(list, memo, now, tuning, ignoreIntervals);
  }

  /** When a sweep's next page may be read (its own schedule, after any error backoff). */
  function sweepDueAt(w: SweepTarget): number {
    const m = sweepMemo(w.key);
    return m.inFlight ? Number.POSITIVE_INFINITY : Math.max(m.nextAt, m.retryAt);
  }

  function lane(key: string): LaneMemo {
    let l = lanes.get(key);
    if (!l) {
      l = { nextAt: Number.NEGATIVE_INFINITY, inFlight: 0 };
      lanes.set(key, l);
    }
    return l;
  }

  function wakeAt(at: number): void {
    if (!running) return;
    if (cancelTick && tickAt <= at) return;
    cancelTick?.();
    tickAt = at;
    cancelTick = clock.setTimer(tick, Math.max(0, at - clock.now()));
  }

  function current(): SchedulerStatus {
    const targets = listed.filter((t) => !removed.has(t.id));
    const accountsNow = healthList(targets, listedSweeps, (lane) => options.limiter.recent(lane), account);
    const recovery = options.source.recovery?.() ?? null;
    return recovery ? { activeTasks, accounts: accountsNow, recovery } : { activeTasks, accounts: accountsNow };
  }

  function emitNow(): void {
    cancelStatus?.();
    cancelStatus = null;
    const s = current();
    lastEmitted = s;
    lastEmittedAt = clock.now();
    options.events?.emit('scheduler:changed', s);
  }

  function maybeEmit(): void {
    if (!running) return;
    const s = current();
    if (lastEmitted && urgentKey(s) === urgentKey(lastEmitted)) {
      if (routineKey(s) === routineKey(lastEmitted) || cancelStatus) return;
      const wait = lastEmittedAt + tuning.statusEveryMs - clock.now();
      if (wait > 0) {
        cancelStatus = clock.setTimer(() => {
          cancelStatus = null;
          if (!lastEmitted || routineKey(current()) !== routineKey(lastEmitted)) emitNow();
        }, wait);
        return;
      }
    }
    emitNow();
  }

  /** Runs one request of a lane; `run` never throws and returns what to do once it is no longer in flight. */
  function track(laneMemo: LaneMemo, m: TaskMemo, run: () => Promise<() => void>): void {
    m.inFlight = true;
    laneMemo.inFlight += 1;
    const work = (async () => {
      const finish = await run();
      m.inFlight = false;
      laneMemo.inFlight -= 1;
      finish();
    })();
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }

  function dispatch(target: PollTarget, laneMemo: LaneMemo, isProbe: boolean): void {
    const m = memo(target.id);
    const startedAt = clock.now();
    track(laneMemo, m, async () => {
      let outcome: PollOutcome;
      try {
        outcome = await options.source.poll(target.id);
      } catch (e) {
        options.onPollError?.(target.id, e);
        outcome = 'error';
      }
      return () => settle(target.id, target.accountId, m, outcome, isProbe, startedAt);
    });
  }

  function dispatchSweep(w: SweepTarget, laneMemo: LaneMemo, isProbe: boolean): void {
    const m = sweepMemo(w.key);
    const startedAt = clock.now();
    track(laneMemo, m, async () => {
      let step: SweepStep;
      try {
        step = await (options.source.sweep as (key: string) => Promise<SweepStep>)(w.key);
      } catch (e) {
        options.onPollError?.(w.key, e);
        step = { outcome: 'error', nextAt: clock.now() };
      }
      return () => {
        m.nextAt = step.nextAt;
        // The step asked for task reads or moved tasks: list the targets again before the next slot.
        if (step.outcome === 'changed') listedAt = Number.NEGATIVE_INFINITY;
        settle(w.key, w.accountId, m, step.outcome, isProbe, startedAt);
      };
    });
  }

  function settle(id: string, accountId: string, m: TaskMemo, outcome: PollOutcome, isProbe: boolean, startedAt: number): void {
    const acc = account(accountId);
    if (isProbe) acc.probing = false;
    if (!running) return;
    const now = clock.now();
    if (outcome === 'changed' || outcome === 'unchanged') {
      m.lastOkAt = now;
      m.lastOkFrom = startedAt;
      if (outcome === 'changed') m.lastChangeAt = now;
      m.errors = 0;
      m.retryAt = 0;
    } else if (outcome === 'done' || outcome === 'forgotten') {
      removed.add(id);
      memos.delete(id);
      activeTasks = Math.max(0, activeTasks - 1);
    } else if (outcome === 'error' || outcome === 'rate-limited') {
      m.errors += 1;
      m.retryAt = now + Math.min(tuning.backoffMaxMs, tuning.backoffBaseMs * 2 ** (m.errors - 1));
    }
    noteAnswer(acc, outcome, now);
    if (outcome === 'unreachable') {
      if (acc.downSince === null) goDown(accountId, acc, now);
      else if (isProbe) scheduleProbe(accountId, acc, Math.min(tuning.probeMaxMs, acc.probeDelay * 2));
      return;
    }
    // Only a probe sent after the failure proves the way is clear again; a late answer to an older
    // request would make the status flap.
    if (acc.downSince !== null) {
      if (isProbe) goUp(acc);
      return;
    }
    maybeEmit();
    wakeAt(now);
  }

  function goDown(accountId: string, acc: AccountMemo, now: number): void {
    acc.downSince = now;
    emitNow();
    scheduleProbe(accountId, acc, tuning.probeBaseMs);
  }

  function goUp(acc: AccountMemo): void {
    acc.downSince = null;
    acc.probeDelay = tuning.probeBaseMs;
    acc.cancelProbe?.();
    acc.cancelProbe = null;
    emitNow();
    wakeAt(clock.now());
  }

  function scheduleProbe(accountId: string, acc: AccountMemo, delay: number): void {
    acc.probeDelay = delay;
    acc.cancelProbe?.();
    acc.cancelProbe = clock.setTimer(() => probe(accountId, acc), delay);
  }

  /** One read of a paused account, whatever its intervals; with nothing of it left to read, it is forgotten. */
  function probe(accountId: string, acc: AccountMemo): void {
    acc.cancelProbe = null;
    if (!running || acc.downSince === null || acc.probing) return;
    const { target } = choose(currentTargets().filter((t) => t.accountId === accountId), clock.now(), true);
    const sweep = target ? null : listedSweeps.find((w) => w.accountId === accountId && !sweepMemo(w.key).inFlight);
    if (target) dispatch(target, lane(target.laneKey), true);
    else if (sweep) dispatchSweep(sweep, lane(sweep.laneKey), true);
    else return void (accounts.delete(accountId), emitNow());
    acc.probing = true;
  }

  function tick(): void {
    cancelTick = null;
    tickAt = Number.POSITIVE_INFINITY;
    if (!running) return;
    const now = clock.now();
    const byLane = new Map<string, PollTarget[]>();
    for (const t of currentTargets()) {
      if (isDown(t.accountId)) continue;
      const list = byLane.get(t.laneKey);
      if (list) list.push(t);
      else byLane.set(t.laneKey, [t]);
    }
    const sweepsByLane = new Map<string, SweepTarget[]>();
    for (const w of listedSweeps) {
      if (isDown(w.accountId)) continue;
      sweepsByLane.set(w.laneKey, [...(sweepsByLane.get(w.laneKey) ?? []), w]);
      if (!byLane.has(w.laneKey)) byLane.set(w.laneKey, []);
    }
    const share = (pace() === 'gentle' ? tuning.gentleShare : tuning.normalShare) * (options.laneShare?.() ?? 1);
    let wake = Number.POSITIVE_INFINITY;
    for (const [key, list] of byLane) {
      const l = lane(key);
      if (l.inFlight >= tuning.maxInFlightPerLane) continue;
      if (now < l.nextAt) {
        wake = Math.min(wake, l.nextAt);
        continue;
      }
      const sweeps = sweepsByLane.get(key) ?? [];
      const rate = [...list, ...sweeps].reduce((r, t) => Math.min(r, t.ratePerSecond), Number.POSITIVE_INFINITY) * share;
      const interval = 1000 / rate;
      const sweep = sweeps.reduce<SweepTarget | null>((a, w) => (a === null || sweepDueAt(w) < sweepDueAt(a) ? w : a), null);
      const sweepAt = sweep ? sweepDueAt(sweep) : Number.POSITIVE_INFINITY;
      const { target, readyAt } = sweepAt <= now ? { target: null, readyAt: now } : choose(list, now, false);
      if (!target && sweepAt > now) {
        wake = Math.min(wake, readyAt, sweepAt);
        continue;
      }
      // Operator calls count in the same window: whatever they use now, polling gives up.
      if (options.limiter.recent(key) >= Math.max(1, Math.floor(rate))) {
        wake = Math.min(wake, now + interval / 4);
        continue;
      }
      if (target) dispatch(target, l, false);
      else dispatchSweep(sweep as SweepTarget, l, false);
      l.nextAt = now + interval;
      wake = Math.min(wake, l.nextAt);
    }
    for (const [key, l] of lanes) if (!byLane.has(key) && l.inFlight === 0) lanes.delete(key);
    maybeEmit();
    wakeAt(Math.min(wake, now + tuning.idleCheckMs));
  }

  return {
    start() {
      if (running) return;
      running = true;
      currentTargets();
      emitNow();
      wakeAt(clock.now());
    },
    async stop() {
      running = false;
      cancelTick?.();
      cancelStatus?.();
      cancelTick = cancelStatus = null;
      for (const a of accounts.values()) {
        a.cancelProbe?.();
        a.cancelProbe = null;
      }
      tickAt = Number.POSITIVE_INFINITY;
      await Promise.allSettled([...inFlight]);
    },
    status() {
      currentTargets();
      return current();
    },
    nudge() {
      listedAt = Number.NEGATIVE_INFINITY;
      if (running) wakeAt(clock.now());
    },
  };
}
