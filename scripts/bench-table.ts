/**
 * The benchmark table: one row per measure, its median and p95, the floor it is judged
 * against (measured in the same run), the ratio, a peer where there is one, the target.
 */
export interface Series {
  label: string;
  samples: number[];
}

export interface Row {
  measure: string;
  unit: string;
  samples: number[];
  /** The thinnest thing the browser could do for the same job, measured in the same run. */
  floor?: Series;
  /** Another implementation of the same job (Fuse.js), measured in the same run. */
  peer?: Series;
  /** How the row compares with its floor, as printed: "1.32× (p95)", "+0.4 ms (median)". */
  ratio?: string;
  target: string;
  pass?: boolean;
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export const median = (values: number[]) => quantile(values, 0.5);
export const p95 = (values: number[]) => quantile(values, 0.95);

export function fmt(n: number): string {
  if (Number.isNaN(n)) return '–';
  const size = Math.abs(n);
  if (size >= 100) return n.toFixed(0);
  if (size >= 10) return n.toFixed(1);
  // Below a hundredth (a Map.get), two significant digits rather than 0.00.
  return size === 0 || size >= 0.01 ? n.toFixed(2) : n.toPrecision(2);
}

/**
 * A row judged as a ratio to its floor: `at` of ours over `at` of the floor's (p95 unless
 * said), at most `max`.
 */
export function ratioRow(row: Omit<Row, 'ratio' | 'target' | 'pass' | 'floor'> & { floor: Series }, max: number, at: 'p95' | 'median' = 'p95'): Row {
  const pick = at === 'p95' ? p95 : median;
  const ratio = pick(row.samples) / pick(row.floor.samples);
  return { ...row, ratio: `${ratio.toFixed(2)}× (${at})`, target: `≤ ${max}× floor (${at})`, pass: ratio <= max };
}

export function printTable(rows: Row[]): void {
  const series = (s: Series | undefined, unit: string) => (s ? `${s.label}: ${fmt(median(s.samples))} / ${fmt(p95(s.samples))} ${unit}` : '');
  const lines = rows.map((r) => [
    r.measure,
    `${fmt(median(r.samples))} ${r.unit}`,
    `${fmt(p95(r.samples))} ${r.unit}`,
    series(r.floor, r.unit),
    r.ratio ?? '',
    series(r.peer, r.unit),
    r.target,
    r.pass === undefined ? '' : r.pass ? 'ok' : 'MISSED',
  ]);
  const header = ['measure', 'median', 'p95', 'floor, same run (median / p95)', 'vs floor', 'peer, same run (median / p95)', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(row(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(row(l));
}
