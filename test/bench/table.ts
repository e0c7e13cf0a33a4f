/** One measured figure for `npm run bench`. */
export interface BenchRow {
  figure: string;
  value: string;
  target: string;
  how: string;
}

const rows: BenchRow[] = [];

/** Records a figure; the suite prints every row as one table at the end. */
export function report(row: BenchRow): void {
  rows.push(row);
}

/** The collected rows as a fixed-width text table. */
export function renderTable(): string {
  const head: BenchRow = { figure: 'figure', value: 'value', target: 'target', how: 'how it was measured' };
  const all = [head, ...rows];
  const keys = ['figure', 'value', 'target', 'how'] as const;
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...all.map((r) => r[k].length))])) as Record<(typeof keys)[number], number>;
  const line = (r: BenchRow): string => `| ${keys.map((k) => r[k].padEnd(width[k])).join(' | ')} |`;
  const rule = `|${keys.map((k) => '-'.repeat(width[k] + 2)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

/** p-th percentile (0–100) of `values`, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank] ?? Number.NaN;
}
