import { afterEach, describe, expect, it } from 'vitest';
import { createCallbackReceiver, type CallbackReceiver } from '../../../src-main/callbacks';
import { CallbackReplayStore } from '../../../src-main/store/callback-replays';
import { tiwCallbackSign } from '../../../src-main/vendors/tencent-tiw/callback';
import { openTaskHarness, request, startKey, type TaskHarness } from '../tasks/harness';
import { capturingLogger, countingVault, purgeKeychain, uniqueService } from '../support';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

let h: TaskHarness | null = null;
let receiver: CallbackReceiver | null = null;
let service = '';
afterEach(async () => {
  await receiver?.stop();
  await h?.dispose();
  await purgeKeychain(service);
  receiver = null;
  h = null;
});

describe('a flood of forged callbacks', () => {
  it('makes no keychain read after the first, keeps the account’s API calls fast and is answered 429 once a source spent its refusals', async () => {
    const reads = { n: 0 };
    service = uniqueService();
    h = await openTaskHarness({ keychainService: service, wrapVault: countingVault(reads) });
    const harness = h;
    await harness.services.secrets.set({ owner: 'account', id: harness.ids.tiw, field: 'callbackKey', value: 'tiw-callback-key-of-the-account' });
    const t = await harness.tasks.start({ accountId: harness.ids.tiw, request: request({ roomId: '4711' }), presetId: null, startKey: startKey() });
    await harness.advance(2500);
    await harness.tasks.refresh(t.id);
    const { log, lines } = capturingLogger();
    receiver = createCallbackReceiver({
      account: (id) => harness.services.accounts.records().find((a) => a.id === id) ?? null,
      key: (id, field) => harness.connections.secret(id, field),
      replays: new CallbackReplayStore(harness.db),
      sink: harness.tasks.callbackSink(),
      log,
      now: () => harness.sandbox.clock.now(),
    });
    await receiver.start(0);
    const url = receiver.callbackUrlFor('tencent-tiw', harness.ids.tiw)!;
    const nowSec = Math.floor(harness.sandbox.clock.now() / 1000);
    let n = 0;
    const forged = (taskId: string) => {
      n += 1;
      const expire = nowSec + 600 + n;
      return JSON.stringify({
        Timestamp: nowSec, SdkAppId: harness.creds['tencent-tiw'].sdkAppId, ExpireTime: expire, Sign: tiwCallbackSign('a-guessed-key', expire),
        EventType: 'OnlineRecordFinished', EventData: { TaskId: taskId, FinishReason: 'EXCEPTION', Error: { Code: 'FailedOperation.Record' } },
      });
    };
    const send = (body: string, source = '198.51.100.1') =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': source }, body }).then(async (r) => (await r.text(), r.status));

    const first = await send(forged(t.vendorTaskId!));
    const readsAfterFirst = reads.n;
    const timedReads = async (): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < 10; i++) {
        const began = performance.now();
        await harness.tasks.refresh(t.id);
        out.push(performance.now() - began);
        await new Promise((r) => setTimeout(r, 100));
      }
      return out;
    };
    const quiet = await timedReads();

    // 40 sources behind the tunnel, each with its own budget of 30 refusals: 1,200 signature checks, then 429s.
    const statuses = new Map<number, number>();
    let floodOn = true;
    const flood = Promise.all(
      Array.from({ length: 40 }, async (_, lane) => {
        while (floodOn) {
          const status = await send(forged(lane % 4 === 0 ? `not-a-task-of-ours-${lane}` : t.vendorTaskId!), `10.0.0.1, 203.0.113.${lane}`);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const loud = await timedReads();
    while ((statuses.get(429) ?? 0) < 200) await new Promise((r) => setTimeout(r, 20));
    floodOn = false;
    await flood;

    const d = harness.tasks.get(t.id);
    const rejectedLines = lines.filter((l) => l.includes('callbacks.rejected')).length;
    expect({
      first,
      firstReads: readsAfterFirst > 0,
      floodReads: reads.n - readsAfterFirst,
      signatureChecks: (statuses.get(401) ?? 0) >= 800,
      answers: [...statuses.keys()].sort(),
      unread: (statuses.get(429) ?? 0) > 0,
      state: d.task.state,
      callbacks: d.events.filter((e) => e.source === 'callback').length,
      fewLogLines: rejectedLines < 10,
    }).toEqual({ first: 401, firstReads: true, floodReads: 0, signatureChecks: true, answers: [401, 404, 429], unread: true, state: 'recording', callbacks: 0, fewLogLines: true });
    // Generous: the status reads may slow down while the same process sends the flood, but not by 24×.
    expect(median(loud)).toBeLessThan(Math.max(5 * median(quiet), median(quiet) + 150));
  });
});
