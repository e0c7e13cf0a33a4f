import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callbackPath, createCallbackReceiver, type CallbackReceiver } from '../../../src-main/callbacks';
import { zegoCallbackSignature } from '../../../src-main/vendors/zego/sign';
import { tiwCallbackSign } from '../../../src-main/vendors/tencent-tiw/callback';
import { trtcCallbackSign } from '../../../src-main/vendors/tencent-trro/callback';
import { openHarness, TIW, TRRO, ZEGO, type Harness } from '../accounts/harness';
import { post, receiverDeps, recordingSink } from './helpers';

// Documented vectors: docs/vendors/zego.md §9.4 / §9.5, tencent-tiw.md §9, tencent-trro.md §7.1.
const ZEGO_SECRET = 'secret';
const ZEGO_TS = '1470820198';
const ZEGO_NONCE = '123412';
const ZEGO_SIG = '5bd59fd62953a8059fb7eaba95720f66d19e4517';
const TIW_KEY = 'Xz4ZgayTr7rMgWQrH';
const TIW_EXPIRE = 1588040109;
const TIW_SIGN = 'a2dabb362a9b811c0e26953a6276a41c';
const TRTC_KEY = '123654';
const TRTC_BODY =
  '{\n\t"EventGroupId":\t2,\n\t"EventType":\t204,\n\t"CallbackTs":\t1664209748188,\n\t"EventInfo":\t{\n\t\t"RoomId":\t8489,\n\t\t"EventTs":\t1664209748,\n\t\t"EventMsTs":\t1664209748180,\n\t\t"UserId":\t"user_85034614",\n\t\t"Reason":\t0\n\t}\n}';
const TRTC_SIGN = 'kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=';

const SAMPLE_FILE = {
  user_id: '800221', user_name: 'play_800221', stream_id: '800221', file_id: 'YZ4joOE4IwmFAAAT_6677_800221_800221_VA_20211124113602084.mp4',
  video_id: '', file_url: 'file_url', output_file_format: 'mp4', file_size: 25349026, duration: 170039, resolution_width: 1280,
  resolution_height: 720, media_track_type: 3, begin_timestamp: 1637753762084, status: 3,
};

function zegoBody(over: Record<string, unknown> = {}, secret = ZEGO_SECRET): Record<string, unknown> {
  const timestamp = (over['timestamp'] as string | undefined) ?? ZEGO_TS;
  const nonce = (over['nonce'] as string | undefined) ?? ZEGO_NONCE;
  return {
    app_id: ZEGO.fields.appId, task_id: 'YZ4joOE4IwmFAAAT', room_id: '6677', event_type: 1, message: '', nonce, timestamp,
    signature: zegoCallbackSignature(secret, timestamp, nonce), sequence: 1, detail: { upload_status: 1, file_info: [SAMPLE_FILE] },
    ...over,
  };
}

let h: Harness;
let receiver: CallbackReceiver;
let ids: { zego: string; tiw: string; trro: string; bare: string };
let clock = 0;
const sinkDouble = { current: recordingSink() };

beforeAll(async () => {
  h = await openHarness();
  const z = await h.services.accounts.create({ ...ZEGO, secrets: { serverSecret: 'server-secret', callbackSecret: ZEGO_SECRET } });
  const t = await h.services.accounts.create({ ...TIW, secrets: { callbackKey: TIW_KEY } });
  const r = await h.services.accounts.create({ ...TRRO, secrets: { signKey: TRTC_KEY } });
  const bare = await h.services.accounts.create({ ...ZEGO, name: 'No callback secret', secrets: { serverSecret: 'x' } });
  ids = { zego: z.id, tiw: t.id, trro: r.id, bare: bare.id };
  receiver = createCallbackReceiver({
    ...receiverDeps(h.services, h.db),
    sink: { expects: (...a) => sinkDouble.current.sink.expects(...a), deliver: (d) => sinkDouble.current.sink.deliver(d) },
    log: { info: (e, f) => h.lines.push(JSON.stringify({ e, f })), warn: (e, f) => h.lines.push(JSON.stringify({ e, f })), error: (e, f) => h.lines.push(JSON.stringify({ e, f })) },
    now: () => clock,
  });
  await receiver.start(0);
});
afterAll(async () => {
  await receiver.stop();
  await h.dispose();
});
beforeEach(() => {
  sinkDouble.current = recordingSink();
});

const url = (vendor: 'zego' | 'tencent-tiw' | 'tencent-trro', id: string) => receiver.callbackUrlFor(vendor, id)!;

describe('callback receiver over HTTP on 127.0.0.1', () => {
  it('accepts the ZEGO documented vector and normalizes its upload callback', async () => {
    clock = Number(ZEGO_TS) * 1000 + 3000;
    const body = zegoBody();
    expect(body['signature']).toBe(ZEGO_SIG);
    const res = await post(url('zego', ids.zego), body);
    expect(res).toEqual({ status: 200, text: '{"code":0}' });
    expect(sinkDouble.current.deliveries).toEqual([
      {
        vendor: 'zego', accountId: ids.zego, vendorTaskId: 'YZ4joOE4IwmFAAAT', dedupeKey: 'zego:seq:1', at: 1470820198000,
        message: { key: 'vendor.zego.callback.uploadDone', params: { count: 1 } },
        patch: { files: [expect.objectContaining({ fileId: SAMPLE_FILE.file_id, status: 'uploaded', sizeBytes: 25349026, durationMs: 170039, trackType: 'audio+video', url: 'file_url' })] },
        raw: { ...body, signature: '••••' },
      },
    ]);
  });

  it('accepts the TIW spec vector until ExpireTime and refuses it after', async () => {
    const body = {
      EventData: { RecordUserId: 'tic_record_user_1253_01', RoomId: 1253, TaskId: 'bj0mt2l23osdj300hl30' },
      EventType: 'OnlineRecordStarted', ExpireTime: TIW_EXPIRE, SdkAppId: TIW.fields.sdkAppId, Sign: TIW_SIGN, Timestamp: 1588039509,
    };
    expect(tiwCallbackSign(TIW_KEY, TIW_EXPIRE)).toBe(TIW_SIGN);
    clock = 1588039510_000;
    const ok = await post(url('tencent-tiw', ids.tiw), body);
    clock = (TIW_EXPIRE + 1) * 1000;
    const late = await post(url('tencent-tiw', ids.tiw), { ...body, Timestamp: 1588039510 });
    expect({ ok, late, deliveries: sinkDouble.current.deliveries }).toEqual({
      ok: { status: 200, text: '{"error_code":0}' },
      late: { status: 401, text: '{"error":"expired"}' },
      deliveries: [
        {
          vendor: 'tencent-tiw', accountId: ids.tiw, vendorTaskId: 'bj0mt2l23osdj300hl30', dedupeKey: 'tiw:OnlineRecordStarted:1588039509', at: 1588039509000,
          message: { key: 'vendor.tencent-tiw.callback.started' }, patch: { state: 'recording', rawStatus: 'RECORDING' }, raw: { ...body, Sign: '••••' },
        },
      ],
    });
  });

  it('verifies the TRTC spec vector on the raw bytes and acknowledges its room event without delivering it', async () => {
    expect(trtcCallbackSign(TRTC_KEY, TRTC_BODY)).toBe(TRTC_SIGN);
    clock = 1664209748188 + 2000;
    const before = receiver.status();
    const ok = await post(url('tencent-trro', ids.trro), TRTC_BODY, { Sign: TRTC_SIGN });
    // Re-serialised JSON is the same event but not the signed bytes.
    const reserialised = await post(url('tencent-trro', ids.trro), JSON.stringify(JSON.parse(TRTC_BODY)), { Sign: TRTC_SIGN });
    const after = receiver.status();
    expect({ ok, reserialised, delivered: sinkDouble.current.deliveries.length, received: after.received - before.received, rejected: after.rejected - before.rejected }).toEqual({
      ok: { status: 200, text: '{"code":0}' },
      reserialised: { status: 401, text: '{"error":"bad-signature"}' },
      delivered: 0,
      received: 1,
      rejected: 1,
    });
  });

  it('answers 401 to a wrong signature, delivers nothing and counts it as rejected without logging the body', async () => {
    clock = Number(ZEGO_TS) * 1000;
    const before = receiver.status().rejected;
    const marker = 'BODY-MARKER-must-not-be-logged';
    const zego = await post(url('zego', ids.zego), zegoBody({ message: marker }, 'not-the-secret'));
    const tiw = await post(url('tencent-tiw', ids.tiw), { Sign: TIW_SIGN.replace('a', 'b'), ExpireTime: TIW_EXPIRE, Timestamp: 1, SdkAppId: TIW.fields.sdkAppId, EventType: 'OnlineRecordStarted', EventData: { TaskId: marker } });
    const body = JSON.stringify({ EventType: 301, CallbackTs: clock, EventInfo: { TaskId: marker, EventMsTs: clock, Payload: { Status: 0 } } });
    const trro = await post(url('tencent-trro', ids.trro), body, { Sign: trtcCallbackSign('wrong-key', body) });
    const unsigned = await post(url('tencent-trro', ids.trro), body);
    expect({
      statuses: [zego.status, tiw.status, trro.status, unsigned.status],
      delivered: sinkDouble.current.deliveries.length,
      rejected: receiver.status().rejected - before,
      logged: h.lines.filter((l) => l.includes(marker) || l.includes(ZEGO_SECRET + '"') || l.includes(TIW_KEY)),
      reasons: h.lines.filter((l) => l.includes('callbacks.rejected')).slice(-4).map((l) => (JSON.parse(l) as { f: { reason: string } }).f.reason),
    }).toEqual({ statuses: [401, 401, 401, 401], delivered: 0, rejected: 4, logged: [], reasons: ['bad-signature', 'bad-signature', 'bad-signature', 'bad-signature'] });
  });

  it('refuses a ZEGO callback outside the replay window and a reused nonce with another body', async () => {
    const ts = String(Number(ZEGO_TS) - 11 * 60);
    clock = Number(ZEGO_TS) * 1000;
    const old = await post(url('zego', ids.zego), zegoBody({ timestamp: ts, sequence: 9 }));
    const fresh = zegoBody({ nonce: '777001', sequence: 2, event_type: 7, detail: {} });
    const first = await post(url('zego', ids.zego), fresh);
    const forged = await post(url('zego', ids.zego), { ...fresh, event_type: 2, detail: { quit_reason: 1001 }, sequence: 3 });
    expect({ old, first: first.status, forged, delivered: sinkDouble.current.deliveries.map((d) => d.dedupeKey) }).toEqual({
      old: { status: 401, text: '{"error":"expired"}' },
      first: 200,
      forged: { status: 401, text: '{"error":"replayed"}' },
      delivered: ['zego:seq:2'],
    });
  });

  it('delivers a callback the vendor retries once and counts the repeats as duplicates', async () => {
    clock = Number(ZEGO_TS) * 1000;
    const before = receiver.status();
    const body = zegoBody({ nonce: '555001', sequence: 4, event_type: 5, detail: {} });
    const answers = [await post(url('zego', ids.zego), body), await post(url('zego', ids.zego), body), await post(url('zego', ids.zego), body)];
    const after = receiver.status();
    expect({
      statuses: answers.map((a) => a.status),
      deliveries: sinkDouble.current.deliveries.map((d) => [d.dedupeKey, d.patch.state]),
      received: after.received - before.received,
      duplicates: after.duplicates - before.duplicates,
    }).toEqual({ statuses: [200, 200, 200], deliveries: [['zego:seq:4', 'finished']], received: 3, duplicates: 2 });
  });

  it('counts what the ledger calls a duplicate and lets the vendor retry when the ledger fails', async () => {
    clock = Number(ZEGO_TS) * 1000;
    sinkDouble.current = recordingSink(() => 'duplicate');
    const before = receiver.status().duplicates;
    await post(url('zego', ids.zego), zegoBody({ nonce: '555101', sequence: 40, event_type: 201, detail: {} }));
    sinkDouble.current.failNext(1);
    const body = zegoBody({ nonce: '555102', sequence: 41, event_type: 202, detail: {} });
    const failed = await post(url('zego', ids.zego), body);
    const retried = await post(url('zego', ids.zego), body);
    expect({ failed: failed.status, retried: retried.status, keys: sinkDouble.current.deliveries.map((d) => d.dedupeKey), duplicates: receiver.status().duplicates - before }).toEqual({
      failed: 500,
      retried: 200,
      keys: ['zego:seq:40', 'zego:seq:41'],
      duplicates: 2,
    });
  });

  it('delivers out-of-order callbacks each with its own time', async () => {
    const base = Number(ZEGO_TS);
    clock = (base + 30) * 1000;
    const events = [
      zegoBody({ nonce: '600005', timestamp: String(base + 20), sequence: 12, event_type: 5, detail: {} }),
      zegoBody({ nonce: '600001', timestamp: String(base + 10), sequence: 10, event_type: 7, detail: {} }),
      zegoBody({ nonce: '600003', timestamp: String(base + 15), sequence: 11, event_type: 1 }),
    ];
    for (const e of events) expect((await post(url('zego', ids.zego), e)).status).toBe(200);
    expect(sinkDouble.current.deliveries.map((d) => [d.dedupeKey, d.at, d.patch.state ?? null])).toEqual([
      ['zego:seq:12', (base + 20) * 1000, 'finished'],
      ['zego:seq:10', (base + 10) * 1000, 'uploading'],
      ['zego:seq:11', (base + 15) * 1000, null],
    ]);
  });

  it('refuses what is not a verifiable callback for a known account', async () => {
    clock = Number(ZEGO_TS) * 1000;
    const base = receiver.callbackUrlFor('zego', ids.zego)!.replace(callbackPath('zego', ids.zego), '');
    const before = receiver.status().rejected;
    const answers = {
      unknownAccount: (await post(url('zego', 'no-such-account'), zegoBody())).status,
      otherVendor: (await post(url('tencent-tiw', ids.zego), zegoBody())).status,
      noSecret: (await post(url('zego', ids.bare), zegoBody())).status,
      wrongApp: (await post(url('zego', ids.zego), zegoBody({ app_id: 42, nonce: '800001' }))).status,
      notJson: (await post(url('zego', ids.zego), '{"app_id":')).status,
      textPlain: (await post(url('zego', ids.zego), zegoBody(), { 'content-type': 'text/plain' })).status,
      tooLarge: (await post(url('zego', ids.zego), zegoBody({ message: 'x'.repeat(300 * 1024) }))).status,
      get: (await fetch(url('zego', ids.zego))).status,
      otherPath: (await post(`${base}/elsewhere`, {})).status,
    };
    expect({ answers, rejected: receiver.status().rejected - before, delivered: sinkDouble.current.deliveries.length }).toEqual({
      answers: { unknownAccount: 404, otherVendor: 404, noSecret: 401, wrongApp: 401, notJson: 400, textPlain: 415, tooLarge: 413, get: 405, otherPath: 404 },
      rejected: 9,
      delivered: 0,
    });
  });
  it('refuses what a browser sent and bodies without the vendor’s JSON content type, before reading a secret', async () => {
    clock = Number(ZEGO_TS) * 1000;
    const before = receiver.status();
    const bytes = (body: unknown, headers: Record<string, string>) =>
      fetch(url('zego', ids.zego), { method: 'POST', headers, body: new TextEncoder().encode(JSON.stringify(body)) }).then(async (r) => ({ status: r.status, text: await r.text() }));
    const answers = {
      origin: await post(url('zego', ids.zego), zegoBody({ nonce: '910001', sequence: 91 }), { origin: 'https://evil.example' }),
      nullOrigin: await post(url('zego', ids.zego), zegoBody({ nonce: '910002', sequence: 92 }), { origin: 'null' }),
      crossSite: await post(url('zego', ids.zego), zegoBody({ nonce: '910003', sequence: 93 }), { 'sec-fetch-site': 'cross-site' }),
      sameOrigin: await post(url('zego', ids.zego), zegoBody({ nonce: '910004', sequence: 94 }), { 'sec-fetch-site': 'same-origin' }),
      noContentType: await bytes(zegoBody({ nonce: '910005', sequence: 95 }), {}),
      formPost: await bytes(zegoBody({ nonce: '910006', sequence: 96 }), { 'content-type': 'application/x-www-form-urlencoded' }),
      jsonLookalike: await bytes(zegoBody({ nonce: '910007', sequence: 97 }), { 'content-type': 'text/json' }),
    };
    const accepted = {
      typed: (await post(url('zego', ids.zego), zegoBody({ nonce: '910008', sequence: 98 }), { 'sec-fetch-site': 'none' })).status,
      charset: (await bytes(zegoBody({ nonce: '910009', sequence: 99 }), { 'content-type': 'Application/JSON; charset=utf-8' })).status,
    };
    expect({ answers, accepted, rejected: receiver.status().rejected - before.rejected, delivered: sinkDouble.current.deliveries.map((d) => d.dedupeKey) }).toEqual({
      answers: {
        origin: { status: 403, text: '{"error":"browser-originated"}' },
        nullOrigin: { status: 403, text: '{"error":"browser-originated"}' },
        crossSite: { status: 403, text: '{"error":"browser-originated"}' },
        sameOrigin: { status: 403, text: '{"error":"browser-originated"}' },
        noContentType: { status: 415, text: '{"error":"media-type"}' },
        formPost: { status: 415, text: '{"error":"media-type"}' },
        jsonLookalike: { status: 415, text: '{"error":"media-type"}' },
      },
      accepted: { typed: 200, charset: 200 },
      rejected: 7,
      delivered: ['zego:seq:98', 'zego:seq:99'],
    });
  });
});

describe('callback receiver lifecycle', () => {
  it('is off until started, reports its URL while on and refuses a port in use', async () => {
    const other = createCallbackReceiver({ ...receiverDeps(h.services, h.db), sink: recordingSink().sink, log: { info() {}, warn() {}, error() {} } });
    const off = other.status();
    const base = await other.start(0);
    const on = other.status();
    const port = Number(new URL(base).port);
    const clash = createCallbackReceiver({ ...receiverDeps(h.services, h.db), sink: recordingSink().sink, log: { info() {}, warn() {}, error() {} } });
    const refused = await clash.start(port).then(() => null, (e: { code?: string }) => e.code);
    await other.stop();
    expect({ off, on, urlFor: other.callbackUrlFor('zego', 'a'), after: other.status().enabled, refused, base }).toEqual({
      off: { enabled: false, url: null, received: 0, rejected: 0, duplicates: 0 },
      on: { enabled: true, url: base, received: 0, rejected: 0, duplicates: 0 },
      urlFor: null,
      after: false,
      refused: 'CONFLICT',
      base: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
  });
});
