import type {
  ConnectionTestKind,
  EventSource,
  FieldIssue,
  LegacyImport,
  MixSettings,
  RecordingRequest,
  TaskState,
  TimelineEventDraft,
  VendorDescriptor,
  VendorId,
  VendorStatus,
} from '@contract';
import type { CallbackParser } from './callbacks';
import type { AccountCredentials, StorageForSend } from './credentials';
import type { ClockSkewStore } from './shared/http';
import type { RateLane, RateLimiter, RequestPriority } from './shared/rate-limiter';

/** Process-wide services every vendor connection shares. */
export interface VendorDeps {
  limiter: RateLimiter;
  skew: ClockSkewStore;
  timeoutMs: number;
  now?: () => number;
  /** Waits between throttled retries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * One request/response pair with a vendor, as the ledger stores it for the inspector. Secrets are
 * already redacted (`***`) and the signature is never part of it: `request` holds the method, the
 * URL without signature parameters and the body.
 */
export interface ExchangeRecord {
  vendor: VendorId;
  action: string;
  at: number;
  durationMs: number;
  requestId: string | null;
  request: { method: string; url: string; body: unknown };
  response: unknown;
  httpStatus: number | null;
  /** Vendor error code (or RecDeck code for transport failures); null on success. */
  errorCode: string | null;
}

/**
 * One call on a connection: who is asking, and where its exchange goes. The sink travels with the
 * call, not the connection, because one cached connection serves every task of its account and each
 * exchange belongs to the task that caused it.
 */
export interface VendorCall {
  priority: RequestPriority;
  /** Receives the call's exchange, success or not. */
  onExchange?: (exchange: ExchangeRecord) => void;
}

/** A task at the vendor, as the recording actions need it. */
export interface VendorTaskRef {
  vendorTaskId: string;
  /** The normalized request the task was started with (mix output id, whiteboard, mode). */
  request: RecordingRequest;
}

/** What a successful start returns. */
export interface VendorStartResult {
  vendorTaskId: string;
  /** Null when the task was found by reconciliation after the answer was lost. */
  requestId: string | null;
  /** The body as sent, secrets redacted. */
  sentBody: unknown;
  reconciled: boolean;
}

/** What a status read returns. */
export interface VendorStatusRead {
  status: VendorStatus;
  requestId: string | null;
  /** The vendor's answer, secrets redacted, for the timeline. */
  raw: unknown;
}

/** One task of a vendor's list of tasks in progress, as a sweep reads it. */
export interface OpenTaskRow {
  vendorTaskId: string;
  roomId: string;
  /** When the vendor says the task began, epoch ms (the list's sort key at vendors that sort by it). */
  startedAt: number | null;
  rawStatus: string;
  /** The state the row alone tells, or null when only a status read can tell (files decide it). */
  state: TaskState | null;
}

/** One page of the list of tasks in progress, in the vendor's order. */
export interface OpenTaskPage {
  tasks: OpenTaskRow[];
  /** How many tasks the vendor counted for the whole list when it answered this page. */
  total: number;
  pageSize: number;
}

/** Whether a start whose answer was lost created a task (see the ZEGO client's reconcileStart). */
export type VendorStartOutcome = { outcome: 'started'; taskId: string } | { outcome: 'not-started' } | { outcome: 'unknown' };

/**
 * A signed connection to one vendor account. Optional actions exist exactly where the vendor's
 * descriptor says the capability does: an absent method is an action the vendor does not offer.
 */
export interface VendorConnection {
  /** One cheap signed call; resolves with the RequestId or throws an AppFailure that says why. */
  ping(call: VendorCall): Promise<{ requestId: string }>;
  /**
   * Starts a recording of a request the task service has validated. `storage` carries the target's
   * keys, injected only into the body on the wire. `clientTaskId` is RecDeck's task id, sent where the
   * vendor has an idempotency key.
   */
  start(input: { request: RecordingRequest; storage: StorageForSend | null; clientTaskId: string }, call: VendorCall): Promise<VendorStartResult>;
  stop(task: VendorTaskRef, call: VendorCall): Promise<{ requestId: string }>;
  pause?(task: VendorTaskRef, call: VendorCall): Promise<{ requestId: string }>;
  resume?(task: VendorTaskRef, call: VendorCall): Promise<{ requestId: string }>;
  updateLayout?(task: VendorTaskRef, mix: MixSettings, call: VendorCall): Promise<{ requestId: string; sentBody: unknown }>;
  updateWhiteboard?(task: VendorTaskRef, whiteboardId: string, call: VendorCall): Promise<{ requestId: string }>;
  snapshot?(task: VendorTaskRef, call: VendorCall): Promise<{ requestId: string }>;
  /** The task's status now; absent for vendors without a status query. */
  status?(task: VendorTaskRef, call: VendorCall): Promise<VendorStatusRead>;
  /**
   * Points the vendor's status callbacks at `url`, signed with the account's callback key when it
   * has one. Absent where the callback URL travels with each start.
   */
  directCallbacks?(url: string, call: VendorCall): Promise<void>;
  /**
   * Page `page` (from 1) of the account's tasks in progress that began in the vendor's query window
   * as of `asOf` (our clock; the connection corrects for the vendor's). Every page of one sweep passes
   * the same `asOf`, so the window stays put while the pages are read. Present exactly where the
   * descriptor's `listTasks` capability is.
   */
  listOpenTasks?(query: { page: number; asOf: number }, call: VendorCall): Promise<OpenTaskPage>;
  /** Finds the task a start created when its answer was lost; absent where the vendor cannot list tasks. */
  reconcileStart?(input: { roomId: string; sentAt: number; knownTaskIds: readonly string[] }, call: VendorCall): Promise<VendorStartOutcome>;
}

/** What `tasks:preview` shows: the request as it would go out, secrets and signatures as placeholders. */
export interface VendorRequestPreview {
  method: string;
  /** URL without signature parameters. */
  url: string;
  /** Headers for the cURL line, signature-bearing ones as placeholders. */
  headers: Record<string, string>;
  /** Query parameters that carry the signature, as placeholders (ZEGO); empty for header-signed vendors. */
  signatureQuery: Record<string, string>;
  /** The body, secrets shown as `••••`. */
  body: unknown;
}

/** What a signed command line does: start a request (its body's secrets masked), or read a task's status. */
export type CurlTarget = { kind: 'start'; request: RecordingRequest; storage: StorageShape | null } | { kind: 'status'; task: VendorTaskRef };

/** A request signed now, for `tasks:signedCurl`: as it would go out, the signature in place. */
export interface SignedRequest {
  method: string;
  /** With the signature's query parameters where the vendor signs that way. */
  url: string;
  headers: Record<string, string>;
  /** Secrets masked (`••••`); the signature must not cover the body. */
  body: unknown;
  /** When the vendor stops accepting the signature, epoch ms on the caller's clock. */
  expiresAt: number;
}

/** The non-secret part of a storage target, plus which keys are set (for validators and previews). */
export interface StorageShape {
  target: StorageForSend['target'];
  keysSet: Partial<Record<keyof StorageForSend['keys'], boolean>>;
}

/**
 * One vendor, as the core sees it: `vendors/<id>/adapter.ts`. Generic code asks its capabilities and
 * properties, never its name. Adding a vendor = a folder under `vendors/`, one line in `registry.ts`
 * and its emulator folder.
 */
export interface VendorAdapter<V extends VendorId = VendorId> {
  id: V;
  /** Capabilities, limits and form fields as data; `vendors:list` returns it as it is. */
  descriptor: VendorDescriptor;
  /** The vendor's short name in timeline summaries and notes (`TIW RECORDING→PAUSED`). */
  label: string;
  /** The vendor's base URL for an account without a custom endpoint. */
  defaultBaseUrl(account: Extract<AccountCredentials, { vendor: V }>): string;
  /** Secret fields `ping` needs (the rest may be missing, e.g. TIW's SDK key). */
  pingSecrets: readonly string[];
  /** Verifies and parses this vendor's status callbacks for the local receiver. */
  callbacks: CallbackParser;
  /** Vendor error codes that mean something specific when testing a connection (a wrong region …). */
  pingFailureKinds: Readonly<Record<string, ConnectionTestKind>>;
  connect(account: Extract<AccountCredentials, { vendor: V }>, baseUrl: string, deps: VendorDeps): VendorConnection;
  /**
   * The rate-limit lane of this account's status query, from the same rate table the client sends
   * by, shared with the operator's own calls; null when the vendor has no status query.
   */
  pollLane(account: { environment: string; fields: Record<string, unknown> }): RateLane | null;
  /**
   * The vendor account key this account's rate limits belong to (its lanes' prefix, e.g. the AppId):
   * in a team one desk polls each key. Made of non-secret fields only, since it is written to the team server.
   */
  accountKey(account: { environment: string; fields: Record<string, unknown> }): string;
  /**
   * The rate-limit lane of this account's task list (sweeps), from the same rate table; absent where
   * the vendor cannot list its tasks. Accounts with the same lane see the same tasks.
   */
  sweepLane?(account: { environment: string; fields: Record<string, unknown> }): RateLane;
  /**
   * The request a task started outside RecDeck amounts to, as far as its status tells (for adopting
   * it); present where tasks can be listed.
   */
  adoptedRequest?(roomId: string, status: VendorStatus): RecordingRequest;
  /** Timeline events between two statuses; nothing when nothing changed. */
  diff(prev: VendorStatus | null, next: VendorStatus, source: EventSource, at: number): TimelineEventDraft[];
  /** Every problem the contract's validators find in the request for this vendor (and storage target). */
  validate(request: RecordingRequest, storage: StorageShape | null): FieldIssue[];
  /** Every problem with a new layout for a running task started with `request`; absent where layouts cannot change. */
  validateLayout?(mix: MixSettings, request: RecordingRequest): FieldIssue[];
  /** Where a `curl` line of `action` carries its signature, as placeholders: query parameters (ZEGO) or headers (TC3). */
  curlPlaceholders(account: { environment: string; fields: Record<string, unknown> }, action: string): Pick<VendorRequestPreview, 'signatureQuery' | 'headers'>;
  /** Actions that only read (status queries, task lists), which the request inspector can hide. */
  readActions: readonly string[];
  /** The start request as it would be sent, without sending it and without any secret. */
  previewStart(
    account: { environment: string; fields: Record<string, unknown> },
    baseUrl: string,
    request: RecordingRequest,
    storage: StorageShape | null,
    clientTaskId: string,
  ): VendorRequestPreview;
  /**
   * `target` signed at `nowMs` (the vendor's clock runs `skewSec` ahead) for a command line; present
   * exactly where `capabilities.signedCurl` is, that is where the signature names no secret and does
   * not cover the body.
   */
  signForCurl?(account: Extract<AccountCredentials, { vendor: V }>, baseUrl: string, target: CurlTarget, nowMs: number, skewSec: number): SignedRequest;
  /** A pasted start body of the vendor's older API as a request for the form; present exactly where `capabilities.legacyImport` is. */
  importLegacyStart?(text: string): LegacyImport;
}
