import { describe, expect, it } from 'vitest';
import { buildStartRecordBody, colorToZego, redactZegoBody, storageToZego } from '../../../../src-main/vendors/zego/request';
import { STORAGE, mixedRequest } from './helpers';

describe('ZEGO request building', () => {
  it('builds the StartRecord body of a mixed custom layout with edges, colours and ClientTaskId', () => {
    const req = mixedRequest({ fill: { blank: true, frame: 'color', frameColor: '#ff0000' }, output: { format: 'hls', fragmentSec: 10 } });
    const body = buildStartRecordBody({ ...req, mix: { ...req.mix!, backgroundColor: '#102030' } }, STORAGE, 'client-1');
    expect(body).toEqual({
      RoomId: 'room-1',
      ClientTaskId: 'client-1',
      RecordInputParams: {
        RecordMode: 2,
        StreamType: 3,
        FillBlank: true,
        FillFrame: { FrameFillMode: 2, FrameFillColor: 0xff000000 },
        HasWhiteboard: false,
        MixConfig: {
          MixMode: 1,
          MixInputList: [
            { StreamId: 's1', ViewType: 1, Top: 0, Left: 0, Bottom: 720, Right: 640, Layer: 1, FillMode: 1 },
            { StreamId: 's2', ViewType: 1, Top: 0, Left: 640, Bottom: 720, Right: 1280, Layer: 1, FillMode: 1 },
          ],
          MixOutputStreamId: 'mix_out',
          MixOutputVideoConfig: { Width: 1280, Height: 720, Fps: 15, Bitrate: 1_500_000 },
          MixOutputBackgroundColor: 0x10203000,
        },
      },
      RecordOutputParams: { OutputFileFormat: 'hls', OutputFileRule: 1, FragmentSeconds: 10 },
      StorageParams: { Vendor: 2, Region: 'oss-cn-shanghai', Bucket: 'rec', AccessKeyId: 'AKID-TEST', AccessKeySecret: 'AK-SECRET-TEST' },
    });
    expect(colorToZego('#ffffff')).toBe(0xffffff00);
  });

  it('redacts every storage key in a stored copy', () => {
    const vod = storageToZego({ target: { ...STORAGE.target, provider: 'tencent-vod', region: 'ap-shanghai', subAppId: 3 }, keys: { secretId: 'SID', secretKey: 'SKEY' } });
    expect(vod).toEqual({ Vendor: 6, TencentCloudVodParams: { SecretId: 'SID', SecretKey: 'SKEY', Region: 'ap-shanghai', SubAppId: 3 } });
    expect(redactZegoBody({ StorageParams: vod })).toEqual({ StorageParams: { Vendor: 6, TencentCloudVodParams: { SecretId: '***', SecretKey: '***', Region: 'ap-shanghai', SubAppId: 3 } } });
  });
});
