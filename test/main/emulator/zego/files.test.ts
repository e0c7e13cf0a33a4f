import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, STORAGE, zegoSandbox } from '../../vendors/zego/helpers';

/** The RecordFiles member parameters of the English DescribeRecordStatus page (seed 001), in its order. */
const DOCUMENTED_FIELDS = [
  'UserId', 'UserName', 'StreamId', 'FileId', 'VideoId', 'FileUrl', 'OutputFileFormat', 'FileSize', 'Duration',
  'ResolutionWidth', 'ResolutionHeight', 'MediaTrackType', 'BeginTimestamp', 'CustomBeginTimestamp', 'Status',
];

describe('ZEGO emulator: RecordFiles', () => {
  let env: Awaited<ReturnType<typeof zegoSandbox>>;
  beforeAll(async () => {
    env = await zegoSandbox();
  });
  afterAll(async () => {
    await env.close();
  });

  it('lists every documented field, CustomBeginTimestamp 0 without SEI, and RecDeck maps the answer', async () => {
    const client = env.client();
    const op = { priority: 'operator' as const };
    await env.sandbox.control('zego', 'publish-stream', { roomId: 'room-files', streamId: 's1', userId: 'u1' });
    const { taskId } = await client.startRecord(request({ roomId: 'room-files' }), STORAGE, { ...op, clientTaskId: 'c-files' });
    await env.clock.advance(10_000);
    await client.stopRecord(taskId, op);
    await env.clock.advance(120_000);
    const { raw, status } = await client.describeRecordStatus(taskId, op);
    const files = (raw['Data'] as { RecordFiles: Record<string, unknown>[] }).RecordFiles;
    expect(files.map((f) => [Object.keys(f).sort(), f['CustomBeginTimestamp']])).toEqual([[[...DOCUMENTED_FIELDS].sort(), 0]]);
    expect([status.state, status.files.map((f) => [f.streamId, f.status])]).toEqual(['finished', [['s1', 'uploaded']]]);
  });
});
