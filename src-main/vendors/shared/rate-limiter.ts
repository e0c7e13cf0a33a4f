import type { SetTimer } from '../../events/clock';

/** Who is asking: an operator's click always outranks background polling. */
export type RequestPriority = 'operator' | 'background';

/**
 * Requests under one limiter key share one documented rate. A vendor's client sends on its lanes and
 * the status poller paces by the same lane, so both come from one place: the vendor's rate table.
 */
export interface RateLane {
  laneKey: string;
  ratePerSecond: number;
}

/** An action's documented rate from a descriptor's rate table: its own entry, else `other`. */
export function rateFrom(table: Readonly<Record<string, number>>, action: string): number {
  const rate = table[action] ?? table['other'];
  if (rate === undefined) throw new Error(`The rate table names neither ${action} nor other`);
  return rate;
}

/**
 * Shared client-side limiter for vendor APIs. One instance per process; the vendor clients and the
 * status scheduler all go through it, so polling can never starve an operator's Stop.
 */
export interface RateLimiter {
  /**
   * Resolves when one request under `key` (e.g. `zego:123456:StartRecord`) may be sent at
   * `ratePerSecond`. Background requests may use at most `1 − reserveFraction` of the rate; operator
   * requests may use all of it and jump ahead of waiting background requests.
   */
  acquire(key: string, ratePerSecond: number, priority: RequestPriority): Promise<void>;
  /** How many requests under `key` were sent in the last second (for tests and the scheduler's pacing). */
  recent(key: string): number;
}

interface Waiter {
  priority: RequestPriority;
  ratePerSecond: number;
  resolve: () => void;
}

interface Lane {
  sent: number[];
  waiters: Waiter[];
  cancelTimer: (() => void) | null;
}

function realTimer(fn: () => void, ms: number): () => void {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
}

const WINDOW_MS = 1000;

/**
 * A sliding one-second window per key: no second ever holds more than the rate, measured on send
 * time. `now` and `setTimer` are injectable so tests and benches can drive it from a virtual clock.
 */
export function createRateLimiter(options: { now?: () => number; reserveFraction?: number; setTimer?: SetTimer } = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? realTimer;
  const reserve = options.reserveFraction ?? 0.2;
  const lanes = new Map<string, Lane>();

  function lane(key: string): Lane {
    let l = lanes.get(key);
    if (!l) {
      l = { sent: [], waiters: [], cancelTimer: null };
      lanes.set(key, l);
    }
    return l;
  }

  function allowance(w: Waiter): number {
    return w.priority === 'operator' ? w.ratePerSecond : Math.max(1, Math.floor(w.ratePerSecond * (1 - reserve)));
  }

  function pump(key: string, l: Lane): void {
    l.cancelTimer = null;
    for (;;) {
      const t = now();
      while (l.sent.length > 0 && (l.sent[0] as number) <= t - WINDOW_MS) l.sent.shift();
      l.waiters.sort((a, b) => (a.priority === b.priority ? 0 : a.priority === 'operator' ? -1 : 1));
      const next = l.waiters[0];
      if (!next) {
        if (l.sent.length === 0) lanes.delete(key);
        return;
      }
      if (l.sent.length < allowance(next)) {
        l.waiters.shift();
        l.sent.push(t);
        next.resolve();
        continue;
      }
      const excess = l.sent.length - allowance(next);
      const freeAt = (l.sent[excess] as number) + WINDOW_MS;
      l.cancelTimer = setTimer(() => pump(key, l), Math.max(1, freeAt - t));
      return;
    }
  }

  return {
    acquire(key, ratePerSecond, priority) {
      return new Promise<void>((resolve) => {
        const l = lane(key);
        l.waiters.push({ priority, ratePerSecond, resolve });
        l.cancelTimer?.();
        pump(key, l);
      });
    },
    recent(key) {
      const l = lanes.get(key);
      if (!l) return 0;
      const t = now();
      return l.sent.filter((s) => s > t - WINDOW_MS).length;
    },
  };
}
