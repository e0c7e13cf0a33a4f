import { describe, expect, it } from 'vitest';
import { tiwCallbackSign, verifyTiwCallback } from '../../../../src-main/vendors/tencent-tiw/callback';

describe('TIW callback signature', () => {
  it('matches the official vector', () => {
    expect(tiwCallbackSign('Xz4ZgayTr7rMgWQrH', 1588040109)).toBe('a2dabb362a9b811c0e26953a6276a41c');
  });

  it('rejects a wrong key and an expired callback', () => {
    const base = { callbackKey: 'Xz4ZgayTr7rMgWQrH', sign: 'a2dabb362a9b811c0e26953a6276a41c', expireTime: 1588040109 };
    expect([
      verifyTiwCallback({ ...base, nowSec: 1588040100 }),
      verifyTiwCallback({ ...base, callbackKey: 'other', nowSec: 1588040100 }),
      verifyTiwCallback({ ...base, nowSec: 1588040110 }),
      verifyTiwCallback({ ...base, expireTime: '1588040109', nowSec: 1588040100 }),
    ]).toEqual(['ok', 'bad-signature', 'expired', 'bad-signature']);
  });
});
