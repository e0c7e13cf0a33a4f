import { describe, expect, it } from 'vitest';
import {
  clampRect,
  fitScale,
  moveRect,
  nearestSnap,
  resizeRect,
  snapMove,
  snapResize,
  MIN_SIDE,
} from '../../../../../src-renderer/src/features/layout/model/geometry';

const canvas = { width: 1280, height: 720 };

describe('layout geometry', () => {
  it('keeps a moved region inside the canvas', () => {
    expect(moveRect({ left: 1000, top: 600, width: 400, height: 200 }, 500, 500, canvas)).toEqual({ left: 880, top: 520, width: 400, height: 200 });
    expect(moveRect({ left: 10, top: 10, width: 100, height: 100 }, -50, -50, canvas)).toEqual({ left: 0, top: 0, width: 100, height: 100 });
  });

  it('shrinks a region larger than the canvas and rounds to whole pixels', () => {
    expect(clampRect({ left: -3.4, top: 2.6, width: 2000.2, height: 100.5 }, canvas)).toEqual({ left: 0, top: 3, width: 1280, height: 101 });
  });

  it('resizes from a corner keeping the opposite corner fixed', () => {
    const r = resizeRect({ left: 100, top: 100, width: 200, height: 100 }, 'nw', -50, -20, canvas);
    expect(r).toEqual({ left: 50, top: 80, width: 250, height: 120 });
  });

  it('never resizes below the minimum side or past the canvas edge', () => {
    expect(resizeRect({ left: 100, top: 100, width: 200, height: 100 }, 'e', -500, 0, canvas).width).toBe(MIN_SIDE);
    expect(resizeRect({ left: 100, top: 100, width: 200, height: 100 }, 'se', 5000, 5000, canvas)).toEqual({ left: 100, top: 100, width: 1180, height: 620 });
  });

  it('prefers an edge target over the grid when both are near', () => {
    expect(nearestSnap([103], [100], 20, 8)).toEqual({ shift: -3, at: 100 });
    expect(nearestSnap([57], [200], 20, 8)).toEqual({ shift: 3, at: null });
    expect(nearestSnap([50], [200], 20, 8)).toBeNull();
  });

  it('snaps a moved region to another region’s edge and reports a guide', () => {
    const other = { left: 0, top: 0, width: 640, height: 360 };
    const { rect, guides } = snapMove({ left: 645, top: 30, width: 300, height: 200 }, [other], canvas, { grid: 0, threshold: 8 });
    expect(rect.left).toBe(640);
    expect(guides).toContainEqual({ axis: 'x', at: 640 });
  });

  it('snaps only the edges a resize moves', () => {
    const { rect } = snapResize({ left: 100, top: 100, width: 535, height: 100 }, 'e', [], canvas, { grid: 0, threshold: 8 });
    expect(rect).toEqual({ left: 100, top: 100, width: 540, height: 100 });
  });

  it('fits the canvas into the box by the tighter side', () => {
    expect(fitScale(canvas, 640, 1000)).toBe(0.5);
    expect(fitScale(canvas, 6400, 360)).toBe(0.5);
  });
});
