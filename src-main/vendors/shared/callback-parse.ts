import type { VendorId } from '@contract';
import type { CallbackDelivery } from '../../callbacks/types';

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
  /** The account's app id the body must carry (ZEGO AppId, TIW SdkAppId); null where the body has none. */
  appIdOf(fields: Record<string, unknown>): number | null;
  /**
   * For vendors whose signature does not cover the body (ZEGO signs timestamp and nonce only): the
   * token that must never arrive again with a different body. Absent where the body is signed.
   */
  replayToken?(raw: Record<string, unknown>): string;
  parse(input: CallbackInput): ParseOutcome;
}

/**
 * How far a callback's own timestamp may be from the receiver's clock. ZEGO retries for about 10 s and
 * TRTC for one minute; ten minutes also forgives a loosely synchronised operator machine.
 */
export const REPLAY_WINDOW_MS = 10 * 60_000;

/** The value that replaces signatures in stored copies of a body. */
export const REDACTED = '••••';

/** A plain JSON object, or null. */
export function parseObject(raw: Buffer): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(raw.toString('utf8'));
    return isObject(v) ? v : null;
  } catch {
    return null;
  }
}

/** True for a non-array object. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** A finite number, or a decimal string holding one; else null. */
export function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return null;
}

/** A non-empty string, or null. */
export function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/** An object's array member filtered to objects. */
export function objects(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** Shallow copy of `body` with the named members replaced by {@link REDACTED}. */
export function redact(body: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out = { ...body };
  for (const k of keys) if (k in out) out[k] = REDACTED;
  return out;
}
