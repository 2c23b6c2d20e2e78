import type { Employee } from '../employee';
import { db as defaultDb, type SidecardDB, type SyncCheckpoint, type SyncLogEntry, type SyncState } from '../db';
import { purgeStaleExtras } from '../extras';
import { attributesToRequest, storedFields } from '../fields';
import type { PersonioClient } from '../personio/client';
import { toErrorInfo } from '../personio/errors';
import type { AttributeDefinition } from '../personio/schema';
import type { Settings } from '../settings';
import { inBatches } from './batches';
import { dropReleased, PAGES_PER_COMMIT, preparePage, sweep, writePages } from './employee-rows';
import { scopeHash } from './filters';
import { fieldsStillReadable, GRANTS_CHECK_MS, grantChange, latestAttributes, ungrantedAttributes, ungrantedByList } from './grants';
import { dropExpiredLeavers } from './leavers';
import { applyStoredFields } from './stored-fields';
import { localDay } from '../format';
import { newCheckpoint, planRun, type SyncRequest } from './plan';
import type { SyncProgress } from './progress';
import { appendLog, readSyncState } from './state';
import { fetchTimeOffs, storeTimeOffs, timeOffsDue } from './time-offs';

export type { SyncRequest } from './plan';
export { readSyncState } from './state';

export interface SyncContext {
  client: PersonioClient;
  settings: Settings;
  db?: SidecardDB;
  now?: () => number;
  onProgress?: (progress: SyncProgress) => void;
  /**
   * Ids whose stored row was written or removed, reported after each commit (the search
   * index follows them), with the rows of them written whole, as written. A run resumed
   * after the worker stopped reports only its own part.
   */
  onRowsChanged?: (ids: readonly number[], written?: readonly Employee[]) => void;
  /** Custom attribute labels (fetched by the caller when custom fields are stored). */
  attributeDefinitions?: readonly AttributeDefinition[];
  /**
   * The connection's: aborted at a disconnect. The run's requests end, no write of it
   * commits afterwards (each checks the signal inside its transaction), and the run rejects
   * with the signal's reason, logging nothing.
   */
  signal?: AbortSignal;
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
  const signal = ctx.signal;
  const stored = storedFields(ctx.settings.fields);
  const scope = scopeHash(ctx.settings);
  const state = await readSyncState(database);
  const plan = planRun(state, scope, now(), request);

  const checkpoint: SyncCheckpoint = plan.resume ?? newCheckpoint(plan.kind, state, now());
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
  // An unreachable Personio fails the run within seconds, not after the patient retries a run
  // that has reached Personio deserves.
  ctx.client.expectFirstContact();
  // Only this run writes the sync state until it ends (runs never overlap): each commit
  // below stores this with the checkpoint moved, without reading it back.
  const runningState: SyncState = { ...state, checkpoint, scopeHash: scope };
  await database.transaction('rw', database.syncState, database.runSeen, async () => {
    signal?.throwIfAborted();
    // A new full run starts its list of whom it saw afresh (an abandoned run's goes).
    if (!plan.resume && checkpoint.kind === 'full') await database.runSeen.clear();
    await database.syncState.put(runningState);
  });
  progress('starting');

  // Time-offs are fetched alongside the employees (they are written after them: only
  // people who are stored keep their absences).
  const timeOffs = timeOffsDue(stored.has('absence'), checkpoint.kind === 'full', state, now()) ? fetchTimeOffs(ctx.client, now(), { signal }) : undefined;
  timeOffs?.catch(() => undefined);

  // While a request that got no answer waits to be tried again, the page says so rather than "Starting the sync…".
  const stopHearing = ctx.client.onNoAnswerRetry(() => progress('retrying'));
  try {
    const query = {
      attributes: attributesToRequest(stored),
      ...(checkpoint.updatedSince !== undefined ? { updatedSince: new Date(checkpoint.updatedSince) } : {}),
    };
    // Pages are written PAGES_PER_COMMIT at a time while the next ones are fetched: the
    // network never waits for the database, and a commit's fixed cost is shared by a thousand
    // rows however fast or slow Personio answers. A batch's transaction is issued while the
    // one before it still commits (the database queues it), so the database is never idle
    // while this thread maps the next rows; at most two are in flight, and each lands only
    // right after its predecessor.
    const prepareContext = { stored, settings: ctx.settings, attributeDefinitions: ctx.attributeDefinitions ?? [], today: localDay(now()), countPopulation: checkpoint.kind === 'full' };
    const pageContext = { settings: ctx.settings, state: runningState, ...(signal ? { signal } : {}) };
    const planned: SyncCheckpoint = { ...checkpoint };
    const tally = { rowsChanged: checkpoint.rowsChanged };
    const released: number[] = [];
    let seen: ReadonlySet<string> = new Set<string>(checkpoint.attributesSeen);
    let landing: Promise<void> | undefined;
    const pages = ctx.client.employeePages((page) => preparePage(page, prepareContext), query, checkpoint.nextOffset, { signal });
    for await (const batch of inBatches(pages, PAGES_PER_COMMIT)) {
      const latest = latestAttributes(batch.map(({ page }) => page));
      if (latest) {
        seen = latest;
        planned.attributesSeen = [...latest];
      }
      const write = writePages(database, batch, planned, tally, { ...pageContext, requests: requestsSoFar() });
      write.catch(() => undefined); // read in order below
      await landing;
      landing = write.then(({ committed, ids, written, released: letGo }) => {
        Object.assign(checkpoint, committed);
        released.push(...letGo);
        if (ids.length) ctx.onRowsChanged?.(ids, written);
        progress('employees');
      });
      landing.catch(() => undefined); // read when the next batch is full, or after the last
    }
    await landing;
    await dropReleased(database, released, signal);

    // An attribute the credential no longer grants goes from every record now, not only from
    // the rows this run fetched; one granted again is in no unchanged row yet: a full run follows.
    // A run that saw no row asks the credential's attribute list: fetched anyway when custom
    // fields are stored, else at most hourly (a quiet company's runs stay one request).
    let ungranted = ungrantedAttributes(query.attributes, seen);
    if (!ungranted) {
      const listed = ctx.attributeDefinitions?.length ? ctx.attributeDefinitions : now() - (state.grantsCheckedAt ?? 0) >= GRANTS_CHECK_MS ? await ctx.client.attributes({ ...(signal ? { signal } : {}) }).catch(() => undefined) : undefined;
      if (listed?.length) ungranted = ungrantedByList(query.attributes, listed);
    }
    const grantsCheckedAt = ungranted ? now() : state.grantsCheckedAt;
    ungranted ??= state.ungranted;
    const grants = grantChange(state.ungranted, ungranted ?? []);
    if (grants.revoked.length) {
      signal?.throwIfAborted();
      const stripped = await applyStoredFields(database, fieldsStillReadable(stored, ungranted ?? []));
      if (stripped.length) ctx.onRowsChanged?.(stripped);
    }
    // A full run resumed across the change wrote its earlier pages without the attribute too.
    if (grants.regranted.length && (checkpoint.kind === 'incremental' || plan.resume)) log.regranted = grants.regranted;

    // A run into an empty table wrote every row the table holds: its sweep would find no one
    // (and it kept no list of whom it saw for one).
    if (checkpoint.kind === 'full' && !checkpoint.intoEmptyTable) {
      progress('sweeping');
      const swept = await sweep(database, checkpoint.runId, signal);
      log.rowsRemoved = swept.length;
      if (swept.length) ctx.onRowsChanged?.(swept);
    }

    const expired = await dropExpiredLeavers(database, ctx.settings, localDay(now()), signal);
    log.rowsRemoved = (log.rowsRemoved ?? 0) + expired.length;
    if (expired.length) ctx.onRowsChanged?.(expired);

    let timeOffsSyncedAt = state.timeOffsSyncedAt;
    if (!stored.has('absence')) {
      signal?.throwIfAborted();
      await database.timeOffBuckets.clear();
      timeOffsSyncedAt = undefined;
    } else if (timeOffs) {
      progress('time-offs');
      await storeTimeOffs(database, await timeOffs, signal);
      timeOffsSyncedAt = now();
    }

    // Cached details past their use go, and those of people no longer in the directory (a
    // fetch that landed after the run that removed its person).
    signal?.throwIfAborted();
    await purgeStaleExtras(now(), database);

    const employeeCount = await database.employees.count();
    const ended = now();
    log.endedAt = ended;
    log.requests = requestsSoFar();
    log.rowsChanged = checkpoint.rowsChanged;
    await database.transaction('rw', [database.syncState, database.syncLog, database.runSeen], async () => {
      signal?.throwIfAborted();
      await database.runSeen.clear();
      const current = await readSyncState(database);
      const { checkpoint: _done, lastError: _cleared, timeOffsSyncedAt: _previous, ...rest } = current;
      await database.syncState.put({
        ...rest,
        ...(timeOffsSyncedAt !== undefined ? { timeOffsSyncedAt } : {}),
        scopeHash: scope,
        ...(ungranted ? { ungranted } : {}),
        ...(grantsCheckedAt !== undefined ? { grantsCheckedAt } : {}),
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
    // Disconnected: the run leaves no trace, not even its failure.
    signal?.throwIfAborted();
    const info = toErrorInfo(error);
    log.endedAt = now();
    log.requests = requestsSoFar();
    log.rowsChanged = checkpoint.rowsChanged;
    log.error = info;
    // The checkpoint stays: the next run resumes where this one stopped. Nothing is swept.
    await database.transaction('rw', database.syncState, database.syncLog, async () => {
      signal?.throwIfAborted();
      const current = await readSyncState(database);
      await database.syncState.put({ ...current, lastError: { ...info, at: log.endedAt ?? now() } });
      await appendLog(database, log);
    });
    progress('failed');
    return log;
  } finally {
    stopHearing();
  }
}
