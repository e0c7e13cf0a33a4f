import type { VirtualClock } from '../../src-main/emulator/clock';
import type { Clock } from '../../src-main/events/clock';
import type { RateLimiter } from '../../src-main/vendors/shared/rate-limiter';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/** Event-loop turns a request's answer needs to travel through the client, the journal and the scheduler. */
const SETTLE_TURNS = 3;

/**
 * Discrete-event time over the Sandbox's virtual clock: it jumps to the next timer only when no
 * request is on the wire, so a request costs no virtual time and the emulator sees exactly the
 * spacing the limiter and the scheduler chose, while the wall clock only pays for real HTTP. A
 * request is on the wire from the moment the limiter lets it go ({@link track}) until the emulator
 * has answered it ({@link answered}) and a few event-loop turns have let the answer be processed.
 */
export function simTime(clock: VirtualClock) {
  const timers: Timer[] = [];
  let seq = 0;
  let onWire = 0;
  const turn = (): Promise<void> => new Promise((r) => setImmediate(r));
  const schedulerClock: Clock = {
    now: () => clock.now(),
    setTimer(fn, ms) {
      // Whole milliseconds, as Date.now() would give: the ledger stores times as integers.
      const timer = { at: Math.ceil(clock.now() + Math.max(0, ms)), seq: seq++, fn };
      timers.push(timer);
      return () => {
        const i = timers.indexOf(timer);
        if (i >= 0) timers.splice(i, 1);
      };
    },
  };
  async function quiet(): Promise<void> {
    let idle = 0;
    for (let turns = 0; idle < SETTLE_TURNS; turns++) {
      if (turns > 100_000) throw new Error(`${onWire} request(s) never reached the emulator`);
      await turn();
      idle = onWire > 0 ? 0 : idle + 1;
    }
  }
  async function step(limit: number): Promise<boolean> {
    await quiet();
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = timers[0];
    if (!next || next.at > limit) return false;
    timers.shift();
    if (next.at > clock.now()) await clock.advance(next.at - clock.now());
    next.fn();
    return true;
  }
  return {
    clock: schedulerClock,
    now: () => clock.now(),
    /** A limiter view that counts a request as on the wire from the moment it may be sent. */
    track(inner: RateLimiter): RateLimiter {
      return {
        async acquire(key, rate, priority) {
          await inner.acquire(key, rate, priority);
          onWire += 1;
        },
        recent: (key) => inner.recent(key),
      };
    },
    /** The emulator answered one request. */
    answered(): void {
      onWire = Math.max(0, onWire - 1);
    },
    async runFor(ms: number): Promise<void> {
      const end = clock.now() + ms;
      while (await step(end));
      if (end > clock.now()) await clock.advance(end - clock.now());
      await quiet();
    },
    async runUntil(done: () => boolean, maxMs: number): Promise<void> {
      const end = clock.now() + maxMs;
      while (!done() && (await step(end)));
      await quiet();
    },
    /** Runs `fn` at virtual time `at`. */
    at(at: number, fn: () => void): void {
      schedulerClock.setTimer(fn, at - clock.now());
    },
    every(ms: number, fn: () => void): () => void {
      let cancel = schedulerClock.setTimer(function again() {
        fn();
        cancel = schedulerClock.setTimer(again, ms);
      }, ms);
      return () => cancel();
    },
  };
}

/** See {@link simTime}. */
export type Sim = ReturnType<typeof simTime>;

/** A seeded generator of numbers in [0, 1), so every run ends and starts the same tasks at the same times. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
