import { displayName, type Employee } from './employee';
import { fold, foldedVariants, textTokens } from './text';

/**
 * The people-search index: an in-memory token index over the stored employees, small enough
 * to keep in the background's memory and to persist as one string (see `lib/search.ts`).
 * Pure: no browser or database APIs.
 *
 * Measured against libraries (`npm run bench`, and issue 6's table): Fuse.js scans every
 * record per query (~0.5 s at 50,000); MiniSearch's fuzzy mode tails at ~60 ms on one-letter
 * queries; FlexSearch is fast but misses typos, and the two combined take ~86 MB and ~2 s to
 * build, ~25 MB to persist. A sorted token list with posting lists does prefix, umlaut and
 * typo matching in a few milliseconds at 50,000, persists in ~5 MB and loads in tens of ms.
 *
 * Matching: every query word must match (AND). A word matches a name token by prefix
 * ("mull" → Müller), accent-folded ("jurgen" → Jürgen), transliterated ("mueller" → Müller),
 * a role word (position, department, team) by prefix, or — when that finds too little — a
 * name token within a small edit distance ("lovelcae" → Lovelace).
 */
export interface SearchHit {
  id: number;
  name: string;
  email: string;
  position?: string;
  department?: string;
}

/** What the index keeps of a person: only fields the admin allowed to be stored. */
export interface IndexedPerson extends SearchHit {
  /** Accent-folded display name, for ranking. */
  folded: string;
  nameTokens: string[];
  tagTokens: string[];
}

export function indexedPerson(e: Employee): IndexedPerson {
  const name = displayName(e);
  return {
    id: e.id,
    name,
    email: e.email,
    ...(e.position ? { position: e.position } : {}),
    ...(e.department?.name ? { department: e.department.name } : {}),
    folded: fold(name),
    nameTokens: e.nameTokens,
    // Derived here rather than stored with every row: what is stored is what the admin allowed,
    // so role words follow it by themselves, and rows stay smaller.
    tagTokens: textTokens(e.position, e.department?.name, e.team?.name),
  };
}

/** Damerau-Levenshtein distance with an early exit above `max`, on three reused rows. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [before, previous, row] = [previous, row, before];
  }
  return previous[n]!;
}

function allowedTypos(word: string): number {
  return word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0;
}

/** A typo'd word matches a token, or the token's start of about the same length (a typo'd prefix). */
function fuzzyMatches(word: string, token: string, max = allowedTypos(word)): boolean {
  if (max === 0) return false;
  // Cheap gate first: a typo rarely hits both of the first two letters.
  if (token[0] !== word[0] && token[1] !== word[1] && !(token[0] === word[1] && token[1] === word[0])) return false;
  if (editDistance(word, token, max) <= max) return true;
  return token.length > word.length && editDistance(word, token.slice(0, word.length), max) <= max;
}

/** How well a word matched a person; a person's best match per word counts. */
const EXACT = 30;
const PREFIX = 20;
const FUZZY = 8;
const TAG = 5;

/** A sorted token list with, for each token, the rows of the people who have it. */
interface TokenTable {
  tokens: string[];
  /** Rows of token i: postings[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  postings: Int32Array;
}

/**
 * The persisted form: a few strings and typed arrays, which IndexedDB clones and this
 * module reads back in milliseconds (50,000 small objects would take ten times longer).
 * Row r is line r of `rows`, `folded` and `emails`.
 */
export interface PeopleIndexSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** Per row: id, name, position, department (tab-separated). Tokens live in the tables only. */
  rows: string;
  /** Per row: the accent-folded display name, for ranking. */
  folded: string;
  emails: string;
  /** Rows in email order, for address prefixes. */
  emailOrder: Int32Array;
  names: { tokens: string; offsets: Int32Array; postings: Int32Array };
  tags: { tokens: string; offsets: Int32Array; postings: Int32Array };
}

const SNAPSHOT_VERSION = 'people-index/3';

/** How many results a one-letter query keeps ready (the popup shows 20). */
const LETTER_LIMIT = 20;

function clean(text: string | undefined): string {
  return (text ?? '').replace(/[\t\n\r]+/g, ' ');
}

function tokenTable(people: readonly IndexedPerson[], tokensOf: (p: IndexedPerson) => readonly string[]): TokenTable {
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

/** Index of the first token not below `prefix`. */
function lowerBound(sorted: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isTokenTable(t: unknown): t is PeopleIndexSnapshot['names'] {
  const table = t as PeopleIndexSnapshot['names'] | undefined;
  return typeof table?.tokens === 'string' && table.offsets instanceof Int32Array && table.postings instanceof Int32Array;
}

/** One word of a query: its spellings, and the best match each row has for it. */
interface WordHits {
  word: string;
  variants: string[];
  best: Uint8Array;
  rows: number[];
}

export class PeopleIndex {
  private readonly rows: string[];
  private readonly folded: string[];
  private readonly emails: string[];
  private readonly emailOrder: Int32Array;
  private readonly names: TokenTable;
  private readonly tags: TokenTable;

  private constructor(snapshot: PeopleIndexSnapshot) {
    const lines = (s: string) => (s ? s.split('\n') : []);
    this.rows = lines(snapshot.rows);
    this.folded = lines(snapshot.folded);
    this.emails = lines(snapshot.emails);
    this.emailOrder = snapshot.emailOrder;
    this.names = { ...snapshot.names, tokens: lines(snapshot.names.tokens) };
    this.tags = { ...snapshot.tags, tokens: lines(snapshot.tags.tokens) };
    this.snapshot = snapshot;
  }

  private readonly snapshot: PeopleIndexSnapshot;

  static fromPeople(people: Iterable<IndexedPerson>): PeopleIndex {
    const list = [...people];
    const names = tokenTable(list, (p) => p.nameTokens);
    const tags = tokenTable(list, (p) => p.tagTokens);
    const emailOrder = Int32Array.from(list.keys()).sort((a, b) => (list[a]!.email < list[b]!.email ? -1 : list[a]!.email > list[b]!.email ? 1 : 0));
    return new PeopleIndex({
      version: SNAPSHOT_VERSION,
      rows: list.map((p) => [p.id, clean(p.name), clean(p.position), clean(p.department)].join('\t')).join('\n'),
      folded: list.map((p) => clean(p.folded)).join('\n'),
      emails: list.map((p) => p.email).join('\n'),
      emailOrder,
      names: { tokens: names.tokens.join('\n'), offsets: names.offsets, postings: names.postings },
      tags: { tokens: tags.tokens.join('\n'), offsets: tags.offsets, postings: tags.postings },
    });
  }

  static fromEmployees(employees: Iterable<Employee>): PeopleIndex {
    return PeopleIndex.fromPeople([...employees].map(indexedPerson));
  }

  /** The index a snapshot holds; undefined when it is of another version or not one at all. */
  static fromSnapshot(snapshot: unknown): PeopleIndex | undefined {
    const s = snapshot as PeopleIndexSnapshot | undefined;
    if (s?.version !== SNAPSHOT_VERSION || typeof s.rows !== 'string' || typeof s.folded !== 'string' || typeof s.emails !== 'string') return undefined;
    if (!(s.emailOrder instanceof Int32Array) || !isTokenTable(s.names) || !isTokenTable(s.tags)) return undefined;
    const index = new PeopleIndex(s);
    const n = index.rows.length;
    if (index.folded.length !== n || index.emails.length !== n || s.emailOrder.length !== n) return undefined;
    return index;
  }

  toSnapshot(): PeopleIndexSnapshot {
    return this.snapshot;
  }

  get size(): number {
    return this.rows.length;
  }

  private hit(row: number): SearchHit {
    const [id, name, position, department] = this.rows[row]!.split('\t');
    return { id: Number(id), name: name!, email: this.emails[row]!, ...(position ? { position } : {}), ...(department ? { department } : {}) };
  }

  /** Each row's tokens of a table, read back from its postings. */
  private static tokensByRow(table: TokenTable, rows: number): string[][] {
    const byRow = Array.from({ length: rows }, () => [] as string[]);
    table.tokens.forEach((token, t) => {
      for (let k = table.offsets[t]!; k < table.offsets[t + 1]!; k += 1) byRow[table.postings[k]!]!.push(token);
    });
    return byRow;
  }

  /**
   * A new index with what a sync changed: new or updated rows, and ids no longer stored.
   * Re-reads nothing from the database: the rows it keeps come from this index.
   */
  apply(changed: Iterable<Employee>, removedIds: Iterable<number> = []): PeopleIndex {
    const people = new Map<number, IndexedPerson>();
    const names = PeopleIndex.tokensByRow(this.names, this.rows.length);
    const tags = PeopleIndex.tokensByRow(this.tags, this.rows.length);
    for (let row = 0; row < this.rows.length; row += 1) {
      const hit = this.hit(row);
      people.set(hit.id, { ...hit, folded: this.folded[row]!, nameTokens: names[row]!, tagTokens: tags[row]! });
    }
    for (const e of changed) people.set(e.id, indexedPerson(e));
    for (const id of removedIds) people.delete(id);
    return PeopleIndex.fromPeople(people.values());
  }

  /**
   * Results of one-letter queries, the most expensive ones (a letter starts thousands of
   * names) and the most frequent: every search begins with one. Kept up to `LETTER_LIMIT`.
   */
  private readonly letters = new Map<string, SearchHit[]>();

  /** Work out one letter's results ahead of the first keystroke (see lib/search.ts). */
  prime(letter: string): void {
    this.search(letter, LETTER_LIMIT);
  }

  /** The one-letter results worked out so far, by letter. */
  primedLetters(): Record<string, SearchHit[]> {
    return Object.fromEntries(this.letters);
  }

  /** Take one-letter results worked out earlier for this same data (kept with its snapshot). */
  seedLetters(letters: Record<string, SearchHit[]>): void {
    for (const [letter, hits] of Object.entries(letters)) if (letter.length === 1 && Array.isArray(hits)) this.letters.set(letter, hits);
  }

  search(query: string, limit = 20): SearchHit[] {
    const q = query.trim().toLowerCase();
    if (!q || limit <= 0) return [];
    if (q.length === 1 && limit <= LETTER_LIMIT) {
      let hits = this.letters.get(q);
      if (!hits) {
        hits = this.searchNow(q, LETTER_LIMIT);
        this.letters.set(q, hits);
      }
      return hits.slice(0, limit);
    }
    return this.searchNow(q, limit);
  }

  private searchNow(q: string, limit: number): SearchHit[] {
    const words = fold(q).split(/[\s,.]+/).filter(Boolean);
    const scores = new Scores(this.rows.length);

    // An address, or its start typed without the @ ("ada.lov").
    if (!/\s/.test(q) && (q.includes('@') || q.includes('.'))) {
      let lo = 0;
      let hi = this.emailOrder.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.emails[this.emailOrder[mid]!]! < q) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.emailOrder.length && scores.rows.length < limit; i += 1) {
        const row = this.emailOrder[i]!;
        const email = this.emails[row]!;
        if (!email.startsWith(q)) break;
        scores.raise(row, (email === q ? 1000 : 500) - (email.length - q.length) / 100);
      }
    }
    if (q.includes('@') || words.length === 0) return this.top(scores, limit);

    // One word with enough name matches: people matching it only by role cannot rank among
    // them (a name prefix always scores higher), so the role words need not be walked.
    const hits = words.map((word) => this.wordHits(word, words.length > 1 ? 0 : limit));
    this.addNameMatches(hits, words, q, scores);
    if (scores.rows.length < Math.min(5, limit)) {
      // Typos: when prefixes find too little, widen each word with names a small edit away.
      for (const h of hits) this.addFuzzy(h);
      this.addNameMatches(hits, words, q, scores);
    }
    return this.top(scores, limit);
  }

  /**
   * Rows matching a word by name prefix (exact when the whole token) or role-word prefix;
   * role words only when fewer than `enoughByName` rows match by name.
   */
  private wordHits(word: string, enoughByName: number): WordHits {
    const hits: WordHits = { word, variants: foldedVariants(word), best: new Uint8Array(this.rows.length), rows: [] };
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
    walk(this.names, (v, token) => (token === v ? EXACT : PREFIX));
    if (enoughByName === 0 || hits.rows.length < enoughByName) walk(this.tags, () => TAG);
    return hits;
  }

  private addFuzzy(hits: WordHits): void {
    const max = allowedTypos(hits.word);
    if (max === 0) return;
    const { tokens, offsets, postings } = this.names;
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
  private addNameMatches(hits: WordHits[], words: string[], q: string, scores: Scores): void {
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
      const folded = this.folded[row]!;
      if (folded === typed) score += 400;
      else if (folded.startsWith(typed)) score += 100;
      const email = this.emails[row]!;
      if (email.length > q.length && email[q.length] === '@' && email.startsWith(q)) score += 300;
      // Among equals, shorter names first (the closer match).
      score -= folded.length / 1000;
      scores.raise(row, score);
    }
  }

  /** The best `limit` rows, by score, then name, without sorting every candidate. */
  private top(scores: Scores, limit: number): SearchHit[] {
    const best: Array<{ row: number; score: number }> = [];
    const before = (a: { row: number; score: number }, b: { row: number; score: number }) =>
      a.score !== b.score ? a.score > b.score : this.folded[a.row]! !== this.folded[b.row]! ? this.folded[a.row]! < this.folded[b.row]! : a.row < b.row;
    for (const row of scores.rows) {
      const entry = { row, score: scores.of(row) };
      if (best.length === limit && !before(entry, best[limit - 1]!)) continue;
      let i = best.length;
      while (i > 0 && before(entry, best[i - 1]!)) i -= 1;
      best.splice(i, 0, entry);
      if (best.length > limit) best.pop();
    }
    return best.map(({ row }) => this.hit(row));
  }
}

/** The best score each row reached in one search; typed arrays, not a Map, at 50,000 rows. */
class Scores {
  private readonly score: Float64Array;
  private readonly seen: Uint8Array;
  readonly rows: number[] = [];

  constructor(size: number) {
    this.score = new Float64Array(size);
    this.seen = new Uint8Array(size);
  }

  raise(row: number, score: number): void {
    if (!this.seen[row]) {
      this.seen[row] = 1;
      this.rows.push(row);
      this.score[row] = score;
    } else if (score > this.score[row]!) this.score[row] = score;
  }

  of(row: number): number {
    return this.score[row]!;
  }
}
