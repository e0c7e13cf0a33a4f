import { OPEN_TASK_STATES, type Exchange, type RecordingFile, type TaskState, type TaskSummary, type TimelineEvent } from '@contract';
import { STALE_AFTER_MS } from './monitor-time';

/** A stretch of time in one normalized state. */
export interface StateSegment {
  state: TaskState;
  from: number;
  to: number;
}

/** A stretch during which RecDeck had no confirmed status. */
export interface Gap {
  from: number;
  to: number;
}

/** What a marker stands for; each kind has its own lane and shape. */
export type MarkerKind = 'operator' | 'status' | 'callback' | 'error' | 'file';

/** One point on the timeline. */
export interface Marker {
  at: number;
  kind: MarkerKind;
  label: string;
  /** The timeline row behind it, when there is one. */
  event: TimelineEvent | null;
}

/** Everything the timeline picture draws. */
export interface TimelineModel {
  start: number;
  end: number;
  segments: StateSegment[];
  gaps: Gap[];
  markers: Marker[];
}

function markerKind(e: TimelineEvent): MarkerKind {
  if (e.kind === 'error') return 'error';
  if (e.source === 'operator' || e.kind === 'action') return 'operator';
  if (e.kind === 'file-added' || e.kind === 'file-changed') return 'file';
  if (e.source === 'callback' || e.kind === 'callback') return 'callback';
  return 'status';
}

/**
 * Builds the picture of a task's life: state bands from state-carrying events, markers for every
 * event and file, and gaps where no status was confirmed.
 *
 * A gap opens at a failed status read (an error from polling, or a failed exchange) and closes at
 * the next confirmation (a poll or callback event, a successful exchange). While the task still
 * runs, the stretch since `lastSeenAt` is a gap too once it is older than `staleAfterMs`, and a
 * task never confirmed at all is unknown from its creation.
 */
export function buildTimeline(
  input: { task: TaskSummary; events: readonly TimelineEvent[]; files: readonly RecordingFile[]; exchanges?: readonly Exchange[] },
  now: number,
  staleAfterMs = STALE_AFTER_MS,
): TimelineModel {
  const { task } = input;
  const events = [...input.events].sort((a, b) => a.at - b.at || a.id - b.id);
  const live = OPEN_TASK_STATES.includes(task.state);
  const lastEventAt = events.length > 0 ? (events[events.length - 1] as TimelineEvent).at : task.createdAt;
  const start = Math.min(task.createdAt, events[0]?.at ?? task.createdAt);
  const end = live ? Math.max(now, lastEventAt) : Math.max(task.endedAt ?? lastEventAt, lastEventAt, start + 1000);

  const segments: StateSegment[] = [];
  let current: StateSegment = { state: 'starting', from: start, to: end };
  for (const e of events) {
    if (e.state === null || e.state === current.state) continue;
    if (e.at > current.from) segments.push({ ...current, to: e.at });
    current = { state: e.state, from: Math.max(e.at, current.from), to: end };
  }
  segments.push({ ...current, to: end });
  if (!live && segments.length > 0) (segments[segments.length - 1] as StateSegment).state = task.state;

  type Read = { at: number; ok: boolean };
  const reads: Read[] = [];
  for (const e of events) {
    if (e.source === 'poll' || e.source === 'callback') reads.push({ at: e.at, ok: e.kind !== 'error' });
  }
  for (const x of input.exchanges ?? []) reads.push({ at: x.at, ok: x.errorCode === null && (x.httpStatus === null || x.httpStatus < 400) });
  if (task.lastSeenAt !== null) reads.push({ at: task.lastSeenAt, ok: true });
  reads.sort((a, b) => a.at - b.at || Number(a.ok) - Number(b.ok));

  const gaps: Gap[] = [];
  let openAt: number | null = null;
  for (const r of reads) {
    if (!r.ok && openAt === null) openAt = r.at;
    else if (r.ok && openAt !== null) {
      if (r.at > openAt) gaps.push({ from: openAt, to: r.at });
      openAt = null;
    }
  }
  if (openAt !== null) gaps.push({ from: openAt, to: live ? end : Math.max(openAt, task.endedAt ?? openAt) });
  if (live) {
    const lastOk = task.lastSeenAt;
    if (lastOk === null) gaps.push({ from: start, to: end });
    else if (end - lastOk > staleAfterMs) gaps.push({ from: lastOk, to: end });
  }

  const markers: Marker[] = events.map((e) => ({ at: e.at, kind: markerKind(e), label: e.summary, event: e }));
  const known = new Set(events.filter((e) => e.kind === 'file-added').map((e) => e.summary));
  for (const f of input.files) {
    if (f.beginAt === null || known.has(f.fileId)) continue;
    if (events.some((e) => e.kind === 'file-added' && e.summary.includes(f.fileId))) continue;
    markers.push({ at: f.beginAt, kind: 'file', label: f.fileId, event: null });
  }
  markers.sort((a, b) => a.at - b.at);
  return { start, end, segments: segments.filter((s) => s.to > s.from), gaps: mergeGaps(gaps), markers };
}

/** Sorted, non-overlapping gaps. */
export function mergeGaps(gaps: readonly Gap[]): Gap[] {
  const sorted = gaps.filter((g) => g.to > g.from).sort((a, b) => a.from - b.from);
  const out: Gap[] = [];
  for (const g of sorted) {
    const last = out[out.length - 1];
    if (last && g.from <= last.to) last.to = Math.max(last.to, g.to);
    else out.push({ ...g });
  }
  return out;
}

/** A visible window of the timeline, epoch ms. */
export interface View {
  from: number;
  to: number;
}

/** Shortest window the zoom allows: detail below a second is noise for an operator. */
export const MIN_VIEW_MS = 2_000;

/**
 * Zooms around `anchor` (epoch ms) by `factor` (< 1 zooms in), kept inside [start, end] and no
 * narrower than {@link MIN_VIEW_MS}.
 */
export function zoomView(view: View, factor: number, anchor: number, bounds: View): View {
  const full = bounds.to - bounds.from;
  const width = Math.min(full, Math.max(MIN_VIEW_MS, (view.to - view.from) * factor));
  const ratio = view.to > view.from ? (anchor - view.from) / (view.to - view.from) : 0.5;
  let from = anchor - width * Math.min(1, Math.max(0, ratio));
  from = Math.min(Math.max(from, bounds.from), bounds.to - width);
  return { from, to: from + width };
}

/** Moves the window by `deltaMs`, kept inside the bounds. */
export function panView(view: View, deltaMs: number, bounds: View): View {
  const width = view.to - view.from;
  const from = Math.min(Math.max(view.from + deltaMs, bounds.from), bounds.to - width);
  return { from, to: from + width };
}

/** Round tick spacing so that about `target` ticks fit the window. */
export function tickStep(widthMs: number, target = 8): number {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400].map((s) => s * 1000);
  return steps.find((s) => widthMs / s <= target) ?? 86_400_000 * Math.ceil(widthMs / 86_400_000 / target);
}
