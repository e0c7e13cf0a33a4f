import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';

/**
 * TLS-sig-api v2 UserSig (the IM/TRTC ticket the TIW recorder logs in with), written from
 * tencentyun/tls-sig-api-v2-node: HMAC-SHA256 over a fixed content string, a JSON document, zlib
 * deflate, then base64 with `+ / =` replaced by `* - _`.
 */

/** Default lifetime we give a generated RecordUserSig: long enough for the 24 h recording ceiling. */
export const DEFAULT_USERSIG_EXPIRE_SEC = 2 * 24 * 3600;

function contentToSign(identifier: string, sdkAppId: number, time: number, expire: number): string {
  return `TLS.identifier:${identifier}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
}

function hmacBase64(key: string, content: string): string {
  return createHmac('sha256', key).update(content, 'utf8').digest('base64');
}

function escapeBase64(b64: string): string {
  return b64.replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

function unescapeBase64(s: string): string {
  return s.replace(/_/g, '=').replace(/-/g, '/').replace(/\*/g, '+');
}

/** Generates a UserSig for `identifier`, issued at `nowSec` and valid for `expireSec` seconds. */
export function genUserSig(input: {
  sdkAppId: number;
  sdkSecretKey: string;
  identifier: string;
  nowSec: number;
  expireSec?: number;
}): string {
  const expire = input.expireSec ?? DEFAULT_USERSIG_EXPIRE_SEC;
  const doc = {
    'TLS.ver': '2.0',
    'TLS.identifier': input.identifier,
    'TLS.sdkappid': input.sdkAppId,
    'TLS.time': input.nowSec,
    'TLS.expire': expire,
    'TLS.sig': hmacBase64(input.sdkSecretKey, contentToSign(input.identifier, input.sdkAppId, input.nowSec, expire)),
  };
  return escapeBase64(deflateSync(Buffer.from(JSON.stringify(doc))).toString('base64'));
}

/** Why a UserSig was refused; `ok` when it is valid for that user and app at `nowSec`. */
export type UserSigCheck = 'ok' | 'malformed' | 'identifier-mismatch' | 'sdkappid-mismatch' | 'bad-signature' | 'expired';

/** Verifies a UserSig the way the IM login does (used by the Sandbox and by tests). */
export function verifyUserSig(input: {
  userSig: string;
  sdkAppId: number;
  sdkSecretKey: string;
  identifier: string;
  nowSec: number;
}): UserSigCheck {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(inflateSync(Buffer.from(unescapeBase64(input.userSig), 'base64')).toString('utf8')) as Record<string, unknown>;
  } catch {
    return 'malformed';
  }
  const identifier = doc['TLS.identifier'];
  const sdkAppId = doc['TLS.sdkappid'];
  const time = doc['TLS.time'];
  const expire = doc['TLS.expire'];
  const sig = doc['TLS.sig'];
  if (typeof identifier !== 'string' || typeof time !== 'number' || typeof expire !== 'number' || typeof sig !== 'string') {
    return 'malformed';
  }
  if (identifier !== input.identifier) return 'identifier-mismatch';
  if (Number(sdkAppId) !== input.sdkAppId) return 'sdkappid-mismatch';
  const expected = Buffer.from(hmacBase64(input.sdkSecretKey, contentToSign(identifier, input.sdkAppId, time, expire)));
  const actual = Buffer.from(sig);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return 'bad-signature';
  if (input.nowSec > time + expire) return 'expired';
  return 'ok';
}
