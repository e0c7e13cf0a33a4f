import type { RateLimiter } from '../vendors/shared/rate-limiter';

/** The team's rate use stays this far under each documented limit, for the jitter between a slot and the request's arrival. */
const TEAM_HEADROOM = 0.95;
/** Background calls (polls, sweeps) use at most this share of a lane, as on a single desk: the rest is the operators'. */
const BACKGROUND_SHARE = 0.8;

/** What the team limiter asks of the team link. */
export interface BudgetSource {
  /** Whether this desk is in a team at all. */
  joined(): boolean;
  /** A slot on the lane from the server's budget: ms to wait, or null when the server cannot be asked. */
  take(lane: string, intervalMs: number, backgroundIntervalMs: number, background: boolean): Promise<number | null>;
  /** Desks online when the server was last reachable: offline, each uses its share of every lane. */
  desksLastSeen(): number;
}

/**
 * The process's rate limiter in team mode. Every vendor request first reserves a slot on its lane in
 * the team's budget on the server, so the desks together stay within each documented rate; the local
 * limiter then only records it. Cut off from the server, a desk uses `limit ÷ desks last seen` of
 * every lane. Outside a team it is the local limiter as it was.
 */
export function createTeamLimiter(local: RateLimiter, source: BudgetSource, sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))): RateLimiter {
  return {
    async acquire(key, ratePerSecond, priority) {
      if (!source.joined()) return local.acquire(key, ratePerSecond, priority);
      const rate = ratePerSecond * TEAM_HEADROOM;
      const wait = await source.take(key, 1000 / rate, 1000 / (rate * BACKGROUND_SHARE), priority === 'background');
      if (wait === null) return local.acquire(key, ratePerSecond / source.desksLastSeen(), priority);
      if (wait > 0) await sleep(wait);
      return local.acquire(key, ratePerSecond, 'operator');
    },
    recent: (key) => local.recent(key),
  };
}
