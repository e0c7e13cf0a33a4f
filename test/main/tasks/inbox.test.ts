import { msg } from '@contract';
import { describe, expect, it } from 'vitest';
import { CallbackInbox } from '../../../src-main/tasks/inbox';
import type { CallbackDelivery } from '../../../src-main/vendors/callbacks';

const delivery = (vendorTaskId: string, dedupeKey: string): CallbackDelivery => ({ vendor: 'zego', accountId: 'A1', vendorTaskId, dedupeKey, at: 0, message: msg('timeline.callbackUnknown', { event: dedupeKey }), patch: {}, raw: {} });

describe('the callback inbox', () => {
  it('hands out what was parked for a vendor task once, and forgets callbacks older than 15 minutes', () => {
    let now = 0;
    const inbox = new CallbackInbox(() => now);
    inbox.park(delivery('T1', 'a'));
    inbox.park(delivery('T1', 'b'));
    const first = inbox.take('zego', 'T1').map((d) => d.dedupeKey);
    const again = inbox.take('zego', 'T1');
    inbox.park(delivery('T2', 'old'));
    now = 10 * 60_000;
    inbox.park(delivery('T3', 'new'));
    now = 16 * 60_000;
    inbox.park(delivery('T4', 'cleans up'));
    expect({
      first,
      again,
      old: inbox.take('zego', 'T2'),
      recent: inbox.take('zego', 'T3').map((d) => d.dedupeKey),
      otherVendor: inbox.take('tencent-tiw', 'T4'),
    }).toEqual({ first: ['a', 'b'], again: [], old: [], recent: ['new'], otherVendor: [] });
  });

  it('keeps at most 500 callbacks', () => {
    const inbox = new CallbackInbox(() => 0);
    for (let i = 0; i < 600; i++) inbox.park(delivery(`T${i}`, `k${i}`));
    expect([inbox.take('zego', 'T499').length, inbox.take('zego', 'T500').length]).toEqual([1, 0]);
  });
});
