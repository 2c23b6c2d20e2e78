import { fold, foldedVariants } from '../text';
import { allowedTypos, fuzzyMatches } from './fuzzy';
import { Scores, topRows } from './scores';
import type { IndexColumns } from './snapshot';
import { lowerBound, type TokenTable } from './token-table';

/** How well a word matched a person; a person's best match per word counts. */
const EXACT = 30;
const PREFIX = 20;
const FUZZY = 8;
const TAG = 5;

/** One word of a query: its spellings, and the best match each row has for it. */
interface WordHits {
  word: string;
  variants: string[];
  best: Uint8Array;
  rows: number[];
}

/** The best `limit` rows for a query, already trimmed and lower-cased. */
export function searchRows(index: IndexColumns, q: string, limit: number): number[] {
  const words = fold(q).split(/[\s,.]+/).filter(Boolean);
  const scores = new Scores(index.rows.length);

  // An address, or its start typed without the @ ("ada.lov").
  if (!/\s/.test(q) && (q.includes('@') || q.includes('.'))) addEmailMatches(index, q, limit, scores);
  if (q.includes('@') || words.length === 0) return topRows(scores, limit, index.folded);

  // One word with enough name matches: people matching it only by role cannot rank among
  // them (a name prefix always scores higher), so the role words need not be walked.
  const hits = words.map((word) => wordHits(index, word, words.length > 1 ? 0 : limit));
  addNameMatches(index, hits, words, q, scores);
  if (scores.rows.length < Math.min(5, limit)) {
    // Typos: when prefixes find too little, widen each word with names a small edit away.
    for (const h of hits) addFuzzy(index, h);
    addNameMatches(index, hits, words, q, scores);
  }
  return topRows(scores, limit, index.folded);
}

function addEmailMatches(index: IndexColumns, q: string, limit: number, scores: Scores): void {
  const { emails, emailOrder } = index;
  let lo = 0;
  let hi = emailOrder.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (emails[emailOrder[mid]!]! < q) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < emailOrder.length && scores.rows.length < limit; i += 1) {
    const row = emailOrder[i]!;
    const email = emails[row]!;
    if (!email.startsWith(q)) break;
    scores.raise(row, (email === q ? 1000 : 500) - (email.length - q.length) / 100);
  }
}

/**
 * Rows matching a word by name prefix (exact when the whole token) or role-word prefix;
 * role words only when fewer than `enoughByName` rows match by name.
 */
function wordHits(index: IndexColumns, word: string, enoughByName: number): WordHits {
  const hits: WordHits = { word, variants: foldedVariants(word), best: new Uint8Array(index.rows.length), rows: [] };
  const mark = (table: TokenTable, from: number, to: number, score: (token: string) => number) => {
    for (let t = from; t < to; t += 1) {
      const s = score(table.tokens[t]!);
      for (let k = table.offsets[t]!; k < table.offsets[t + 1]!; k += 1) {
        const row = table.postings[k]!;
        if (hits.best[row] === 0) hits.rows.push(row);
        if (s > hits.best[row]!) hits.best[row] = s;
      }
    }
  };
  const walk = (table: TokenTable, score: (v: string, token: string) => number) => {
    for (const v of hits.variants) {
      const from = lowerBound(table.tokens, v);
      let to = from;
      while (to < table.tokens.length && table.tokens[to]!.startsWith(v)) to += 1;
      mark(table, from, to, (token) => score(v, token));
    }
  };
  walk(index.names, (v, token) => (token === v ? EXACT : PREFIX));
  if (enoughByName === 0 || hits.rows.length < enoughByName) walk(index.tags, () => TAG);
  return hits;
}

function addFuzzy(index: IndexColumns, hits: WordHits): void {
  const max = allowedTypos(hits.word);
  if (max === 0) return;
  const { tokens, offsets, postings } = index.names;
  for (let t = 0; t < tokens.length; t += 1) {
    if (!hits.variants.some((v) => fuzzyMatches(v, tokens[t]!, max))) continue;
    for (let k = offsets[t]!; k < offsets[t + 1]!; k += 1) {
      const row = postings[k]!;
      if (hits.best[row] === 0) hits.rows.push(row);
      if (FUZZY > hits.best[row]!) hits.best[row] = FUZZY;
    }
  }
}

/** Score rows that match every word, walking the word with the fewest rows. */
function addNameMatches(index: IndexColumns, hits: WordHits[], words: string[], q: string, scores: Scores): void {
  const typed = words.join(' ');
  const [fewest] = [...hits].sort((a, b) => a.rows.length - b.rows.length);
  for (const row of fewest!.rows) {
    let score = 0;
    for (const h of hits) {
      const best = h.best[row]!;
      if (best === 0) {
        score = -1;
        break;
      }
      score += best;
    }
    if (score < 0) continue;
    const folded = index.folded[row]!;
    if (folded === typed) score += 400;
    else if (folded.startsWith(typed)) score += 100;
    const email = index.emails[row]!;
    if (email.length > q.length && email[q.length] === '@' && email.startsWith(q)) score += 300;
    // Among equals, shorter names first (the closer match).
    score -= folded.length / 1000;
    scores.raise(row, score);
  }
}
