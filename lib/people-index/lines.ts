/**
 * A column of the index as the snapshot stores it: one string of lines, read in place. Split
 * into 50,000 strings per column, the index handed the garbage collector 150,000 young
 * objects on every load, and the first keystrokes paid for copying them.
 */
export interface Lines {
  text: string;
  /** Line r is text[starts[r] .. starts[r + 1] - 1) (the newline excluded). */
  starts: Int32Array;
}

export function linesOf(text: string): Lines {
  if (!text) return { text, starts: new Int32Array(1) };
  let count = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  const starts = new Int32Array(count + 1);
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
  starts[count] = text.length + 1;
  return { text, starts };
}

export function lineCount(lines: Lines): number {
  return lines.starts.length - 1;
}

export function lineAt({ text, starts }: Lines, row: number): string {
  return text.slice(starts[row]!, starts[row + 1]! - 1);
}

export function lineLength({ starts }: Lines, row: number): number {
  return starts[row + 1]! - 1 - starts[row]!;
}

/** Line `row` against `s`, as `<` compares strings (by UTF-16 code unit): negative, 0 or positive. */
export function compareLine({ text, starts }: Lines, row: number, s: string): number {
  const from = starts[row]!;
  const length = starts[row + 1]! - 1 - from;
  const n = Math.min(length, s.length);
  for (let i = 0; i < n; i += 1) {
    const d = text.charCodeAt(from + i) - s.charCodeAt(i);
    if (d !== 0) return d;
  }
  return length - s.length;
}

export function lineStartsWith({ text, starts }: Lines, row: number, prefix: string): boolean {
  const from = starts[row]!;
  return starts[row + 1]! - 1 - from >= prefix.length && text.startsWith(prefix, from);
}

/**
 * Over rows in the order `order` gives (identity when absent), sorted by their line: the first
 * position whose line is not below `s`, and the first from there whose line does not start with it.
 */
export function prefixRange(lines: Lines, s: string, order?: Int32Array): { from: number; to: number } {
  const rowAt = (i: number) => (order ? order[i]! : i);
  let lo = 0;
  let hi = lineCount(lines);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareLine(lines, rowAt(mid), s) < 0) lo = mid + 1;
    else hi = mid;
  }
  const from = lo;
  hi = lineCount(lines);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lineStartsWith(lines, rowAt(mid), s)) lo = mid + 1;
    else hi = mid;
  }
  return { from, to: lo };
}
