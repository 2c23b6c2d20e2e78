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

const CANDIDATE_LIMIT = 400;

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

function matchWord(word: string, e: Employee): WordMatch {
  const variants = foldedVariants(word);
  if (e.nameTokens.some((t) => variants.includes(t))) return 'exact';
  if (e.nameTokens.some((t) => variants.some((v) => t.startsWith(v)))) return 'prefix';
  if (e.tagTokens?.some((t) => variants.some((v) => t.startsWith(v)))) return 'tag';
  if (e.nameTokens.some((t) => variants.some((v) => fuzzyMatches(v, t)))) return 'fuzzy';
  return undefined;
}

const WORD_SCORE: Record<Exclude<WordMatch, undefined>, number> = { exact: 30, prefix: 20, fuzzy: 8, tag: 5 };

/** Rank one candidate for a query; undefined when it does not match every word. Pure. */
export function scoreEmployee(query: string, e: Employee): number | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  if (q.includes('@')) {
    if (e.email === q) return 1000;
    return e.email.startsWith(q) ? 500 - (e.email.length - q.length) / 100 : undefined;
  }
  const words = fold(q).split(/[\s,]+/).filter(Boolean);
  let score = 0;
  for (const word of words) {
    const m = matchWord(word, e);
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

/** Distinct name tokens, for typo candidates; rebuilt after each sync (see `invalidateSearchCache`). */
let tokenCache: { database: SidecardDB; tokens: string[] } | undefined;

export function invalidateSearchCache(): void {
  tokenCache = undefined;
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

  if (q.includes('@')) {
    add(await database.employees.where('email').startsWith(q).limit(limit).toArray());
  } else {
    const words = fold(q).split(/[\s,]+/).filter(Boolean);
    // Longest words first: they are the most selective.
    const byLength = [...words].sort((a, b) => b.length - a.length);
    if (words.length === 1) {
      // One or two letters match thousands; a small sample is all a person can read anyway.
      const cap = q.length <= 2 ? 60 : CANDIDATE_LIMIT;
      add(await database.employees.bulkGet([...new Set(await idsStartingWith(database, words[0]!, cap))].slice(0, cap)));
    } else {
      // Several words: intersect the ids each word matches, so a common surname
      // ("Müller") cannot crowd the intended person out of a capped candidate list.
      let ids: Set<number> | undefined;
      for (const word of byLength.slice(0, 3)) {
        const found = new Set(await idsStartingWith(database, word, 20_000));
        ids = ids ? new Set([...ids].filter((id) => found.has(id))) : found;
        if (ids.size === 0) break;
      }
      add(await database.employees.bulkGet([...(ids ?? [])].slice(0, CANDIDATE_LIMIT)));
    }
    // Typos: when prefixes find too little, widen with names within a small edit distance.
    if (candidates.size < 5) {
      const tokens = await distinctNameTokens(database);
      for (const word of byLength.slice(0, 2)) {
        if (allowedTypos(word) === 0) continue;
        const near = tokens.filter((t) => fuzzyMatches(word, t));
        if (near.length) add(await database.employees.where('nameTokens').anyOf(near.slice(0, 200)).distinct().limit(CANDIDATE_LIMIT).toArray());
      }
    }
  }

  return [...candidates.values()]
    .map((e) => ({ e, score: scoreEmployee(q, e) }))
    .filter((x): x is { e: Employee; score: number } => x.score !== undefined)
    .sort((a, b) => b.score - a.score || displayName(a.e).localeCompare(displayName(b.e)))
    .slice(0, limit)
    .map((x) => toHit(x.e));
}
