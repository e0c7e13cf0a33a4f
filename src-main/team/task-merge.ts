import type { RecordingFile, TaskState } from '@contract';
import type { TaskWire } from '../store/team-store';
import { fileRank, isTerminal, stateRank } from '../tasks/merge';

/** Among ended tasks, what the vendor said beats what RecDeck had to conclude: finished > failed > lost. */
const TERMINAL_PRECEDENCE: Partial<Record<TaskState, number>> = { finished: 3, failed: 2, lost: 1 };

function compareKeys(ka: ReadonlyArray<number | string>, kb: ReadonlyArray<number | string>): number {
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] as number | string;
    const y = kb[i] as number | string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Orders two snapshots' state sides: further along wins (never backwards), then the vendor's end over a
 * concluded one (terminal wins), then the later change, then the content itself so that every desk picks
 * the same side even on a tie.
 */
function stateKey(t: TaskWire): Array<number | string> {
  return [
    stateRank(t.state),
    isTerminal(t.state) ? (TERMINAL_PRECEDENCE[t.state] ?? 0) : 0,
    t.stateAt,
    t.state,
    t.rawStatus,
    JSON.stringify([t.finishReason, t.error ?? null, t.request, t.extra, t.accountId, t.accountName]),
  ];
}

/** Orders two sightings of one file: further along, then larger, then by content. */
function fileKey(f: RecordingFile): Array<number | string> {
  return [fileRank(f.status), f.sizeBytes ?? -1, f.durationMs ?? -1, JSON.stringify(f)];
}

function mergeFileSets(a: readonly RecordingFile[], b: readonly RecordingFile[]): RecordingFile[] {
  const out = new Map<string, RecordingFile>();
  for (const f of [...a, ...b]) {
    const old = out.get(f.fileId);
    if (!old || compareKeys(fileKey(f), fileKey(old)) > 0) out.set(f.fileId, f);
  }
  return [...out.values()].sort((x, y) => (x.fileId < y.fileId ? -1 : x.fileId > y.fileId ? 1 : 0));
}

/** The smaller of two optional values (write-once facts every desk then agrees on). */
function least<T extends number | string>(a: T | null, b: T | null): T | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/**
 * The task two desks' snapshots amount to. A join: the state side (state, raw status, finish reason,
 * error, request, vendor facts, account, and its `stateAt`) comes whole from the snapshot with the
 * larger {@link stateKey}; write-once facts (vendor task id, start and end, the desk that started it)
 * take the least known value; `updated_at` and `last_seen_at` the later; files merge one by one, never
 * backwards. Each part is commutative, associative and idempotent, so desks that receive the same
 * snapshots in any order, any number of times, hold the same row.
 */
export function mergeTask(local: TaskWire | null, incoming: TaskWire): TaskWire {
  const mine = local ?? incoming;
  const [winner] = compareKeys(stateKey(incoming), stateKey(mine)) > 0 ? [incoming] : [mine];
  const streams = new Set([...mine.streamIds.split(' '), ...incoming.streamIds.split(' ')].filter((s) => s !== ''));
  return {
    ...winner,
    id: mine.id,
    vendor: mine.vendor,
    roomId: mine.roomId,
    startKey: mine.startKey,
    mode: mine.mode,
    storageTargetId: mine.storageTargetId,
    presetId: mine.presetId,
    vendorTaskId: least(mine.vendorTaskId, incoming.vendorTaskId),
    createdAt: Math.min(mine.createdAt, incoming.createdAt),
    startedAt: least(mine.startedAt, incoming.startedAt),
    endedAt: least(mine.endedAt, incoming.endedAt),
    updatedAt: Math.max(mine.updatedAt, incoming.updatedAt),
    lastSeenAt: mine.lastSeenAt === null && incoming.lastSeenAt === null ? null : Math.max(mine.lastSeenAt ?? 0, incoming.lastSeenAt ?? 0),
    forgotten: mine.forgotten || incoming.forgotten,
    deskId: least(mine.deskId, incoming.deskId),
    streamIds: [...streams].sort().join(' '),
    files: mergeFileSets(mine.files, incoming.files),
  };
}
