import type { PeopleIndexSnapshot, SearchHit } from './people-index';
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Employee } from './employee';
import type { ErrorInfo } from './personio/errors';
import type { Population } from './sync/population';

/** A day-unit absence, feeding "away now / back on". */
export interface TimeOff {
  id: number;
  employeeId: number;
  /** Inclusive calendar dates, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  halfDayStart?: boolean;
  halfDayEnd?: boolean;
  typeName?: string;
  category?: string;
}

/**
 * Everyone's time-offs in the window, in a fixed number of rows, by employee id: the panel
 * reads one person's bucket, and a refresh replaces them all. IndexedDB's cost is per row,
 * not per byte, so a few large rows write many times faster than one row per person. No
 * index but the key. A bucket holds about 250 absences at 50,000 people (25 KB).
 */
export interface TimeOffBucket {
  bucket: number;
  timeOffs: TimeOff[];
}

export const TIME_OFF_BUCKETS = 64;

export function timeOffBucketOf(employeeId: number): number {
  return employeeId % TIME_OFF_BUCKETS;
}

/** Time-offs as the table keeps them: in buckets by employee id, each in the order given. */
export function bucketTimeOffs(timeOffs: readonly TimeOff[]): TimeOffBucket[] {
  const buckets = new Map<number, TimeOff[]>();
  for (const t of timeOffs) {
    const bucket = timeOffBucketOf(t.employeeId);
    const list = buckets.get(bucket);
    if (list) list.push(t);
    else buckets.set(bucket, [t]);
  }
  return [...buckets].map(([bucket, list]) => ({ bucket, timeOffs: list }));
}

export interface CachedBalance {
  employeeId: number;
  fetchedAt: number;
  entries: { name: string; category?: string; balance?: number; available?: number }[];
}

export interface CachedPhoto {
  employeeId: number;
  fetchedAt: number;
  /** null: Personio has no picture for this person (cached so we do not ask again). */
  blob: Blob | null;
  size: number;
}

export type SyncKind = 'full' | 'incremental';

/** Where an unfinished run stopped: enough to resume after the service worker was killed. */
export interface SyncCheckpoint {
  runId: number;
  kind: SyncKind;
  startedAt: number;
  /** Record offset of the next employees page to fetch. */
  nextOffset: number;
  pagesDone: number;
  totalPages?: number;
  rowsChanged: number;
  requests: number;
  updatedSince?: number;
  /** The run started with no employees stored (the first sync): rows need no comparing. */
  intoEmptyTable?: boolean;
  /** Full runs: everyone seen so far, before filters (for the options page's counts). */
  population?: Population;
  /** Attributes the latest page written carried (lib/sync/grants.ts): a resumed run knows them too. */
  attributesSeen?: string[];
}

export interface SyncState {
  key: 'state';
  checkpoint?: SyncCheckpoint;
  /** Start time of the last successful run: the next incremental asks for changes since then. */
  lastSuccessStartedAt?: number;
  lastSuccessAt?: number;
  lastFullSuccessAt?: number;
  lastError?: ErrorInfo & { at: number };
  employeeCount?: number;
  /** Hash of the filters and stored fields the data was last synced with (a change forces a full run). */
  scopeHash?: string;
  /** When absences were last fetched (they refresh hourly and on full runs, not every incremental). */
  timeOffsSyncedAt?: number;
  /** From the last full run: the company before filters. */
  population?: Population;
  /** Requested attributes the credential did not grant in the last successful run (lib/sync/grants.ts). */
  ungranted?: string[];
  /** When a run last learnt the credential's grants (from its pages or its attribute list). */
  grantsCheckedAt?: number;
}

/**
 * Whom an unfinished full run has seen, one row per committed batch (keyed by the batch's
 * first record offset), written with the batch. The sweep at the end of the run removes
 * everyone stored and not listed: the mark of mark and sweep, kept beside the rows rather
 * than in them, so a reconciliation that finds nothing changed writes no employee row.
 */
export interface RunSeen {
  offset: number;
  runId: number;
  ids: number[];
}

export interface SyncLogEntry {
  id?: number;
  kind: SyncKind;
  startedAt: number;
  endedAt?: number;
  requests: number;
  rowsChanged: number;
  rowsRemoved: number;
  resumed?: boolean;
  /** Attributes granted again since the last run: an incremental run that saw them is followed by a full one. */
  regranted?: string[];
  error?: ErrorInfo;
}

/** Sealed secrets and the non-extractable key that seals them. Only the extension origin opens this. */
export interface VaultEntry {
  name: string;
  key?: CryptoKey;
  iv?: Uint8Array;
  data?: ArrayBuffer;
}

/** The people-search index in its persisted form (see lib/people-index.ts). */
export interface PeopleSnapshotEntry {
  key: 'people';
  snapshot: PeopleIndexSnapshot;
  builtAt: number;
}

/**
 * One-letter results of the snapshot built at `builtAt`, worked out once after it was
 * built. A row of their own: adding them to the snapshot's row would read and write the
 * whole snapshot (megabytes at a large company) again after every sync.
 */
export interface FirstLettersEntry {
  key: 'letters';
  builtAt: number;
  letters: Record<string, SearchHit[]>;
}

/**
 * Present from before the employees table changes until the index has followed the change:
 * a worker stopped in between finds it and rebuilds rather than trust the snapshot.
 */
export interface IndexBehindEntry {
  key: 'behind';
  since: number;
}

export type SearchIndexEntry = PeopleSnapshotEntry | FirstLettersEntry | IndexBehindEntry;

export const SYNC_LOG_LIMIT = 50;

/** An employee row as versions 1 to 4 may have stored it, with fields nothing reads now. */
type StoredBeforeV5 = Employee & { tagTokens?: string[]; seenInRun?: number };

export class SidecardDB extends Dexie {
  employees!: EntityTable<Employee, 'id'>;
  timeOffBuckets!: EntityTable<TimeOffBucket, 'bucket'>;
  runSeen!: EntityTable<RunSeen, 'offset'>;
  balances!: EntityTable<CachedBalance, 'employeeId'>;
  photos!: EntityTable<CachedPhoto, 'employeeId'>;
  syncState!: EntityTable<SyncState, 'key'>;
  syncLog!: EntityTable<SyncLogEntry, 'id'>;
  vault!: EntityTable<VaultEntry, 'name'>;
  searchIndex!: Table<SearchIndexEntry, SearchIndexEntry['key']>;

  constructor(name = 'sidecard') {
    // Relaxed durability: a transaction counts as done once the browser has it, without
    // waiting for the disk flush. Each page and its checkpoint still commit atomically, so an
    // OS crash can at worst lose the last pages, which the next run fetches again.
    super(name, { chromeTransactionDurability: 'relaxed', indexedDB: refusingNewerDatabases() });
    this.version(1).stores({
      employees: 'id, &email, *nameTokens, supervisorId, departmentId, status, seenInRun',
      timeOffs: 'id, employeeId, endDate',
      balances: 'employeeId, fetchedAt',
      photos: 'employeeId, fetchedAt',
      syncState: 'key',
      syncLog: '++id, startedAt',
      vault: 'name',
    });
    // v2: an index of role words stored on each row (tagTokens). No upgrade derives them for
    // rows already stored: v5 drops them, so that work would be thrown away.
    this.version(2).stores({ employees: 'id, &email, *nameTokens, *tagTokens, supervisorId, departmentId, status, seenInRun' });
    // v3: the people-search index, persisted so that a woken worker need not rebuild it
    // (derived from employees and built on first use: nothing to migrate). Search reads it,
    // not the tagTokens index, which goes: four index entries a person, on every write.
    // The name-token index stays, for lookups by name.
    this.version(3).stores({ employees: 'id, &email, *nameTokens, supervisorId, departmentId, status, seenInRun', searchIndex: 'key' });
    // v4: time-offs in buckets (see TimeOffBucket). IndexedDB cannot change a store's key, so
    // the rows move to a new store, and the panel keeps showing who is away meanwhile.
    // Full runs list whom they saw in runSeen instead of stamping every row (seenInRun and its
    // index go). A full run left unfinished by v3 has no such list: it starts over, the rows
    // it already wrote staying as they are.
    this.version(4)
      .stores({ employees: 'id, &email, *nameTokens, supervisorId, departmentId, status', timeOffs: null, timeOffBuckets: 'bucket', runSeen: 'offset' })
      .upgrade(async (tx) => {
        const buckets = bucketTimeOffs(await tx.table<TimeOff, number>('timeOffs').toArray());
        await tx.table<TimeOffBucket, number>('timeOffBuckets').bulkPut(buckets);
        const syncState = tx.table<SyncState, string>('syncState');
        const state = await syncState.get('state');
        if (state?.checkpoint?.kind === 'full') {
          const { checkpoint: _unfinished, ...rest } = state;
          await syncState.put(rest);
        }
      });
    // v5: rows written before carry role words (the search index derives its own) and the
    // stamp of the full run that last saw them (runs list whom they saw in runSeen). Nothing
    // reads either; once they are gone, the sync compares and rewrites rows as they are.
    this.version(5)
      .stores({})
      .upgrade((tx) =>
        tx
          .table<StoredBeforeV5, number>('employees')
          .toCollection()
          .modify((e) => {
            delete e.tagTokens;
            delete e.seenInRun;
          }),
      );
  }
}

/**
 * IndexedDB as Dexie sees it, but a database on disk newer than our schema stays closed. Dexie 4
 * answers the browser's VersionError (a user went back to an older build) by opening the
 * database again without a version, at the newer one, and where the newer schema lacks a store
 * or index of ours it adds it and raises the version: it would change the newer release's data,
 * and read rows of a shape it does not know. Its retry opens without a version; asking for
 * version 1 instead gets the VersionError again, which Dexie then reports.
 */
function refusingNewerDatabases(): IDBFactory {
  return new Proxy({} as IDBFactory, {
    get(_target, property) {
      // Looked up at each use: tests give each file a fresh IndexedDB.
      const factory = globalThis.indexedDB;
      if (property === 'open') return (name: string, version?: number) => factory.open(name, version ?? 1);
      const value: unknown = Reflect.get(factory, property, factory);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(factory) : value;
    },
  });
}

/**
 * Is the database on disk newer than this build's schema? Then it stays untouched: the user
 * is told to update Sidecard, or to disconnect, which deletes it ({@link wipeAll}).
 */
export async function databaseTooNew(database: SidecardDB = db()): Promise<boolean> {
  try {
    await database.open();
    return false;
  } catch (e) {
    if (isVersionError(e)) return true;
    throw e;
  }
}

function isVersionError(e: unknown): boolean {
  const error = e as { name?: string; inner?: { name?: string } } | undefined;
  return error?.name === 'VersionError' || error?.inner?.name === 'VersionError';
}

let instance: SidecardDB | undefined;

/**
 * The one database handle of this JS context. Dexie reopens a closed handle on the next
 * query (the browser may close the connection of a service worker it suspended), so
 * callers never cache tables across wakes themselves.
 */
export function db(): SidecardDB {
  instance ??= new SidecardDB();
  return instance;
}

/** Take these people's time-offs out of their buckets (inside a transaction over the buckets). */
export async function dropTimeOffsOf(database: SidecardDB, employeeIds: readonly number[]): Promise<void> {
  if (!employeeIds.length) return;
  const leaving = new Set(employeeIds);
  const touched = [...new Set(employeeIds.map(timeOffBucketOf))];
  const buckets = await database.timeOffBuckets.bulkGet(touched);
  const kept = buckets.flatMap((b) => (b ? [{ ...b, timeOffs: b.timeOffs.filter((t) => !leaving.has(t.employeeId)) }] : []));
  await Promise.all([
    database.timeOffBuckets.bulkPut(kept.filter((b) => b.timeOffs.length)),
    database.timeOffBuckets.bulkDelete(kept.filter((b) => !b.timeOffs.length).map((b) => b.bucket)),
  ]);
}

/**
 * Everything kept about these people beside their rows: their time-offs and their cached
 * balances and photos. A person who leaves the directory leaves no trace in it (inside a
 * transaction over those stores).
 */
export async function dropPeopleData(database: SidecardDB, employeeIds: readonly number[]): Promise<void> {
  if (!employeeIds.length) return;
  await Promise.all([dropTimeOffsOf(database, employeeIds), database.balances.bulkDelete([...employeeIds]), database.photos.bulkDelete([...employeeIds])]);
}

/**
 * Delete every row of company data and secrets: what "Disconnect" promises. A database a newer
 * build wrote, which this one cannot open, is deleted whole; the next use creates ours.
 */
export async function wipeAll(database: SidecardDB = db()): Promise<void> {
  if (await databaseTooNew(database)) {
    await Dexie.delete(database.name);
    return;
  }
  await database.transaction('rw', [database.employees, database.timeOffBuckets, database.runSeen, database.balances, database.photos, database.syncState, database.syncLog, database.vault, database.searchIndex], async () => {
    await Promise.all([
      database.employees.clear(),
      database.timeOffBuckets.clear(),
      database.runSeen.clear(),
      database.balances.clear(),
      database.photos.clear(),
      database.syncState.clear(),
      database.syncLog.clear(),
      database.vault.clear(),
      database.searchIndex.clear(),
    ]);
  });
}
