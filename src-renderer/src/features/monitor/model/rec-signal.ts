import type { Capabilities, TaskSummary } from '@contract';
import { OPEN_TASK_STATES } from '@contract/task-states';
import { formatAge, freshnessOf, type Freshness } from './monitor-time';

/**
 * What the REC pill may claim about a task whose ledger state is `recording`:
 * - `confirmed`: the vendor said so recently — red REC, the timer runs;
 * - `unconfirmed`: never confirmed, or the last confirmation is stale — amber "REC?";
 * - `held`: status polling is paused, nothing can be confirmed — grey, the timer stops.
 */
export type RecSignal = 'confirmed' | 'unconfirmed' | 'held';

/** What the page knows besides the task: the clock, polling and the callback receiver. */
export interface RecContext {
  now: number;
  /** When status polling of the task's account paused (epoch ms); null while it runs. */
  pausedSince: number | null;
  /** The callback receiver is on; null while its status is not loaded. */
  receiverOn: boolean | null;
}

/** A vendor RecDeck cannot ask about a task: its status arrives only by callbacks. */
export function statusByCallbacksOnly(caps: Pick<Capabilities, 'query' | 'listTasks' | 'callbacks'> | undefined): boolean {
  return caps !== undefined && !caps.query && !caps.listTasks && caps.callbacks;
}

type Caps = Parameters<typeof statusByCallbacksOnly>[0];

/** A task whose status can never be confirmed as things are: callbacks only, and the receiver is off. */
export function needsReceiver(task: Pick<TaskSummary, 'state'>, caps: Caps, ctx: Pick<RecContext, 'receiverOn'>): boolean {
  return OPEN_TASK_STATES.includes(task.state) && statusByCallbacksOnly(caps) && ctx.receiverOn === false;
}

/**
 * Whether the shown state of an open task is vouched for now. A vendor that pushes its status by
 * callbacks says nothing while nothing changes, so one callback vouches until the next one (while the
 * receiver is on); a polled vendor must have answered within the stale limit, with polling running.
 */
export function trustedNow(task: Pick<TaskSummary, 'state' | 'lastSeenAt' | 'forgotten'>, caps: Caps, ctx: RecContext): boolean {
  if (statusByCallbacksOnly(caps)) return ctx.receiverOn === true && task.lastSeenAt !== null;
  return ctx.pausedSince === null && freshnessOf(task, ctx.now).freshness === 'fresh';
}

/** The REC signal of a task in `recording`; null in any other state. */
export function recSignalOf(task: Pick<TaskSummary, 'state' | 'lastSeenAt' | 'forgotten'>, caps: Caps, ctx: RecContext): RecSignal | null {
  if (task.state !== 'recording') return null;
  if (trustedNow(task, caps, ctx)) return 'confirmed';
  return ctx.pausedSince !== null && !statusByCallbacksOnly(caps) ? 'held' : 'unconfirmed';
}

/** The freshness line of a task: its colour and the message (key under `monitor.card`, with the age) it reads. */
export interface FreshnessLine {
  freshness: Freshness;
  key: 'forgotten' | 'unknown' | 'noCallback' | 'lastCallback' | 'offline' | 'stale' | 'lastSeen' | null;
  age: string;
}

/**
 * How fresh a task's shown state is. While polling is paused nothing is being confirmed, however
 * recent the last read; a vendor that reports by callbacks is as fresh as its last callback.
 */
export function freshnessLineOf(task: Pick<TaskSummary, 'state' | 'lastSeenAt' | 'forgotten'>, caps: Caps, ctx: RecContext): FreshnessLine {
  const f = freshnessOf(task, ctx.now);
  const age = f.ageMs === null ? '' : formatAge(f.ageMs);
  const byCallbacks = statusByCallbacksOnly(caps);
  if (task.forgotten) return { freshness: f.freshness, key: 'forgotten', age };
  if (f.freshness === 'final') return { freshness: 'final', key: f.ageMs === null ? null : 'lastSeen', age };
  if (f.freshness === 'unknown') return { freshness: 'unknown', key: byCallbacks ? 'noCallback' : 'unknown', age };
  if (byCallbacks) return { freshness: ctx.receiverOn === true ? 'fresh' : 'stale', key: 'lastCallback', age };
  if (ctx.pausedSince !== null) return { freshness: 'stale', key: 'offline', age };
  return f.freshness === 'stale' ? { freshness: 'stale', key: 'stale', age } : { freshness: 'fresh', key: 'lastSeen', age };
}

/** The REC timer: from the vendor's start to the end, or to now — or to when polling paused, while it is. */
export function recTimerOf(task: Pick<TaskSummary, 'startedAt' | 'endedAt'>, signal: RecSignal | null, ctx: Pick<RecContext, 'now' | 'pausedSince'>): number | null {
  if (task.startedAt === null) return null;
  const until = task.endedAt ?? (signal === 'held' && ctx.pausedSince !== null ? Math.min(ctx.now, ctx.pausedSince) : ctx.now);
  return Math.max(0, until - task.startedAt);
}

/** The page-wide indicator: recordings confirmed as recording, and open ones the operator cannot trust now. */
export interface RecCounts {
  rec: number;
  warn: number;
}

/**
 * Counts the open tasks (the one definition of "active" on Live): those confirmed as recording, and
 * the others the operator should look at — status not vouched for now, or an error.
 */
export function recCountsOf<T extends Pick<TaskSummary, 'vendor' | 'state' | 'lastSeenAt' | 'forgotten' | 'error'>>(
  tasks: readonly T[],
  capsOf: (t: Pick<TaskSummary, 'vendor'>) => Caps,
  page: RecContext,
  pausedSinceOf: (t: T) => number | null = () => page.pausedSince,
): RecCounts {
  let rec = 0;
  let warn = 0;
  for (const task of tasks) {
    if (!OPEN_TASK_STATES.includes(task.state)) continue;
    const caps = capsOf(task);
    const ctx = { ...page, pausedSince: pausedSinceOf(task) };
    if (recSignalOf(task, caps, ctx) === 'confirmed') rec += 1;
    else if (task.error !== null || !trustedNow(task, caps, ctx)) warn += 1;
  }
  return { rec, warn };
}

/** The window title: "● 3 REC · 1 ⚠ — RecDeck", or the app's name alone when nothing runs. */
export function recTitle(counts: RecCounts, app: string): string {
  const parts = [counts.rec > 0 ? `● ${counts.rec} REC` : '', counts.warn > 0 ? `${counts.warn} ⚠` : ''].filter(Boolean);
  return parts.length === 0 ? app : `${parts.join(' · ')} — ${app}`;
}
