import { describe, expect, it } from 'vitest';
import { tiwCallbackParser } from '../../../../src-main/vendors/tencent-tiw/callback-parser';
import { tiwCallbackSign } from '../../../../src-main/vendors/tencent-tiw/callback';

const NOW_SEC = 1_700_000_000;

function parse(eventType: string, data: Record<string, unknown>, over: Record<string, unknown> = {}) {
  const expire = NOW_SEC + 60;
  const body = { Timestamp: NOW_SEC, SdkAppId: 1400000001, ExpireTime: expire, Sign: tiwCallbackSign('k', expire), EventType: eventType, EventData: { TaskId: 't1', ...data }, ...over };
  return tiwCallbackParser.parse({ rawBody: Buffer.from(JSON.stringify(body)), headers: {}, secret: 'k', appId: 1400000001, nowMs: NOW_SEC * 1000 });
}

describe('TIW callback parser', () => {
  it('reads OnlineRecordFinished results: files, FinishReason and a failed record', () => {
    const video = { VideoId: 'v1', VideoUrl: 'https://x/v1.mp4', VideoType: 3, VideoFormat: 'mp4', VideoDuration: 5000, UserId: '', Width: 1280, Height: 720 };
    const done = parse('OnlineRecordFinished', { FinishReason: 'AUTO', VideoInfos: [video] });
    const exception = parse('OnlineRecordFinished', { FinishReason: 'EXCEPTION', VideoInfos: [] });
    const failed = parse('OnlineRecordFinished', { FinishReason: 'USER_CALL', Error: { Code: 'FailedOperation.Record', Message: 'x' } });
    const pick = (r: ReturnType<typeof parse>) => (r.ok && r.delivery ? { ...r.delivery.patch, files: r.delivery.patch.files?.map((f) => [f.fileId, f.kind, f.status]) } : r);
    expect([pick(done), pick(exception), pick(failed)]).toEqual([
      { state: 'finished', rawStatus: 'FINISHED', finishReason: 'AUTO', files: [['v1', 'mixed', 'uploaded']] },
      { state: 'failed', rawStatus: 'FINISHED', finishReason: 'EXCEPTION', files: [] },
      { state: 'failed', rawStatus: 'FINISHED', finishReason: 'USER_CALL', files: [] },
    ]);
  });

  it('refuses another SdkAppId, a missing TaskId and a missing Sign', () => {
    expect([
      parse('OnlineRecordStarted', {}, { SdkAppId: 1400000002 }),
      parse('OnlineRecordStarted', { TaskId: '' }),
      parse('OnlineRecordStarted', {}, { Sign: undefined }),
    ]).toEqual([
      { ok: false, reason: 'wrong-app' },
      { ok: false, reason: 'malformed' },
      { ok: false, reason: 'bad-signature' },
    ]);
  });
});
