import type { TaskState } from '@contract';

/** One task the scheduler may poll, as the task service describes it. */
export interface PollTarget {
  id: string;
  /** The account whose connection reads it: reachability is tracked, and paused, per account. */
  accountId: string;
  /** Rate-limit lane shared with operator calls, e.g. `zego:<appId>:DescribeRecordStatus`. */
  laneKey: string;
  /** The vendor's documented rate for that lane, requests per second. */
  ratePerSecond: number;
  state: TaskState;
  /** Last successful status read; null = never. */
  lastSeenAt: number | null;
  /** Last time the state, raw status or files changed. */
  changedAt: number;
  /**
   * Set when the source, not the state, decides when to read the task (a sweep covers it): the time
   * a read is wanted (it goes ahead of every interval-based read on the lane, and any read that
   * began at or after it satisfies it), or null while no read is wanted. Absent: read by the intervals.
   */
  dueAt?: number | null;
}

/** One list of tasks a vendor pages through (a sweep), as the source describes it. */
export interface SweepTarget {
  key: string;
  /** The account whose connection pages the list. */
  accountId: string;
  /** Rate-limit lane of the list call, e.g. `zego:<appId>:DescribeTasks`. */
  laneKey: string;
  ratePerSecond: number;
}

/** What one sweep step (one page) did, and when the next page is wanted. */
export interface SweepStep {
  /** `changed` when it asked for task reads or moved tasks, so the scheduler lists its targets again at once. */
  outcome: Exclude<PollOutcome, 'done' | 'forgotten'>;
  nextAt: number;
}

/** What one poll found. */
export type PollOutcome =
  | 'changed'
  | 'unchanged'
  /** The vendor no longer knows the task; it keeps its last known state and leaves the poll set. */
  | 'forgotten'
  /** Terminal and every file settled: stop polling it. */
  | 'done'
  /** The vendor could not be reached: the scheduler pauses that account, probes it and reports since when. */
  | 'unreachable'
  /** The vendor throttled the read: an error, and the account's health says when. */
  | 'rate-limited'
  | 'error';

/** Where the scheduler gets its work: the task service. */
export interface PollSource {
  /** Every task that still needs status polling. */
  targets(): PollTarget[];
  /** Reads one task's status at background priority and records what changed. */
  poll(id: string): Promise<PollOutcome>;
  /** Every task list to sweep (vendors that can list their tasks). */
  sweeps?(): SweepTarget[];
  /** Reads the next page of one sweep at background priority and records what it found. */
  sweep?(key: string): Promise<SweepStep>;
  /** How far the launch's reconciliation of tasks left open is, while it runs; else null. */
  recovery?(): { checked: number; total: number } | null;
}
