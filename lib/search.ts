import { displayName, type Employee } from './employee';
import { db as defaultDb, type SidecardDB } from './db';
import { fold } from './text';

export interface SearchHit {
  id: number;
  name: string;
  email: string;
  position?: string;
}

/**
 * People search over the name-token index: every word of the query must prefix-match a
 * name token (accent-folded), or the query is an email prefix. Exact email first.
 */
export async function searchPeople(query: string, limit = 20, database: SidecardDB = defaultDb()): Promise<SearchHit[]> {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const toHit = (e: Employee): SearchHit => ({ id: e.id, name: displayName(e), email: e.email, ...(e.position ? { position: e.position } : {}) });
  if (q.includes('@')) {
    const rows = await database.employees.where('email').startsWith(q).limit(limit).toArray();
    return rows.map(toHit);
  }
  const words = fold(q).split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  if (!first) return [];
  const candidates = await database.employees.where('nameTokens').startsWith(first).distinct().limit(500).toArray();
  const matches = candidates.filter((e) => rest.every((w) => e.nameTokens.some((t) => t.startsWith(w))));
  return matches.slice(0, limit).map(toHit);
}
