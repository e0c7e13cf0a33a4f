import type { SetTimer } from '../vendors/shared/rate-limiter';

/**
 * Time as the scheduler and the event batcher see it. Injectable so the bench can run them on the
 * Sandbox's virtual clock and unit tests can step through minutes without waiting.
 */
export interface SchedulerClock {
  now(): number;
  /** Runs `fn` after `ms`; returns a cancel function. */
  setTimer: SetTimer;
}

/** Wall-clock time; timers never keep the process alive on their own. */
export function systemClock(): SchedulerClock {
  return {
    now: () => Date.now(),
    setTimer(fn, ms) {
      const handle = setTimeout(fn, ms);
      handle.unref();
      return () => clearTimeout(handle);
    },
  };
}
