import type { Message, RecordingFile, TaskState, VendorId } from '@contract';

/**
 * One verified vendor callback, normalized. The vendor's parser builds it; the task service merges it into
 * the ledger (deduplicated on `dedupeKey`, ordered by `at`, never moving a task backwards).
 */
export interface CallbackDelivery {
  vendor: VendorId;
  vendorTaskId: string;
  /** Stable across retries of the same callback (ZEGO sequence, TIW Timestamp+EventType, TRTC EventMsTs+EventType). */
  dedupeKey: string;
  /** When the vendor says the event happened, epoch ms. */
  at: number;
  /** What the callback says, for the timeline (`callback 7 stopped, uploading`). */
  message: Message;
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

/** Why a callback was refused. Only this word is logged, never the body. */
export type RejectReason = 'malformed' | 'bad-signature' | 'expired' | 'replayed' | 'wrong-app' | 'no-secret' | 'unknown-account';

/**
 * What a vendor parser made of one request. A verified callback about no recording task (a TRTC room
 * or relay event sharing the URL) has a null delivery: it is acknowledged so the vendor stops retrying.
 */
export type ParseOutcome = { ok: true; delivery: CallbackDelivery | null } | { ok: false; reason: RejectReason };

/** One received request, as the parser sees it. */
export interface CallbackInput {
  /** Exactly the bytes received: TRTC signs them. */
  rawBody: Buffer;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The account's verification secret (never logged). */
  secret: string;
  /** The account's vendor app id, checked against the body when the vendor sends one; null = unknown. */
  appId: number | null;
  nowMs: number;
}

/** Verifies and normalizes one vendor's callbacks. */
export interface CallbackParser {
  vendor: VendorId;
  /** The optional account secret that verifies this vendor's callbacks. */
  secretField: string;
  /** The body the vendor wants back on success. */
  ack: string;
  /** The media type the vendor's callbacks carry (docs/vendors/<vendor id>.md); any other is refused. */
  contentType: string;
  /** The account's app id the body must carry (ZEGO AppId, TIW SdkAppId); null where the body has none. */
  appIdOf(fields: Record<string, unknown>): number | null;
  /**
   * For vendors whose signature does not cover the body (ZEGO signs timestamp and nonce only): the
   * token that must never arrive again with a different body. Absent where the body is signed.
   */
  replayToken?(raw: Record<string, unknown>): string;
  parse(input: CallbackInput): ParseOutcome;
}
