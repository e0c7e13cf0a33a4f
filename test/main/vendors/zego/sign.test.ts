import { describe, expect, it } from 'vitest';
import { signZegoRequest, zegoCallbackSignature, zegoNonce, zegoSignature } from '../../../../src-main/vendors/zego/sign';

describe('ZEGO signatures', () => {
  it('matches the official v2 request vector', () => {
    expect(zegoSignature(12345, '4fd24687296dd9f3', '9193cc662a4c0ec135ec71fb57194b38', 1615186943)).toBe('43e5cfcca828314675f91b001390566a');
  });

  it('matches the official callback vector', () => {
    expect(zegoCallbackSignature('secret', '1470820198', '123412')).toBe('5bd59fd62953a8059fb7eaba95720f66d19e4517');
  });

  it('makes a fresh 16-hex nonce for every call', () => {
    const a = zegoNonce();
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(zegoNonce()).not.toBe(a);
  });

  it('signs the public parameters with the nonce and timestamp it puts in the query', () => {
    expect(signZegoRequest(12345, '9193cc662a4c0ec135ec71fb57194b38', 1615186943, '4fd24687296dd9f3')).toEqual({
      AppId: '12345',
      SignatureNonce: '4fd24687296dd9f3',
      Timestamp: '1615186943',
      Signature: '43e5cfcca828314675f91b001390566a',
      SignatureVersion: '2.0',
    });
  });
});
