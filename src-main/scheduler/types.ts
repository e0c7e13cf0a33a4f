import type { TaskState } from '@contract';

/** One task the scheduler may poll, as the task service describes it. */
export interface PollTarget {
  id: string;
  /** Rate-limit lane shared with operator calls, e.g. `zego:<appId>:DescribeRecordStatus`. */
  laneKey: string;
  /** The vendor's documented rate for that lane, requests per second. */
  ratePerSecond: number;
  state: TaskState;
  /** Last successful status read; null = never. */
  lastSeenAt: number | null;
  /** Last time the state, raw status or files changed. */
  changedAt: number;
}

/** What one poll found. */
export type PollOutcome =
  | 'changed'
  | 'unchanged'
  /** The vendor no longer knows the task; it keeps its last known state and leaves the poll set. */
  | 'forgotten'
  /** Terminal and every file settled: stop polling it. */
  | 'done'
  /** The vendor could not be reached (network down): the scheduler pauses and reports since when. */
  | 'unreachable'
  | 'error';

/** Where the scheduler gets its work: the task service. */
export interface PollSource {
  /** Every task that still needs status polling. */
  targets(): PollTarget[];
  /** Reads one task's status at background priority and records what changed. */
  poll(id: string): Promise<PollOutcome>;
}
