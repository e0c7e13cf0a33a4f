import { createHash, randomBytes } from 'node:crypto';

/** How far a request's Timestamp may be from ZEGO's clock, either way (docs/vendors/zego.md §3). */
export const ZEGO_SIGNATURE_WINDOW_SEC = 600;

/** The query parameters that authenticate one ZEGO v2 call. */
export interface ZegoSignedParams {
  AppId: string;
  SignatureNonce: string;
  Timestamp: string;
  Signature: string;
  SignatureVersion: '2.0';
}

/** ZEGO v2 signature: lowercase hex MD5 of AppId + SignatureNonce + ServerSecret + Timestamp (seconds). */
export function zegoSignature(appId: number | string, nonce: string, serverSecret: string, timestampSec: number): string {
  return createHash('md5').update(`${appId}${nonce}${serverSecret}${timestampSec}`, 'utf8').digest('hex');
}

/** 16 hex characters from 8 random bytes, as ZEGO's reference code does. */
export function zegoNonce(): string {
  return randomBytes(8).toString('hex');
}

/** Fresh public auth params for one call; a new nonce every time, as ZEGO asks. */
export function signZegoRequest(appId: number | string, serverSecret: string, timestampSec: number, nonce: string = zegoNonce()): ZegoSignedParams {
  return {
    AppId: String(appId),
    SignatureNonce: nonce,
    Timestamp: String(timestampSec),
    Signature: zegoSignature(appId, nonce, serverSecret, timestampSec),
    SignatureVersion: '2.0',
  };
}

/**
 * Signature of a v2 recording callback: lowercase hex SHA1 of [callbackSecret, timestamp, nonce]
 * sorted as strings and joined. The callback receiver compares it with the body's `signature`.
 */
export function zegoCallbackSignature(callbackSecret: string, timestamp: string, nonce: string): string {
  const parts = [callbackSecret, timestamp, nonce].sort();
  return createHash('sha1').update(parts.join(''), 'utf8').digest('hex');
}
