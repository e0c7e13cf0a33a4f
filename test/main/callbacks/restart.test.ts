import type { VendorId } from '@contract';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallbackReceiver } from '../../../src-main/callbacks';
import { zegoCallbackSignature } from '../../../src-main/vendors/zego/sign';
import { openTaskHarness, request, startKey, type TaskHarness } from '../tasks/harness';
import { purgeKeychain, uniqueService } from '../support';
import { post, receiverOn } from './helpers';

let h: TaskHarness | null = null;
let receiver: CallbackReceiver | null = null;
let service = '';
afterEach(async () => {
  await receiver?.stop();
  h?.sandbox.clearFaults();
  await h?.dispose();
  await purgeKeychain(service);
  receiver = null;
  h = null;
});

/**
 * A harness on the real keychain (the CallbackSecret outlives a restart, as it does for an operator)
 * whose ZEGO account has the Sandbox app's CallbackSecret, and a receiver on it; `sandboxCalls` points
 * ZEGO tasks at the receiver.
 */
async function open(sandboxCalls: boolean): Promise<TaskHarness> {
  service = uniqueService();
  const target = sandboxCalls ? { callbackTarget: (vendor: VendorId, accountId: string) => receiver?.callbackUrlFor(vendor, accountId) ?? null } : {};
  const harness = await openTaskHarness({ keychainService: service, ...target });
  await harness.services.secrets.set({ owner: 'account', id: harness.ids.zego, field: 'callbackSecret', value: harness.creds.zego.callbackSecret });
  h = harness;
  receiver = await receiverOn(harness);
  return harness;
}

/** The core restarts: its receiver and task service go, new ones open the same SQLite file. */
async function restart(harness: TaskHarness): Promise<void> {
  await receiver?.stop();
  await harness.relaunch();
  receiver = await receiverOn(harness);
}

/** A ZEGO callback as ZEGO signs it (spec §9.4), for a task of the harness's app. */
function zegoCallback(harness: TaskHarness, taskId: string, eventType: number, nonce: string, sequence: number): Record<string, unknown> {
  const timestamp = String(Math.floor(harness.sandbox.clock.now() / 1000));
  return {
    app_id: harness.creds.zego.appId, task_id: taskId, room_id: 'r', event_type: eventType, message: '', nonce, timestamp,
    signature: zegoCallbackSignature(harness.creds.zego.callbackSecret, timestamp, nonce), sequence, detail: {},
  };
}

async function until(check: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const zegoUrl = (harness: TaskHarness) => receiver!.callbackUrlFor('zego', harness.ids.zego)!;
const inboxSize = (harness: TaskHarness) => (harness.db.prepare('SELECT count(*) AS n FROM callback_inbox').get() as { n: number }).n;

describe('what the receiver remembers across a restart of the core', () => {
  it('refuses a captured ZEGO callback with an altered body after a restart, and takes the same body again as a retry', async () => {
    const harness = await open(true);
    await harness.sandbox.control('zego', 'publish-stream', { roomId: 'room-replay', streamId: 's1', userId: 'u1' });
    const t = await harness.tasks.start({ accountId: harness.ids.zego, request: request({ roomId: 'room-replay', storageTargetId: harness.ids.storage }), presetId: null, startKey: startKey() });
    await harness.advance(1500);
    await harness.tasks.stop(t.id);
    const sent = harness.sandbox.callbacks().find((c) => c.status === 200 && (JSON.parse(c.body) as { event_type: number }).event_type === 7);
    expect(sent).toBeDefined();
    const captured = JSON.parse(sent!.body) as Record<string, unknown>;

    await restart(harness);
    const altered = await post(zegoUrl(harness), { ...captured, event_type: 2, detail: { quit_reason: 1001 } });
    const retried = await post(zegoUrl(harness), sent!.body);
    const d = harness.tasks.get(t.id);
    expect({ altered, retried: retried.status, state: d.task.state, failed: d.events.some((e) => e.state === 'failed') }).toEqual({
      altered: { status: 401, text: '{"error":"replayed"}' },
      retried: 200,
      state: 'uploading',
      failed: false,
    });
  });

  it('applies after a restart a callback acknowledged while its task’s start had not answered', async () => {
    const harness = await open(false);
    await harness.sandbox.injectFault({ vendor: 'zego', kind: 'delay', ms: 60_000, afterProcessing: true });
    const starting = harness.tasks.start({ accountId: harness.ids.zego, request: request({ roomId: 'room-parked', storageTargetId: harness.ids.storage }), presetId: null, startKey: startKey() });
    starting.catch(() => undefined);
    let vendorTaskId: string | undefined;
    while (!vendorTaskId) {
      vendorTaskId = ((await harness.sandbox.control('zego', 'list-tasks', {})) as Array<{ taskId: string }>)[0]?.taskId;
      await new Promise((r) => setTimeout(r, 10));
    }
    const acked = await post(zegoUrl(harness), zegoCallback(harness, vendorTaskId, 4, '400001', 0));
    const keptBefore = inboxSize(harness);

    // The core stops before the start answers; the next launch finds the task and takes what was parked for it.
    harness.sandbox.clearFaults();
    await restart(harness);
    await harness.advance(1500);
    await harness.tasks.recover();
    const id = (harness.db.prepare('SELECT id FROM tasks WHERE room_id = ?').get('room-parked') as { id: string }).id;
    await until(() => inboxSize(harness) === 0);
    const d = harness.tasks.get(id);
    expect({
      acked,
      keptBefore,
      task: [d.task.vendorTaskId, d.task.state],
      callbacks: d.events.filter((e) => e.source === 'callback').map((e) => e.summary),
    }).toEqual({
      acked: { status: 200, text: '{"code":0}' },
      keptBefore: 1,
      task: [vendorTaskId, 'recording'],
      callbacks: ['callback 4 room has no streams (the callback’s body is not signed: only ZEGO’s status query changes the task)'],
    });
  });

  it('asks ZEGO after a restart for the status a hint was still waiting for', async () => {
    const harness = await open(false);
    await harness.sandbox.control('zego', 'publish-stream', { roomId: 'room-hint', streamId: 's1', userId: 'u1' });
    const t = await harness.tasks.start({ accountId: harness.ids.zego, request: request({ roomId: 'room-hint', storageTargetId: harness.ids.storage }), presetId: null, startKey: startKey() });
    await harness.advance(1500);
    expect((await harness.tasks.stop(t.id)).state).toBe('uploading');
    await harness.advance(120_000);
    // The hint's status read is still on its way when the core stops.
    await harness.sandbox.injectFault({ vendor: 'zego', kind: 'delay', ms: 2000, afterProcessing: true });
    const acked = await post(zegoUrl(harness), zegoCallback(harness, t.vendorTaskId!, 5, '500001', 3));
    const keptBefore = inboxSize(harness);
    await restart(harness);
    await harness.tasks.recover();
    await until(() => harness.tasks.get(t.id).task.state === 'finished');
    await until(() => inboxSize(harness) === 0);
    const d = harness.tasks.get(t.id);
    expect({
      acked,
      keptBefore,
      rows: d.events.filter((e) => e.source !== 'operator').map((e) => `${e.source} ${e.kind} ${e.state ?? '-'}`),
    }).toEqual({
      acked: { status: 200, text: '{"code":0}' },
      keptBefore: 1,
      rows: ['callback callback -', 'poll state-changed finished', 'poll file-changed finished'],
    });
  });
});
