import type { MixSettings } from '@contract';
import { describe, expect, it } from 'vitest';
import { applyTemplate, gridRects, pipRects, speakerRects, vendorTiles } from '../../../../../src-renderer/src/features/layout/model/templates';

const canvas = { width: 1280, height: 720 };
const mix: MixSettings = {
  layoutMode: 'grid', regions: [], width: 1280, height: 720, fps: 15, bitrateBps: 1_500_000, audioBitrateBps: null,
  backgroundColor: null, backgroundImage: null, outputStreamId: 'mix', maxResolutionStreamId: null, fillMode: 'crop', alwaysMix: false,
};
const area = (rs: { width: number; height: number }[]) => rs.reduce((s, r) => s + r.width * r.height, 0);

describe('layout templates', () => {
  it('tiles the whole canvas exactly for every grid from 1 to 9 cells when the grid is full', () => {
    for (const n of [1, 4, 9]) expect(area(gridRects(n, canvas))).toBe(1280 * 720);
    for (let n = 1; n <= 9; n += 1) {
      const rects = gridRects(n, canvas);
      expect(rects).toHaveLength(n);
      for (const r of rects) {
        expect(r.left + r.width).toBeLessThanOrEqual(1280);
        expect(r.top + r.height).toBeLessThanOrEqual(720);
      }
    }
  });

  it('uses 2 columns and 2 rows for 3 and 4 cells, 3×3 for 7 to 9', () => {
    expect(gridRects(3, canvas)[2]).toEqual({ left: 0, top: 360, width: 640, height: 360 });
    expect(gridRects(9, { width: 1920, height: 1080 })[4]).toEqual({ left: 640, top: 360, width: 640, height: 360 });
  });

  it('puts picture-in-picture’s small window inside the bottom-right corner', () => {
    const [main, small] = pipRects(canvas);
    expect(main).toEqual({ left: 0, top: 0, width: 1280, height: 720 });
    expect(small!.left + small!.width).toBeLessThan(1280);
    expect(small!.top + small!.height).toBeLessThan(720);
  });

  it('gives speaker focus one large and three stacked small regions', () => {
    const rects = speakerRects(canvas);
    expect(rects).toHaveLength(4);
    expect(area(rects)).toBe(1280 * 720);
  });

  it('keeps stream bindings in order when a template replaces the regions', () => {
    const four = applyTemplate(mix, 'grid-4');
    expect(four.layoutMode).toBe('custom');
    const bound = { ...four, regions: four.regions.map((r, i) => (i === 0 ? { ...r, streamId: 'alice' } : r)) };
    const pip = applyTemplate(bound, 'pip');
    expect(pip.regions).toHaveLength(2);
    expect(pip.regions[0]).toMatchObject({ streamId: 'alice', left: 0, top: 0, width: 1280, height: 720, layer: 0 });
    expect(pip.regions[1]!.layer).toBe(1);
  });

  it('draws the vendors’ own modes inside the canvas', () => {
    for (const mode of ['grid', 'horizontal', 'vertical', 'floating', 'tiw-model-1', 'tiw-model-2'] as const) {
      const tiles = vendorTiles(mode, 4, canvas);
      expect(tiles.length).toBeGreaterThan(0);
      for (const t of tiles) {
        expect(t.left).toBeGreaterThanOrEqual(0);
        expect(t.top).toBeGreaterThanOrEqual(0);
        expect(t.left + t.width).toBeLessThanOrEqual(1280);
        expect(t.top + t.height).toBeLessThanOrEqual(720);
      }
    }
    expect(vendorTiles('horizontal', 3, canvas)[0]!.role).toBe('big');
    expect(vendorTiles('tiw-model-1', 2, canvas)[0]!.role).toBe('whiteboard');
    expect(vendorTiles('custom', 3, canvas)).toEqual([]);
  });
});
