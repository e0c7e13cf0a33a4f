import { join } from 'node:path';
import { msg } from '@contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallbackInboxStore } from '../../../src-main/store/callback-inbox';
import { openDatabase } from '../../../src-main/store/db';
import { CallbackInbox } from '../../../src-main/tasks/inbox';
import type { CallbackDelivery } from '../../../src-main/vendors/callbacks';
import { tempDir } from '../support';

const delivery = (vendorTaskId: string, dedupeKey: string): CallbackDelivery => ({
  vendor: 'zego', accountId: 'A1', vendorTaskId, dedupeKey, at: 0, message: msg('timeline.callbackUnknown', { event: dedupeKey }), patch: {}, raw: {},
});

let tmp: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  tmp = tempDir('recdeck-inbox-');
  file = join(tmp.dir, 'recdeck.sqlite');
});
afterEach(() => tmp.cleanup());

/** An inbox over the SQLite file, as a fresh process opens it. */
function open(now: () => number) {
  const db = openDatabase(file);
  return { db, inbox: new CallbackInbox(new CallbackInboxStore(db), now) };
}

describe('the callback inbox', () => {
  it('hands out what was parked for a vendor task once, and forgets callbacks older than 15 minutes', () => {
    let now = 0;
    const { db, inbox } = open(() => now);
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
    db.close();
  });

  it('keeps at most 500 parked callbacks, each once', () => {
    const { db, inbox } = open(() => 0);
    const kept = [inbox.park(delivery('T0', 'k0')), inbox.park(delivery('T0', 'k0'))];
    for (let i = 1; i < 600; i++) inbox.park(delivery(`T${i}`, `k${i}`));
    expect({ kept, last: inbox.take('zego', 'T499').length, over: inbox.take('zego', 'T500').length }).toEqual({ kept: [true, false], last: 1, over: 0 });
    db.close();
  });

  it('keeps parked callbacks and waiting hints across a restart, and settles hints up to the read that answered them', () => {
    const first = open(() => 1000);
    first.inbox.park(delivery('T1', 'parked'));
    first.inbox.hold(delivery('T2', 'h1'));
    first.inbox.hold(delivery('T2', 'h2'));
    first.db.close();
    const second = open(() => 2000);
    const upTo = second.inbox.lastHint('zego', 'T2');
    second.inbox.hold(delivery('T2', 'h3'));
    const waiting = second.inbox.hints().map((d) => d.dedupeKey);
    second.inbox.settle('zego', 'T2', upTo);
    expect({ waiting, afterRead: second.inbox.hints().map((d) => d.dedupeKey), parked: second.inbox.take('zego', 'T1') }).toEqual({
      waiting: ['h1', 'h2', 'h3'],
      afterRead: ['h3'],
      parked: [delivery('T1', 'parked')],
    });
    second.db.close();
  });
});
