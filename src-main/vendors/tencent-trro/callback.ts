import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * TRTC-style recording callback signature (TRRO points to the TRTC callback doc):
 * `Sign` header = base64(HMAC-SHA256(key, raw body bytes)). Always over the raw bytes as received —
 * re-serialised JSON would not match.
 */
export function trtcCallbackSign(key: string, rawBody: string | Buffer): string {
  return createHmac('sha256', key).update(rawBody).digest('base64');
}

/** Checks the `Sign` header of a received callback against its raw body. */
export function verifyTrtcCallback(key: string, rawBody: string | Buffer, sign: string | undefined): boolean {
  if (!sign) return false;
  const expected = Buffer.from(trtcCallbackSign(key, rawBody));
  const actual = Buffer.from(sign);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
