import { describe, expect, it } from 'vitest';
import { CallbackStatusSchema } from '@contract';
import { createCallbackReceiver } from '../../../../src-main/callbacks';
import { callbacksHandlers } from '../../../../src-main/ipc/handlers/callbacks';
import { CallbackReplayStore } from '../../../../src-main/store/callback-replays';
import { openDatabase } from '../../../../src-main/store/db';

const ctx = { host: 'web' as const, trusted: true, senderId: 't' };

describe('callbacks handlers', () => {
  it('answers callbacks:status in the contract shape, off and then on', async () => {
    const receiver = createCallbackReceiver({
      account: () => null,
      key: () => Promise.reject(new Error('unused')),
      replays: new CallbackReplayStore(openDatabase(':memory:')),
      sink: { expects: () => false, deliver: () => Promise.resolve('merged' as const) },
      log: { info() {}, warn() {}, error() {} },
    });
    const handlers = callbacksHandlers({ receiver });
    const off = await handlers['callbacks:status']({}, ctx);
    const url = await receiver.start(0);
    const on = await handlers['callbacks:status']({}, ctx);
    await receiver.stop();
    expect({ off: CallbackStatusSchema.parse(off), on: CallbackStatusSchema.parse(on) }).toEqual({
      off: { enabled: false, url: null, received: 0, rejected: 0, duplicates: 0 },
      on: { enabled: true, url, received: 0, rejected: 0, duplicates: 0 },
    });
  });
});
