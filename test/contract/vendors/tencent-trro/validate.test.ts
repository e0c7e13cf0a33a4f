import { describe, expect, it } from 'vitest';
import { RecordingRequestSchema, validateTrroRequest, type RecordingRequestInput } from '@contract';

const check = (input: Partial<RecordingRequestInput>) =>
  validateTrroRequest(RecordingRequestSchema.parse({ roomId: 'dev1', storageTargetId: 'cos', ...input })).map((i) => `${i.severity}:${i.path}`);

describe('validateTrroRequest', () => {
  it('accepts the seed 004 request and every output format', () => {
    expect(check({ output: { format: 'mp4', maxFileDurationMin: 20, fileNamePrefix: ['2024-12-24', 'dev1'] }, maxIdleSec: 20 })).toEqual([]);
    for (const format of ['hls+mp4', 'hls+aac', 'mp4', 'aac'] as const) expect(check({ output: { format } })).toEqual([]);
    expect(check({ output: { format: 'hls' } })).toEqual([]);
  });

  it('checks MaxMediaFileDuration 1–1440, MaxIdleTime 5–86400 and the prefix alphabet', () => {
    expect(check({ output: { maxFileDurationMin: 0 } })).toEqual(['error:output.maxFileDurationMin']);
    expect(check({ output: { maxFileDurationMin: 1441 } })).toEqual(['error:output.maxFileDurationMin']);
    expect(check({ output: { maxFileDurationMin: 1440 }, maxIdleSec: 86400 })).toEqual([]);
    expect(check({ maxIdleSec: 4 })).toEqual(['error:maxIdleSec']);
    expect(check({ output: { fileNamePrefix: ['ok_1', 'bad.dot'] } })).toEqual(['error:output.fileNamePrefix[1]']);
    expect(check({ output: { format: 'hls', maxFileDurationMin: 10 } })).toEqual(['warning:output.maxFileDurationMin']);
  });

  it('flags what TRRO cannot do', () => {
    expect(check({ storageTargetId: null, output: { format: 'flv' } })).toEqual(['error:storageTargetId', 'error:output.format']);
    expect(check({ mode: 'mixed', streams: ['a'], streamType: 'audio', maxRecordSec: 60 })).toEqual([
      'error:mode',
      'error:streams',
      'error:streamType',
      'warning:maxRecordSec',
    ]);
  });
});
