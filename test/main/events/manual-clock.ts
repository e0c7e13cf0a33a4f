import type { Clock } from '../../../src-main/events/clock';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

/** A clock that moves only on `advance`, running due timers in order and letting promises settle between them. */
export function manualClock(start = 1_700_000_000_000) {
  let now = start;
  let seq = 0;
  const timers: Timer[] = [];
  const settle = (): Promise<void> => new Promise((r) => setImmediate(r));
  const clock: Clock = {
    now: () => now,
    setTimer(fn, ms) {
      const timer = { at: now + Math.max(0, ms), seq: seq++, fn };
      timers.push(timer);
      return () => {
        const i = timers.indexOf(timer);
        if (i >= 0) timers.splice(i, 1);
      };
    },
  };
  return {
    clock,
    now: () => now,
    async advance(ms: number): Promise<void> {
      const end = now + ms;
      for (;;) {
        await settle();
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = Math.max(now, next.at);
        next.fn();
      }
      now = end;
      await settle();
    },
  };
}
