import type { TaskSummary } from '@contract';
import { OPEN_TASK_STATES } from '@contract/task-states';

/** A status older than this is shown as stale: the scheduler polls active tasks every few seconds. */
export const STALE_AFTER_MS = 30_000;

/** `hh:mm:ss` like OBS's REC timer; negative durations clamp to zero. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** A short age: `12 s`, `4 min`, `3 h`, `2 d`. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 90) return `${s} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  if (s < 36 * 3600) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

/** Bytes in binary units with one decimal (`1.5 MiB`); null → em dash. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** How much the operator can trust the shown state. */
export type Freshness =
  /** A status read succeeded recently. */
  | 'fresh'
  /** The last successful read is older than {@link STALE_AFTER_MS}. */
  | 'stale'
  /** No status read ever succeeded. */
  | 'unknown'
  /** The task has ended: age no longer matters. */
  | 'final';

/** Freshness of a task's status and the age of its last successful read (null when never read). */
export function freshnessOf(task: Pick<TaskSummary, 'state' | 'lastSeenAt' | 'forgotten'>, now: number, staleAfterMs = STALE_AFTER_MS): { freshness: Freshness; ageMs: number | null } {
  const ageMs = task.lastSeenAt === null ? null : Math.max(0, now - task.lastSeenAt);
  if (!OPEN_TASK_STATES.includes(task.state)) return { freshness: 'final', ageMs };
  if (ageMs === null) return { freshness: 'unknown', ageMs };
  if (task.forgotten || ageMs > staleAfterMs) return { freshness: 'stale', ageMs };
  return { freshness: 'fresh', ageMs };
}

/** One countdown on a Live card. */
export interface Countdown {
  kind: 'max-duration' | 'idle';
  /** The request left the limit empty, so it is the vendor's own default. */
  byDefault: boolean;
  /** When the vendor will stop the task by itself, epoch ms. */
  at: number;
  remainingMs: number;
}

/**
 * Countdowns to the vendor's own stops. The max duration runs from `startedAt`. The idle stop is
 * only predictable while nobody has published yet: the vendor counts idleness from the start, and
 * RecDeck does not see when a room later empties, so after the first `maxIdleSec` it is shown as a
 * rule ("stops after N s without streams") rather than a countdown. A limit the request left empty
 * is the vendor's default (`vendorDefaults`, from its descriptor), which the vendor applies all the same.
 */
export function countdownsOf(
  task: Pick<TaskSummary, 'state' | 'startedAt' | 'createdAt' | 'maxIdleSec' | 'maxRecordSec'>,
  now: number,
  vendorDefaults: { maxIdleSec: number; maxRecordSec: number | null },
): Countdown[] {
  if (!['starting', 'recording', 'paused'].includes(task.state)) return [];
  const origin = task.startedAt ?? task.createdAt;
  const out: Countdown[] = [];
  const idleSec = task.maxIdleSec ?? vendorDefaults.maxIdleSec;
  const idleAt = origin + idleSec * 1000;
  if (idleAt > now) out.push({ kind: 'idle', byDefault: task.maxIdleSec === null, at: idleAt, remainingMs: idleAt - now });
  const recordSec = task.maxRecordSec ?? vendorDefaults.maxRecordSec;
  if (recordSec !== null) {
    const at = origin + recordSec * 1000;
    out.push({ kind: 'max-duration', byDefault: task.maxRecordSec === null, at, remainingMs: Math.max(0, at - now) });
  }
  return out;
}

/** Elapsed recording time: from the vendor's start to the end (or now while running). */
export function elapsedOf(task: Pick<TaskSummary, 'startedAt' | 'endedAt'>, now: number): number | null {
  if (task.startedAt === null) return null;
  return Math.max(0, (task.endedAt ?? now) - task.startedAt);
}

/** Which one-task actions make sense now, given the vendor's capabilities. */
export interface TaskActions {
  pause: boolean;
  resume: boolean;
  stop: boolean;
  layout: boolean;
}

/**
 * The actions to offer on a task; an action the vendor lacks is never offered, and none without the
 * account's secret on this desk (`secretHere`, team mode).
 */
export function actionsFor(
  task: Pick<TaskSummary, 'state' | 'mode' | 'accountId'>,
  caps: { pause: boolean; resume: boolean; updateLayout: boolean } | undefined,
  secretHere = true,
): TaskActions {
  const controllable = task.accountId !== null && secretHere;
  const running = task.state === 'recording';
  const paused = task.state === 'paused';
  return {
    pause: controllable && running && caps?.pause === true,
    resume: controllable && paused && caps?.resume === true,
    stop: controllable && ['starting', 'recording', 'paused'].includes(task.state),
    layout: controllable && (running || paused) && task.mode === 'mixed' && caps?.updateLayout === true,
  };
}

/** What a key press on a focused task asks for; null when the key is not a shortcut. */
export function shortcutFor(key: string, modifiers: { ctrl: boolean; meta: boolean; alt: boolean }, actions: TaskActions): 'stop' | 'pause' | 'resume' | null {
  if (modifiers.ctrl || modifiers.meta || modifiers.alt) return null;
  const k = key.toLowerCase();
  if (k === 's' && actions.stop) return 'stop';
  if (k === 'p' && actions.pause) return 'pause';
  if (k === 'p' && actions.resume) return 'resume';
  return null;
}
