/** Runs `fn` after `ms` and returns a cancel function; injectable so a bench can run on virtual time. */
export type SetTimer = (fn: () => void, ms: number) => () => void;

/**
 * Time as the scheduler and the event batcher see it. Injectable so the bench can run them on the
 * Sandbox's virtual clock and unit tests can step through minutes without waiting.
 */
export interface Clock {
  now(): number;
  setTimer: SetTimer;
}

/** Wall-clock time; timers never keep the process alive on their own. */
export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    setTimer(fn, ms) {
      const handle = setTimeout(fn, ms);
      handle.unref();
      return () => clearTimeout(handle);
    },
  };
}
