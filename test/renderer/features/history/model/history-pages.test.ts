import { describe, expect, it } from 'vitest';
import { pagesFor, pagesToEvict, visibleRange } from '../../../../../src-renderer/src/features/history/model/history-pages';

describe('history paging', () => {
  it('lists the pages covering a row range, clamped to the total', () => {
    expect(pagesFor(0, 30, 100_000, 200)).toEqual([0]);
    expect(pagesFor(190, 230, 100_000, 200)).toEqual([0, 1]);
    expect(pagesFor(99_990, 100_050, 100_000, 200)).toEqual([499]);
    expect(pagesFor(0, 10, 0, 200)).toEqual([]);
  });

  it('computes the visible rows with overscan', () => {
    expect(visibleRange(0, 360, 36, 100_000, 5)).toEqual({ first: 0, last: 15 });
    expect(visibleRange(36_000, 360, 36, 100_000, 5)).toEqual({ first: 995, last: 1015 });
    expect(visibleRange(0, 360, 36, 3, 5)).toEqual({ first: 0, last: 2 });
    expect(visibleRange(0, 360, 36, 0)).toEqual({ first: 0, last: -1 });
  });

  it('evicts the pages farthest from the current one', () => {
    expect(pagesToEvict([0, 1, 2, 50, 51], 50, 3).sort((a, b) => a - b)).toEqual([0, 1]);
    expect(pagesToEvict([0, 1], 0, 3)).toEqual([]);
  });
});
