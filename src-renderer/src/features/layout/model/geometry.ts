/**
 * Rectangle math of the layout editor, in output-canvas pixels. Pure: the editor calls it from
 * pointer and keyboard handlers, the tests call it directly.
 */

/** A rectangle, origin top-left. */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The output canvas. */
export interface Canvas {
  width: number;
  height: number;
}

/** A resize handle: which edges move. */
export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

/** Every handle, for drawing them. */
export const HANDLES: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

/** Smallest region side the editor produces; vendors reject empty rectangles. */
export const MIN_SIDE = 16;

/** A vertical (`x`) or horizontal (`y`) guide line drawn while a snap holds. */
export interface Guide {
  axis: 'x' | 'y';
  at: number;
}

/** What snapping aims at. */
export interface SnapOptions {
  /** Grid step in canvas pixels; 0 = no grid. */
  grid: number;
  /** How close (canvas pixels) an edge must be to jump to a target. */
  threshold: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** Rounds every side to whole pixels (vendors take integers). */
export function roundRect(r: Rect): Rect {
  return { left: Math.round(r.left), top: Math.round(r.top), width: Math.round(r.width), height: Math.round(r.height) };
}

/** Keeps a rectangle inside the canvas: shrinks what is too big, then shifts it in. */
export function clampRect(r: Rect, canvas: Canvas): Rect {
  const width = clamp(Math.round(r.width), Math.min(MIN_SIDE, canvas.width), canvas.width);
  const height = clamp(Math.round(r.height), Math.min(MIN_SIDE, canvas.height), canvas.height);
  return {
    left: clamp(Math.round(r.left), 0, canvas.width - width),
    top: clamp(Math.round(r.top), 0, canvas.height - height),
    width,
    height,
  };
}

/** Moves by (dx, dy) without leaving the canvas. */
export function moveRect(r: Rect, dx: number, dy: number, canvas: Canvas): Rect {
  return clampRect({ ...r, left: r.left + dx, top: r.top + dy }, canvas);
}

/** Resizes by dragging `handle` by (dx, dy); the opposite edges stay put and nothing leaves the canvas. */
export function resizeRect(r: Rect, handle: Handle, dx: number, dy: number, canvas: Canvas): Rect {
  let left = r.left;
  let top = r.top;
  let right = r.left + r.width;
  let bottom = r.top + r.height;
  if (handle.includes('w')) left = clamp(left + dx, 0, right - MIN_SIDE);
  if (handle.includes('e')) right = clamp(right + dx, left + MIN_SIDE, canvas.width);
  if (handle.includes('n')) top = clamp(top + dy, 0, bottom - MIN_SIDE);
  if (handle.includes('s')) bottom = clamp(bottom + dy, top + MIN_SIDE, canvas.height);
  return roundRect({ left, top, width: right - left, height: bottom - top });
}

/** Edge positions a region's edges may snap to: canvas edges and centre lines, and the other regions' edges. */
export function snapTargets(others: readonly Rect[], canvas: Canvas): { x: number[]; y: number[] } {
  const x = [0, canvas.width, Math.round(canvas.width / 2)];
  const y = [0, canvas.height, Math.round(canvas.height / 2)];
  for (const o of others) {
    x.push(o.left, o.left + o.width);
    y.push(o.top, o.top + o.height);
  }
  return { x, y };
}

/**
 * The nearest target to any of `edges` within `threshold`, as the shift to apply, preferring an edge
 * target over the grid. Null when nothing is close enough.
 */
export function nearestSnap(edges: readonly number[], targets: readonly number[], grid: number, threshold: number): { shift: number; at: number | null } | null {
  let best: { shift: number; at: number | null } | null = null;
  for (const e of edges) {
    for (const t of targets) {
      const shift = t - e;
      if (Math.abs(shift) <= threshold && (best === null || best.at === null || Math.abs(shift) < Math.abs(best.shift))) best = { shift, at: t };
    }
  }
  if (best || grid <= 0) return best;
  for (const e of edges) {
    const shift = Math.round(e / grid) * grid - e;
    if (Math.abs(shift) <= threshold && (best === null || Math.abs(shift) < Math.abs(best.shift))) best = { shift, at: null };
  }
  return best;
}

/** Snaps a moved rectangle: its left/right (and top/bottom) edges jump to targets or the grid together. */
export function snapMove(r: Rect, others: readonly Rect[], canvas: Canvas, options: SnapOptions): { rect: Rect; guides: Guide[] } {
  const targets = snapTargets(others, canvas);
  const guides: Guide[] = [];
  const sx = nearestSnap([r.left, r.left + r.width], targets.x, options.grid, options.threshold);
  const sy = nearestSnap([r.top, r.top + r.height], targets.y, options.grid, options.threshold);
  if (sx?.at != null) guides.push({ axis: 'x', at: sx.at });
  if (sy?.at != null) guides.push({ axis: 'y', at: sy.at });
  const rect = clampRect({ ...r, left: r.left + (sx?.shift ?? 0), top: r.top + (sy?.shift ?? 0) }, canvas);
  return { rect, guides };
}

/** Snaps the edges a resize moves; the others stay where they are. */
export function snapResize(r: Rect, handle: Handle, others: readonly Rect[], canvas: Canvas, options: SnapOptions): { rect: Rect; guides: Guide[] } {
  const targets = snapTargets(others, canvas);
  const guides: Guide[] = [];
  let left = r.left;
  let top = r.top;
  let right = r.left + r.width;
  let bottom = r.top + r.height;
  const edge = (value: number, list: number[], axis: 'x' | 'y'): number => {
    const s = nearestSnap([value], list, options.grid, options.threshold);
    if (!s) return value;
    if (s.at !== null) guides.push({ axis, at: s.at });
    return value + s.shift;
  };
  if (handle.includes('w')) left = edge(left, targets.x, 'x');
  if (handle.includes('e')) right = edge(right, targets.x, 'x');
  if (handle.includes('n')) top = edge(top, targets.y, 'y');
  if (handle.includes('s')) bottom = edge(bottom, targets.y, 'y');
  if (right - left < MIN_SIDE || bottom - top < MIN_SIDE) return { rect: r, guides: [] };
  return { rect: clampRect({ left, top, width: right - left, height: bottom - top }, canvas), guides };
}

/** Scale that fits the canvas into a box of `boxWidth` × `boxHeight` screen pixels. */
export function fitScale(canvas: Canvas, boxWidth: number, boxHeight: number): number {
  if (canvas.width <= 0 || canvas.height <= 0 || boxWidth <= 0) return 1;
  const byWidth = boxWidth / canvas.width;
  return boxHeight > 0 ? Math.min(byWidth, boxHeight / canvas.height) : byWidth;
}

/** True when the two rectangles share any area. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}
