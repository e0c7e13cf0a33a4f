import type { Logger } from '../logging/logger';
import type { SettingsService } from '../settings';
import type { RetentionResult } from '../store/task-retention';

export interface RetentionScheduleDeps {
  history: { retain(retentionDays: number): Promise<RetentionResult> };
  settings: Pick<SettingsService, 'get' | 'subscribe'>;
  log: Logger;
  /** Repeats `fn` every `ms`; returns the cancel function. Defaults to an unref'd `setInterval`. */
  every?: (fn: () => void, ms: number) => () => void;
  /** Pause between passes (default one day). */
  intervalMs?: number;
}

export interface RetentionSchedule {
  /** Runs one pass now (after any pass in progress); null when retention is off. */
  runNow(): Promise<RetentionResult | null>;
  stop(): void;
}

const DAY_MS = 86_400_000;

/**
 * Prunes history at launch, then daily, and again whenever the operator shortens or turns on the
 * retention period. Passes never overlap; a failed pass is logged and the next one tries again.
 */
export function startRetentionSchedule(deps: RetentionScheduleDeps): RetentionSchedule {
  const every = deps.every ?? defaultEvery;
  let chain: Promise<RetentionResult | null> = Promise.resolve(null);
  let stopped = false;

  const pass = async (): Promise<RetentionResult | null> => {
    const days = deps.settings.get().retentionDays;
    if (stopped || days === null) return null;
    try {
      const result = await deps.history.retain(days);
      if (result.tasks > 0 || result.exchanges > 0) deps.log.info('history.retention', { retentionDays: days, ...result });
      return result;
    } catch (e) {
      deps.log.error('history.retention-failed', { error: e instanceof Error ? e.message : String(e) });
      return null;
    }
  };
  const runNow = (): Promise<RetentionResult | null> => {
    chain = chain.then(pass);
    return chain;
  };

  const cancelTimer = every(() => void runNow(), deps.intervalMs ?? DAY_MS);
  const unsubscribe = deps.settings.subscribe((next, previous) => {
    if (next.retentionDays !== null && (previous.retentionDays === null || next.retentionDays < previous.retentionDays)) void runNow();
  });
  void runNow();

  return {
    runNow,
    stop() {
      stopped = true;
      cancelTimer();
      unsubscribe();
    },
  };
}

function defaultEvery(fn: () => void, ms: number): () => void {
  const timer = setInterval(fn, ms);
  timer.unref();
  return () => clearInterval(timer);
}
