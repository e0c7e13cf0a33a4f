import { describe, expect, it } from 'vitest';
import { trroCallbackParser } from '../../../../src-main/vendors/tencent-trro/callback-parser';
import { trtcCallbackSign } from '../../../../src-main/vendors/tencent-trro/callback';

const NOW = 1_700_000_000_000;

function parse(eventType: number, payload: Record<string, unknown>, at = NOW) {
  const raw = JSON.stringify({ EventGroupId: 3, EventType: eventType, CallbackTs: at, EventInfo: { RoomId: 'dev', EventTs: Math.floor(at / 1000), EventMsTs: at, UserId: 'r', TaskId: 'task.', Payload: payload } });
  return trroCallbackParser.parse({ rawBody: Buffer.from(raw), headers: { sign: trtcCallbackSign('key', raw) }, secret: 'key', appId: null, nowMs: NOW });
}

const patch = (r: ReturnType<typeof parse>) => (r.ok && r.delivery ? r.delivery.patch : r);

describe('TRRO (TRTC-format) callback parser', () => {
  it('maps start failure, stop reasons, upload end codes and VOD events', () => {
    expect([
      patch(parse(301, { Status: 1 })),
      patch(parse(302, { LeaveCode: 99 })),
      patch(parse(305, { LeaveCode: 1 })),
      patch(parse(305, { LeaveCode: 2 })),
      patch(parse(312, { Status: 1 })),
      patch(parse(306, { Status: 0 })),
    ]).toEqual([
      { state: 'failed', rawStatus: '301', finishReason: 'recorder failed to start' },
      { state: 'uploading', rawStatus: '302', finishReason: 'no other user for the idle period' },
      { state: 'failed', rawStatus: '305', finishReason: 'some files stranded on the vendor side' },
      { state: 'finished', rawStatus: '305' },
      { state: 'failed', rawStatus: '312', finishReason: 'VOD upload ended abnormally' },
      {},
    ]);
  });

  it('turns 310 FileMessage and 311 TencentVod into files and tells repeated 310s apart', () => {
    const a = parse(310, { Status: 0, FileList: ['p/a.mp4'], FileMessage: [{ FileName: 'p/a.mp4', UserId: '', TrackType: 'audio_video', MediaId: 'mix', StartTimeStamp: 1000, EndTimeStamp: 6000 }] });
    const b = parse(310, { Status: 0, FileList: ['p/b.aac'] });
    const vod = parse(311, { Status: 0, TencentVod: { UserId: 'u', TrackType: 'audio', MediaId: 'main', FileId: '5285', VideoUrl: 'https://vod/x.mp4', CacheFile: 'x.mp4', StartTimeStamp: 1, EndTimeStamp: 2 } });
    const files = (r: ReturnType<typeof parse>) => (r.ok && r.delivery ? r.delivery.patch.files?.map((f) => [f.fileId, f.format, f.kind, f.trackType, f.durationMs, f.url, f.vendorVideoId]) : r);
    expect({
      a: files(a),
      b: files(b),
      vod: files(vod),
      distinct: a.ok && b.ok && a.delivery && b.delivery ? a.delivery.dedupeKey !== b.delivery.dedupeKey : null,
    }).toEqual({
      a: [['p/a.mp4', 'mp4', 'mixed', 'audio+video', 5000, null, null]],
      b: [['p/b.aac', 'aac', 'audio', null, null, null, null]],
      vod: [['x.mp4', 'mp4', 'audio', 'audio', 1, 'https://vod/x.mp4', '5285']],
      distinct: true,
    });
  });

  it('refuses a callback older than the replay window even with a valid Sign', () => {
    expect(parse(301, { Status: 0 }, NOW - 11 * 60_000)).toEqual({ ok: false, reason: 'expired' });
  });
});
