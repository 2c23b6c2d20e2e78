import type { IndexedPerson, SearchHit } from './person';
import { tokenTable, type TokenTable } from './token-table';

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

/** A snapshot read back for searching: row-aligned columns, and each table's tokens as a list. */
export interface IndexColumns {
  rows: string[];
  folded: string[];
  emails: string[];
  emailOrder: Int32Array;
  names: TokenTable;
  tags: TokenTable;
}

function clean(text: string | undefined): string {
  return (text ?? '').replace(/[\t\n\r]+/g, ' ');
}

export function snapshotOf(people: readonly IndexedPerson[]): PeopleIndexSnapshot {
  const names = tokenTable(people, (p) => p.nameTokens);
  const tags = tokenTable(people, (p) => p.tagTokens);
  const emailOrder = Int32Array.from(people.keys()).sort((a, b) => (people[a]!.email < people[b]!.email ? -1 : people[a]!.email > people[b]!.email ? 1 : 0));
  return {
    version: SNAPSHOT_VERSION,
    rows: people.map((p) => [p.id, clean(p.name), clean(p.position), clean(p.department)].join('\t')).join('\n'),
    folded: people.map((p) => clean(p.folded)).join('\n'),
    emails: people.map((p) => p.email).join('\n'),
    emailOrder,
    names: { tokens: names.tokens.join('\n'), offsets: names.offsets, postings: names.postings },
    tags: { tokens: tags.tokens.join('\n'), offsets: tags.offsets, postings: tags.postings },
  };
}

export function columnsOf(snapshot: PeopleIndexSnapshot): IndexColumns {
  const lines = (s: string) => (s ? s.split('\n') : []);
  return {
    rows: lines(snapshot.rows),
    folded: lines(snapshot.folded),
    emails: lines(snapshot.emails),
    emailOrder: snapshot.emailOrder,
    names: { ...snapshot.names, tokens: lines(snapshot.names.tokens) },
    tags: { ...snapshot.tags, tokens: lines(snapshot.tags.tokens) },
  };
}

function isTokenTable(t: unknown): t is PeopleIndexSnapshot['names'] {
  const table = t as PeopleIndexSnapshot['names'] | undefined;
  return typeof table?.tokens === 'string' && table.offsets instanceof Int32Array && table.postings instanceof Int32Array;
}

/** A stored snapshot and its columns; undefined when it is of another version, or not one at all. */
export function readSnapshot(snapshot: unknown): { snapshot: PeopleIndexSnapshot; columns: IndexColumns } | undefined {
  const s = snapshot as PeopleIndexSnapshot | undefined;
  if (s?.version !== SNAPSHOT_VERSION || typeof s.rows !== 'string' || typeof s.folded !== 'string' || typeof s.emails !== 'string') return undefined;
  if (!(s.emailOrder instanceof Int32Array) || !isTokenTable(s.names) || !isTokenTable(s.tags)) return undefined;
  const columns = columnsOf(s);
  const n = columns.rows.length;
  if (columns.folded.length !== n || columns.emails.length !== n || s.emailOrder.length !== n) return undefined;
  return { snapshot: s, columns };
}

/** Row `row` as a search result. */
export function hitAt(columns: IndexColumns, row: number): SearchHit {
  const [id, name, position, department] = columns.rows[row]!.split('\t');
  return { id: Number(id), name: name!, email: columns.emails[row]!, ...(position ? { position } : {}), ...(department ? { department } : {}) };
}
