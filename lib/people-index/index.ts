import type { Employee } from '../employee';
import { searchRows } from './match';
import { lineAt } from './lines';
import { indexedPerson, type IndexedPerson, type SearchHit } from './person';
import { Scores } from './scores';
import { columnsOf, hitAt, idAt, readSnapshot, snapshotOf, type IndexColumns, type PeopleIndexSnapshot } from './snapshot';
import { tokensByRow } from './token-table';

export { editDistance } from './fuzzy';
export { indexedPerson, type IndexedPerson, type SearchHit } from './person';
export type { PeopleIndexSnapshot } from './snapshot';

/** How many results a one-letter query keeps ready (the popup shows 20). */
const LETTER_LIMIT = 20;

/**
 * The people-search index: an in-memory token index over the stored employees, small enough
 * to keep in the background's memory and to persist as one snapshot (see `lib/search.ts`).
 * Pure: no browser or database APIs. Why no search library: docs/architecture.md.
 *
 * Matching (match.ts): every query word must match (AND). A word matches a name token by prefix
 * ("mull" → Müller), accent-folded ("jurgen" → Jürgen), transliterated ("mueller" → Müller),
 * a role word (position, department, team) by prefix, or — when that finds too little — a
 * name token within a small edit distance ("lovelcae" → Lovelace).
 */
export class PeopleIndex {
  private constructor(
    private readonly snapshot: PeopleIndexSnapshot,
    private readonly columns: IndexColumns = columnsOf(snapshot),
  ) {}

  static fromPeople(people: Iterable<IndexedPerson>): PeopleIndex {
    return new PeopleIndex(snapshotOf([...people]));
  }

  static fromEmployees(employees: Iterable<Employee>): PeopleIndex {
    return PeopleIndex.fromPeople([...employees].map(indexedPerson));
  }

  /** The index a snapshot holds; undefined when it is of another version or not one at all. */
  static fromSnapshot(snapshot: unknown): PeopleIndex | undefined {
    const read = readSnapshot(snapshot);
    return read && new PeopleIndex(read.snapshot, read.columns);
  }

  toSnapshot(): PeopleIndexSnapshot {
    return this.snapshot;
  }

  get size(): number {
    return this.columns.size;
  }

  /**
   * A new index with what a sync changed: new or updated people (as the index keeps them,
   * `indexedPerson`), and ids no longer stored. Re-reads nothing from the database: the
   * rows it keeps come from this index.
   */
  apply(changed: Iterable<IndexedPerson>, removedIds: Iterable<number> = []): PeopleIndex {
    const incoming = new Map<number, IndexedPerson>();
    for (const person of changed) incoming.set(person.id, person);
    const removed = new Set(removedIds);
    // Everyone keeps their place among people of the same name (the order ties are ranked in);
    // only those kept as they are need reading back out of this index.
    const people: IndexedPerson[] = [];
    let names: string[][] | undefined;
    let tags: string[][] | undefined;
    for (let row = 0; row < this.size; row += 1) {
      const id = idAt(this.columns, row);
      const updated = incoming.get(id);
      if (updated) incoming.delete(id);
      if (removed.has(id)) continue;
      if (updated) {
        people.push(updated);
        continue;
      }
      names ??= tokensByRow(this.columns.names, this.size);
      tags ??= tokensByRow(this.columns.tags, this.size);
      people.push({ ...hitAt(this.columns, row), folded: lineAt(this.columns.folded, row), nameTokens: names[row]!, tagTokens: tags[row]! });
    }
    for (const [id, person] of incoming) if (!removed.has(id)) people.push(person);
    return PeopleIndex.fromPeople(people);
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

  /** One search's scratch, kept between searches (a search runs to its end before the next). */
  private scores: Scores | undefined;

  private searchNow(q: string, limit: number): SearchHit[] {
    this.scores ??= new Scores(this.size);
    return searchRows(this.columns, q, limit, this.scores).map((row) => hitAt(this.columns, row));
  }
}
