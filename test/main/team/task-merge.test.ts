import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TASK_STATES, type RecordingFile } from '@contract';
import type { TaskWire } from '../../../src-main/store/team-store';
import { mergeTask } from '../../../src-main/team/task-merge';

function file(fileId: string, status: RecordingFile['status'], sizeBytes: number | null): RecordingFile {
  return {
    fileId, streamId: null, userId: null, userName: null, format: 'mp4', kind: 'stream', trackType: 'audio+video', status, rawStatus: null, url: null,
    vendorVideoId: null, sizeBytes, durationMs: null, width: null, height: null, beginAt: null, playOffsetMs: null,
  };
}

const snapshot = fc.record({
  state: fc.constantFrom(...TASK_STATES),
  updatedAt: fc.integer({ min: 1, max: 20 }),
  stateAt: fc.integer({ min: 1, max: 20 }),
  lastSeenAt: fc.option(fc.integer({ min: 1, max: 20 })),
  vendorTaskId: fc.option(fc.constant('vt-1')),
  startedAt: fc.option(fc.integer({ min: 1, max: 20 })),
  deskId: fc.option(fc.constantFrom('desk-a', 'desk-b')),
  rawStatus: fc.constantFrom('1', '2', '3', '5'),
  files: fc.uniqueArray(fc.tuple(fc.constantFrom('f1', 'f2'), fc.constantFrom<RecordingFile['status']>('recording', 'uploading', 'uploaded', 'failed'), fc.option(fc.nat(100))), {
    selector: ([id]) => id,
  }),
}).map(
  (s): TaskWire => ({
    id: 't1', vendor: 'zego', accountId: 'a1', accountName: 'A', roomId: 'r', vendorTaskId: s.vendorTaskId, startKey: 'k', mode: 'single', state: s.state,
    rawStatus: s.rawStatus, request: { roomId: 'r' }, storageTargetId: null, presetId: null, streamIds: '', createdAt: 0, startedAt: s.startedAt, endedAt: null,
    updatedAt: s.updatedAt, lastSeenAt: s.lastSeenAt, forgotten: false, finishReason: null, error: null, extra: {}, deskId: s.deskId, stateAt: s.stateAt,
    files: s.files.map(([id, status, size]) => file(id, status, size)),
  }),
);


describe('merging task snapshots from several desks', () => {
  it('gives the same task whatever order the snapshots arrive in, and again when one arrives twice', () => {
    fc.assert(
      fc.property(fc.array(snapshot, { minLength: 1, maxLength: 5 }), fc.infiniteStream(fc.nat()), (snaps, picks) => {
        const inOrder = snaps.reduce<TaskWire | null>((acc, s) => mergeTask(acc, s), null) as TaskWire;
        const shuffled = [...snaps];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (picks.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as TaskWire, shuffled[i] as TaskWire];
        }
        const replayed = [...shuffled, ...shuffled].reduce<TaskWire | null>((acc, s) => mergeTask(acc, s), null) as TaskWire;
        expect(replayed).toEqual(inOrder);
      }),
      { numRuns: 500 },
    );
  });

  it('never moves a task backwards and lets the vendor’s end beat a concluded one', () => {
    const base = { id: 't1', vendor: 'zego', accountId: 'a1', accountName: 'A', roomId: 'r', vendorTaskId: 'vt', startKey: 'k', mode: 'single', rawStatus: '', request: {}, storageTargetId: null, presetId: null, streamIds: '', createdAt: 0, startedAt: 1, endedAt: null, lastSeenAt: null, forgotten: false, finishReason: null, error: null, extra: {}, deskId: 'desk-a', files: [] } as const;
    const t = (state: TaskWire['state'], at: number): TaskWire => ({ ...base, extra: {}, files: [], request: {}, state, updatedAt: at, stateAt: at });
    expect(mergeTask(t('stopping', 5), t('recording', 9)).state).toBe('stopping');
    expect(mergeTask(t('lost', 9), t('finished', 5)).state).toBe('finished');
    expect(mergeTask(t('recording', 5), t('paused', 9)).state).toBe('paused');
  });
});
