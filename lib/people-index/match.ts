import { fold, foldedVariants } from '../text';
import { allowedTypos, fuzzyMatches } from './fuzzy';
import { topRows, type Scores } from './scores';
import { lineLength, prefixRange } from './lines';
import type { IndexColumns } from './snapshot';
import { lowerBound, prefixEnd, type RowTokens, type TokenTable } from './token-table';

/** How well a word matched a person; a person's best match per word counts. */
const EXACT = 30;
const PREFIX = 20;
const FUZZY = 8;
const TAG = 5;

/**
 * The tokens a word matches in one table: per spelling, the range of tokens it starts
 * (tokens are sorted) and the one it equals, or -1.
 */
interface Ranges {
  from: number[];
  to: number[];
  exact: number[];
}

/** One word of a query: which tokens it matches, as ranges of token ids, never as lists of rows. */
interface Word {
  word: string;
  variants: string[];
  names: Ranges;
  /** Undefined when role words are not walked for this word. */
  tags: Ranges | undefined;
  /** Name tokens within a small edit distance, by token id (only after too few prefix matches). */
  fuzzy: Uint8Array | undefined;
  fuzzyIds: number[];
}

/** The best `limit` rows for a query, already trimmed and lower-cased. */
export function searchRows(index: IndexColumns, q: string, limit: number, scores: Scores): number[] {
  const words = fold(q).split(/[\s,.]+/).filter(Boolean);
  scores.reset();

  // An address, or its start typed without the @ ("ada.lov").
  if (!/\s/.test(q) && (q.includes('@') || q.includes('.'))) addEmailMatches(index, q, limit, scores);
  if (q.includes('@') || words.length === 0) return topRows(scores, limit);

  // One word with enough name matches: people matching it only by role cannot rank among
  // them (a name prefix always scores higher), so the role words need not be walked.
  const parsed = words.map((word) => wordOf(index, word, words.length > 1 ? 0 : limit, scores));
  const bonus = bonuses(index, words.join(' '), q);
  addNameMatches(index, parsed, bonus, scores);
  if (scores.count < Math.min(5, limit)) {
    // Typos: when prefixes find too little, widen each word with names a small edit away.
    for (const w of parsed) addFuzzy(index.names, w);
    addNameMatches(index, parsed, bonus, scores);
  }
  return topRows(scores, limit);
}

function addEmailMatches(index: IndexColumns, q: string, limit: number, scores: Scores): void {
  const { emails, emailOrder } = index;
  const { from, to } = prefixRange(emails, q, emailOrder);
  for (let i = from; i < to && scores.count < limit; i += 1) {
    const row = emailOrder[i]!;
    const length = lineLength(emails, row);
    scores.raise(row, (length === q.length ? 1000 : 500) - (length - q.length) / 100);
  }
}

function rangesOf(table: TokenTable, variants: readonly string[]): Ranges {
  const ranges: Ranges = { from: [], to: [], exact: [] };
  for (const v of variants) {
    const from = lowerBound(table.tokens, v);
    ranges.from.push(from);
    ranges.to.push(prefixEnd(table.tokens, v, from));
    ranges.exact.push(table.tokens[from] === v ? from : -1);
  }
  return ranges;
}

/** How many rows the ranges list (a row with two matching tokens counts twice). */
function postingsIn(table: TokenTable, ranges: Ranges): number {
  let n = 0;
  for (let i = 0; i < ranges.from.length; i += 1) n += table.offsets[ranges.to[i]!]! - table.offsets[ranges.from[i]!]!;
  return n;
}

/**
 * A word's token ranges. Role words only when fewer than `enoughByName` people match by name
 * (0: always).
 */
function wordOf(index: IndexColumns, word: string, enoughByName: number, scores: Scores): Word {
  const variants = foldedVariants(word);
  const names = rangesOf(index.names, variants);
  const w: Word = { word, variants, names, tags: undefined, fuzzy: undefined, fuzzyIds: [] };
  if (enoughByName === 0 || distinctRowsBelow(index.names, names, enoughByName, scores)) w.tags = rangesOf(index.tags, variants);
  return w;
}

/** Whether the ranges hold fewer than `enough` different rows (counted only as far as needed). */
function distinctRowsBelow(table: TokenTable, ranges: Ranges, enough: number, scores: Scores): boolean {
  if (postingsIn(table, ranges) < enough) return true;
  scores.startPass();
  let distinct = 0;
  for (let i = 0; i < ranges.from.length; i += 1) {
    for (let k = table.offsets[ranges.from[i]!]!; k < table.offsets[ranges.to[i]!]!; k += 1) {
      if (scores.firstVisit(table.postings[k]!) && ++distinct >= enough) return false;
    }
  }
  return true;
}

function addFuzzy(table: TokenTable, w: Word): void {
  const max = allowedTypos(w.word);
  if (max === 0 || w.fuzzy) return;
  const { tokens } = table;
  w.fuzzy = new Uint8Array(tokens.length);
  for (let t = 0; t < tokens.length; t += 1) {
    if (!w.variants.some((v) => fuzzyMatches(v, tokens[t]!, max))) continue;
    w.fuzzy[t] = 1;
    w.fuzzyIds.push(t);
  }
}

/** A word's best match among a row's tokens: 0 when none. */
function bestFor(index: IndexColumns, w: Word, row: number): number {
  let best = nameScore(index.nameRows, w, row);
  if (best < TAG && w.tags && inRanges(index.tagRows, w.tags, row)) best = TAG;
  return best;
}

function nameScore({ starts, ids }: RowTokens, w: Word, row: number): number {
  const { from, to, exact } = w.names;
  let best = 0;
  for (let k = starts[row]!; k < starts[row + 1]!; k += 1) {
    const t = ids[k]!;
    for (let i = 0; i < from.length; i += 1) {
      if (t === exact[i]) return EXACT;
      if (t >= from[i]! && t < to[i]!) best = PREFIX;
    }
    if (best < FUZZY && w.fuzzy?.[t]) best = FUZZY;
  }
  return best;
}

function inRanges({ starts, ids }: RowTokens, ranges: Ranges, row: number): boolean {
  for (let k = starts[row]!; k < starts[row + 1]!; k += 1) {
    const t = ids[k]!;
    for (let i = 0; i < ranges.from.length; i += 1) if (t >= ranges.from[i]! && t < ranges.to[i]!) return true;
  }
  return false;
}

/** How many rows a word would have to walk: its name, role-word and typo'd tokens' rows. */
function candidates(index: IndexColumns, w: Word): number {
  let n = postingsIn(index.names, w.names) + (w.tags ? postingsIn(index.tags, w.tags) : 0);
  for (const t of w.fuzzyIds) n += index.names.offsets[t + 1]! - index.names.offsets[t]!;
  return n;
}

/** Each row listed for word `w` (once per pass). */
function forEachRow(index: IndexColumns, w: Word, scores: Scores, visit: (row: number) => void): void {
  scores.startPass();
  const walk = (table: TokenTable, from: number, to: number) => {
    for (let k = table.offsets[from]!; k < table.offsets[to]!; k += 1) {
      const row = table.postings[k]!;
      if (scores.firstVisit(row)) visit(row);
    }
  };
  for (let i = 0; i < w.names.from.length; i += 1) walk(index.names, w.names.from[i]!, w.names.to[i]!);
  if (w.tags) for (let i = 0; i < w.tags.from.length; i += 1) walk(index.tags, w.tags.from[i]!, w.tags.to[i]!);
  for (const t of w.fuzzyIds) walk(index.names, t, t + 1);
}

/**
 * What a row gains beyond its words: the whole name typed (+400) or its start (+100), the
 * rows of both being ranges (rows are in folded-name order); an address whose name part is
 * the query (+300).
 */
interface Bonus {
  startsFrom: number;
  startsTo: number;
  equalTo: number;
  emailRows: number[];
}

function bonuses(index: IndexColumns, typed: string, q: string): Bonus {
  const starts = prefixRange(index.folded, typed);
  let equalTo = starts.from;
  while (equalTo < starts.to && lineLength(index.folded, equalTo) === typed.length) equalTo += 1;
  const emailRows: number[] = [];
  const address = prefixRange(index.emails, `${q}@`, index.emailOrder);
  for (let i = address.from; i < address.to; i += 1) emailRows.push(index.emailOrder[i]!);
  return { startsFrom: starts.from, startsTo: starts.to, equalTo, emailRows };
}

/** Score rows that match every word, walking the word with the fewest rows. */
function addNameMatches(index: IndexColumns, words: Word[], bonus: Bonus, scores: Scores): void {
  let fewest = words[0]!;
  let fewestCount = candidates(index, fewest);
  for (const w of words.slice(1)) {
    const n = candidates(index, w);
    if (n < fewestCount) [fewest, fewestCount] = [w, n];
  }
  forEachRow(index, fewest, scores, (row) => {
    let score = 0;
    for (const w of words) {
      const best = bestFor(index, w, row);
      if (best === 0) return;
      score += best;
    }
    if (row >= bonus.startsFrom && row < bonus.equalTo) score += 400;
    else if (row >= bonus.startsFrom && row < bonus.startsTo) score += 100;
    if (bonus.emailRows.length && bonus.emailRows.includes(row)) score += 300;
    // Among equals, shorter names first (the closer match).
    score -= lineLength(index.folded, row) / 1000;
    scores.raise(row, score);
  });
}
