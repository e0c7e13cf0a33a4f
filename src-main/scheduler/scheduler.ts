import type { SchedulerStatus } from '@contract';
import { systemClock, type Clock } from '../events/clock';
import type { EventBus } from '../events/event-bus';
import type { RateLimiter } from '../vendors/shared/rate-limiter';
import { chooseTarget, newMemo, type TaskMemo } from './choice';
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
 * exponentially. An `unreachable` answer pauses everything and probes with one request at a time
 * until any answer comes back.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? systemClock();
  const tuning: SchedulerTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const pace = options.pace ?? ((): PollingPace => 'normal');
  const memos = new Map<string, TaskMemo>();
  const sweepMemos = new Map<string, SweepMemo>();
  const lanes = new Map<string, LaneMemo>();
  /** Tasks that answered `done` or `forgotten`, kept out until the source stops listing them. */
  const removed = new Set<string>();
  const inFlight = new Set<Promise<void>>();

  let running = false;
  let online = true;
  let offlineSince: number | null = null;
  let activeTasks = 0;
  let probeDelay = tuning.probeBaseMs;
  let probing = false;
  let tickAt = Number.POSITIVE_INFINITY;
  let cancelTick: (() => void) | null = null;
  let cancelProbe: (() => void) | null = null;
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
    const recovery = options.source.recovery?.() ?? null;
    return recovery ? { online, offlineSince, activeTasks, recovery } : { online, offlineSince, activeTasks };
  }

  /** Whether only counts differ (tasks polled, tasks reconciled): those changes are sent at most once per `statusEveryMs`. */
  function sameCounts(a: SchedulerStatus, b: SchedulerStatus): boolean {
    return a.activeTasks === b.activeTasks && a.recovery?.checked === b.recovery?.checked && a.recovery?.total === b.recovery?.total;
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
    if (lastEmitted && s.online === lastEmitted.online && s.offlineSince === lastEmitted.offlineSince) {
      if (sameCounts(s, lastEmitted) || cancelStatus) return;
      const wait = lastEmittedAt + tuning.statusEveryMs - clock.now();
      if (wait > 0) {
        cancelStatus = clock.setTimer(() => {
          cancelStatus = null;
          if (!lastEmitted || !sameCounts(current(), lastEmitted)) emitNow();
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
    track(laneMemo, m, async () => {
      let outcome: PollOutcome;
      try {
        outcome = await options.source.poll(target.id);
      } catch (e) {
        options.onPollError?.(target.id, e);
        outcome = 'error';
      }
      return () => settle(target.id, m, outcome, isProbe);
    });
  }

  function dispatchSweep(w: SweepTarget, laneMemo: LaneMemo, isProbe: boolean): void {
    const m = sweepMemo(w.key);
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
        settle(w.key, m, step.outcome, isProbe);
      };
    });
  }

  function settle(id: string, m: TaskMemo, outcome: PollOutcome, isProbe: boolean): void {
    if (isProbe) probing = false;
    if (!running) return;
    const now = clock.now();
    if (outcome === 'changed' || outcome === 'unchanged') {
      m.lastOkAt = now;
      if (outcome === 'changed') m.lastChangeAt = now;
      m.errors = 0;
      m.retryAt = 0;
    } else if (outcome === 'done' || outcome === 'forgotten') {
      removed.add(id);
      memos.delete(id);
      activeTasks = Math.max(0, activeTasks - 1);
    } else if (outcome === 'error') {
      m.errors += 1;
      m.retryAt = now + Math.min(tuning.backoffMaxMs, tuning.backoffBaseMs * 2 ** (m.errors - 1));
    }
    if (outcome === 'unreachable') {
      if (online) goOffline(now);
      else if (isProbe) scheduleProbe(Math.min(tuning.probeMaxMs, probeDelay * 2));
      return;
    }
    // Only a probe sent after the failure proves the way is clear again; a late answer to an older
    // request would make the status flap.
    if (!online) {
      if (isProbe) goOnline();
      return;
    }
    maybeEmit();
    wakeAt(now);
  }

  function goOffline(now: number): void {
    online = false;
    offlineSince = now;
    cancelTick?.();
    cancelTick = null;
    tickAt = Number.POSITIVE_INFINITY;
    emitNow();
    scheduleProbe(tuning.probeBaseMs);
  }

  function goOnline(): void {
    online = true;
    offlineSince = null;
    probeDelay = tuning.probeBaseMs;
    cancelProbe?.();
    cancelProbe = null;
    emitNow();
    wakeAt(clock.now());
  }

  function scheduleProbe(delay: number): void {
    probeDelay = delay;
    cancelProbe?.();
    cancelProbe = clock.setTimer(probe, delay);
  }

  function probe(): void {
    cancelProbe = null;
    if (!running || online || probing) return;
    const { target } = choose(currentTargets(), clock.now(), true);
    const sweep = target ? null : listedSweeps.find((w) => !sweepMemo(w.key).inFlight);
    if (target) dispatch(target, lane(target.laneKey), true);
    else if (sweep) dispatchSweep(sweep, lane(sweep.laneKey), true);
    else return scheduleProbe(probeDelay);
    probing = true;
  }

  function tick(): void {
    cancelTick = null;
    tickAt = Number.POSITIVE_INFINITY;
    if (!running || !online) return;
    const now = clock.now();
    const byLane = new Map<string, PollTarget[]>();
    for (const t of currentTargets()) {
      const list = byLane.get(t.laneKey);
      if (list) list.push(t);
      else byLane.set(t.laneKey, [t]);
    }
    const sweepsByLane = new Map<string, SweepTarget[]>();
    for (const w of listedSweeps) {
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
      cancelProbe?.();
      cancelStatus?.();
      cancelTick = cancelProbe = cancelStatus = null;
      tickAt = Number.POSITIVE_INFINITY;
      await Promise.allSettled([...inFlight]);
    },
    status() {
      currentTargets();
      return current();
    },
    nudge() {
      listedAt = Number.NEGATIVE_INFINITY;
      if (running && online) wakeAt(clock.now());
    },
  };
}
