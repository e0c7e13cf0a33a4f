import { TRANSITIONAL_TASK_STATES, type SchedulerStatus, type TaskState } from '@contract';
import { systemClock, type Clock } from '../events/clock';
import type { EventBus } from '../events/event-bus';
import type { RateLimiter } from '../vendors/shared/rate-limiter';
import { DEFAULT_TUNING, type PollingPace, type SchedulerTuning } from './tuning';
import type { PollOutcome, PollSource, PollTarget } from './types';

/** States a task passes through quickly: poll them as if they had just changed. */
const PASSING_STATES: ReadonlySet<TaskState> = new Set<TaskState>(TRANSITIONAL_TASK_STATES);

export interface SchedulerOptions {
  source: PollSource;
  /** The process-wide limiter the vendor clients use; read to leave room the operator is using. */
  limiter: Pick<RateLimiter, 'recent'>;
  /** Receives `scheduler:changed`. */
  events?: Pick<EventBus, 'emit'>;
  clock?: Clock;
  /** Read before every pacing decision, so a settings change applies at once. */
  pace?: () => PollingPace;
  tuning?: Partial<SchedulerTuning>;
  /** A poll that threw instead of returning an outcome (counted as `error`). */
  onPollError?: (taskId: string, error: unknown) => void;
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

interface TaskMemo {
  lastOkAt: number | null;
  lastChangeAt: number | null;
  errors: number;
  retryAt: number;
  inFlight: boolean;
}

interface LaneMemo {
  nextAt: number;
  inFlight: number;
}

/**
 * Polls every task the source lists, per rate-limit lane, never faster than the lane's share of
 * the vendor's rate. Each slot goes to the task whose status is oldest (never read first) among
 * those whose minimum interval has passed: short right after a change, longer when stable, growing
 * exponentially after errors. An `unreachable` answer pauses everything and probes with one poll
 * at a time until any answer comes back.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? systemClock();
  const tuning: SchedulerTuning = { ...DEFAULT_TUNING, ...options.tuning };
  const pace = options.pace ?? ((): PollingPace => 'normal');
  const memos = new Map<string, TaskMemo>();
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
  let listedAt = Number.NEGATIVE_INFINITY;

  function memo(id: string): TaskMemo {
    let m = memos.get(id);
    if (!m) {
      m = { lastOkAt: null, lastChangeAt: null, errors: 0, retryAt: 0, inFlight: false };
      memos.set(id, m);
    }
    return m;
  }

  function currentTargets(): PollTarget[] {
    const now = clock.now();
    if (now - listedAt >= tuning.targetsMaxAgeMs) {
      listed = options.source.targets();
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
  }

  function lastSeen(t: PollTarget, m: TaskMemo): number | null {
    if (t.lastSeenAt === null) return m.lastOkAt;
    return m.lastOkAt === null ? t.lastSeenAt : Math.max(t.lastSeenAt, m.lastOkAt);
  }

  function minInterval(t: PollTarget, m: TaskMemo, now: number): number {
    const changed = Math.max(t.changedAt, m.lastChangeAt ?? Number.NEGATIVE_INFINITY);
    return PASSING_STATES.has(t.state) || now - changed < tuning.recentChangeMs ? tuning.changedIntervalMs : tuning.stableIntervalMs;
  }

  /** The stalest task that may be polled now, or when the next one becomes due. */
  function choose(list: readonly PollTarget[], now: number, ignoreIntervals: boolean): { target: PollTarget | null; readyAt: number } {
    let best: PollTarget | null = null;
    let bestSeen = 0;
    let readyAt = Number.POSITIVE_INFINITY;
    for (const t of list) {
      const m = memo(t.id);
      if (m.inFlight) continue;
      const seen = lastSeen(t, m) ?? Number.NEGATIVE_INFINITY;
      if (!ignoreIntervals) {
        if (m.retryAt > now) {
          readyAt = Math.min(readyAt, m.retryAt);
          continue;
        }
        const due = seen + minInterval(t, m, now);
        if (due > now) {
          readyAt = Math.min(readyAt, due);
          continue;
        }
      }
      if (best === null || seen < bestSeen || (seen === bestSeen && (t.changedAt < best.changedAt || (t.changedAt === best.changedAt && t.id < best.id)))) {
        best = t;
        bestSeen = seen;
      }
    }
    return { target: best, readyAt };
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
    return { online, offlineSince, activeTasks };
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
      if (s.activeTasks === lastEmitted.activeTasks || cancelStatus) return;
      const wait = lastEmittedAt + tuning.statusEveryMs - clock.now();
      if (wait > 0) {
        cancelStatus = clock.setTimer(() => {
          cancelStatus = null;
          const latest = current();
          if (latest.activeTasks !== lastEmitted?.activeTasks) emitNow();
        }, wait);
        return;
      }
    }
    emitNow();
  }

  function dispatch(target: PollTarget, laneMemo: LaneMemo, isProbe: boolean): void {
    const m = memo(target.id);
    m.inFlight = true;
    laneMemo.inFlight += 1;
    const work = (async () => {
      let outcome: PollOutcome;
      try {
        outcome = await options.source.poll(target.id);
      } catch (e) {
        options.onPollError?.(target.id, e);
        outcome = 'error';
      }
      m.inFlight = false;
      laneMemo.inFlight -= 1;
      settle(target.id, m, outcome, isProbe);
    })();
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
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
    if (!target) {
      scheduleProbe(probeDelay);
      return;
    }
    probing = true;
    dispatch(target, lane(target.laneKey), true);
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
    const share = pace() === 'gentle' ? tuning.gentleShare : tuning.normalShare;
    let wake = Number.POSITIVE_INFINITY;
    for (const [key, list] of byLane) {
      const l = lane(key);
      if (l.inFlight >= tuning.maxInFlightPerLane) continue;
      if (now < l.nextAt) {
        wake = Math.min(wake, l.nextAt);
        continue;
      }
      const rate = list.reduce((r, t) => Math.min(r, t.ratePerSecond), Number.POSITIVE_INFINITY) * share;
      const interval = 1000 / rate;
      const { target, readyAt } = choose(list, now, false);
      if (!target) {
        wake = Math.min(wake, readyAt);
        continue;
      }
      // Operator calls count in the same window: whatever they use now, polling gives up.
      if (options.limiter.recent(key) >= Math.max(1, Math.floor(rate))) {
        wake = Math.min(wake, now + interval / 4);
        continue;
      }
      dispatch(target, l, false);
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
