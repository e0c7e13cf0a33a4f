import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { genUserSig, verifyUserSig } from '../../../../src-main/vendors/tencent-tiw/usersig';

const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';

describe('TLS-sig-api v2 UserSig', () => {
  it('encodes the documented document: deflated JSON, url-safe base64 with * - _', () => {
    const sig = genUserSig({ sdkAppId: 1400000000, sdkSecretKey: KEY, identifier: 'xiaojun', nowSec: 1700000000, expireSec: 86400 });
    expect(sig).toMatch(/^[A-Za-z0-9*_-]+$/);
    const json = inflateSync(Buffer.from(sig.replace(/_/g, '=').replace(/-/g, '/').replace(/\*/g, '+'), 'base64')).toString();
    // HMAC-SHA256 of "TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:86400\n", computed independently with openssl.
    expect(JSON.parse(json)).toEqual({
      'TLS.ver': '2.0',
      'TLS.identifier': 'xiaojun',
      'TLS.sdkappid': 1400000000,
      'TLS.time': 1700000000,
      'TLS.expire': 86400,
      'TLS.sig': 'SNF4FmVCPucoXsBOpbVF3fFCf57JPm0ezZ1jeVILlVc=',
    });
  });

  it('verifies its own signature and tells each failure apart', () => {
    const base = { sdkAppId: 1400000001, sdkSecretKey: KEY, identifier: 'tic_record_user_1203_1' };
    const sig = genUserSig({ ...base, nowSec: 1700000000, expireSec: 600 });
    expect([
      verifyUserSig({ ...base, userSig: sig, nowSec: 1700000100 }),
      verifyUserSig({ ...base, userSig: sig, nowSec: 1700000601 }),
      verifyUserSig({ ...base, userSig: sig, identifier: 'someone', nowSec: 1700000100 }),
      verifyUserSig({ ...base, userSig: sig, sdkAppId: 1400000002, nowSec: 1700000100 }),
      verifyUserSig({ ...base, userSig: sig, sdkSecretKey: 'x', nowSec: 1700000100 }),
      verifyUserSig({ ...base, userSig: 'sig', nowSec: 1700000100 }),
    ]).toEqual(['ok', 'expired', 'identifier-mismatch', 'sdkappid-mismatch', 'bad-signature', 'malformed']);
  });
});
