/** The operator's polling preference (settings `polling`). */
export type PollingPace = 'gentle' | 'normal';

/** Knobs of the status scheduler; {@link DEFAULT_TUNING} holds the values issue 6 settled on. */
export interface SchedulerTuning {
  /** Share of each lane's rate background polling may use at `normal` pace (the rest stays free for the operator). */
  normalShare: number;
  /** Share at `gentle` pace: half the spare rate. */
  gentleShare: number;
  /** Minimum time between two reads of a task in a passing state (starting, stopping, uploading): its files or its end are due any moment. */
  passingIntervalMs: number;
  /** Minimum time between two reads of a task that changed recently. */
  changedIntervalMs: number;
  /** Minimum time between two reads of a stable task. */
  stableIntervalMs: number;
  /** How long after a change a task counts as recently changed. */
  recentChangeMs: number;
  /** First wait after a failed poll; doubles per consecutive failure up to `backoffMaxMs`. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** First wait between probes while offline; doubles up to `probeMaxMs`. */
  probeBaseMs: number;
  probeMaxMs: number;
  /** Polls of one lane allowed in flight at once (a slow vendor must not pile up requests). */
  maxInFlightPerLane: number;
  /** `scheduler:changed` for a changed task count alone is sent at most this often. */
  statusEveryMs: number;
  /** With nothing due, the source is asked again this often in case a task was added without `nudge()`. */
  idleCheckMs: number;
  /**
   * How long a `targets()` answer is reused. The scheduler keeps its own record of what it read, so
   * a list up to this old only delays noticing a new task (which `nudge()` short-cuts).
   */
  targetsMaxAgeMs: number;
}

/** Shares, intervals and backoffs from issue 6. */
export const DEFAULT_TUNING: SchedulerTuning = {
  normalShare: 0.8,
  gentleShare: 0.4,
  passingIntervalMs: 1_000,
  changedIntervalMs: 2_000,
  stableIntervalMs: 10_000,
  recentChangeMs: 60_000,
  backoffBaseMs: 2_000,
  backoffMaxMs: 300_000,
  probeBaseMs: 2_000,
  probeMaxMs: 60_000,
  maxInFlightPerLane: 4,
  statusEveryMs: 1_000,
  idleCheckMs: 5_000,
  targetsMaxAgeMs: 1_000,
};
