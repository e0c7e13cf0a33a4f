import { describe, expect, it } from 'vitest';
import { formatMessage, RecordingRequestSchema } from '@contract';
import { importLegacyStartBody } from '../../../../src-main/vendors/zego/legacy';
import { buildStartRecordBody } from '../../../../src-main/vendors/zego/request';

// Seed 003's S3/OSS sample as pasted from the docs (note the invalid `0000`).
const OSS_SAMPLE = `{
"app_id": 0000,
"access_token": "xxxx",
"room_id": "xxxx",
"record_input_params": {
"record_mode": 1,
"stream_type": 3,
"max_idle_time": 60
},
"record_output_params": {
"output_file_format": "mp4",
"output_folder": "record/"
},
"storage_params": {
"storage_provider": 2,
"region": "oss-xxxx",
"bucket_name": "xxxx",
"access_key_id": "xxxx",
"access_key_secret": "xxxx"
}
}`;

// Seed 003's Alibaba VOD sample, with its trailing comma.
const VOD_SAMPLE = `{
"app_id": 0000,
"access_token": "xxxx",
"room_id": "xxxx",
"record_input_params": { "record_mode": 1, "stream_type": 3, "max_idle_time": 60 },
"record_output_params": { "output_file_format": "mp4", "output_folder": "record/" },
"storage_params": {
"storage_provider": 5,
"region": "",
"bucket_name": "",
"access_key_id": "",
"access_key_secret": "",
"aliyun_vod_params":{
"region": "cn-xxxxx",
"access_key": "xxxx",
"secret_key": "xxxx",
"title": "xxxx",
"storage_location": "xxxx.oss-cn-xxxx.aliyuncs.com",
}
}
}`;

describe('legacy start body import', () => {
  it('converts the documented OSS sample and removes its secrets', () => {
    const r = importLegacyStartBody(OSS_SAMPLE);
    const req = RecordingRequestSchema.parse(r.request);
    expect(req).toMatchObject({ roomId: 'xxxx', mode: 'single', streamType: 'audio+video', maxIdleSec: 60, output: { format: 'mp4', folder: 'record/' } });
    expect(r.storage).toMatchObject({ provider: 'aliyun-oss', region: 'oss-xxxx', bucket: 'xxxx' });
    expect(r.unmapped).toEqual([]);
    expect(r.secretsRemoved).toEqual(['access_token', 'storage_params.access_key_id', 'storage_params.access_key_secret']);
    const withRealKeys = importLegacyStartBody(OSS_SAMPLE.replace('"access_key_secret": "xxxx"', '"access_key_secret": "SK-123"').replace('"access_token": "xxxx"', '"access_token": "TOKEN-9"'));
    expect(JSON.stringify(withRealKeys)).not.toMatch(/SK-123|TOKEN-9/);
    expect(formatMessage('en', r.notes[0]!)).toBe('Secrets removed: enter them in the storage target.');
    expect(buildStartRecordBody(req, null, null)).toMatchObject({ RoomId: 'xxxx', RecordInputParams: { RecordMode: 1, StreamType: 3, MaxIdleTime: 60 } });
  });

  it('converts the Alibaba VOD sample', () => {
    const r = importLegacyStartBody(VOD_SAMPLE);
    expect(r.storage).toMatchObject({ provider: 'aliyun-vod', region: 'cn-xxxxx', title: 'xxxx', storageLocation: 'xxxx.oss-cn-xxxx.aliyuncs.com' });
    expect(r.secretsRemoved).toEqual(['access_token', 'storage_params.aliyun_vod_params.access_key', 'storage_params.aliyun_vod_params.secret_key']);
    expect(r.unmapped).toEqual([]);
  });

  it('maps a mixed layout and lists every field it cannot carry', () => {
    const r = importLegacyStartBody({
      room_id: 'r',
      record_input_params: {
        record_mode: 2,
        mix_config: {
          mix_mode: 1,
          mix_output_stream_id: 'out',
          mix_output_video_config: { width: 1280, height: 720, fps: 15, bitrate: 3000 },
          mix_input_list: [{ stream_id: 's1', top: 0, left: 0, bottom: 360, right: 640, layer: 1, fill_mode: 2 }],
          mix_output_watermark_image: 'https://x/w.png',
        },
        mystery: true,
      },
    });
    const req = RecordingRequestSchema.parse(r.request);
    expect(req.mix).toMatchObject({ layoutMode: 'custom', width: 1280, bitrateBps: 3000, regions: [{ left: 0, top: 0, width: 640, height: 360, fillMode: 'fit', streamId: 's1' }] });
    expect(r.unmapped).toEqual(['record_input_params.mix_config.mix_output_watermark_image', 'record_input_params.mystery']);
    expect(r.notes.map((n) => formatMessage('en', n)).join(' ')).toContain('kbps');
  });
});
