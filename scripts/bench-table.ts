/** The benchmark table: one row per measure, median and p95, the peer, the target. */
export interface Row {
  measure: string;
  unit: string;
  samples: number[];
  peer?: { label: string; samples: number[] };
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

const fmt = (n: number) => (Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function printTable(rows: Row[]): void {
  const lines = rows.map((r) => [
    r.measure,
    `${fmt(quantile(r.samples, 0.5))} ${r.unit}`,
    `${fmt(quantile(r.samples, 0.95))} ${r.unit}`,
    r.peer ? `${r.peer.label}: ${fmt(quantile(r.peer.samples, 0.5))} ${r.unit}` : '',
    r.target,
    r.pass === undefined ? '' : r.pass ? 'ok' : 'MISSED',
  ]);
  const header = ['measure', 'median', 'p95', 'peer (median, same run)', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(row(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(row(l));
}

