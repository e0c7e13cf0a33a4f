import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * TIW event-callback signature: `Sign = md5(CallbackKey + ExpireTime)` in lowercase hex, ExpireTime
 * in decimal. It authenticates the key holder but not the body, so receivers must also reject
 * callbacks whose ExpireTime has passed.
 */
export function tiwCallbackSign(callbackKey: string, expireTime: number): string {
  return createHash('md5').update(`${callbackKey}${expireTime}`, 'utf8').digest('hex');
}

/** Checks a received TIW callback's Sign and ExpireTime (`nowSec` in UNIX seconds). */
export function verifyTiwCallback(input: {
  callbackKey: string;
  sign: unknown;
  expireTime: unknown;
  nowSec: number;
}): 'ok' | 'bad-signature' | 'expired' {
  if (typeof input.sign !== 'string' || typeof input.expireTime !== 'number') return 'bad-signature';
  const expected = Buffer.from(tiwCallbackSign(input.callbackKey, input.expireTime));
  const actual = Buffer.from(input.sign.toLowerCase());
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return 'bad-signature';
  return input.nowSec > input.expireTime ? 'expired' : 'ok';
}
