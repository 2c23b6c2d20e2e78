/** A sorted token list with, for each token, the rows of the people who have it. */
export interface TokenTable {
  tokens: string[];
  /** Rows of token i: postings[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  postings: Int32Array;
}

export function tokenTable<P>(people: readonly P[], tokensOf: (p: P) => readonly string[]): TokenTable {
  const rowsOf = new Map<string, number[]>();
  people.forEach((p, row) => {
    for (const t of tokensOf(p)) {
      const rows = rowsOf.get(t);
      if (rows) rows.push(row);
      else rowsOf.set(t, [row]);
    }
  });
  const tokens = [...rowsOf.keys()].sort();
  const offsets = new Int32Array(tokens.length + 1);
  let total = 0;
  tokens.forEach((t, i) => {
    offsets[i] = total;
    total += rowsOf.get(t)!.length;
  });
  offsets[tokens.length] = total;
  const postings = new Int32Array(total);
  tokens.forEach((t, i) => postings.set(rowsOf.get(t)!, offsets[i]));
  return { tokens, offsets, postings };
}

/** Each row's tokens of a table, read back from its postings. */
export function tokensByRow(table: TokenTable, rows: number): string[][] {
  const byRow = Array.from({ length: rows }, () => [] as string[]);
  table.tokens.forEach((token, t) => {
    for (let k = table.offsets[t]!; k < table.offsets[t + 1]!; k += 1) byRow[table.postings[k]!]!.push(token);
  });
  return byRow;
}

/** Index of the first token not below `prefix`. */
export function lowerBound(sorted: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
