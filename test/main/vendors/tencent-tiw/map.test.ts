import { describe, expect, it } from 'vitest';
import { formatMessage, msg, VendorStatusSchema, type VendorStatus } from '@contract';
import { diffTiwStatus, mapDescribeOnlineRecord, tiwTaskState } from '../../../../src-main/vendors/tencent-tiw/map';
import finished from './fixtures/describe-finished.json';
import failed from './fixtures/describe-failed.json';

// Both fixtures are the DescribeOnlineRecord output examples of seed 002, verbatim.

describe('TIW DescribeOnlineRecord mapping', () => {
  it('maps every field of the seed 002 finished task', () => {
    const status = mapDescribeOnlineRecord(finished.Response);
    expect(VendorStatusSchema.parse(status)).toEqual(status);
    const base = { userName: null, format: 'mp4', status: 'uploaded', rawStatus: null, width: 640, height: 360, beginAt: null };
    expect(status).toEqual({
      state: 'finished',
      rawStatus: 'FINISHED',
      startedAt: 1568949369000,
      endedAt: 1568949392000,
      finishReason: 'USER_CALL',
      files: [
        {
          ...base,
          fileId: 'dace3518e865e76a9e36712c629822ba',
          streamId: 'Mac_trtc_04',
          userId: 'Mac_trtc_04',
          kind: 'stream',
          trackType: null,
          url: 'http://online-recording-1259648581.file.myqcloud.com/00sp43mantgtv4r842mb/d124f518e865e76a9e36712c629822ba.mp4',
          vendorVideoId: 'dace3518e865e76a9e36712c629822ba',
          sizeBytes: 593418,
          durationMs: 17969,
          playOffsetMs: 0,
        },
        {
          ...base,
          fileId: '763d1f6b8679c3f17fb118bd37d05c85',
          streamId: 'tic_mixstream_880528_101',
          userId: null,
          kind: 'mixed',
          trackType: null,
          url: 'http://online-recording-1259648581.file.myqcloud.com/00sp43mantgtv4r842mb/763d1f6b86724f51fb118bd37d05c85.mp4',
          vendorVideoId: '763d1f6b8679c3f17fb118bd37d05c85',
          sizeBytes: 765545,
          durationMs: 18205,
          playOffsetMs: 3,
        },
        {
          ...base,
          fileId: '1b9623df0516dc7318df89f6e7fffc1e',
          streamId: 'tic_mixstream_880528_3',
          userId: null,
          kind: 'mixed',
          trackType: null,
          url: 'http://online-recording-1259648581.file.myqcloud.com/00sp43mantgtv4r842mb/1b9623df05124f51318df89f6e7fffc1e.mp4',
          vendorVideoId: '1b9623df0516dc7318df89f6e7fffc1e',
          sizeBytes: 402038,
          durationMs: 18222,
          playOffsetMs: 95,
        },
        {
          ...base,
          fileId: 'a8152f8faa2cfe621dc965a066a5813c',
          streamId: null,
          userId: null,
          kind: 'whiteboard',
          trackType: 'video',
          url: 'http://online-recording-1259648581.file.myqcloud.com/00sp43mantgtv4r842mb/a815224f512cfe621dc965a066a5813c.mp4',
          vendorVideoId: 'a8152f8faa2cfe621dc965a066a5813c',
          sizeBytes: 226337,
          durationMs: 17605,
          playOffsetMs: 623,
        },
      ],
      extra: {
        TaskId: 'ghucnligqtgtvk2624mb',
        RoomId: 880528,
        GroupId: '880528',
        RecordUserId: 'tic_record_user_880528_test-01',
        TotalTime: 18317,
        ExceptionCnt: 0,
        OmittedDurations: [],
        Interrupts: [],
        ReplayUrl: 'http://replayurl',
      },
    });
  });

  it('maps the seed 002 failed-task answer (only a RequestId) to failed with an empty raw status', () => {
    const { RequestId: _id, ...rest } = failed.Response;
    expect(mapDescribeOnlineRecord(failed.Response)).toEqual(mapDescribeOnlineRecord(rest));
    expect(mapDescribeOnlineRecord(failed.Response)).toEqual({
      state: 'failed',
      rawStatus: '',
      startedAt: null,
      endedAt: null,
      finishReason: null,
      files: [],
      extra: {},
    });
  });

  it('maps every Status and the EXCEPTION finish', () => {
    expect(
      [
        ['PREPARED', null],
        ['RECORDING', null],
        ['PAUSED', null],
        ['STOPPED', 'USER_CALL'],
        ['FINISHED', 'USER_CALL'],
        ['FINISHED', 'AUTO'],
        ['FINISHED', 'FORCE_STOP'],
        ['FINISHED', 'EXCEPTION'],
      ].map(([s, r]) => tiwTaskState(s as string, r ?? null)),
    ).toEqual(['starting', 'recording', 'paused', 'uploading', 'finished', 'finished', 'finished', 'failed']);
  });

  it('maps screen-share and audio videos to their owner', () => {
    const status = mapDescribeOnlineRecord({
      Status: 'FINISHED',
      VideoInfos: [
        { VideoId: 'a', VideoType: 1, UserId: 'tic_substream_alice' },
        { VideoId: 'b', VideoType: 4, UserId: 'alice', VideoFormat: 'mp3' },
      ],
    });
    expect(status.files.map((f) => [f.kind, f.userId, f.streamId, f.trackType])).toEqual([
      ['screen', 'alice', 'tic_substream_alice', null],
      ['audio', 'alice', 'alice', 'audio'],
    ]);
  });
});

describe('TIW status diff', () => {
  const recording: VendorStatus = mapDescribeOnlineRecord({ Status: 'RECORDING', ExceptionCnt: 0, Interrupts: null, OmittedDurations: [] });

  it('yields nothing when nothing changed', () => {
    expect(diffTiwStatus(recording, mapDescribeOnlineRecord({ Status: 'RECORDING', ExceptionCnt: 0, Interrupts: [], OmittedDurations: [] }), 'poll', 1)).toEqual([]);
  });

  it('reports the state change, new files and a rising exception count', () => {
    const done = mapDescribeOnlineRecord(finished.Response);
    const withException = { ...recording, extra: { ...recording.extra, ExceptionCnt: 1 } };
    expect(diffTiwStatus(recording, withException, 'poll', 5)).toEqual([
      { at: 5, source: 'poll', kind: 'error', message: msg('timeline.factChanged', { fact: 'ExceptionCnt', from: '0', to: '1' }), state: 'recording', raw: 1 },
    ]);
    const events = diffTiwStatus(recording, done, 'poll', 9);
    expect(events.map((e) => [e.kind, formatMessage('en', e.message)])).toEqual([
      ['state-changed', 'state recording→finished (TIW RECORDING→FINISHED/USER_CALL)'],
      ['file-added', 'file dace3518e865e76a9e36712c629822ba uploaded'],
      ['file-added', 'file 763d1f6b8679c3f17fb118bd37d05c85 uploaded'],
      ['file-added', 'file 1b9623df0516dc7318df89f6e7fffc1e uploaded'],
      ['file-added', 'file a8152f8faa2cfe621dc965a066a5813c uploaded'],
    ]);
  });
});
