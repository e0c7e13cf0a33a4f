import { TERMINAL_TASK_STATES, type RecordingFile, type TaskState } from '@contract';

/** Whether nothing more happens to a task in this state. */
export function isTerminal(state: TaskState): boolean {
  return TERMINAL_TASK_STATES.includes(state);
}

/** How far along a task is; news never moves it back. */
export const RANK: Record<TaskState, number> = { starting: 0, recording: 1, paused: 1, stopping: 2, uploading: 3, finished: 4, failed: 4, lost: 4 };
const FILE_RANK: Record<RecordingFile['status'], number> = { recording: 0, uploading: 1, unknown: 1, uploaded: 2, backup: 2, failed: 2 };

/**
 * The state a task moves to: never out of a terminal state, never backwards, and between states of
 * the same rank (recording ⇄ paused) only on news that is not older than what was applied.
 */
export function mergeState(current: TaskState, incoming: TaskState, stale: boolean): TaskState {
  if (isTerminal(current)) return current;
  if (RANK[incoming] > RANK[current]) return incoming;
  if (RANK[incoming] === RANK[current] && !stale) return incoming;
  return current;
}

/** Known files updated by incoming ones; a file's status only moves forward (recording → uploading → settled). */
export function mergeFiles(known: readonly RecordingFile[], incoming: readonly RecordingFile[]): RecordingFile[] {
  const out = new Map(known.map((f) => [f.fileId, f]));
  for (const f of incoming) {
    const old = out.get(f.fileId);
    if (!old || FILE_RANK[f.status] >= FILE_RANK[old.status]) out.set(f.fileId, f);
  }
  return [...out.values()];
}

/** A file still being written that only grew since the last read: its size is stored, but it is no timeline event. */
export function isGrowth(old: RecordingFile | undefined, next: RecordingFile): boolean {
  return !!old && old.status === next.status && next.status === 'recording' && old.url === next.url && old.vendorVideoId === next.vendorVideoId;
}
