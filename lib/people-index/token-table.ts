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

/**
 * Each row's token ids, the table read the other way: ids into `tokens`, rows' lists at
 * ids[starts[r] .. starts[r + 1]). A multi-word query walks the rows of its rarest word and
 * checks the other words here, instead of marking every row of "s" (a third of the company).
 */
export interface RowTokens {
  starts: Int32Array;
  ids: Int32Array;
}

export function rowTokens(table: Pick<TokenTable, 'offsets' | 'postings'>, rows: number): RowTokens {
  const starts = new Int32Array(rows + 1);
  const { offsets, postings } = table;
  for (let k = 0; k < postings.length; k += 1) starts[postings[k]! + 1]! += 1;
  for (let r = 0; r < rows; r += 1) starts[r + 1]! += starts[r]!;
  const fill = starts.slice(0, rows);
  const ids = new Int32Array(postings.length);
  for (let t = 0; t + 1 < offsets.length; t += 1) {
    for (let k = offsets[t]!; k < offsets[t + 1]!; k += 1) ids[fill[postings[k]!]!++] = t;
  }
  return { starts, ids };
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

/** Index of the first token from `from` on that does not start with `prefix` (tokens are sorted, so those that do are contiguous). */
export function prefixEnd(sorted: readonly string[], prefix: string, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
