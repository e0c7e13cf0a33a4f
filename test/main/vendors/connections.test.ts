import { afterEach, describe, expect, it } from 'vitest';
import { MIX, openTaskHarness, request, startKey, type TaskHarness } from '../tasks/harness';
import { countingVault, purgeKeychain, uniqueService } from '../support';

let h: TaskHarness | null = null;
let service = '';
afterEach(async () => {
  await h?.dispose();
  h = null;
  await purgeKeychain(service);
});

describe('the per-account connection cache', () => {
  it('polls a running Sandbox task 100 times without a keychain read, and builds a new connection after secrets:set', async () => {
    const reads = { n: 0 };
    service = uniqueService();
    h = await openTaskHarness({ keychainService: service, wrapVault: countingVault(reads), limiterOnSandboxClock: true });
    await h.sandbox.control('zego', 'publish-stream', { roomId: 'room-cache', streamId: 's1', userId: 'u1' });
    const t = await h.tasks.start({
      accountId: h.ids.zego,
      request: request({ roomId: 'room-cache', mode: 'mixed', mix: MIX, storageTargetId: h.ids.storage }),
      presetId: null,
      startKey: startKey(),
    });
    const poll = h.tasks.pollSource();
    await h.advance(1500);

    const beforePolls = reads.n;
    const outcomes = new Set<string>();
    for (let i = 0; i < 100; i++) {
      outcomes.add(await poll.poll(t.id));
      await h.advance(200);
    }
    const duringPolls = reads.n - beforePolls;

    // A wrong secret: the next poll reads the account's secrets (serverSecret, callbackSecret) once and
    // signs with the new one, which the Sandbox refuses.
    await h.services.secrets.set({ owner: 'account', id: h.ids.zego, field: 'serverSecret', value: 'not-the-sandbox-secret-000000000' });
    const beforeWrong = reads.n;
    await h.advance(1000);
    const wrong = await poll.poll(t.id);
    const wrongReads = reads.n - beforeWrong;
    const error = h.tasks.get(t.id).task.error?.code;

    // The right one again: one more read, and polling works.
    await h.services.secrets.set({ owner: 'account', id: h.ids.zego, field: 'serverSecret', value: h.creds.zego.serverSecret });
    const beforeRight = reads.n;
    await h.advance(1000);
    const right = await poll.poll(t.id);
    await h.advance(1000);
    const again = await poll.poll(t.id);
    const rightReads = reads.n - beforeRight;

    expect({ duringPolls, outcomes: [...outcomes].sort(), wrong, wrongReads, error, right, again, rightReads }).toEqual({
      duringPolls: 0,
      outcomes: ['changed', 'unchanged'],
      wrong: 'error',
      wrongReads: 2,
      error: 'VENDOR_AUTH',
      right: 'unchanged',
      again: 'unchanged',
      rightReads: 2,
    });
  });

  it('builds a new connection after accounts:update (a new endpoint is used at once)', async () => {
    const reads = { n: 0 };
    service = uniqueService();
    h = await openTaskHarness({ keychainService: service, wrapVault: countingVault(reads), limiterOnSandboxClock: true });
    await h.sandbox.control('zego', 'publish-stream', { roomId: 'room-moved', streamId: 's1', userId: 'u1' });
    const t = await h.tasks.start({ accountId: h.ids.zego, request: request({ roomId: 'room-moved', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    const poll = h.tasks.pollSource();
    await h.advance(1500);
    expect(await poll.poll(t.id)).toBe('changed');

    await h.services.accounts.update({ id: h.ids.zego, patch: { endpoint: 'http://127.0.0.1:9/zego' } });
    const before = reads.n;
    const moved = await poll.poll(t.id);
    expect({ moved, reads: reads.n - before }).toEqual({ moved: 'unreachable', reads: 2 });
  });

  it('reads a callback key once per version of the account: cached, null while unset, read anew after secrets:set', async () => {
    const reads = { n: 0 };
    service = uniqueService();
    h = await openTaskHarness({ keychainService: service, wrapVault: countingVault(reads) });
    const before = reads.n;
    const unset = await Promise.all([h.connections.secret(h.ids.tiw, 'callbackKey'), h.connections.secret(h.ids.tiw, 'callbackKey')]);
    const firstReads = reads.n - before;
    await h.services.secrets.set({ owner: 'account', id: h.ids.tiw, field: 'callbackKey', value: 'key-one' });
    const one = [await h.connections.secret(h.ids.tiw, 'callbackKey'), await h.connections.secret(h.ids.tiw, 'callbackKey')];
    await h.services.secrets.set({ owner: 'account', id: h.ids.tiw, field: 'callbackKey', value: 'key-two' });
    const middle = reads.n;
    const two = [await h.connections.secret(h.ids.tiw, 'callbackKey'), await h.connections.secret(h.ids.tiw, 'callbackKey')];
    // TIW has four secret fields: one read of the account is four keychain reads, whatever the number of callbacks.
    expect({ unset, firstReads, one, two, readsForTwo: reads.n - middle }).toEqual({ unset: [null, null], firstReads: 4, one: ['key-one', 'key-one'], two: ['key-two', 'key-two'], readsForTwo: 4 });
  });
});
