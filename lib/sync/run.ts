import Dexie from 'dexie';
import type { Employee } from '../employee';
import { attributesToRequest, storedFields, type FieldKey } from '../fields';
import { bucketTimeOffs, db as defaultDb, dropTimeOffsOf, SYNC_LOG_LIMIT, type SidecardDB, type SyncCheckpoint, type SyncKind, type SyncLogEntry, type SyncState, type TimeOff } from '../db';
import { EMPLOYEES_PAGE_SIZE, type PersonioClient } from '../personio/client';
import { toErrorInfo } from '../personio/errors';
import { filterFacts, mapEmployee, sameEmployee } from '../personio/map';
import type { AttributeDefinition, EmployeesPage, TimeOffsPage } from '../personio/schema';
import type { Settings } from '../settings';
import { inBatches } from './batches';
import { keepsEmployee, scopeHash } from './filters';
import { addToPopulation, emptyPopulation } from './population';
import type { SyncProgress } from './progress';

/**
 * `updated_since` overlaps the previous run by this much: Personio's clock and ours differ,
 * and a row written while the last run was paging must not fall between two runs.
 */
export const INCREMENTAL_OVERLAP_MS = 5 * 60_000;
/** A full reconciliation this often catches deletions, which v1 has no feed for. */
export const FULL_RECONCILE_MS = 24 * 60 * 60_000;
/** Time-offs window for "away now / back on". */
export const TIME_OFF_PAST_DAYS = 7;
export const TIME_OFF_FUTURE_DAYS = 60;
/**
 * Absences refresh on full runs and at most hourly otherwise: an incremental run with
 * nothing changed then costs a single request.
 */
export const TIME_OFF_REFRESH_MS = 60 * 60_000;

export interface SyncContext {
  client: PersonioClient;
  settings: Settings;
  db?: SidecardDB;
  now?: () => number;
  onProgress?: (progress: SyncProgress) => void;
  /**
   * Ids whose stored row was written or removed, reported after each commit (the search
   * index follows them). A run resumed after the worker stopped reports only its own part.
   */
  onRowsChanged?: (ids: readonly number[]) => void;
  /** Custom attribute labels (fetched by the caller when custom fields are stored). */
  attributeDefinitions?: readonly AttributeDefinition[];
}

export type SyncRequest = 'auto' | 'full';

const STATE_KEY = 'state' as const;

export async function readSyncState(database: SidecardDB = defaultDb()): Promise<SyncState> {
  return (await database.syncState.get(STATE_KEY)) ?? { key: STATE_KEY };
}

/** Which run comes next: resume an unfinished one, else full or incremental. Pure. */
export function planRun(state: SyncState, scope: string, now: number, request: SyncRequest): { kind: SyncKind; resume?: SyncCheckpoint } {
  if (state.checkpoint && state.scopeHash === scope) return { kind: state.checkpoint.kind, resume: state.checkpoint };
  const needsFull =
    request === 'full' ||
    state.lastSuccessStartedAt === undefined ||
    state.scopeHash !== scope ||
    state.lastFullSuccessAt === undefined ||
    now - state.lastFullSuccessAt >= FULL_RECONCILE_MS;
  return { kind: needsFull ? 'full' : 'incremental' };
}

/**
 * One sync run, full or incremental, resumable page by page. Employees are written as they
 * arrive, each page with its checkpoint in one transaction; rows that a full run did not see
 * are removed only after the whole run succeeded (mark and sweep). So lookups always read a
 * complete copy: the previous one, updated in place, never fewer people than before.
 */
export async function runSync(ctx: SyncContext, request: SyncRequest = 'auto'): Promise<SyncLogEntry> {
  const database = ctx.db ?? defaultDb();
  const now = ctx.now ?? Date.now;
  const stored = storedFields(ctx.settings.fields);
  const scope = scopeHash(ctx.settings.filters, ctx.settings.fields);
  const state = await readSyncState(database);
  const plan = planRun(state, scope, now(), request);

  const checkpoint: SyncCheckpoint = plan.resume ?? {
    runId: now(),
    kind: plan.kind,
    startedAt: now(),
    nextOffset: 0,
    pagesDone: 0,
    rowsChanged: 0,
    requests: 0,
    ...(plan.kind === 'incremental' && state.lastSuccessStartedAt !== undefined
      ? { updatedSince: state.lastSuccessStartedAt - INCREMENTAL_OVERLAP_MS }
      : {}),
  };
  // Requests of this run: those an earlier (stopped) part of it made, plus this client's since.
  const requestsBefore = ctx.client.requestCount;
  const requestsEarlier = checkpoint.requests;
  const requestsSoFar = () => requestsEarlier + ctx.client.requestCount - requestsBefore;
  const log: SyncLogEntry = {
    kind: checkpoint.kind,
    startedAt: checkpoint.startedAt,
    requests: 0,
    rowsChanged: 0,
    rowsRemoved: 0,
    ...(plan.resume ? { resumed: true } : {}),
  };
  const progress = (stage: SyncProgress['stage']) =>
    ctx.onProgress?.({ stage, kind: checkpoint.kind, pagesDone: checkpoint.pagesDone, totalPages: checkpoint.totalPages, rows: checkpoint.rowsChanged });

  if (!plan.resume && checkpoint.kind === 'full' && (await database.employees.count()) === 0) checkpoint.intoEmptyTable = true;
  // Only this run writes the sync state until it ends (runs never overlap): each commit
  // below stores this with the checkpoint moved, without reading it back.
  const runningState: SyncState = { ...state, checkpoint, scopeHash: scope };
  await database.transaction('rw', database.syncState, database.runSeen, async () => {
    // A new full run starts its list of whom it saw afresh (an abandoned run's goes).
    if (!plan.resume && checkpoint.kind === 'full') await database.runSeen.clear();
    await database.syncState.put(runningState);
  });
  progress('starting');

  // Time-offs are fetched alongside the employees (they are written after them: only
  // people who are stored keep their absences).
  const timeOffsDue = stored.has('absence') && (checkpoint.kind === 'full' || state.timeOffsSyncedAt === undefined || now() - state.timeOffsSyncedAt >= TIME_OFF_REFRESH_MS);
  const timeOffs = timeOffsDue ? fetchTimeOffs(ctx.client, now()) : undefined;
  timeOffs?.catch(() => undefined);

  try {
    const query = {
      attributes: attributesToRequest(stored),
      ...(checkpoint.updatedSince !== undefined ? { updatedSince: new Date(checkpoint.updatedSince) } : {}),
    };
    // Pages that arrive while the last ones are being written are written together: the
    // network never waits for the database, and a slow disk pays one commit for several.
    // A batch's transaction is issued while the one before it still commits (the database
    // queues it), so the database is never idle while this thread maps the next rows; at
    // most two are in flight, and each lands only right after its predecessor.
    const pageContext = { stored, settings: ctx.settings, attributeDefinitions: ctx.attributeDefinitions ?? [], state: runningState };
    const planned: SyncCheckpoint = { ...checkpoint };
    const tally = { rowsChanged: checkpoint.rowsChanged };
    let landing: Promise<void> | undefined;
    for await (const pages of inBatches(ctx.client.employeePages(query, checkpoint.nextOffset), PAGES_PER_COMMIT)) {
      const write = writePages(database, pages, planned, tally, { ...pageContext, requests: requestsSoFar() });
      write.catch(() => undefined); // read in order below
      await landing;
      landing = write.then(({ committed, ids }) => {
        Object.assign(checkpoint, committed);
        if (ids.length) ctx.onRowsChanged?.(ids);
        progress('employees');
      });
    }
    await landing;

    if (checkpoint.kind === 'full') {
      progress('sweeping');
      const swept = await sweep(database, checkpoint.runId);
      log.rowsRemoved = swept.length;
      if (swept.length) ctx.onRowsChanged?.(swept);
    }

    let timeOffsSyncedAt = state.timeOffsSyncedAt;
    if (!stored.has('absence')) {
      await database.timeOffBuckets.clear();
      timeOffsSyncedAt = undefined;
    } else if (timeOffs) {
      progress('time-offs');
      await storeTimeOffs(database, await timeOffs);
      timeOffsSyncedAt = now();
    }

    const employeeCount = await database.employees.count();
    const ended = now();
    log.endedAt = ended;
    log.requests = requestsSoFar();
    log.rowsChanged = checkpoint.rowsChanged;
    await database.transaction('rw', [database.syncState, database.syncLog, database.runSeen], async () => {
      await database.runSeen.clear();
      const current = await readSyncState(database);
      const { checkpoint: _done, lastError: _cleared, timeOffsSyncedAt: _previous, ...rest } = current;
      await database.syncState.put({
        ...rest,
        ...(timeOffsSyncedAt !== undefined ? { timeOffsSyncedAt } : {}),
        scopeHash: scope,
        lastSuccessStartedAt: checkpoint.startedAt,
        lastSuccessAt: ended,
        ...(checkpoint.kind === 'full' ? { lastFullSuccessAt: ended, ...(checkpoint.population ? { population: checkpoint.population } : {}) } : {}),
        employeeCount,
      });
      await appendLog(database, log);
    });
    progress('done');
    return log;
  } catch (error) {
    // No request of this run outlives it.
    await timeOffs?.catch(() => undefined);
    const info = toErrorInfo(error);
    log.endedAt = now();
    log.requests = requestsSoFar();
    log.rowsChanged = checkpoint.rowsChanged;
    log.error = info;
    // The checkpoint stays: the next run resumes where this one stopped. Nothing is swept.
    await database.transaction('rw', database.syncState, database.syncLog, async () => {
      const current = await readSyncState(database);
      await database.syncState.put({ ...current, lastError: { ...info, at: log.endedAt ?? now() } });
      await appendLog(database, log);
    });
    progress('failed');
    return log;
  }
}

interface PageContext {
  stored: ReadonlySet<FieldKey>;
  settings: Settings;
  attributeDefinitions: readonly AttributeDefinition[];
  requests: number;
  /** The sync state as this run keeps it, its checkpoint being `checkpoint`. */
  state: SyncState;
}

/** At most this many pages share one transaction (and one checkpoint move). */
const PAGES_PER_COMMIT = 10;

type FetchedPage = { page: EmployeesPage; offset: number; nextOffset: number; total?: number };

/**
 * Map and write pages, and move the checkpoint past the last one, atomically. Every page is
 * mapped before anything is written: a malformed page was already rejected by the client's
 * schema, so half-parsed rows never reach the table.
 *
 * The transaction is issued at once, possibly while the previous batch's still commits
 * (`planned` is where that one will have left the checkpoint; it is moved past these pages
 * now). It lands only if the stored checkpoint, read first inside it, is exactly where these
 * pages start: if the batch before failed, this one rolls back too, and no page is skipped.
 * `tally` counts the run's changed rows in commit order. Returns the checkpoint as
 * committed, and the ids of every row written or removed.
 */
async function writePages(
  database: SidecardDB,
  pages: readonly FetchedPage[],
  planned: SyncCheckpoint,
  tally: { rowsChanged: number },
  ctx: PageContext,
): Promise<{ committed: SyncCheckpoint; ids: number[] }> {
  const keep: Employee[] = [];
  const drop: number[] = [];
  for (const { page } of pages) {
    for (const raw of page.data) {
      const mapped = mapEmployee(raw, { stored: ctx.stored, attributeDefinitions: ctx.attributeDefinitions });
      if (mapped && keepsEmployee(filterFacts(raw), ctx.settings.filters)) keep.push(mapped);
      else drop.push(raw.attributes.id.value);
    }
  }
  // One Personio email per person: the last row wins if pages repeat one.
  const byEmail = new Map(keep.map((e) => [e.email, e]));
  const rows = [...byEmail.values()];

  const startsAt = pages[0]!.offset;
  const next: SyncCheckpoint = { ...planned, requests: ctx.requests };
  for (const { page, nextOffset, total } of pages) {
    if (next.kind === 'full') next.population = addToPopulation(next.population ?? emptyPopulation(), page.data);
    next.nextOffset = nextOffset;
    next.pagesDone += 1;
    if (total !== undefined) next.totalPages = Math.max(1, Math.ceil(total / EMPLOYEES_PAGE_SIZE));
  }
  Object.assign(planned, next);

  const ids: number[] = [];
  await database.transaction('rw', [database.employees, database.timeOffBuckets, database.runSeen, database.syncState], async () => {
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
      const removed = drop.length ? (await database.employees.bulkGet(drop)).filter((e): e is Employee => e !== undefined).map((e) => e.id) : [];
      if (removed.length) await Promise.all([database.employees.bulkDelete(removed), dropTimeOffsOf(database, removed)]);
      changed += removed.length;
      ids.push(...removed);
    }
    tally.rowsChanged += changed;
    next.rowsChanged = tally.rowsChanged;
    // Rows and checkpoint are sent together, not one after the other: every wait for the
    // database here is a wait behind the next pages' parsing, on this one thread.
    const [released] = await Promise.all([
      putResolvingMovedAddresses(database, writes),
      database.syncState.put({ ...ctx.state, checkpoint: next }),
      next.kind === 'full' ? database.runSeen.put({ offset: startsAt, runId: next.runId, ids: rows.map((r) => r.id) }) : undefined,
      landed,
    ]);
    ids.push(...released);
  });
  return { committed: next, ids };
}

/**
 * Write rows; if an address now belongs to someone else than the row holding it (people
 * change addresses, addresses get reused), the old holder lets go first: the email index is
 * unique. Collisions are rare, so they are handled when the write reports them rather than
 * looked up for every row.
 */
async function putResolvingMovedAddresses(database: SidecardDB, rows: Employee[]): Promise<number[]> {
  const released: number[] = [];
  if (!rows.length) return released;
  try {
    await database.employees.bulkPut(rows);
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const failed = Object.keys(error.failuresByPos).map((pos) => rows[Number(pos)]!);
    const ids = new Set(rows.map((r) => r.id));
    for (const row of failed) {
      const holder = await database.employees.where('email').equals(row.email).first();
      if (holder && !ids.has(holder.id)) {
        await database.employees.delete(holder.id);
        released.push(holder.id);
      }
    }
    await database.employees.bulkPut(failed);
  }
  return released;
}

/**
 * Remove every employee the finished full run did not see, and their time-offs; returns
 * their ids. Whom it saw is in runSeen, batch by batch, including batches written before the
 * worker was stopped and the run resumed. The list stays until the run has succeeded: a run
 * that fails after its sweep resumes and sweeps again, by the same list.
 */
async function sweep(database: SidecardDB, runId: number): Promise<number[]> {
  return database.transaction('rw', [database.employees, database.timeOffBuckets, database.runSeen], async () => {
    const seen = new Set<number>();
    for (const batch of await database.runSeen.toArray()) if (batch.runId === runId) for (const id of batch.ids) seen.add(id);
    const gone = (await database.employees.toCollection().primaryKeys()).filter((id) => !seen.has(id));
    await Promise.all([database.employees.bulkDelete(gone), dropTimeOffsOf(database, gone)]);
    return gone;
  });
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

async function fetchTimeOffs(client: PersonioClient, now: number): Promise<TimeOff[]> {
  const start = isoDay(now - TIME_OFF_PAST_DAYS * 86_400_000);
  const end = isoDay(now + TIME_OFF_FUTURE_DAYS * 86_400_000);
  const collected: TimeOff[] = [];
  for await (const page of client.timeOffPages(start, end)) collected.push(...timeOffsFromPage(page));
  return collected;
}

async function storeTimeOffs(database: SidecardDB, collected: readonly TimeOff[]): Promise<void> {
  // Small (weeks of absences): replaced whole, so cancelled time-offs disappear. Only people
  // who are stored keep theirs.
  await database.transaction('rw', database.employees, database.timeOffBuckets, async () => {
    const known = new Set(await database.employees.toCollection().primaryKeys());
    await database.timeOffBuckets.clear();
    await database.timeOffBuckets.bulkPut(bucketTimeOffs(collected.filter((t) => known.has(t.employeeId))));
  });
}

export function timeOffsFromPage(page: TimeOffsPage): TimeOff[] {
  return page.data
    .filter((t) => (t.attributes.status ?? 'approved') === 'approved')
    .map((t) => {
      const a = t.attributes;
      const type = a.time_off_type?.attributes;
      return {
        id: a.id,
        employeeId: a.employee.attributes.id.value,
        startDate: a.start_date.slice(0, 10),
        endDate: a.end_date.slice(0, 10),
        ...(a.half_day_start ? { halfDayStart: true } : {}),
        ...(a.half_day_end ? { halfDayEnd: true } : {}),
        ...(type?.name ? { typeName: type.name } : {}),
        ...(type?.category ? { category: type.category } : {}),
      };
    });
}

async function appendLog(database: SidecardDB, entry: SyncLogEntry): Promise<void> {
  await database.syncLog.add(entry);
  const count = await database.syncLog.count();
  if (count > SYNC_LOG_LIMIT) {
    const oldest = await database.syncLog.orderBy('startedAt').limit(count - SYNC_LOG_LIMIT).primaryKeys();
    await database.syncLog.bulkDelete(oldest);
  }
}
