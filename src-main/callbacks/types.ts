import type { RecordingFile, TaskState, VendorId } from '@contract';

/**
 * One verified vendor callback, normalized. The receiver builds it; the task service merges it into
 * the ledger (deduplicated on `dedupeKey`, ordered by `at`, never moving a task backwards).
 */
export interface CallbackDelivery {
  vendor: VendorId;
  vendorTaskId: string;
  /** Stable across retries of the same callback (ZEGO sequence, TIW Timestamp+EventType, TRTC EventMsTs+EventType). */
  dedupeKey: string;
  /** When the vendor says the event happened, epoch ms. */
  at: number;
  /** Short machine summary for the timeline (`callback 7 stopped, uploading`). */
  summary: string;
  /** What the callback says about the task; fields it does not mention are absent. */
  patch: {
    state?: TaskState;
    rawStatus?: string;
    finishReason?: string;
    files?: RecordingFile[];
  };
  /** The callback body, secrets and signatures redacted. */
  raw: unknown;
}

/** Where verified callbacks go. */
export interface CallbackSink {
  deliver(delivery: CallbackDelivery): Promise<'merged' | 'duplicate' | 'unknown-task'>;
}
