import type { Message, RecordingFile, TaskState, VendorId } from '@contract';

/**
 * One verified vendor callback, normalized. The vendor's parser builds it; the task service merges it into
 * the ledger (deduplicated on `dedupeKey`, ordered by `at`, never moving a task backwards), or, where
 * the signature does not cover the body, takes it as a hint to ask the vendor.
 */
export interface CallbackDelivery {
  vendor: VendorId;
  /** The account whose receiver path it came to: the path decides, never the body. */
  accountId: string;
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

/** A callback as its parser reads it; the receiver adds the account from the path. */
export type ParsedCallback = Omit<CallbackDelivery, 'accountId'>;

/**
 * What became of a callback handed to the sink: merged as a fact, kept as a hint while the vendor's
 * status query is asked (`checking`), kept until the start of its task answers (`parked`), already
 * known, or about no task RecDeck started on that account.
 */
export type CallbackResult = 'merged' | 'checking' | 'parked' | 'duplicate' | 'unknown-task';

/** Where verified callbacks go. */
export interface CallbackSink {
  /**
   * Whether `vendorTaskId` names a task RecDeck started on this account, or may (a start there still
   * waits for its vendor task id). Cheap: asked before any key is read, so a forged flood about other
   * tasks costs no keychain read and no vendor call.
   */
  expects(vendor: VendorId, accountId: string, vendorTaskId: string): boolean;
  /** Takes a verified callback; it is kept (written to the ledger or queued there) before this resolves. */
  deliver(delivery: CallbackDelivery): Promise<CallbackResult>;
}

/** Why a callback was refused. Only this word is logged, never the body. */
export type RejectReason = 'malformed' | 'bad-signature' | 'expired' | 'replayed' | 'wrong-app' | 'no-secret' | 'unknown-account' | 'unknown-task';

/**
 * A signature that does not cover the body may come again only with the same body (a vendor's retry):
 * `token` names it until `expiresAt` (epoch ms), after which the parser refuses it as expired anyway.
 */
export interface ReplayClaim {
  token: string;
  expiresAt: number;
}

/**
 * What a vendor parser made of one request. A verified callback about no recording task (a TRTC room
 * or relay event sharing the URL) has a null delivery: it is acknowledged so the vendor stops retrying.
 * `replay` is set where the signature does not cover the body.
 */
export type ParseOutcome = { ok: true; delivery: ParsedCallback | null; replay: ReplayClaim | null } | { ok: false; reason: RejectReason };

/** What a request says before its signature is checked: its task (null: about none) and whether it is in its time window. */
export type CallbackEnvelope = { ok: true; vendorTaskId: string | null } | { ok: false; reason: 'malformed' | 'expired' };

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
  /**
   * Whether the signature covers the body. Where it does, what the body says is a fact to merge. Where
   * it does not (ZEGO signs timestamp and nonce, TIW the key and an expiry time), whoever saw one valid
   * signature can write any body under it: the body is only a hint that something happened, and a
   * vendor with a status query is asked what did.
   */
  bodySigned: boolean;
  /** The account's app id the body must carry (ZEGO AppId, TIW SdkAppId); null where the body has none. */
  appIdOf(fields: Record<string, unknown>): number | null;
  /** The unverified envelope: what the receiver checks before it reads a key. */
  envelope(input: Pick<CallbackInput, 'rawBody' | 'nowMs'>): CallbackEnvelope;
  parse(input: CallbackInput): ParseOutcome;
}
