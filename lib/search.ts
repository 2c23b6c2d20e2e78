import { db as defaultDb, type SidecardDB } from './db';
import type { Employee } from './employee';
import { indexedPerson, PeopleIndex, type IndexedPerson, type SearchHit } from './people-index';
import { nextTask } from './next-task';

export type { SearchHit } from './people-index';

/**
 * The people-search index of this JS context (the background's, in the extension): kept in
 * memory, persisted as one snapshot so that a woken worker loads it in milliseconds instead
 * of reading every employee, and patched with the rows each sync changes.
 */
let cache: { database: SidecardDB; index: Promise<PeopleIndex>; warmed: Promise<void> } | undefined;

/** Above this share of rows to read back, reading the whole table beats reading them by id. */
const REBUILD_SHARE = 0.2;

/** Letters in the order people's names most often start with them (primed first). */
const LETTERS = [...'aeimnrstlcdhjkbfgpouvwzyxq'];

/** One-letter results, by letter; undefined while an index is being replaced. */
export type FirstLetters = Record<string, SearchHit[]>;
let firstLettersListener: ((letters: FirstLetters | undefined) => void) | undefined;

/**
 * Be told the one-letter results whenever an index has them ready (and undefined when the
 * index they came from is replaced): the background keeps them for the popup's first
 * keystroke, which may come before the worker is awake to answer it.
 */
export function onFirstLetters(listener: typeof firstLettersListener): void {
  firstLettersListener = listener;
}

/** Make `loading` this context's index; `replacing` when its data differs from the last one's. */
function adopt(database: SidecardDB, loading: Promise<PeopleIndex>, replacing: boolean): Promise<PeopleIndex> {
  // Results of the index being replaced must not outlive it (a field no longer stored…).
  if (replacing) firstLettersListener?.(undefined);
  let warmed = () => {};
  const current = { database, index: loading, warmed: new Promise<void>((resolve) => (warmed = resolve)) };
  cache = current;
  const stillCurrent = () => cache === current;
  loading.then(
    (index) =>
      void firstLetters(database, index, stillCurrent)
        .then(() => warmSearch(index, stillCurrent))
        .catch(() => undefined)
        .finally(warmed),
    // A failed load is not remembered: the next search tries again.
    () => {
      warmed();
      if (cache === current) cache = undefined;
    },
  );
  return loading;
}

/**
 * Once this context's index has its one-letter results and its code warmed (see `warmSearch`),
 * as a worker's index is a moment after it loads: what the bench measures keystrokes against.
 */
export async function searchWarmedUp(database: SidecardDB = defaultDb()): Promise<void> {
  await peopleIndex(database);
  await cache?.warmed;
}

export function peopleIndex(database: SidecardDB = defaultDb()): Promise<PeopleIndex> {
  if (cache?.database === database) return cache.index;
  return adopt(database, loadIndex(database), false);
}

async function loadIndex(database: SidecardDB): Promise<PeopleIndex> {
  const [saved, behind, letters] = await database.searchIndex.bulkGet(['people', 'behind', 'letters']);
  const snapshot = saved?.key === 'people' && !behind ? saved : undefined;
  const index = snapshot && PeopleIndex.fromSnapshot(snapshot.snapshot);
  if (!index) return buildFromTable(database);
  // Letters kept for another snapshot (a worker stopped between a new snapshot and its letters) are not this one's.
  if (letters?.key === 'letters' && letters.builtAt === snapshot.builtAt) index.seedLetters(letters.letters);
  savedIndexes.set(index, snapshot.builtAt);
  return index;
}

/**
 * The first keystroke is one letter, whose results are the costliest (a letter starts
 * thousands of names). They are worked out once per index, one letter per task so that a
 * message arriving meanwhile waits for one letter at most, kept with the snapshot, and
 * handed to the listener.
 */
async function firstLetters(database: SidecardDB, index: PeopleIndex, stillCurrent: () => boolean): Promise<void> {
  if (index.size === 0) return;
  const primed = index.primedLetters();
  const missing = LETTERS.filter((l) => !(l in primed));
  for (const letter of missing) {
    await nextTask();
    if (!stillCurrent()) return;
    index.prime(letter);
  }
  const letters = index.primedLetters();
  if (!stillCurrent()) return;
  const builtAt = savedIndexes.get(index);
  if (missing.length && builtAt !== undefined) await database.searchIndex.put({ key: 'letters', builtAt, letters });
  firstLettersListener?.(letters);
}

/**
 * Queries of each shape the search handles differently, made from a name in the index: a
 * prefix of two letters, two words, a word with a typo (the fuzzy fallback). Run a few times
 * when an index is loaded (WARMING_ROUNDS), results thrown away, so that the agent's first
 * query of each shape does not pay for the code's first runs (tens of milliseconds on a slow
 * machine, against well under one once warm). Pure.
 */
export function warmingQueries(name: string): string[] {
  const [first = '', last = ''] = name.toLowerCase().split(/\s+/);
  if (first.length < 3) return [];
  const typo = `${first[0]}${first[2]}${first[1]}${first.slice(3)}`;
  return [first.slice(0, 2), `${first} ${last.slice(0, 1)}`, typo, `${typo} ${last.slice(0, 3)}`];
}

/** Rounds of warming: the engine optimises code that has run a few times, not once. */
const WARMING_ROUNDS = 3;

/** Each warming query in a task of its own, so that a message arriving meanwhile waits for one at most. */
async function warmSearch(index: PeopleIndex, stillCurrent: () => boolean): Promise<void> {
  const queries = warmingQueries(index.search(LETTERS[0]!, 1)[0]?.name ?? '');
  for (let round = 0; round < WARMING_ROUNDS; round += 1) {
    for (const query of queries) {
      await nextTask();
      if (!stillCurrent()) return;
      index.search(query, 20);
    }
  }
}

async function buildFromTable(database: SidecardDB): Promise<PeopleIndex> {
  const index = PeopleIndex.fromEmployees(await database.employees.toArray());
  // Nothing stored, nothing to keep: a database that holds no one stays empty.
  if (index.size > 0) await persist(database, index);
  else await database.searchIndex.clear();
  return index;
}

/** Indexes whose snapshot is the one persisted, with when that snapshot was built. */
const savedIndexes = new WeakMap<PeopleIndex, number>();

/**
 * The snapshot, and with it the index caught up: both in one commit. A snapshot that cannot
 * be written (a full disk) leaves the mark: search goes on from memory, and the next worker
 * rebuilds.
 */
async function persist(database: SidecardDB, index: PeopleIndex): Promise<void> {
  try {
    const builtAt = Date.now();
    await database.transaction('rw', database.searchIndex, async () => {
      await database.searchIndex.put({ key: 'people', snapshot: index.toSnapshot(), builtAt });
      await database.searchIndex.bulkDelete(['behind', 'letters']);
    });
    savedIndexes.set(index, builtAt);
  } catch {
    // Kept in memory only; the mark stays.
  }
}

/**
 * Say, before the employees table changes, that the persisted index is about to fall behind
 * it: until `updateSearchIndex` has followed the change, a worker that wakes (the last one
 * stopped between the change and the update) rebuilds from the table instead.
 */
export async function markSearchIndexBehind(database: SidecardDB = defaultDb()): Promise<void> {
  await database.searchIndex.put({ key: 'behind', since: Date.now() });
}

/**
 * What a sync run did to the employees table, as the index needs it: every id whose row it
 * changed, and of those the rows it wrote whole, kept as the index keeps a person (so they
 * are not read back, and a large company's rows are not all held until the run ends).
 */
export class TableChanges {
  readonly ids = new Set<number>();
  readonly written = new Map<number, IndexedPerson>();

  /** Rows of `ids` changed; `rows` are those of them written, as written. */
  add(ids: readonly number[], rows: readonly Employee[] = []): void {
    for (const id of ids) {
      this.ids.add(id);
      this.written.delete(id);
    }
    for (const row of rows) this.written.set(row.id, indexedPerson(row));
  }
}

/**
 * Follow what a sync (or a settings change) did to the employees table: people whose rows
 * the caller `written` are taken from there, the rows of the other `ids` are read again; with
 * 'all', or when most of the rows would have to be read, the whole index is rebuilt.
 */
export async function updateSearchIndex(ids: Iterable<number> | 'all', database: SidecardDB = defaultDb(), written: ReadonlyMap<number, IndexedPerson> = new Map()): Promise<void> {
  const current = cache?.database === database ? await cache.index.catch(() => undefined) : undefined;
  const changed = ids === 'all' ? undefined : [...new Set(ids)];
  if (changed?.length === 0) {
    // Nothing changed: an index held here and saved is as current as the table.
    if (current && savedIndexes.has(current)) await database.searchIndex.delete('behind');
    return;
  }
  const unknown = changed?.filter((id) => !written.has(id)) ?? [];
  if (!current || !changed || unknown.length > current.size * REBUILD_SHARE) {
    await adopt(database, buildFromTable(database), true);
    return;
  }
  const rows = unknown.length ? await database.employees.bulkGet(unknown) : [];
  const people = [...changed.flatMap((id) => written.get(id) ?? []), ...rows.filter((e): e is Employee => e !== undefined).map(indexedPerson)];
  const updated = current.apply(
    people,
    unknown.filter((_, i) => rows[i] === undefined),
  );
  await persist(database, updated);
  await adopt(database, Promise.resolve(updated), true);
}

/** After a wipe: nothing of the old data stays in memory. */
export function forgetSearchIndex(): void {
  cache = undefined;
  firstLettersListener?.(undefined);
}

export async function searchPeople(query: string, limit = 20, database: SidecardDB = defaultDb()): Promise<SearchHit[]> {
  if (!query.trim()) return [];
  return (await peopleIndex(database)).search(query, limit);
}
