// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { SidecardDB } from '../db';
import { defaultFieldSettings } from '../fields';
import { PersonioClient, type PersonioClientOptions } from '../personio/client';
import { defaultSettings, type Settings } from '../settings';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from '../../test/personio-sim';
import { findByEmail, timeOffsOf } from '../lookup';
import { readSyncState, runSync } from './run';
import { leaverCutoff } from './leavers';
import { localDay } from '../format';
import { watchPuts } from '../../test/unit/watch-puts';

let sim: Simulator;
let database: SidecardDB;
let settings: Settings;

function client(extra: Partial<PersonioClientOptions> = {}, of: Simulator = sim) {
  return new PersonioClient({
    baseUrl: of.url,
    clientId: DEFAULT_CREDENTIAL.clientId,
    clientSecret: DEFAULT_CREDENTIAL.clientSecret,
    budgets: false,
    retryLimit: 2,
    ...extra,
  });
}

const keptStatuses = new Set(['active', 'onboarding', 'leave']);
/** Whom the default settings keep: the three statuses, and a minimal record of who left in the last 12 months. */
const keptBySync = (e: { status: string; terminationDate: string | null }) =>
  keptStatuses.has(e.status) || (e.status === 'inactive' && e.terminationDate !== null && e.terminationDate >= leaverCutoff(localDay(Date.now()), 12));
const expectedCount = () => sim.company.employees.filter(keptBySync).length;

beforeAll(async () => {
  sim = await startSimulator({ employees: 2000, seed: 11 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  database = new SidecardDB(`sync-${Math.random()}`);
  settings = defaultSettings();
  sim.clearFaults();
  sim.resetRequestLog();
});

describe('full sync', () => {
  it('syncs 2,000 employees page by page, leaving out inactive ones by default', async () => {
    const log = await runSync({ client: client(), settings, db: database });
    expect(log.error).toBeUndefined();
    expect(await database.employees.count()).toBe(expectedCount());
    const pages = sim.requests.filter((r) => r.path === '/v1/company/employees');
    // Every page once (several are asked for at a time, so not necessarily in order).
    expect(pages.map((r) => Number(r.query.offset)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i * 100));
    expect(pages.every((r) => r.query.limit === '100')).toBe(true);
    const state = await readSyncState(database);
    expect(state.checkpoint).toBeUndefined();
    expect(state.lastSuccessAt).toBeDefined();
    expect(await findByEmail('ada.lovelace@acme.example', database)).toMatchObject({ position: 'Senior Software Engineer' });
  });

  it('stores only allowed fields: a disallowed field never reaches IndexedDB', async () => {
    settings = { ...settings, fields: defaultFieldSettings().map((f) => (f.key === 'department' ? { ...f, store: false } : f)) };
    await runSync({ client: client(), settings, db: database });
    const rows = await database.employees.toArray();
    expect(rows.length).toBeGreaterThan(0);
    const json = JSON.stringify(rows);
    for (const absent of ['"department"', '"departmentId"', '"gender"', '"weeklyHours"', '"photoUrl"', '"costCenters"']) expect(json).not.toContain(absent);
  });

  it('applies population filters, and removes people outside them on the next run', async () => {
    await runSync({ client: client(), settings, db: database });
    const lena = (await findByEmail('lena.hoffmann@acme.example', database))!;
    const subcompany = sim.company.employees.find((e) => e.id === lena.id)!;
    expect(subcompany).toBeTruthy();
    // Keep only Engineering.
    const engineering = (await findByEmail('ada.lovelace@acme.example', database))!.department!.id;
    settings = { ...settings, filters: { ...settings.filters, departmentIds: [engineering] } };
    await runSync({ client: client(), settings, db: database });
    const rows = await database.employees.toArray();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.departmentId === engineering)).toBe(true);
    expect(await findByEmail('lena.hoffmann@acme.example', database)).toBeUndefined();
  });

  it('syncs inactive employees only when asked', async () => {
    settings = { ...settings, filters: { ...settings.filters, statuses: ['onboarding', 'active', 'leave', 'inactive'] } };
    await runSync({ client: client(), settings, db: database });
    expect(await database.employees.count()).toBe(sim.company.employees.length);
    expect(await findByEmail('max.mustermann@acme.example', database)).toBeDefined();
  });

  it('reads time-offs with the 1-based page number Personio uses on that endpoint', async () => {
    await runSync({ client: client(), settings, db: database });
    const timeOffRequests = sim.requests.filter((r) => r.path === '/v1/company/time-offs');
    expect(timeOffRequests[0]?.query.offset).toBe('1');
    const ada = (await findByEmail('ada.lovelace@acme.example', database))!;
    expect((await timeOffsOf(ada.id, database)).length).toBeGreaterThan(0);
  });
});

describe('incremental sync', () => {
  it('changes exactly the mutated rows, and sweeps removals at the next reconciliation', async () => {
    let now = Date.now();
    const clock = () => now;
    await runSync({ client: client(), settings, db: database, now: clock });
    const before = await database.employees.count();
    const active = sim.company.employees.filter((e) => e.status === 'active' && e.id > 100008);
    const changed = active.slice(0, 5);
    const removed = active.slice(5, 7);
    for (const e of changed) sim.updateEmployee(e.id, { position: `${e.position} (changed)` });
    for (const e of removed) sim.removeEmployee(e.id);
    sim.touchEmployee(active[8]!.id); // "updated" without a change: a no-op for us
    sim.resetRequestLog();

    now += 15 * 60_000;
    const reported: number[] = [];
    const log = await runSync({ client: client(), settings, db: database, now: clock, onRowsChanged: (ids) => reported.push(...ids) });
    expect(log.kind).toBe('incremental');
    expect(log.rowsChanged).toBe(5);
    // The search index hears of exactly these rows.
    expect(reported.sort()).toEqual(changed.map((e) => e.id).sort());
    expect(sim.requests.some((r) => r.query.updated_since)).toBe(true);
    for (const e of changed) expect((await database.employees.get(e.id))?.position).toMatch(/\(changed\)$/);
    // v1 has no deletion feed: removals stay until a full reconciliation…
    expect(await database.employees.count()).toBe(before);

    now += 24 * 60 * 60_000;
    const reportedByFull: number[] = [];
    const full = await runSync({ client: client(), settings, db: database, now: clock, onRowsChanged: (ids) => reportedByFull.push(...ids) });
    expect(full.kind).toBe('full');
    expect(full.rowsRemoved).toBe(2);
    // Removed people, and rows whose copy differs (the simulator touches their colleagues).
    expect(reportedByFull).toEqual(expect.arrayContaining(removed.map((e) => e.id)));
    expect(new Set(reportedByFull).size).toBe(full.rowsChanged + full.rowsRemoved);
    for (const e of removed) expect(await database.employees.get(e.id)).toBeUndefined();
  });

  it('drops the time-offs of someone who leaves the synced population, with their row', async () => {
    let now = Date.now();
    const clock = () => now;
    await runSync({ client: client(), settings, db: database, now: clock });
    const stored = async () => (await database.timeOffBuckets.toArray()).flatMap((b) => b.timeOffs);
    const before = await stored();
    const withTimeOffs = new Set(before.map((t) => t.employeeId));
    const leaver = sim.company.employees.find((e) => e.status === 'active' && e.id > 100008 && withTimeOffs.has(e.id))!;
    sim.updateEmployee(leaver.id, { status: 'inactive' });
    sim.resetRequestLog();

    now += 15 * 60_000;
    const log = await runSync({ client: client(), settings, db: database, now: clock });
    expect(log.kind).toBe('incremental');
    // Absences were not due again (hourly), yet the leaver's went with their row.
    expect(sim.requests.some((r) => r.path === '/v1/company/time-offs')).toBe(false);
    expect(await database.employees.get(leaver.id)).toBeUndefined();
    expect(await timeOffsOf(leaver.id, database)).toEqual([]);
    // Everyone else keeps theirs, the leaver's bucket-mates included.
    expect((await stored()).map((t) => t.id).sort()).toEqual(before.filter((t) => t.employeeId !== leaver.id).map((t) => t.id).sort());
  });

  it('keeps only the minimal record of someone who just left: no absences, balance or other fields', async () => {
    let now = Date.now();
    const clock = () => now;
    await runSync({ client: client(), settings, db: database, now: clock });
    const withTimeOffs = new Set((await database.timeOffBuckets.toArray()).flatMap((b) => b.timeOffs).map((t) => t.employeeId));
    const leaver = sim.company.employees.find((e) => e.status === 'active' && e.id > 100008 && withTimeOffs.has(e.id))!;
    await database.balances.put({ employeeId: leaver.id, fetchedAt: now, entries: [{ name: 'Paid vacation', balance: 3 }] });
    sim.updateEmployee(leaver.id, { status: 'inactive', terminationDate: localDay(now - 86_400_000) });

    now += 15 * 60_000;
    expect((await runSync({ client: client(), settings, db: database, now: clock })).kind).toBe('incremental');
    const record = await database.employees.get(leaver.id);
    expect(record).toMatchObject({ status: 'inactive', terminationDate: localDay(now - 15 * 60_000 - 86_400_000) });
    expect(Object.keys(record!).every((k) => ['v', 'id', 'email', 'firstName', 'lastName', 'preferredName', 'nameTokens', 'status', 'terminationDate', 'position', 'department', 'departmentId'].includes(k))).toBe(true);
    expect(await timeOffsOf(leaver.id, database)).toEqual([]);
    expect(await database.balances.get(leaver.id)).toBeUndefined();
  });

  it('with nothing changed costs one request', async () => {
    let now = Date.now();
    await runSync({ client: client(), settings: { ...settings, fields: settings.fields.map((f) => (f.key === 'absence' ? { ...f, store: false } : f)) }, db: database, now: () => now });
    const c = client();
    await c.authenticate();
    sim.resetRequestLog();
    now += 60_000;
    const log = await runSync({ client: c, settings: { ...settings, fields: settings.fields.map((f) => (f.key === 'absence' ? { ...f, store: false } : f)) }, db: database, now: () => now });
    expect(log.kind).toBe('incremental');
    expect(log.rowsChanged).toBe(0);
    expect(sim.requests).toHaveLength(1);
    expect(log.requests).toBe(1);
  });
});

describe('failures keep the last good copy', () => {
  async function syncedBaseline() {
    await runSync({ client: client(), settings, db: database, now: () => Date.now() - 25 * 60 * 60_000 });
    return database.employees.count();
  }

  it('a malformed page fails the run naming the field, writes nothing of it, and the next run resumes', async () => {
    const before = await syncedBaseline();
    // The third page is malformed: two pages in, the run stops.
    sim.injectFault({ kind: 'malformed', path: '/v1/company/employees', offset: 200, count: 1 });
    const failed = await runSync({ client: client(), settings, db: database });
    expect(failed.error?.kind).toBe('malformed');
    expect(failed.error?.detail).toMatch(/data\[\d+\]/);
    expect(await database.employees.count()).toBe(before);
    const state = await readSyncState(database);
    expect(state.checkpoint?.nextOffset).toBe(200);
    expect(state.lastError?.kind).toBe('malformed');

    sim.resetRequestLog();
    const resumed = await runSync({ client: client(), settings, db: database });
    expect(resumed.resumed).toBe(true);
    expect(resumed.error).toBeUndefined();
    const offsets = sim.requests.filter((r) => r.path === '/v1/company/employees').map((r) => r.query.offset);
    expect(offsets[0]).toBe('200');
    expect(await database.employees.count()).toBe(expectedCount());
  });

  it('a batch that fails to write takes down the batches written after it; the next run resumes where the last one landed', async () => {
    // A write that fails inside IndexedDB (as a full disk would), partway through the first sync.
    const victim = sim.company.employees.slice(700).find((e) => keptStatuses.has(e.status))!;
    const refusing = watchPuts((store, row) => {
      if (store === 'employees' && (row as { id?: number }).id === victim.id) throw new DOMException('simulated', 'QuotaExceededError');
    });
    const failed = await runSync({ client: client(), settings, db: database });
    refusing.mockRestore();
    expect(failed.error).toBeDefined();
    const { checkpoint } = await readSyncState(database);
    expect(checkpoint?.nextOffset).toBeLessThanOrEqual(700);
    // Everyone before the checkpoint is stored, nobody after it: no page was skipped.
    const landedIds = new Set(await database.employees.toCollection().primaryKeys());
    const upTo = sim.company.employees.slice(0, checkpoint!.nextOffset).filter(keptBySync);
    expect(landedIds.size).toBe(upTo.length);
    for (const e of upTo) expect(landedIds.has(e.id)).toBe(true);

    const resumed = await runSync({ client: client(), settings, db: database });
    expect(resumed.resumed).toBe(true);
    expect(resumed.error).toBeUndefined();
    expect(await database.employees.count()).toBe(expectedCount());
  });

  it('a full run that fails after its sweep resumes and sweeps by the same list, removing no one else', async () => {
    const before = await syncedBaseline();
    const leaver = sim.company.employees.find((e) => e.id > 100008 && e.status === 'active')!;
    sim.removeEmployee(leaver.id);
    // Every employee page lands, then fetching absences fails: the run ends after its sweep.
    sim.injectFault({ kind: 'status', status: 503, retryAfterSeconds: 0, path: '/v1/company/time-offs', count: 50 });
    const failed = await runSync({ client: client({ retryLimit: 1 }), settings, db: database }, 'full');
    expect(failed.error?.kind).toBe('server');
    expect(await database.employees.count()).toBe(before - 1);

    sim.clearFaults();
    const resumed = await runSync({ client: client(), settings, db: database });
    expect(resumed.resumed).toBe(true);
    expect(resumed.error).toBeUndefined();
    expect(await database.employees.count()).toBe(before - 1);
    expect(await database.employees.get(leaver.id)).toBeUndefined();
    expect(await database.runSeen.count()).toBe(0);
  });

  it('a full reconciliation that finds nothing changed rewrites no employee row', async () => {
    await syncedBaseline();
    let rewrites = 0;
    const counting = watchPuts((store) => {
      if (store === 'employees') rewrites += 1;
    });
    const log = await runSync({ client: client(), settings, db: database }, 'full');
    counting.mockRestore();
    expect(log.kind).toBe('full');
    expect(log.error).toBeUndefined();
    expect(log.rowsChanged).toBe(0);
    expect(log.rowsRemoved).toBe(0);
    expect(rewrites).toBe(0);
  });

  it('a 429 storm ends as rate-limited with the data intact; a short burst is ridden out', async () => {
    const before = await syncedBaseline();
    sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 0, path: '/v1/company/employees', count: 2 });
    const ok = await runSync({ client: client(), settings, db: database }, 'full');
    expect(ok.error).toBeUndefined();

    sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 0, path: '/v1/company/employees', count: 50 });
    const failed = await runSync({ client: client(), settings, db: database }, 'full');
    expect(failed.error?.kind).toBe('rate-limited');
    expect(await database.employees.count()).toBe(before);
  });

  it('a 5xx burst ends as a server error with the data intact', async () => {
    const before = await syncedBaseline();
    sim.injectFault({ kind: 'status', status: 503, retryAfterSeconds: 0, path: '/v1/company/employees', count: 50 });
    const failed = await runSync({ client: client({ retryLimit: 1 }), settings, db: database }, 'full');
    expect(failed.error?.kind).toBe('server');
    expect(await database.employees.count()).toBe(before);
  });

  it('an unreachable Personio: the page hears "trying again", and the run fails as network after one more try', async () => {
    const stages: string[] = [];
    const refused = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')));
    const failed = await runSync({ client: client({ fetch: refused, retryLimit: 5 }), settings, db: database, onProgress: (p) => stages.push(p.stage) }, 'full');
    expect(failed.error?.kind).toBe('network');
    // One more try, not the five a run that has reached Personio allows.
    expect(refused.mock.calls.length).toBeLessThanOrEqual(2);
    expect(stages.filter((s) => s !== 'retrying')).toEqual(['starting', 'failed']);
    expect(stages.indexOf('retrying')).toBe(1);
  });

  it('credentials revoked mid-run end as bad credentials with the data intact', async () => {
    // A simulator of its own: revoking is permanent there.
    const own = await startSimulator({ employees: 300, seed: 5 });
    onTestFinished(() => own.close());
    const ownClient = (extra: Partial<PersonioClientOptions> = {}) => client({ retryLimit: 1, ...extra }, own);
    await runSync({ client: ownClient(), settings, db: database });
    const before = await database.employees.count();
    let pages = 0;
    const c = ownClient({
      fetch: async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.includes('/v1/company/employees?') && ++pages === 2) own.revokeCredential(DEFAULT_CREDENTIAL.clientId);
        return fetch(input, init);
      },
    });
    const failed = await runSync({ client: c, settings, db: database }, 'full');
    expect(failed.error?.kind).toBe('bad-credentials');
    expect(await database.employees.count()).toBe(before);
  });
});

describe('population counts', () => {
  it('a full run records everyone before filters, for the options page', async () => {
    await runSync({ client: client(), settings, db: database });
    const state = await readSyncState(database);
    const total = (state.population?.groups ?? []).reduce((n, g) => n + g.count, 0);
    expect(total).toBe(sim.company.employees.length);
    expect(Object.values(state.population?.departments ?? {})).toContain('Engineering');
  });
});

describe('a run whose connection ends (disconnect)', () => {
  const disconnected = () => new DOMException('disconnected', 'AbortError');

  it('commits nothing after the abort, not even its failure, and sends no request after it settled', async () => {
    // A company of several batches, so that some are still to come when the connection ends.
    const own = await startSimulator({ employees: 4000, seed: 11 });
    onTestFinished(() => own.close());
    const connection = new AbortController();
    let atAbort: { rows: number; state: unknown } | undefined;
    const run = runSync({
      client: client({}, own),
      settings,
      db: database,
      signal: connection.signal,
      onProgress: (p) => {
        if (p.stage !== 'employees' || connection.signal.aborted) return;
        connection.abort(disconnected());
        atAbort = { rows: -1, state: undefined };
        void Promise.all([database.employees.count(), readSyncState(database)]).then(([rows, state]) => (atAbort = { rows, state }));
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const sent = own.requests.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(own.requests.length).toBe(sent);
    await vi.waitFor(() => expect(atAbort?.rows).toBeGreaterThan(0));
    // Rows of the batches before the abort stay for the wipe that follows it; nothing after them lands.
    expect(await database.employees.count()).toBe(atAbort!.rows);
    expect(await database.employees.count()).toBeLessThan(own.company.employees.filter(keptBySync).length);
    expect(await readSyncState(database)).toEqual(atAbort!.state);
    expect(await database.syncLog.count()).toBe(0);
    expect(await database.timeOffBuckets.count()).toBe(0);
  });

  it('writes nothing at all when the connection ended before the run began', async () => {
    const connection = new AbortController();
    connection.abort(disconnected());
    await expect(runSync({ client: client(), settings, db: database, signal: connection.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await database.syncState.count()).toBe(0);
    expect(await database.syncLog.count()).toBe(0);
    expect(sim.requests).toHaveLength(0);
  });

  it('logs nothing when the connection ends while the run is failing', async () => {
    const connection = new AbortController();
    sim.injectFault({ kind: 'malformed', path: '/v1/company/employees', count: 1 });
    // The malformed page is on its way back when the disconnect comes: the run is failing.
    const disconnectOnPage: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input instanceof Request ? input.url : input).includes('/employees?')) connection.abort(disconnected());
      return response;
    };
    const run = runSync({ client: client({ fetch: disconnectOnPage }), settings, db: database, signal: connection.signal });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(await database.syncLog.count()).toBe(0);
    expect((await readSyncState(database)).lastError).toBeUndefined();
  });
});
