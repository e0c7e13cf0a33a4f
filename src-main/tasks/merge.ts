import { formatMessage, msg, TERMINAL_TASK_STATES, type EventSource, type RecordingFile, type RecordingRequest, type TaskAlert, type TaskState, type TimelineEventDraft, type VendorStatus } from '@contract';
import type { TaskRow } from '../store/task-ledger';
import type { VendorAdapter } from '../vendors/adapter';
import type { CallbackDelivery } from '../vendors/callbacks';

/** Whether nothing more happens to a task in this state. */
export function isTerminal(state: TaskState): boolean {
  return TERMINAL_TASK_STATES.includes(state);
}

/** How far along a task is; news never moves it back. */
const RANK: Record<TaskState, number> = { starting: 0, recording: 1, paused: 1, stopping: 2, uploading: 3, finished: 4, failed: 4, lost: 4 };
const FILE_RANK: Record<RecordingFile['status'], number> = { recording: 0, uploading: 1, unknown: 1, uploaded: 2, backup: 2, failed: 2 };

/** How far along a task in `state` is (a merge never moves a task to a lower rank). */
export function stateRank(state: TaskState): number {
  return RANK[state];
}

/** How far along a file in `status` is (a merge never moves a file to a lower rank). */
export function fileRank(status: RecordingFile['status']): number {
  return FILE_RANK[status];
}

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
function isGrowth(old: RecordingFile | undefined, next: RecordingFile): boolean {
  return !!old && old.status === next.status && next.status === 'recording' && old.url === next.url && old.vendorVideoId === next.vendorVideoId;
}

/**
 * The status a task moves to when `incoming` arrives (poll, callback or recovery), against what the
 * ledger knew. A terminal task keeps its raw status and finish reason; times are filled in when the
 * vendor gives none (started on reaching recording, ended on reaching uploading).
 */
export function mergeStatus(row: TaskRow, known: VendorStatus, incoming: VendorStatus, stale: boolean, at: number): VendorStatus {
  const state = mergeState(row.state, incoming.state, stale);
  const terminalHold = isTerminal(row.state);
  return {
    state,
    rawStatus: terminalHold || (stale && state === row.state) ? row.rawStatus : incoming.rawStatus,
    startedAt: incoming.startedAt ?? row.startedAt ?? (RANK[state] >= 1 && !isTerminal(state) ? at : null),
    endedAt: incoming.endedAt ?? row.endedAt ?? (RANK[state] >= 3 ? at : null),
    finishReason: terminalHold ? row.finishReason : (incoming.finishReason ?? row.finishReason ?? endedByVendor(row.state, state)),
    files: mergeFiles(known.files, incoming.files),
    extra: { ...row.extra, ...incoming.extra },
  };
}

/**
 * The reason of an end the vendor gave none for (ZEGO's status query has no reason): a task that went
 * from recording or paused straight to uploading or finished ended without RecDeck's stop.
 */
function endedByVendor(before: TaskState, after: TaskState): string | null {
  return (before === 'recording' || before === 'paused') && (after === 'uploading' || after === 'finished') ? formatMessage('en', msg('finishReason.endedByVendor')) : null;
}

/** Stream ids a history search finds a task by: those requested and those its files name. */
export function streamIdsOf(request: RecordingRequest, files: readonly RecordingFile[]): string {
  const ids = new Set<string>(request.streams);
  for (const f of files) if (f.streamId) ids.add(f.streamId);
  return [...ids].join(' ');
}

/** What a callback says about a task, as a status to merge: fields it does not mention keep their stored value. */
export function callbackStatus(row: TaskRow, d: CallbackDelivery): VendorStatus {
  return {
    state: d.patch.state ?? row.state,
    rawStatus: d.patch.rawStatus ?? row.rawStatus,
    startedAt: null,
    endedAt: null,
    finishReason: d.patch.finishReason ?? null,
    files: d.patch.files ?? [],
    extra: {},
  };
}

/** The timeline rows between two statuses, by the vendor's own diff, without rows for files that only grew. */
export function changeEvents(adapter: VendorAdapter, known: VendorStatus, next: VendorStatus, source: EventSource, at: number): TimelineEventDraft[] {
  const before = new Map(known.files.map((f) => [f.fileId, f]));
  return adapter.diff(known, next, source, at).filter((d) => !(d.kind === 'file-changed' && isGrowth(before.get((d.raw as RecordingFile).fileId), d.raw as RecordingFile)));
}

/** What the operator must hear about after a merge moved a task from `before` to `after` and wrote `drafts`. */
export function alertsFor(before: TaskState, after: TaskState, drafts: readonly TimelineEventDraft[]): Pick<TaskAlert, 'kind' | 'message'>[] {
  const out: Pick<TaskAlert, 'kind' | 'message'>[] = [];
  if (before !== after && after === 'failed') {
    out.push({ kind: 'failed', message: msg('alert.failed') });
  } else if ((before === 'recording' || before === 'paused') && (after === 'uploading' || after === 'finished')) {
    out.push({ kind: 'ended-unexpectedly', message: msg('alert.endedUnexpectedly') });
  }
  // A file first seen already failed (read only after its upload ended) is as lost as one seen failing.
  if (drafts.some((d) => (d.kind === 'file-changed' || d.kind === 'file-added') && (d.raw as RecordingFile | undefined)?.status === 'failed')) {
    out.push({ kind: 'upload-failed', message: msg('alert.uploadFailed') });
  }
  return out;
}
