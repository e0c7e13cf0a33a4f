/** Rows per `history:query` page; large enough that a fast scroll needs few calls. */
export const HISTORY_PAGE_SIZE = 200;

/** Page indexes covering rows [first, last] (inclusive), clamped to the total. */
export function pagesFor(first: number, last: number, total: number, pageSize = HISTORY_PAGE_SIZE): number[] {
  if (total <= 0 || last < first) return [];
  const lo = Math.max(0, Math.floor(Math.max(0, first) / pageSize));
  const hi = Math.floor(Math.min(total - 1, last) / pageSize);
  const out: number[] = [];
  for (let p = lo; p <= hi; p++) out.push(p);
  return out;
}

/** The rows a virtual list draws for a scroll position: visible rows plus `overscan` each side. */
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 8): { first: number; last: number } {
  if (total <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total - 1, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last };
}

/**
 * Which cached pages to drop when the cache grows past `keep` pages: the ones farthest from the
 * page the operator is looking at.
 */
export function pagesToEvict(cached: readonly number[], around: number, keep: number): number[] {
  if (cached.length <= keep) return [];
  return [...cached].sort((a, b) => Math.abs(b - around) - Math.abs(a - around)).slice(0, cached.length - keep);
}
