/**
 * Undo / redo over immutable snapshots. Every edit of the layout pushes the whole MixSettings, so an
 * undo restores exactly what was there (vendors replace the layout, so partial diffs buy nothing).
 */

/** Past, present and future snapshots. */
export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
}

/** Oldest snapshots beyond this are dropped. */
export const HISTORY_LIMIT = 200;

/** A history holding only `present`. */
export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Records `next` as the new present; redo is no longer possible. Equal snapshots are not recorded. */
export function pushHistory<T>(h: History<T>, next: T, equal: (a: T, b: T) => boolean = sameJson, limit = HISTORY_LIMIT): History<T> {
  if (equal(h.present, next)) return h;
  const past = [...h.past, h.present];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [] };
}

/** One step back; unchanged when there is nothing to undo. */
export function undoHistory<T>(h: History<T>): History<T> {
  const prev = h.past[h.past.length - 1];
  if (prev === undefined) return h;
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] };
}

/** One step forward; unchanged when there is nothing to redo. */
export function redoHistory<T>(h: History<T>): History<T> {
  const next = h.future[0];
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1) };
}

/**
 * Replaces the present without an undo step, for a value that arrived from outside (a preset load);
 * when it equals the present nothing changes.
 */
export function resetHistory<T>(h: History<T>, present: T, equal: (a: T, b: T) => boolean = sameJson): History<T> {
  return equal(h.present, present) ? h : createHistory(present);
}

/** Structural equality of plain data. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
