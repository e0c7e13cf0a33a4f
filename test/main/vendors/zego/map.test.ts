import { describe, expect, it } from 'vitest';
import { formatMessage, type VendorStatus } from '@contract';
import { diffStatus, mapZegoFile, mapZegoStatus, zegoTaskState } from '../../../../src-main/vendors/zego/map';

// Verbatim from the DescribeRecordStatus docs: seed 000 (zh) and seed 001 (en, with CustomBeginTimestamp).
const SEED_000 = `{
"Code": 0,
"Message": "succeed",
"RequestId": "abcd123",
"Data": {
"RoomId": "xxxx",
"RecordMode": 2,
"StreamType": 3,
"RecordBeginTimestamp": 1601221452099,
"RecordEndTimestamp": 1601221508795,
"Status": 3,
"RecordFiles": [
{
"UserId": "my_out",
"UserName": "my_out",
"StreamId": "my_out",
"FileId": "X3CgNeE4I1qAAABN_xxxx_my_out_VA_20200927154419775.mp4",
"VideoId": "820e50e52e0a490caf44eec8aec527a7",
"OutputFileFormat": "mp4",
"FileSize": 432643544,
"Duration": 33874,
"ResolutionWidth": 1920,
"ResolutionHeight": 1080,
"MediaTrackType": 3,
"BeginTimestamp": 1601221459830,
"Status": 3,
"FileUrl": "https://xxxx.oss-cn-shanghai.aliyuncs.com/record/X3CgNeE4I1qAAABN_xxxx_my_out_VA_20200927154419775.mp4"
}
]
}
}`;

const SEED_001 = `{
    "Code": 0,
    "Message": "succeed",
    "RequestId": "abcd123",
    "Data": {
        "RoomId": "xxxx",
        "RecordMode": 2,
        "StreamType": 3,
        "RecordBeginTimestamp": 1601221452099,
        "RecordEndTimestamp": 1601221508795,
        "Status": 3,
        "RecordFiles": [
            {
                "UserId": "my_out",
                "UserName": "my_out",
                "StreamId": "my_out",
                "FileId": "X3CgNeE4I1qAAABN_xxxx_my_out_VA_20200927154419775.mp4",
                "VideoId": "820e50e52e0a490caf44eec8aec527a7",
                "OutputFileFormat": "mp4",
                "FileSize": 432643544,
                "Duration": 33874,
                "ResolutionWidth": 1920,
                "ResolutionHeight": 1080,
                "MediaTrackType": 3,
                "BeginTimestamp": 1601221459830,
                "CustomBeginTimestamp": 0,
                "Status": 3,
                "FileUrl": "https://xxxx.oss-cn-shanghai.aliyuncs.com/record/X3CgNeE4I1qAAABN_xxxx_my_out_VA_20200927154419775.mp4"
            }
        ]
    }
}`;

const EXPECTED: VendorStatus = {
  state: 'finished',
  rawStatus: '3',
  startedAt: 1601221452099,
  endedAt: 1601221508795,
  finishReason: null,
  files: [
    {
      fileId: 'X3CgNeE4I1qAAABN_xxxx_my_out_VA_20200927154419775.mp4',
      streamId: 'my_out',
      userId: 'my_out',
      userName: 'my_out',
      format: 'mp4',
      kind: 'mixed',
      trackType: 'audio+video',
      status: 'uploaded',
      rawStatus: '3',
      url: 'https://xxxx.oss-cn-shanghai.aliyuncs.com/record/X3CgNeE4I1qAAABN_xxxx_my_out_VA_20200927154419775.mp4',
      vendorVideoId: '820e50e52e0a490caf44eec8aec527a7',
      sizeBytes: 432643544,
      durationMs: 33874,
      width: 1920,
      height: 1080,
      beginAt: 1601221459830,
      playOffsetMs: null,
    },
  ],
  extra: { roomId: 'xxxx', recordMode: 2, streamType: 3 },
};

function data(text: string): Record<string, unknown> {
  return (JSON.parse(text) as { Data: Record<string, unknown> }).Data;
}

describe('ZEGO status mapping', () => {
  it('parses the documented sample responses (seeds 000 and 001)', () => {
    expect(mapZegoStatus(data(SEED_000))).toEqual(EXPECTED);
    expect(mapZegoStatus(data(SEED_001), 'my_out')).toEqual(EXPECTED);
  });

  it('maps every task status, with ended tasks uploading while a file is not done', () => {
    const file = (status: number) => mapZegoFile({ FileId: 'f', Status: status }, null);
    expect([1, 2, 5, 4, 9].map((s) => zegoTaskState(s, []))).toEqual(['starting', 'recording', 'paused', 'failed', 'lost']);
    expect(zegoTaskState(3, [file(3), file(2)])).toBe('uploading');
    expect(zegoTaskState(3, [file(1)])).toBe('uploading');
    expect(zegoTaskState(3, [file(3), file(4), file(5)])).toBe('finished');
  });

  it('maps every file status and track type, from RecordFiles or callback file_info', () => {
    expect([1, 2, 3, 4, 5, 7].map((s) => mapZegoFile({ FileId: 'f', Status: s }, null).status)).toEqual([
      'recording',
      'uploading',
      'uploaded',
      'backup',
      'failed',
      'unknown',
    ]);
    const fromCallback = mapZegoFile(
      { user_id: '800221', stream_id: '800221', file_id: 'YZ4joOE4IwmFAAAT_6677_800221_800221_A_20211124113602084.aac', media_track_type: 1, status: 3, file_size: 10, duration: 5, video_id: '' },
      null,
    );
    expect(fromCallback).toMatchObject({ kind: 'audio', trackType: 'audio', status: 'uploaded', sizeBytes: 10, durationMs: 5, vendorVideoId: null, url: null });
    expect(mapZegoFile({ FileId: 'T_R_whiteboard_V_20211124113602084.mp4', MediaTrackType: 2 }, null).kind).toBe('whiteboard');
  });

  it('yields no timeline events when nothing changed and one per change otherwise', () => {
    const s = mapZegoStatus(data(SEED_000));
    expect(diffStatus(s, s, 'poll', 1)).toEqual([]);
    const uploading: VendorStatus = { ...s, state: 'uploading', files: [{ ...s.files[0]!, status: 'uploading', rawStatus: '2', url: null }] };
    const events = diffStatus(uploading, s, 'poll', 5);
    expect(events.map((e) => [e.kind, formatMessage('en', e.message)])).toEqual([
      ['state-changed', 'state uploading→finished (ZEGO 3→3)'],
      ['file-changed', `file ${s.files[0]!.fileId} uploading→uploaded`],
    ]);
    expect(diffStatus(null, s, 'callback', 9).map((e) => e.kind)).toEqual(['state-changed', 'file-added']);
  });
});
