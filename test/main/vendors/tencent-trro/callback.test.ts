import { describe, expect, it } from 'vitest';
import { trtcCallbackSign, verifyTrtcCallback } from '../../../../src-main/vendors/tencent-trro/callback';

const BODY =
  '{\n\t"EventGroupId":\t2,\n\t"EventType":\t204,\n\t"CallbackTs":\t1664209748188,\n\t"EventInfo":\t{\n\t\t"RoomId":\t8489,\n\t\t"EventTs":\t1664209748,\n\t\t"EventMsTs":\t1664209748180,\n\t\t"UserId":\t"user_85034614",\n\t\t"Reason":\t0\n\t}\n}';

describe('TRTC/TRRO callback signature', () => {
  it('matches the official vector over the raw body', () => {
    expect(trtcCallbackSign('123654', BODY)).toBe('kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=');
  });

  it('fails on a re-serialised body or a wrong key', () => {
    const sign = 'kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=';
    expect([
      verifyTrtcCallback('123654', Buffer.from(BODY), sign),
      verifyTrtcCallback('123654', JSON.stringify(JSON.parse(BODY)), sign),
      verifyTrtcCallback('654321', BODY, sign),
      verifyTrtcCallback('123654', BODY, undefined),
    ]).toEqual([true, false, false, false]);
  });
});
