import { db as defaultDb, type SidecardDB } from './db';
import type { Employee } from './employee';
import { PeopleIndex, type SearchHit } from './people-index';

export type { SearchHit } from './people-index';

/**
 * The people-search index of this JS context (the background's, in the extension): kept in
 * memory, persisted as one snapshot so that a woken worker loads it in milliseconds instead
 * of reading every employee, and patched with the rows each sync changes.
 */
let cache: { database: SidecardDB; index: Promise<PeopleIndex> } | undefined;

/** Above this share of changed rows, reading the whole table beats patching row by row. */
const REBUILD_SHARE = 0.2;

export function peopleIndex(database: SidecardDB = defaultDb()): Promise<PeopleIndex> {
  if (cache?.database !== database) {
    const index = loadIndex(database);
    cache = { database, index };
    // A failed load is not remembered: the next search tries again.
    index.catch(() => {
      if (cache?.index === index) cache = undefined;
    });
  }
  return cache.index;
}

async function loadIndex(database: SidecardDB): Promise<PeopleIndex> {
  const saved = await database.searchIndex.get('people');
  return (saved && PeopleIndex.fromSnapshot(saved.snapshot)) ?? buildFromTable(database);
}

async function buildFromTable(database: SidecardDB): Promise<PeopleIndex> {
  const index = PeopleIndex.fromEmployees(await database.employees.toArray());
  await persist(database, index);
  return index;
}

async function persist(database: SidecardDB, index: PeopleIndex): Promise<void> {
  await database.searchIndex.put({ key: 'people', snapshot: index.toSnapshot(), builtAt: Date.now() });
}

/**
 * Follow what a sync (or a settings change) did to the employees table: the rows of `ids`
 * are read again, or, with 'all' or when most rows changed, the whole index is rebuilt.
 */
export async function updateSearchIndex(ids: Iterable<number> | 'all', database: SidecardDB = defaultDb()): Promise<void> {
  const current = cache?.database === database ? await cache.index.catch(() => undefined) : undefined;
  const changed = ids === 'all' ? undefined : [...new Set(ids)];
  if (changed?.length === 0) return;
  if (!current || !changed || changed.length > current.size * REBUILD_SHARE) {
    const rebuilt = buildFromTable(database);
    cache = { database, index: rebuilt };
    await rebuilt;
    return;
  }
  const rows = await database.employees.bulkGet(changed);
  const updated = current.apply(
    rows.filter((e): e is Employee => e !== undefined),
    changed.filter((_, i) => rows[i] === undefined),
  );
  cache = { database, index: Promise.resolve(updated) };
  await persist(database, updated);
}

/** After a wipe: nothing of the old data stays in memory. */
export function forgetSearchIndex(): void {
  cache = undefined;
}

export async function searchPeople(query: string, limit = 20, database: SidecardDB = defaultDb()): Promise<SearchHit[]> {
  if (!query.trim()) return [];
  return (await peopleIndex(database)).search(query, limit);
}
