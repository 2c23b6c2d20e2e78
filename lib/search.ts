import { displayName, type Employee } from './employee';
import { db as defaultDb, type SidecardDB } from './db';
import { fold, foldedVariants } from './text';

/**
 * People search over the database's own multi-entry indexes (`nameTokens`, `tagTokens`).
 * The sync maintains them row by row, so the index is always current, persisted, and costs
 * nothing to "load" when the popup opens; only a list of distinct name tokens (for typo
 * tolerance) is kept in memory and rebuilt when the data changes.
 *
 * Every query word must match (AND). A word matches a name token by prefix ("mull" → Müller),
 * accent-folded ("jurgen" → Jürgen), transliterated ("mueller" → Müller), or — when prefixes
 * find too little — within a small edit distance ("lovelcae" → Lovelace).
 */
export interface SearchHit {
  id: number;
  name: string;
  email: string;
  position?: string;
  department?: string;
}

/** Rows fetched and ranked per query: far more than anyone reads, few enough to stay fast. */
const CANDIDATE_LIMIT = 120;

/** Damerau-Levenshtein distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

function allowedTypos(word: string): number {
  return word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0;
}

/** A typo'd word matches a token, or the token's start of about the same length (a typo'd prefix). */
function fuzzyMatches(word: string, token: string): boolean {
  const max = allowedTypos(word);
  if (max === 0) return false;
  if (editDistance(word, token, max) <= max) return true;
  return token.length > word.length && editDistance(word, token.slice(0, word.length), max) <= max;
}

type WordMatch = 'exact' | 'prefix' | 'fuzzy' | 'tag' | undefined;

function matchWord(variants: readonly string[], e: Employee): WordMatch {
  if (e.nameTokens.some((t) => variants.includes(t))) return 'exact';
  if (e.nameTokens.some((t) => variants.some((v) => t.startsWith(v)))) return 'prefix';
  if (e.tagTokens?.some((t) => variants.some((v) => t.startsWith(v)))) return 'tag';
  if (e.nameTokens.some((t) => variants.some((v) => fuzzyMatches(v, t)))) return 'fuzzy';
  return undefined;
}

const WORD_SCORE: Record<Exclude<WordMatch, undefined>, number> = { exact: 30, prefix: 20, fuzzy: 8, tag: 5 };

interface PreparedQuery {
  q: string;
  words: string[];
  variants: string[][];
}

function prepare(query: string): PreparedQuery {
  const q = query.trim().toLowerCase();
  const words = queryWords(q);
  return { q, words, variants: words.map((w) => foldedVariants(w)) };
}

/** Rank one candidate for a query; undefined when it does not match every word. Pure. */
export function scoreEmployee(query: string | PreparedQuery, e: Employee): number | undefined {
  const { q, words, variants } = typeof query === 'string' ? prepare(query) : query;
  if (!q) return undefined;
  if (q.includes('@')) {
    if (e.email === q) return 1000;
    return e.email.startsWith(q) ? 500 - (e.email.length - q.length) / 100 : undefined;
  }
  // "ada.lov": the start of an address, typed without the @.
  if (!/\s/.test(q) && q.includes('.') && e.email.startsWith(q)) return 500 - (e.email.length - q.length) / 100;
  let score = 0;
  for (const wordVariants of variants) {
    const m = matchWord(wordVariants, e);
    if (!m) return undefined;
    score += WORD_SCORE[m];
  }
  const full = fold(displayName(e));
  if (full === words.join(' ')) score += 400;
  else if (full.startsWith(words.join(' '))) score += 100;
  if (e.email.split('@')[0] === q) score += 300;
  // Among equals, shorter names first (the closer match), then alphabetical in the caller.
  return score - full.length / 1000;
}

function queryWords(q: string): string[] {
  return fold(q).split(/[\s,.]+/).filter(Boolean);
}

/** Distinct name tokens, for typo candidates; rebuilt after each sync (see `invalidateSearchCache`). */
let tokenCache: { database: SidecardDB; tokens: string[] } | undefined;

export function invalidateSearchCache(): void {
  tokenCache = undefined;
}

/** Build the typo list ahead of the first search (the background does this when idle). */
export async function warmSearchCache(database: SidecardDB = defaultDb()): Promise<void> {
  await distinctNameTokens(database);
}

async function distinctNameTokens(database: SidecardDB): Promise<string[]> {
  if (tokenCache?.database !== database) {
    tokenCache = { database, tokens: (await database.employees.orderBy('nameTokens').uniqueKeys()) as string[] };
  }
  return tokenCache.tokens;
}

function toHit(e: Employee): SearchHit {
  return { id: e.id, name: displayName(e), email: e.email, ...(e.position ? { position: e.position } : {}), ...(e.department ? { department: e.department.name } : {}) };
}

/** Ids of people with exactly this name word (accent-folded): they rank first. */
async function idsNamed(database: SidecardDB, word: string, limit: number): Promise<number[]> {
  return database.employees.where('nameTokens').anyOf(foldedVariants(word)).limit(limit).primaryKeys();
}

/** Ids of people with a name (or role) word starting with `word`, accent-folded either way. */
async function idsStartingWith(database: SidecardDB, word: string, limit: number): Promise<number[]> {
  const variants = foldedVariants(word);
  const [names, tags] = await Promise.all([
    database.employees.where('nameTokens').startsWithAnyOf(variants).limit(limit).primaryKeys(),
    database.employees.where('tagTokens').startsWithAnyOf(variants).limit(limit).primaryKeys(),
  ]);
  return [...names, ...tags];
}

export async function searchPeople(query: string, limit = 20, database: SidecardDB = defaultDb()): Promise<SearchHit[]> {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const candidates = new Map<number, Employee>();
  const add = (rows: Array<Employee | undefined>) => rows.forEach((r) => r && candidates.set(r.id, r));

  if (!/\s/.test(q) && (q.includes('@') || q.includes('.'))) {
    add(await database.employees.where('email').startsWith(q).limit(limit).toArray());
  }
  if (!q.includes('@')) {
    const words = queryWords(q);
    // Longest words first: they are the most selective. Words of one or two letters match
    // thousands of people; they only filter the candidates the longer words found.
    const byLength = [...words].sort((a, b) => b.length - a.length);
    const selective = byLength.filter((w) => w.length >= 3).slice(0, 2);
    if (selective.length === 0) {
      const cap = 60;
      add(await database.employees.bulkGet([...new Set(await idsStartingWith(database, byLength[0] ?? q, cap))].slice(0, cap)));
    } else {
      // Intersect what each selective word matches, so a common surname ("Müller") cannot
      // crowd the intended person out of a capped candidate list. With one such word, exact
      // name matches are asked for first, then prefixes.
      let ids: Set<number> | undefined;
      if (selective.length === 1) {
        const word = selective[0]!;
        ids = new Set([...(await idsNamed(database, word, CANDIDATE_LIMIT)), ...(await idsStartingWith(database, word, CANDIDATE_LIMIT))]);
      } else {
        // The longest word's matches, narrowed by the next word only when they are too many
        // to rank (reading a second long id list costs more than ranking a few hundred rows).
        ids = new Set(await idsStartingWith(database, selective[0]!, 3000));
        if (ids.size > CANDIDATE_LIMIT) {
          const next = new Set(await idsStartingWith(database, selective[1]!, 3000));
          ids = new Set([...ids].filter((id) => next.has(id)));
        }
      }
      add(await database.employees.bulkGet([...(ids ?? [])].slice(0, CANDIDATE_LIMIT)));
    }
    // Typos: when prefixes find too little, widen with names within a small edit distance.
    if (candidates.size < 5) {
      const tokens = await distinctNameTokens(database);
      for (const word of selective) {
        if (allowedTypos(word) === 0) continue;
        const near = tokens.filter((t) => fuzzyMatches(word, t));
        if (near.length) add(await database.employees.where('nameTokens').anyOf(near.slice(0, 200)).distinct().limit(CANDIDATE_LIMIT).toArray());
      }
    }
  }

  const prepared = prepare(q);
  return [...candidates.values()]
    .map((e) => ({ e, score: scoreEmployee(prepared, e) }))
    .filter((x): x is { e: Employee; score: number } => x.score !== undefined)
    .sort((a, b) => b.score - a.score || displayName(a.e).localeCompare(displayName(b.e)))
    .slice(0, limit)
    .map((x) => toHit(x.e));
}
