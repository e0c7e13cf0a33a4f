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
