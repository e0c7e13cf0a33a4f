import { describe, expect, it } from 'vitest';
import { CATALOGUES, ERROR_CODES, formatMessage } from '@contract';
import { ZEGO_ERROR_CODES, zegoError } from '../../../../src-main/vendors/zego/errors';

// Every code of docs/vendors/zego.md §6.1 and §6.2.
const SPEC_CODES = [
  100000000, 100000001, 100000002, 100000003, 100000004, 100000005, 100000006, 100000007, 100000008, 100000009, 100000010, 100000011,
  100000012, 100000013, 100000014, 100000015, 100000016, 100000017, 300000002, 300000003, 300000004, 300000005, 300000006, 300001000,
  300001001, 300001004, 300010000,
];

describe('ZEGO error codes', () => {
  it('maps every documented code to a RecDeck code with both languages', () => {
    expect(Object.keys(ZEGO_ERROR_CODES).map(Number).sort()).toEqual([...SPEC_CODES].sort());
    for (const code of SPEC_CODES) {
      const e = zegoError(code, '', 'rid');
      expect(ERROR_CODES).toContain(e.code);
      expect(e.text!.key in CATALOGUES.en && e.text!.key in CATALOGUES['zh-CN']).toBe(true);
      expect(e.message.length).toBeGreaterThan(5);
      expect(formatMessage('zh-CN', e.text!)).toMatch(/[\u4e00-\u9fff]/);
      expect(e.details).toMatchObject({ vendorCode: code, requestId: 'rid' });
    }
  });

  it('classifies the codes an operator acts on', () => {
    const pick = (c: number) => [zegoError(c, '', null).code, zegoError(c, '', null).retryable];
    expect(pick(100000005)).toEqual(['VENDOR_AUTH', false]);
    expect(pick(100000004)).toEqual(['VENDOR_CLOCK_SKEW', true]);
    expect(pick(300000003)).toEqual(['VENDOR_RATE_LIMITED', true]);
    expect(pick(300000006)).toEqual(['VENDOR_LIMIT', false]);
    expect(pick(300001000)).toEqual(['VENDOR_TASK_NOT_FOUND', false]);
    expect(pick(300001001)).toEqual(['VENDOR_STATE', false]);
    expect(pick(300010000)).toEqual(['VENDOR_INTERNAL', true]);
    expect(zegoError(300000004, 'invalid parameter: RoomId', null).message).toContain('RoomId');
    expect(zegoError(123, 'x', null)).toMatchObject({ code: 'VENDOR_INTERNAL', details: { vendorCode: 123 } });
  });
});
