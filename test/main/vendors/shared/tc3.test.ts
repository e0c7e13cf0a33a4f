import { describe, expect, it } from 'vitest';
import {
  deriveSigningKey,
  hostCandidates,
  parseAuthorization,
  sha256Hex,
  signTc3,
  tc3Headers,
  utcDate,
  verifyTc3,
} from '../../../../src-main/vendors/shared/tc3';

const OFFICIAL_PAYLOAD = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const OFFICIAL_PAYLOAD_HASH = '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064';
const D_PAYLOAD = '{"SdkAppId":1400000001,"RoomId":1203,"RecordUserId":"tic_record_user_1203_141551","RecordUserSig":"sig"}';

const hex = (b: Buffer): string => b.toString('hex');

describe('TC3 known answers', () => {
  it('reproduces every value of vector A (official doc, signs x-tc-action)', () => {
    // The spec says 84 bytes; the text whose hash is the published one is 86 bytes long.
    expect(Buffer.byteLength(OFFICIAL_PAYLOAD)).toBe(86);
    const secretKey = '*'.repeat(32);
    const s = signTc3({
      method: 'POST',
      host: 'cvm.tencentcloudapi.com',
      service: 'cvm',
      contentType: 'application/json; charset=utf-8',
      payload: OFFICIAL_PAYLOAD,
      timestamp: 1551113065,
      secretId: `AKID${'*'.repeat(32)}`,
      secretKey,
      action: 'DescribeInstances',
    });
    const keys = deriveSigningKey(secretKey, '2019-02-25', 'cvm');
    expect({
      payloadHash: s.payloadHash,
      canonicalRequest: s.canonicalRequest,
      hashedCanonicalRequest: s.hashedCanonicalRequest,
      credentialScope: s.credentialScope,
      stringToSign: s.stringToSign,
      secretDate: hex(keys.secretDate),
      secretService: hex(keys.secretService),
      secretSigning: hex(keys.secretSigning),
      signature: s.signature,
      authorization: s.authorization,
    }).toEqual({
      payloadHash: OFFICIAL_PAYLOAD_HASH,
      canonicalRequest: [
        'POST',
        '/',
        '',
        'content-type:application/json; charset=utf-8',
        'host:cvm.tencentcloudapi.com',
        'x-tc-action:describeinstances',
        '',
        'content-type;host;x-tc-action',
        OFFICIAL_PAYLOAD_HASH,
      ].join('\n'),
      hashedCanonicalRequest: '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84',
      credentialScope: '2019-02-25/cvm/tc3_request',
      stringToSign: [
        'TC3-HMAC-SHA256',
        '1551113065',
        '2019-02-25/cvm/tc3_request',
        '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84',
      ].join('\n'),
      secretDate: 'da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0',
      secretService: '8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f',
      secretSigning: 'b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af',
      signature: '10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f',
      authorization:
        'TC3-HMAC-SHA256 Credential=AKID********************************/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f',
    });
  });

  it('reproduces every value of vector B (English edition, signs content-type;host)', () => {
    const secretKey = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
    const s = signTc3({
      method: 'POST',
      host: 'cvm.tencentcloudapi.com',
      service: 'cvm',
      contentType: 'application/json; charset=utf-8',
      payload: OFFICIAL_PAYLOAD,
      timestamp: 1551113065,
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey,
    });
    const keys = deriveSigningKey(secretKey, '2019-02-25', 'cvm');
    expect({
      canonicalRequest: s.canonicalRequest,
      hashedCanonicalRequest: s.hashedCanonicalRequest,
      secretDate: hex(keys.secretDate),
      secretService: hex(keys.secretService),
      secretSigning: hex(keys.secretSigning),
      signature: s.signature,
      authorization: s.authorization,
    }).toEqual({
      canonicalRequest: `POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n${OFFICIAL_PAYLOAD_HASH}`,
      hashedCanonicalRequest: '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
      secretDate: 'd1308c81fe71cfd4e06437bbc067b2b8a3d2d8c0e375d547f15c41d5214b395a',
      secretService: '3c7cb7c7795393edc14fd2e0e6434a518564b4504b88e94f5d11bf59ba3e7050',
      secretSigning: 'ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1',
      signature: '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
      authorization:
        'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    });
  });

  it('reproduces both signatures of vector C (Node SDK unit tests)', () => {
    const base = {
      host: 'cvm.tencentcloudapi.com',
      service: 'cvm',
      payload: '{"Action":"DescribeInstances","Version":"2017-03-12"}',
      timestamp: 1640995200,
      secretId: 'test-secret-id',
      secretKey: 'test-secret-key',
    };
    expect(utcDate(1640995200)).toBe('2022-01-01');
    const post = signTc3({ ...base, method: 'POST', contentType: 'application/json' });
    const get = signTc3({ ...base, method: 'GET', contentType: 'application/x-www-form-urlencoded' });
    expect([post.signature, get.signature]).toEqual([
      '96473b50fe407833672a5d6d067238d88bb44c8abcc39ef83baa3132afbfadd3',
      '39ce411ac32014b7d814118b33f82d3445be566f67e1f4b369ccdc3791ce9a13',
    ]);
  });

  it('reproduces the three TIW requests of vector D', () => {
    const base = {
      host: 'tiw.tencentcloudapi.com',
      service: 'tiw',
      timestamp: 1700000000,
      secretId: 'AKIDEXAMPLE',
      secretKey: 'secretKeyExample',
    };
    expect(sha256Hex(D_PAYLOAD)).toBe('2c6088363227cc5b232acb06f261152740d08e4db7d89f0aac2fb1c9fe0c9ae5');
    expect(utcDate(1700000000)).toBe('2023-11-14');
    const plain = signTc3({ ...base, method: 'POST', contentType: 'application/json', payload: D_PAYLOAD });
    const withAction = signTc3({
      ...base,
      method: 'POST',
      contentType: 'application/json; charset=utf-8',
      payload: D_PAYLOAD,
      action: 'StartOnlineRecord',
    });
    const get = signTc3({
      ...base,
      method: 'GET',
      contentType: 'application/x-www-form-urlencoded',
      payload: '',
      query: 'Action=DescribeOnlineRecord&SdkAppId=1400000001&TaskId=abc',
    });
    expect(
      [plain, withAction, get].map((s) => ({ h: s.hashedCanonicalRequest, sig: s.signature })),
    ).toEqual([
      { h: '9ed54013a0612e2af243ebc9945c73747ef706bd26b6d708d52784e61062e083', sig: '41c0b97080960eb066f184d99cbdc09a05a0791b86f626bac8bc3c6d972b73da' },
      { h: '7d13744c13db76d7a4080c26575301a15d296f6f86612488f056c252142999f1', sig: '06aa834e0bfd001cee45f033459646c444c71dfeaa08b338559cc8be924fe04e' },
      { h: 'c643b02c6c823e356b15be213dc748220048490850aaad3675fb8a08ce509ddf', sig: '036c4e9cf8db035ad130e8519a7c9829d04b4eb10c015532e124594b7e68f164' },
    ]);
  });

  it('uses the UTC date, not local time, around midnight UTC+8', () => {
    expect(utcDate(1551113065)).toBe('2019-02-25');
  });
});

describe('TC3 headers and verification', () => {
  const input = {
    method: 'POST' as const,
    host: 'tiw.tencentcloudapi.com',
    service: 'tiw',
    contentType: 'application/json',
    payload: D_PAYLOAD,
    timestamp: 1700000000,
    secretId: 'AKIDEXAMPLE',
    secretKey: 'secretKeyExample',
    action: 'StartOnlineRecord',
  };

  it('builds the X-TC headers beside Authorization', () => {
    const h = tc3Headers({ ...input, version: '2019-09-19', region: 'ap-guangzhou' });
    expect(h).toEqual({
      Authorization: signTc3(input).authorization,
      'Content-Type': 'application/json',
      'X-TC-Action': 'StartOnlineRecord',
      'X-TC-Version': '2019-09-19',
      'X-TC-Timestamp': '1700000000',
      'X-TC-Region': 'ap-guangzhou',
    });
  });

  it('verifies what it signed and rejects a changed body, key or host', () => {
    const s = signTc3(input);
    const auth = parseAuthorization(s.authorization);
    expect(auth).toEqual({
      secretId: 'AKIDEXAMPLE',
      date: '2023-11-14',
      service: 'tiw',
      signedHeaders: ['content-type', 'host', 'x-tc-action'],
      signature: s.signature,
    });
    if (!auth) throw new Error('unparsed');
    const received = {
      method: 'POST',
      query: '',
      headers: { 'content-type': 'application/json', host: 'tiw.tencentcloudapi.com:443', 'x-tc-action': 'StartOnlineRecord' },
      rawBody: Buffer.from(D_PAYLOAD),
      auth,
      timestamp: 1700000000,
      secretKey: 'secretKeyExample',
      hostCandidates: hostCandidates('tiw.tencentcloudapi.com:443'),
    };
    expect(verifyTc3(received)).toBe(true);
    expect(verifyTc3({ ...received, rawBody: Buffer.from(D_PAYLOAD.replace('1203', '1204')) })).toBe(false);
    expect(verifyTc3({ ...received, secretKey: 'other' })).toBe(false);
    expect(verifyTc3({ ...received, hostCandidates: ['127.0.0.1'] })).toBe(false);
    expect(verifyTc3({ ...received, timestamp: 1700000001 })).toBe(false);
  });

  it('rejects malformed Authorization headers', () => {
    expect(parseAuthorization(undefined)).toBeNull();
    expect(parseAuthorization('TC3-HMAC-SHA256 Credential=AK/2023-11-14/tiw/tc3_request,SignedHeaders=host, Signature=00')).toBeNull();
    expect(parseAuthorization('SKIP')).toBeNull();
  });
});
