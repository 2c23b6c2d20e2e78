import { lineAt, lineCount, linesOf, type Lines } from './lines';
import type { IndexedPerson, SearchHit } from './person';
import { rowTokens, tokenTable, type RowTokens, type TokenTable } from './token-table';

/**
 * The persisted form: a few strings and typed arrays, which IndexedDB clones and this
 * module reads back in milliseconds (50,000 small objects would take ten times longer).
 * Row r is line r of `rows`, `folded` and `emails`. Rows are in folded-name order (ties in the
 * order given), the order results take among equal scores: ranking then compares row numbers,
 * and the names starting with what was typed are one range of rows.
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

const SNAPSHOT_VERSION = 'people-index/4';

/** A snapshot read back for searching: row-aligned columns, read in place, and each table's tokens as a list. */
export interface IndexColumns {
  size: number;
  rows: Lines;
  folded: Lines;
  emails: Lines;
  emailOrder: Int32Array;
  names: TokenTable;
  tags: TokenTable;
  /** Each row's name and role-word token ids. */
  nameRows: RowTokens;
  tagRows: RowTokens;
}

function clean(text: string | undefined): string {
  return (text ?? '').replace(/[\t\n\r]+/g, ' ');
}

export function snapshotOf(unordered: readonly IndexedPerson[]): PeopleIndexSnapshot {
  const byFolded = unordered.map((p) => ({ p, folded: clean(p.folded) }));
  // Array.prototype.sort is stable: people with the same folded name keep their order.
  byFolded.sort((a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0));
  const people = byFolded.map(({ p }) => p);
  const names = tokenTable(people, (p) => p.nameTokens);
  const tags = tokenTable(people, (p) => p.tagTokens);
  const emailOrder = Int32Array.from(people.keys()).sort((a, b) => (people[a]!.email < people[b]!.email ? -1 : people[a]!.email > people[b]!.email ? 1 : 0));
  return {
    version: SNAPSHOT_VERSION,
    rows: people.map((p) => [p.id, clean(p.name), clean(p.position), clean(p.department)].join('\t')).join('\n'),
    folded: byFolded.map(({ folded }) => folded).join('\n'),
    emails: people.map((p) => p.email).join('\n'),
    emailOrder,
    names: { tokens: names.tokens.join('\n'), offsets: names.offsets, postings: names.postings },
    tags: { tokens: tags.tokens.join('\n'), offsets: tags.offsets, postings: tags.postings },
  };
}

export function columnsOf(snapshot: PeopleIndexSnapshot): IndexColumns {
  const lines = (s: string) => (s ? s.split('\n') : []);
  const rows = linesOf(snapshot.rows);
  const size = lineCount(rows);
  return {
    size,
    rows,
    folded: linesOf(snapshot.folded),
    emails: linesOf(snapshot.emails),
    emailOrder: snapshot.emailOrder,
    names: { ...snapshot.names, tokens: lines(snapshot.names.tokens) },
    tags: { ...snapshot.tags, tokens: lines(snapshot.tags.tokens) },
    nameRows: rowTokens(snapshot.names, size),
    tagRows: rowTokens(snapshot.tags, size),
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
  const n = columns.size;
  if (lineCount(columns.folded) !== n || lineCount(columns.emails) !== n || s.emailOrder.length !== n) return undefined;
  return { snapshot: s, columns };
}

/** The id of the person in row `row`. */
export function idAt(columns: IndexColumns, row: number): number {
  const line = lineAt(columns.rows, row);
  return Number(line.slice(0, line.indexOf('\t')));
}

/** Row `row` as a search result. */
export function hitAt(columns: IndexColumns, row: number): SearchHit {
  const [id, name, position, department] = lineAt(columns.rows, row).split('\t');
  return { id: Number(id), name: name!, email: lineAt(columns.emails, row), ...(position ? { position } : {}), ...(department ? { department } : {}) };
}
