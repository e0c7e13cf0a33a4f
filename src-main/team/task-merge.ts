import type { RecordingFile, TaskState } from '@contract';
import type { TaskWire } from '../store/team-store';
import { fileRank, isTerminal, stateRank } from '../tasks/merge';

/** Among ended tasks, what the vendor said beats what RecDeck had to conclude: finished > failed > lost. */
const TERMINAL_PRECEDENCE: Partial<Record<TaskState, number>> = { finished: 3, failed: 2, lost: 1 };

/** Orders two snapshots of one task: the larger one's state wins (never backwards, terminal wins, then the later change). */
function compareSnapshots(a: TaskWire, b: TaskWire): number {
  const keys = (t: TaskWire): Array<number | string> => [
    stateRank(t.state),
    isTerminal(t.state) ? (TERMINAL_PRECEDENCE[t.state] ?? 0) : 0,
    t.updatedAt,
    t.lastSeenAt ?? 0,
    t.state,
    t.rawStatus,
  ];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] as number | string;
    const y = kb[i] as number | string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Orders two sightings of one file: further along, then larger, then by content, so every desk picks the same. */
function compareFiles(a: RecordingFile, b: RecordingFile): number {
  const keys = (f: RecordingFile): Array<number | string> => [fileRank(f.status), f.sizeBytes ?? -1, f.durationMs ?? -1, JSON.stringify(f)];
  const ka = keys(a);
  const kb = keys(b);
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] as number | string;
    const y = kb[i] as number | string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function mergeFileSets(a: readonly RecordingFile[], b: readonly RecordingFile[]): RecordingFile[] {
  const out = new Map(a.map((f) => [f.fileId, f]));
  for (const f of b) {
    const old = out.get(f.fileId);
    if (!old || compareFiles(f, old) > 0) out.set(f.fileId, f);
  }
  return [...out.values()];
}

/** The smaller of two optional numbers (a write-once time every desk agrees on). */
function firstKnown(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/**
 * The task two desks' snapshots amount to. A join: the state side (state, raw status, finish reason,
 * error, request, account) comes from the larger snapshot by {@link compareSnapshots}; write-once facts
 * (vendor task id, start and end, the desk that started it) take the first known; `updated_at` and
 * `last_seen_at` the later; files merge one by one, never backwards. Each part is commutative,
 * associative and idempotent, so desks that receive the same snapshots in any order hold the same row.
 */
export function mergeTask(local: TaskWire | null, incoming: TaskWire): TaskWire {
  if (local === null) return incoming;
  const [winner, other] = compareSnapshots(incoming, local) > 0 ? [incoming, local] : [local, incoming];
  const streams = new Set([...local.streamIds.split(' '), ...incoming.streamIds.split(' ')].filter((s) => s !== ''));
  const desks = [local.deskId, incoming.deskId].filter((d): d is string => d !== null).sort();
  return {
    ...winner,
    id: local.id,
    vendorTaskId: winner.vendorTaskId ?? other.vendorTaskId,
    createdAt: Math.min(local.createdAt, incoming.createdAt),
    startedAt: firstKnown(local.startedAt, incoming.startedAt),
    endedAt: firstKnown(local.endedAt, incoming.endedAt),
    updatedAt: Math.max(local.updatedAt, incoming.updatedAt),
    lastSeenAt: local.lastSeenAt === null && incoming.lastSeenAt === null ? null : Math.max(local.lastSeenAt ?? 0, incoming.lastSeenAt ?? 0),
    forgotten: local.forgotten || incoming.forgotten,
    extra: { ...other.extra, ...winner.extra },
    deskId: desks[0] ?? null,
    streamIds: [...streams].sort().join(' '),
    files: mergeFileSets(local.files, incoming.files),
  };
}
