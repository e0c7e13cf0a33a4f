import type { LayoutRegion, MixLayoutModeSchema, MixSettings } from '@contract';
import type { z } from 'zod';
import type { Canvas, Rect } from './geometry';
import { newRegion } from './regions';

/**
 * Layout templates. Ours (grid 1–9, picture-in-picture, speaker focus) fill the custom regions;
 * the vendors' own mix modes are drawn for preview only, since the vendor arranges the streams itself.
 */

/** Templates that produce custom regions. */
export const CUSTOM_TEMPLATES = ['grid-1', 'grid-2', 'grid-3', 'grid-4', 'grid-5', 'grid-6', 'grid-7', 'grid-8', 'grid-9', 'pip', 'speaker'] as const;
/** One of {@link CUSTOM_TEMPLATES}. */
export type CustomTemplate = (typeof CUSTOM_TEMPLATES)[number];

/** A vendor layout mode. */
export type LayoutMode = z.infer<typeof MixLayoutModeSchema>;

function span(total: number, parts: number, i: number): [number, number] {
  const start = Math.round((i * total) / parts);
  const end = Math.round(((i + 1) * total) / parts);
  return [start, end - start];
}

/** `n` equal cells, as square-ish as possible, row by row; they tile the canvas exactly. */
export function gridRects(n: number, canvas: Canvas): Rect[] {
  if (n <= 0) return [];
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const rects: Rect[] = [];
  for (let i = 0; i < n; i += 1) {
    const [left, width] = span(canvas.width, cols, i % cols);
    const [top, height] = span(canvas.height, rows, Math.floor(i / cols));
    rects.push({ left, top, width, height });
  }
  return rects;
}

/** The full canvas plus one small window in the bottom-right corner (a quarter of the width). */
export function pipRects(canvas: Canvas): Rect[] {
  const margin = Math.round(Math.min(canvas.width, canvas.height) / 30);
  const width = Math.round(canvas.width / 4);
  const height = Math.round(canvas.height / 4);
  return [
    { left: 0, top: 0, width: canvas.width, height: canvas.height },
    { left: canvas.width - width - margin, top: canvas.height - height - margin, width, height },
  ];
}

/** One large speaker on the left three quarters, `others` small ones stacked on the right. */
export function speakerRects(canvas: Canvas, others = 3): Rect[] {
  const bigWidth = Math.round((canvas.width * 3) / 4);
  const rects: Rect[] = [{ left: 0, top: 0, width: bigWidth, height: canvas.height }];
  for (let i = 0; i < others; i += 1) {
    const [top, height] = span(canvas.height, others, i);
    rects.push({ left: bigWidth, top, width: canvas.width - bigWidth, height });
  }
  return rects;
}

/** The rectangles of a custom template. */
export function templateRects(template: CustomTemplate, canvas: Canvas): Rect[] {
  if (template === 'pip') return pipRects(canvas);
  if (template === 'speaker') return speakerRects(canvas);
  return gridRects(Number(template.slice(5)), canvas);
}

/**
 * Applies a template: the mix becomes custom with one region per template rectangle. Regions that
 * existed keep their bindings, fill and colour in order (the first region stays the first), so
 * switching templates does not lose which stream goes where.
 */
export function applyTemplate(mix: MixSettings, template: CustomTemplate): MixSettings {
  const rects = templateRects(template, { width: mix.width, height: mix.height });
  const old = [...mix.regions].sort((a, b) => a.layer - b.layer);
  const regions: LayoutRegion[] = rects.map((rect, i) => {
    const before = old[i];
    const base = newRegion(`r${i + 1}`, rect, i);
    return before ? { ...before, ...rect, id: `r${i + 1}`, layer: i } : base;
  });
  return { ...mix, layoutMode: 'custom', regions };
}

/** One tile of a vendor's own arrangement, for the preview. */
export interface VendorTile extends Rect {
  role: 'big' | 'small' | 'whiteboard' | 'cell';
}

/**
 * How the vendor arranges `count` streams in a built-in mode (ZEGO MixMode 2–5 per docs/vendors/zego.md §4.1.1.1;
 * TIW ModelId 1–2 as documented loosely: whiteboard large, videos in a strip). Preview only.
 */
export function vendorTiles(mode: LayoutMode, count: number, canvas: Canvas): VendorTile[] {
  const n = Math.max(1, Math.min(count, 25));
  const { width: W, height: H } = canvas;
  const strip = (others: number, along: 'row-top' | 'col-right' | 'row-bottom-right'): VendorTile[] => {
    const tiles: VendorTile[] = [];
    const small = Math.round(Math.min(W, H) / 5);
    for (let i = 0; i < others; i += 1) {
      if (along === 'row-top') {
        const [left, width] = span(W, Math.max(others, 4), i);
        tiles.push({ role: 'small', left, top: 0, width, height: small });
      } else if (along === 'col-right') {
        const [top, height] = span(H, Math.max(others, 4), i);
        tiles.push({ role: 'small', left: W - small, top, width: small, height });
      } else {
        const w = Math.round(W / 6);
        const h = Math.round(H / 6);
        const margin = Math.round(Math.min(W, H) / 40);
        const left = W - (i + 1) * (w + margin);
        if (left < 0) break;
        tiles.push({ role: 'small', left, top: H - h - margin, width: w, height: h });
      }
    }
    return tiles;
  };
  const small = Math.round(Math.min(W, H) / 5);
  switch (mode) {
    case 'horizontal':
      return [{ role: 'big', left: 0, top: small, width: W, height: H - small }, ...strip(n - 1, 'row-top')];
    case 'vertical':
      return [{ role: 'big', left: 0, top: 0, width: W - small, height: H }, ...strip(n - 1, 'col-right')];
    case 'floating':
      return [{ role: 'big', left: 0, top: 0, width: W, height: H }, ...strip(n - 1, 'row-bottom-right')];
    case 'tiw-model-1':
      return [{ role: 'whiteboard', left: 0, top: 0, width: W - small, height: H }, ...strip(n, 'col-right')];
    case 'tiw-model-2':
      return [{ role: 'whiteboard', left: 0, top: small, width: W, height: H - small }, ...strip(n, 'row-top')];
    case 'grid':
      return gridRects(n, canvas).map((r) => ({ ...r, role: 'cell' as const }));
    default:
      return [];
  }
}
