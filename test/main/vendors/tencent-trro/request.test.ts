import { describe, expect, it } from 'vitest';
import { RecordingRequestSchema } from '@contract';
import { toCreateCloudRecordingBody } from '../../../../src-main/vendors/tencent-trro/request';
import { taskIdFromCreate } from '../../../../src-main/vendors/tencent-trro/map';

// Seed 004: the CreateCloudRecording example request and response, verbatim.
const SEED_BODY = `{
"DeviceId": "dev1",
"ProjectId": "m82k5408n123phvb",
"OutputFormat": 3,
"VideoStreamId": 0,
"MaxMediaFileDuration": 20,
"MaxIdleTime": 20,
"CloudStorage": {
"Vendor": 0,
"Bucket": "recording-1304123456",
"Region": "ap-nanjing",
"AccessKey": "accesskey-test",
"SecretKey": "secretkey-test",
"FileNamePrefix": [
"2024-12-24",
"dev1"
]
}
}`;
const SEED_RESPONSE = `{
"Response": {
"TaskId": "-gCTFWtU7t7DUlo7A8IswFszO9z2O-rbERqJAoK-4pycoZXKjIAAnasdcasdOEycyX4CnzhIm4RAQ..",
"RequestId": "71993312-6ab8-4768-9124-118e0a20c45f"
}
}`;

const seedRequest = RecordingRequestSchema.parse({
  roomId: 'dev1',
  output: { format: 'mp4', maxFileDurationMin: 20, fileNamePrefix: ['2024-12-24', 'dev1'] },
  maxIdleSec: 20,
  storageTargetId: 'cos-1',
  trro: { videoStreamId: 0 },
});
const seedStorage = {
  target: { provider: 'tencent-cos' as const, region: 'ap-nanjing', bucket: 'recording-1304123456', pathPrefix: null },
  keys: { accessKeyId: 'accesskey-test', accessKeySecret: 'secretkey-test' },
};

describe('TRRO CreateCloudRecording body', () => {
  it('reproduces the seed 004 body exactly, key order included', () => {
    const body = toCreateCloudRecordingBody(seedRequest, 'm82k5408n123phvb', seedStorage);
    expect(JSON.stringify(body)).toBe(JSON.stringify(JSON.parse(SEED_BODY)));
  });

  it('reads the TaskId from the seed 004 response', () => {
    const { Response } = JSON.parse(SEED_RESPONSE) as { Response: Record<string, unknown> };
    expect(taskIdFromCreate(Response, '71993312-6ab8-4768-9124-118e0a20c45f')).toBe(
      '-gCTFWtU7t7DUlo7A8IswFszO9z2O-rbERqJAoK-4pycoZXKjIAAnasdcasdOEycyX4CnzhIm4RAQ..',
    );
  });

  it('maps every output format and both storage vendors, with the target prefix first', () => {
    const formats = (['hls', 'hls+mp4', 'hls+aac', 'mp4', 'aac'] as const).map(
      (format) =>
        toCreateCloudRecordingBody(RecordingRequestSchema.parse({ roomId: 'd', output: { format } }), 'p', seedStorage)['OutputFormat'],
    );
    const s3 = toCreateCloudRecordingBody(RecordingRequestSchema.parse({ roomId: 'd', output: { fileNamePrefix: ['x'] } }), 'p', {
      ...seedStorage,
      target: { provider: 'amazon-s3', region: 'us-east-1', bucket: 'b', pathPrefix: 'studio/a' },
    });
    expect([formats, s3['CloudStorage']]).toEqual([
      [0, 1, 2, 3, 4],
      { Vendor: 1, Bucket: 'b', Region: 'us-east-1', AccessKey: 'accesskey-test', SecretKey: 'secretkey-test', FileNamePrefix: ['studio', 'a', 'x'] },
    ]);
  });

  it('refuses a provider TRRO cannot upload to', () => {
    expect(() =>
      toCreateCloudRecordingBody(seedRequest, 'p', { ...seedStorage, target: { ...seedStorage.target, provider: 'aliyun-oss' } }),
    ).toThrow(/COS or AWS/);
  });
});
