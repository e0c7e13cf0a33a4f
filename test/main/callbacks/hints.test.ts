import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallbackReceiver } from '../../../src-main/callbacks';
import { tiwCallbackSign } from '../../../src-main/vendors/tencent-tiw/callback';
import { trtcCallbackSign } from '../../../src-main/vendors/tencent-trro/callback';
import { openTaskHarness, request, startKey, type TaskHarness } from '../tasks/harness';
import { post, receiverOn } from './helpers';

const TIW_KEY = 'tiw-callback-key-0001';
const TRRO_KEY = 'trroSignKey0001';

let h: TaskHarness;
let receiver: CallbackReceiver | null = null;
beforeEach(async () => {
  h = await openTaskHarness({ callbackTarget: (vendor, accountId) => receiver?.callbackUrlFor(vendor, accountId) ?? null });
  await h.services.secrets.set({ owner: 'account', id: h.ids.tiw, field: 'callbackKey', value: TIW_KEY });
  await h.services.secrets.set({ owner: 'account', id: h.ids.trro, field: 'signKey', value: TRRO_KEY });
  receiver = await receiverOn(h);
});
afterEach(async () => {
  await receiver?.stop();
  receiver = null;
  await h.dispose();
});

/** Real-time wait for what the receiver and the hint queries do in the background. */
async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const reads = (id: string) => h.tasks.get(id).exchanges.filter((e) => e.action === 'DescribeOnlineRecord').length;

describe('a TIW callback is a hint: the status query decides', () => {
  it('leaves another running task’s state and files alone when a captured Sign is put on a forged body, and asks TIW instead', async () => {
    const a = await h.tasks.start({ accountId: h.ids.tiw, request: request({ roomId: '1001' }), presetId: null, startKey: startKey() });
    await h.advance(2500);
    const b = await h.tasks.start({ accountId: h.ids.tiw, request: request({ roomId: '1002' }), presetId: null, startKey: startKey() });
    await h.advance(2500);
    await until(() => h.tasks.get(a.id).task.state === 'recording' && h.tasks.get(b.id).task.state === 'recording');
    const captured = h.sandbox
      .callbacks()
      .map((c) => JSON.parse(c.body) as { Sign: string; ExpireTime: number; EventData: { TaskId: string } })
      .find((body) => body.EventData.TaskId === a.vendorTaskId)!;
    const evil = 'https://evil.example/recording.mp4';
    const forged = (sign: string, expireTime: number, timestamp: number) => ({
      Timestamp: timestamp, SdkAppId: h.creds['tencent-tiw'].sdkAppId, ExpireTime: expireTime, Sign: sign, EventType: 'OnlineRecordFinished',
      EventData: {
        TaskId: b.vendorTaskId, FinishReason: 'EXCEPTION', Error: { Code: 'FailedOperation.Record', Message: 'forged' },
        VideoInfos: [{ VideoId: 'evil', VideoUrl: evil, VideoType: 0, VideoFormat: 'mp4', VideoDuration: 1000, UserId: 'u', Width: 640, Height: 360 }],
      },
    });
    const url = receiver!.callbackUrlFor('tencent-tiw', h.ids.tiw)!;
    const nowSec = Math.floor(h.sandbox.clock.now() / 1000);

    // The review's attack: A's Sign and ExpireTime, on a body about B.
    const reused = await post(url, forged(captured.Sign, captured.ExpireTime, nowSec));
    // A Sign intercepted before it reached RecDeck (made here with the key): the body is taken as a hint.
    const expire = nowSec + 900;
    const readsBefore = reads(b.id);
    const fresh = await post(url, forged(tiwCallbackSign(TIW_KEY, expire), expire, nowSec + 1));
    await until(() => reads(b.id) > readsBefore);
    const again = await post(url, { ...forged(tiwCallbackSign(TIW_KEY, expire), expire, nowSec + 2), EventType: 'OnlineRecordStopped' });

    const d = h.tasks.get(b.id);
    const stored = ['callback_replays', 'callback_inbox', 'task_events'].map((table) => JSON.stringify(h.db.prepare(`SELECT * FROM ${table}`).all())).join('');
    expect({
      signsStored: [captured.Sign, tiwCallbackSign(TIW_KEY, expire)].filter((sign) => stored.includes(sign)),
      reused,
      fresh: fresh.status,
      again,
      state: d.task.state,
      error: d.task.error,
      files: d.files,
      alerts: h.alerts.filter((x) => x.taskId === b.id).map((x) => x.kind),
      hintRows: d.events.filter((e) => e.source === 'callback').map((e) => [e.kind, e.state, e.summary.includes('body is not signed: only TIW’s status query changes the task')]),
      askedTiw: reads(b.id) - readsBefore,
      aUntouched: h.tasks.get(a.id).task.state,
    }).toEqual({
      signsStored: [],
      reused: { status: 401, text: '{"error":"replayed"}' },
      fresh: 200,
      again: { status: 401, text: '{"error":"replayed"}' },
      state: 'recording',
      error: null,
      files: [],
      alerts: [],
      hintRows: [
        ['callback', null, true],
        ['callback', null, true],
      ],
      askedTiw: 1,
      aUntouched: 'recording',
    });
  });

  it('follows a real stop through the query the Stopped hint asks for', async () => {
    const t = await h.tasks.start({ accountId: h.ids.tiw, request: request({ roomId: '1003' }), presetId: null, startKey: startKey() });
    await h.advance(2500);
    await until(() => h.tasks.get(t.id).task.state === 'recording');
    // A second later: TIW signs only the key and ExpireTime, so an event in the same second as Started
    // would carry Started's Sign, which the receiver takes once.
    await h.advance(1000);
    // Another desk stops it: only the callback tells RecDeck, and the query it prompts moves the task.
    const other = await h.connections.get(h.ids.tiw, 'tencent-tiw');
    await other.connection.stop({ vendorTaskId: t.vendorTaskId!, request: request({ roomId: '1003' }) }, { priority: 'operator' });
    await until(() => h.tasks.get(t.id).task.state === 'uploading');
    const d = h.tasks.get(t.id);
    expect(d.events.filter((e) => e.source !== 'operator').map((e) => `${e.source} ${e.kind} ${e.state ?? '-'}`)).toEqual([
      'callback callback -',
      'poll state-changed recording',
      'callback callback -',
      'poll state-changed uploading',
    ]);
  });
});

describe('a TRRO callback is a fact only about its own account’s tasks and storage', () => {
  const signed = (body: unknown) => {
    const raw = JSON.stringify(body);
    return { raw, headers: { Sign: trtcCallbackSign(TRRO_KEY, raw) } };
  };
  const event = (taskId: string, eventType: number, payload: Record<string, unknown>, at: number) => ({
    EventGroupId: 3, EventType: eventType, CallbackTs: at, EventInfo: { RoomId: 1, EventTs: Math.floor(at / 1000), EventMsTs: at, UserId: 'rec', TaskId: taskId, Payload: payload },
  });

  it('refuses a task of another account, keeps no file address off the storage target and marks what only the callback says', async () => {
    const t = await h.tasks.start({ accountId: h.ids.trro, request: request({ roomId: 'device-9', storageTargetId: h.ids.storage }), presetId: null, startKey: startKey() });
    const twin = await h.services.accounts.create({
      vendor: 'tencent-trro', name: 'R twin', endpoint: `${h.sandbox.baseUrl}/tencent-trro`, fields: { projectId: h.creds['tencent-trro'].projectId },
      secrets: { secretId: h.creds['tencent-trro'].secretId, secretKey: h.creds['tencent-trro'].secretKey, signKey: TRRO_KEY },
    });
    const at = h.sandbox.clock.now();
    const send = (accountId: string, body: unknown) => {
      const s = signed(body);
      return post(receiver!.callbackUrlFor('tencent-trro', accountId)!, s.raw, s.headers);
    };
    const ours = (n: number, payload: Record<string, unknown>, type: number) => send(h.ids.trro, event(t.vendorTaskId!, type, payload, at + n));
    const answers = {
      otherAccount: await send(twin.id, event(t.vendorTaskId!, 302, { LeaveCode: 0 }, at)),
      notOurs: await send(h.ids.trro, event('not-a-task-of-ours.', 302, { LeaveCode: 0 }, at)),
      stopped: (await ours(1000, { LeaveCode: 0 }, 302)).status,
      vod: (await ours(2000, { Status: 0, TencentVod: { FileId: 'v1', CacheFile: 'deck/x.mp4', VideoUrl: 'https://evil.example/x.mp4', MediaId: 'main' } }, 311)).status,
    };
    const d = h.tasks.get(t.id);
    expect({
      answers,
      state: d.task.state,
      files: d.files.map((f) => [f.fileId, f.url]),
      callbackRows: d.events.filter((e) => e.source === 'callback').map((e) => [e.kind, e.summary]),
    }).toEqual({
      answers: { otherAccount: { status: 404, text: '{"error":"unknown-task"}' }, notOurs: { status: 404, text: '{"error":"unknown-task"}' }, stopped: 200, vod: 200 },
      state: 'uploading',
      files: [['deck/x.mp4', null]],
      // Beside the Sandbox's own 301 (and the raw status it moved): ours, whatever order their times give.
      callbackRows: expect.arrayContaining([
        ['callback', '302 recorder stopped (normal stop) (callback only: TRRO has no status query to confirm it)'],
        ['state-changed', 'state recording→uploading (TRRO 301→302/normal stop) (callback only: TRRO has no status query to confirm it)'],
        ['callback', '311 VOD commit (ok) (callback only: TRRO has no status query to confirm it)'],
        ['note', 'a callback gave file deck/x.mp4 an address on evil.example, not on the task’s storage target: the address was not kept'],
        ['file-added', 'file deck/x.mp4 uploaded (callback only: TRRO has no status query to confirm it)'],
      ]),
    });
  });
});
