import Dexie from 'dexie';
import type { Employee } from '../employee';
import type { FieldKey } from '../fields';
import { dropPeopleData, type SidecardDB, type SyncCheckpoint, type SyncState } from '../db';
import { EMPLOYEES_PAGE_SIZE } from '../personio/client';
import { filterFacts, mapEmployee, sameEmployee } from '../personio/map';
import type { AttributeDefinition, EmployeesPage } from '../personio/schema';
import type { Settings } from '../settings';
import { keepsEmployee } from './filters';
import { leaverRecord } from './leavers';
import { grantedOnPage } from './grants';
import { emptyPopulation, mergePopulations, populationOf, type Population } from './population';
import { putRows } from './put-rows';
import { STATE_KEY } from './state';

// A run's employee rows: pages written with their checkpoint, and, after a full run, the
// sweep of everyone it did not see.

/** What preparing a page needs from its run. */
export interface PrepareContext {
  stored: ReadonlySet<FieldKey>;
  settings: Settings;
  attributeDefinitions: readonly AttributeDefinition[];
  /** The agent's calendar day, `YYYY-MM-DD`: which leavers are still within their window. */
  today: string;
  /** A full run counts who is in the company (see `Population`). */
  countPopulation: boolean;
}

/**
 * A page as a run keeps it until it is written: a parsed page of Personio's is several times
 * the size of the records made from it, and pages wait for the database, so they are
 * prepared as they arrive and only this waits.
 */
export interface PreparedPage {
  /** Each row's id with its record, or null (not kept: filtered out, or malformed), in page order. */
  people: Array<[number, Employee | null]>;
  /** Who is on the page, before filters, when the run counts them. */
  population?: Population;
  /** The attributes its first row carried (what the credential may read); none on an empty page. */
  granted?: Set<string>;
}

/** Map a page's rows to records (or to nothing) as the run's settings say. Pure. */
export function preparePage(page: EmployeesPage, ctx: PrepareContext): PreparedPage {
  const people: PreparedPage['people'] = page.data.map((raw) => {
    const facts = filterFacts(raw);
    const mapped = keepsEmployee(facts, ctx.settings.filters)
      ? mapEmployee(raw, { stored: ctx.stored, attributeDefinitions: ctx.attributeDefinitions })
      : leaverRecord(raw, facts, ctx.settings, ctx.stored, ctx.today);
    return [raw.attributes.id.value, mapped];
  });
  const granted = grantedOnPage(page);
  return {
    people,
    ...(ctx.countPopulation ? { population: populationOf(page.data) } : {}),
    ...(granted ? { granted } : {}),
  };
}

/** What writing a batch of pages needs from its run. */
export interface PageContext {
  settings: Settings;
  requests: number;
  /** The sync state as the run keeps it, with the run's checkpoint. */
  state: SyncState;
  /** The run's connection: once it is aborted (a disconnect), no batch commits. */
  signal?: AbortSignal;
}

/** This many pages share one transaction and one checkpoint move (the run's last batch may hold fewer). */
export const PAGES_PER_COMMIT = 10;

export type FetchedPage = { page: PreparedPage; offset: number; nextOffset: number; total?: number };

/**
 * Write prepared pages, and move the checkpoint past the last one, atomically. A malformed
 * page was rejected by the client's schema before it was prepared, so half-parsed rows never
 * reach the table.
 *
 * The transaction is issued at once, possibly while the previous batch's still commits
 * (`planned` is where that one will have left the checkpoint; it is moved past these pages
 * now). It lands only if the stored checkpoint, read first inside it, is exactly where these
 * pages start: if the batch before failed, this one rolls back too, and no page is skipped.
 * `tally` counts the run's changed rows in commit order. Returns the checkpoint as
 * committed, the ids of every row written or removed, the rows `written`, and of the ids
 * `released`: rows removed because their address now belongs to someone else (see `dropReleased`).
 */
export async function writePages(
  database: SidecardDB,
  pages: readonly FetchedPage[],
  planned: SyncCheckpoint,
  tally: { rowsChanged: number },
  ctx: PageContext,
): Promise<{ committed: SyncCheckpoint; ids: number[]; written: Employee[]; released: number[] }> {
  // Pages shift while a run reads them, so a person can come twice: the later row is Personio's
  // newer word, for an id (kept in the order of each id's last row) and then for an address.
  const byId = new Map<number, Employee | null>();
  for (const { page } of pages) {
    for (const [id, mapped] of page.people) {
      byId.delete(id);
      byId.set(id, mapped);
    }
  }
  const drop = [...byId].filter(([, e]) => e === null).map(([id]) => id);
  const byEmail = new Map<string, Employee>();
  for (const e of byId.values()) {
    if (!e) continue;
    byEmail.delete(e.email);
    byEmail.set(e.email, e);
  }
  const rows = [...byEmail.values()];

  const startsAt = pages[0]!.offset;
  const next: SyncCheckpoint = { ...planned, requests: ctx.requests };
  for (const { page, nextOffset, total } of pages) {
    if (page.population) next.population = mergePopulations(next.population ?? emptyPopulation(), page.population);
    next.nextOffset = nextOffset;
    next.pagesDone += 1;
    if (total !== undefined) next.totalPages = Math.max(1, Math.ceil(total / EMPLOYEES_PAGE_SIZE));
  }
  Object.assign(planned, next);

  const ids: number[] = [];
  const released: number[] = [];
  let written: Employee[] = [];
  await database.transaction('rw', [database.employees, database.timeOffBuckets, database.balances, database.photos, database.runSeen, database.syncState], async () => {
    // Checked inside the transaction: a disconnect's wipe, issued after the abort, lands
    // after this batch if the batch got past here, and this batch rolls back otherwise.
    ctx.signal?.throwIfAborted();
    // Read first, so its answer comes before any write below can commit: if the batch before
    // did not land, this transaction is aborted there and then.
    const transaction = Dexie.currentTransaction;
    const landed = database.syncState.get(STATE_KEY).then((state) => {
      if (state?.checkpoint?.runId === next.runId && state.checkpoint.nextOffset === startsAt) return;
      transaction.abort();
      throw new Error('sync: the batch before this one did not land');
    });
    let changed = 0;
    let writes: Employee[];
    if (next.intoEmptyTable) {
      // Into an empty table (the first sync) every row is new: nothing to read or compare.
      writes = rows;
      changed = rows.length;
      ids.push(...rows.map((r) => r.id));
    } else {
      const [existing] = await Promise.all([database.employees.bulkGet(rows.map((r) => r.id)), landed]);
      writes = [];
      rows.forEach((row, i) => {
        const before = existing[i];
        if (!before || !sameEmployee(before, row)) {
          changed += 1;
          writes.push(row);
          ids.push(row.id);
        }
      });
      // Someone who just left keeps only the minimal record: no balance, photo or absences.
      const minimalRecords = !ctx.settings.filters.statuses.includes('inactive');
      const left = minimalRecords ? writes.filter((row) => row.status === 'inactive').map((row) => row.id) : [];
      if (left.length) await dropPeopleData(database, left);
      const removed = drop.length ? (await database.employees.bulkGet(drop)).filter((e): e is Employee => e !== undefined).map((e) => e.id) : [];
      if (removed.length) await Promise.all([database.employees.bulkDelete(removed), dropPeopleData(database, removed)]);
      changed += removed.length;
      ids.push(...removed);
    }
    tally.rowsChanged += changed;
    next.rowsChanged = tally.rowsChanged;
    // Rows and checkpoint are sent together, not one after the other: every wait for the
    // database here is a wait behind the next pages' parsing, on this one thread. Whom a full
    // run saw is kept for its sweep, which a run into an empty table does not need.
    const [letGo] = await Promise.all([
      putResolvingMovedAddresses(database, writes),
      database.syncState.put({ ...ctx.state, checkpoint: next }),
      next.kind === 'full' && !next.intoEmptyTable ? database.runSeen.put({ offset: startsAt, runId: next.runId, ids: rows.map((r) => r.id) }) : undefined,
      landed,
    ]);
    ids.push(...letGo);
    released.push(...letGo);
    written = writes;
  });
  return { committed: next, ids, written, released };
}

/**
 * Write rows; if an address now belongs to someone else than the row holding it (people
 * change addresses, addresses get reused), the old holder lets go first: the email index is
 * unique. Collisions are rare, so they are handled when the write reports them rather than
 * looked up for every row.
 */
async function putResolvingMovedAddresses(database: SidecardDB, rows: Employee[]): Promise<number[]> {
  const released: number[] = [];
  const refused = await putRows(database.employees.name, rows);
  if (!refused.length) return released;
  const ids = new Set(rows.map((r) => r.id));
  for (const row of refused) {
    const holder = await database.employees.where('email').equals(row.email).first();
    if (holder && !ids.has(holder.id)) {
      await database.employees.delete(holder.id);
      released.push(holder.id);
    }
  }
  await database.employees.bulkPut(refused);
  return released;
}

/**
 * People whose address went to someone else during a run (see `writePages`) and who did not
 * come back under another address by its end have left: what is kept about them beside their
 * row goes too, as for anyone the run removes. Returns their ids.
 */
export async function dropReleased(database: SidecardDB, released: readonly number[], signal?: AbortSignal): Promise<number[]> {
  if (!released.length) return [];
  return database.transaction('rw', [database.employees, database.timeOffBuckets, database.balances, database.photos], async () => {
    signal?.throwIfAborted();
    const back = new Set(await database.employees.where(':id').anyOf([...released]).primaryKeys());
    const gone = [...new Set(released)].filter((id) => !back.has(id));
    await dropPeopleData(database, gone);
    return gone;
  });
}

/**
 * Remove every employee the finished full run did not see, and all kept about them; returns
 * their ids. Whom it saw is in runSeen, batch by batch, including batches written before the
 * worker was stopped and the run resumed. The list stays until the run has succeeded: a run
 * that fails after its sweep resumes and sweeps again, by the same list.
 */
export async function sweep(database: SidecardDB, runId: number, signal?: AbortSignal): Promise<number[]> {
  return database.transaction('rw', [database.employees, database.timeOffBuckets, database.balances, database.photos, database.runSeen], async () => {
    signal?.throwIfAborted();
    const seen = new Set<number>();
    for (const batch of await database.runSeen.toArray()) if (batch.runId === runId) for (const id of batch.ids) seen.add(id);
    const gone = (await database.employees.toCollection().primaryKeys()).filter((id) => !seen.has(id));
    await Promise.all([database.employees.bulkDelete(gone), dropPeopleData(database, gone)]);
    return gone;
  });
}
