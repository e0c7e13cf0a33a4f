/**
 * The Sandbox's virtual clock. Vendor emulators read time only from here, so tests can jump
 * minutes ahead (idle auto-stop, the 3-day query window, signature expiry) without waiting.
 */
export interface VirtualClock {
  /** Current virtual time, epoch ms. */
  now(): number;
  /** Moves virtual time forward by `ms` and runs every timer that falls due, in order. */
  advance(ms: number): Promise<void>;
  /** Runs `fn` when virtual time reaches `at`; returns a cancel function. */
  at(at: number, fn: () => void | Promise<void>): () => void;
}

interface Timer {
  at: number;
  seq: number;
  fn: () => void | Promise<void>;
}

/**
 * A clock that starts at real time and then follows real time (scaled by `speed`) plus every
 * explicit `advance`. With `speed: 0` it moves only when told to, which tests use.
 */
export function createVirtualClock(options: { start?: number; speed?: number } = {}): VirtualClock & {
  dispose(): void;
} {
  const speed = options.speed ?? 1;
  const realStart = Date.now();
  let offset = (options.start ?? realStart) - realStart;
  let seq = 0;
  const timers: Timer[] = [];
  const now = (): number => realStart + (Date.now() - realStart) * speed + offset;

  async function runDue(): Promise<void> {
    for (;;) {
      timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = timers[0];
      if (!next || next.at > now()) return;
      timers.shift();
      await next.fn();
    }
  }

  const ticker = speed > 0 ? setInterval(() => void runDue(), 50) : null;
  ticker?.unref();

  return {
    now,
    async advance(ms: number) {
      offset += ms;
      await runDue();
    },
    at(at, fn) {
      const timer = { at, seq: seq++, fn };
      timers.push(timer);
      return () => {
        const i = timers.indexOf(timer);
        if (i >= 0) timers.splice(i, 1);
      };
    },
    dispose() {
      if (ticker) clearInterval(ticker);
      timers.length = 0;
    },
  };
}
