import { formatMessage } from '@contract';
import { describe, expect, it } from 'vitest';
import { zegoCallbackParser } from '../../../../src-main/vendors/zego/callback-parser';
import { zegoCallbackSignature } from '../../../../src-main/vendors/zego/sign';

const NOW = 1_700_000_000_000;
const ts = String(NOW / 1000);

function parse(body: Record<string, unknown>) {
  const full = { app_id: 7, task_id: 'T000000000000001', nonce: '1', timestamp: ts, signature: zegoCallbackSignature('s', ts, '1'), ...body };
  return zegoCallbackParser.parse({ rawBody: Buffer.from(JSON.stringify(full)), headers: {}, secret: 's', appId: 7, nowMs: NOW });
}

describe('ZEGO callback parser', () => {
  it('maps every documented event_type to a state patch and summary', () => {
    const cases: Array<[number, Record<string, unknown>]> = [
      [2, { quit_reason: 3 }], [2, { quit_reason: 1004 }], [3, { image_type: 2 }], [4, {}], [5, {}], [6, { stream_id: 's9' }], [7, {}],
      [102, { stream_id: 's1', file_id: 'a.m3u8', file_url: 'https://x/a.m3u8', media_track_type: 3 }], [201, {}], [202, {}], [999, {}],
    ];
    const out = cases.map(([event_type, detail], i) => {
      const r = parse({ event_type, detail, sequence: i });
      if (!r.ok || !r.delivery) throw new Error('refused');
      const { state, rawStatus, finishReason, files } = r.delivery.patch;
      return [event_type, state ?? null, rawStatus ?? null, finishReason ?? null, files?.map((f) => [f.fileId, f.format, f.status]) ?? null, formatMessage('en', r.delivery.message)];
    });
    expect(out).toEqual([
      [2, 'uploading', '3', 'quit_reason 3: idle longer than MaxIdleTime', null, 'callback 2 ended (idle longer than MaxIdleTime), uploading'],
      [2, 'failed', '4', 'quit_reason 1004: out of disk', null, 'callback 2 ended abnormally (out of disk)'],
      [3, null, null, null, null, 'callback 3 image download failed (MixOutputWatermarkImage)'],
      [4, null, null, null, null, 'callback 4 room has no streams'],
      [5, 'finished', '3', null, null, 'callback 5 recording exited normally'],
      [6, null, null, null, null, 'callback 6 stream s9 does not exist'],
      [7, 'uploading', '3', null, null, 'callback 7 stopped, uploading'],
      [102, null, null, null, [['a.m3u8', 'hls', 'recording']], 'callback 102 HLS playlist for stream s1'],
      [201, 'paused', '5', null, null, 'callback 201 paused'],
      [202, 'recording', '2', null, null, 'callback 202 resumed'],
      [999, null, null, null, null, 'callback 999 (not known to RecDeck)'],
    ]);
  });

  it('reads the legacy end-of-recording callback with top-level file_info', () => {
    const r = parse({ event_type: 2, file_info: [{ file_id: 'f.mp4', status: 5, output_file_format: 'mp4' }] });
    expect(r.ok && r.delivery ? [r.delivery.patch.state, r.delivery.patch.files?.map((f) => f.status), r.delivery.dedupeKey] : r).toEqual([
      'finished',
      ['failed'],
      `zego:2:${ts}:1`,
    ]);
  });

  it('refuses a body without task_id or event_type and a foreign app_id', () => {
    expect([parse({ task_id: '', event_type: 1 }), parse({ event_type: null }), parse({ event_type: 1, app_id: 8 })]).toEqual([
      { ok: false, reason: 'malformed' },
      { ok: false, reason: 'malformed' },
      { ok: false, reason: 'wrong-app' },
    ]);
  });
});
