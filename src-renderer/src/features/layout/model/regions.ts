import type { LayoutRegion, MixSettings } from '@contract';
import { clampRect, moveRect, type Canvas, type Rect } from './geometry';

/**
 * Edits of a custom layout as pure functions over MixSettings: each returns a new value, so the
 * editor can push it onto the undo history as one step.
 */

/** The next free region id (`r1`, `r2` …). */
export function nextRegionId(regions: readonly Pick<LayoutRegion, 'id'>[]): string {
  const used = new Set(regions.map((r) => r.id));
  let n = regions.length + 1;
  while (used.has(`r${n}`)) n += 1;
  return `r${n}`;
}

/** A stream region bound to "next stream to join", with the editor's defaults. */
export function newRegion(id: string, rect: Rect, layer: number): LayoutRegion {
  return { id, ...rect, layer, kind: 'stream', streamId: null, fillMode: 'crop', backgroundColor: null, backgroundImage: null };
}

/** The canvas of a mix. */
export function canvasOf(mix: Pick<MixSettings, 'width' | 'height'>): Canvas {
  return { width: mix.width, height: mix.height };
}

/** Regions in drawing order (lowest layer first; ties keep list order). */
export function byLayer(regions: readonly LayoutRegion[]): LayoutRegion[] {
  return regions.map((r, i) => ({ r, i })).sort((a, b) => a.r.layer - b.r.layer || a.i - b.i).map((x) => x.r);
}

/** Replaces one region by id. */
export function updateRegion(mix: MixSettings, id: string, patch: Partial<LayoutRegion>): MixSettings {
  return { ...mix, regions: mix.regions.map((r) => (r.id === id ? { ...r, ...patch, id } : r)) };
}

/** Adds a region (a quarter of the canvas, centred, on top), switching the mix to a custom layout. */
export function addRegion(mix: MixSettings): { mix: MixSettings; id: string } {
  const id = nextRegionId(mix.regions);
  const canvas = canvasOf(mix);
  const width = Math.round(canvas.width / 2);
  const height = Math.round(canvas.height / 2);
  const offset = (mix.regions.length % 5) * Math.round(canvas.width / 40);
  const rect = clampRect({ left: Math.round(canvas.width / 4) + offset, top: Math.round(canvas.height / 4) + offset, width, height }, canvas);
  const layer = mix.regions.reduce((m, r) => Math.max(m, r.layer + 1), 0);
  return { mix: { ...mix, layoutMode: 'custom', regions: [...mix.regions, newRegion(id, rect, layer)] }, id };
}

/** Removes a region. */
export function removeRegion(mix: MixSettings, id: string): MixSettings {
  return { ...mix, regions: mix.regions.filter((r) => r.id !== id) };
}

/** Copies a region, shifted a little, on top. */
export function duplicateRegion(mix: MixSettings, id: string): { mix: MixSettings; id: string } | null {
  const source = mix.regions.find((r) => r.id === id);
  if (!source) return null;
  const copyId = nextRegionId(mix.regions);
  const shift = Math.round(mix.width / 40);
  const rect = moveRect(source, shift, shift, canvasOf(mix));
  const layer = mix.regions.reduce((m, r) => Math.max(m, r.layer + 1), 0);
  return { mix: { ...mix, regions: [...mix.regions, { ...source, ...rect, id: copyId, layer, kind: source.kind === 'whiteboard' ? 'stream' : source.kind }] }, id: copyId };
}

/**
 * Moves a region one step up or down the stacking order (or to the top / bottom) and renumbers
 * every layer 0…n-1, so layers stay unique and small.
 */
export function restack(mix: MixSettings, id: string, to: 'up' | 'down' | 'top' | 'bottom'): MixSettings {
  const order = byLayer(mix.regions).map((r) => r.id);
  const i = order.indexOf(id);
  if (i < 0) return mix;
  order.splice(i, 1);
  const j = to === 'top' ? order.length : to === 'bottom' ? 0 : to === 'up' ? Math.min(i + 1, order.length) : Math.max(i - 1, 0);
  order.splice(j, 0, id);
  const layerOf = new Map(order.map((rid, k) => [rid, k]));
  return { ...mix, regions: mix.regions.map((r) => ({ ...r, layer: layerOf.get(r.id) ?? r.layer })) };
}

/** Moves a region by whole pixels (keyboard nudge), kept inside the canvas. */
export function nudgeRegion(mix: MixSettings, id: string, dx: number, dy: number): MixSettings {
  const r = mix.regions.find((x) => x.id === id);
  if (!r) return mix;
  return updateRegion(mix, id, moveRect(r, dx, dy, canvasOf(mix)));
}

/**
 * Changes the output size and scales every region with it, so a layout made for 1280×720 still
 * covers the same part of a 1920×1080 canvas.
 */
export function resizeCanvas(mix: MixSettings, width: number, height: number): MixSettings {
  if (!(width > 0 && height > 0) || !(mix.width > 0 && mix.height > 0)) return { ...mix, width, height };
  const sx = width / mix.width;
  const sy = height / mix.height;
  const canvas = { width, height };
  const regions = mix.regions.map((r) => ({
    ...r,
    ...clampRect({ left: r.left * sx, top: r.top * sy, width: r.width * sx, height: r.height * sy }, canvas),
  }));
  return { ...mix, width, height, regions };
}
