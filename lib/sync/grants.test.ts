// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { SidecardDB } from '../db';
import { attributesToRequest, storedFields, type FieldKey } from '../fields';
import { PersonioClient } from '../personio/client';
import { defaultSettings } from '../settings';
import { ALL_ATTRIBUTES } from '../../test/personio-sim/attributes';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from '../../test/personio-sim';
import { fieldsStillReadable, grantChange, grantedOnPage, latestAttributes, ungrantedAttributes } from './grants';
import { readSyncState, runSync } from './run';
import { SyncService } from './service';

describe('grants, as the pages tell them', () => {
  it('an attribute absent from the latest page is ungranted; a run that saw no row cannot tell', () => {
    const page = (attributes: object[]) => ({ granted: grantedOnPage({ data: attributes.map((a) => ({ attributes: a })) }) });
    const before = page([{ id: {}, email: {}, position: {}, supervisor: {} }]);
    const after = page([{ id: {}, email: {}, position: {} }]);
    const seen = latestAttributes([before, after, page([])])!;
    expect(ungrantedAttributes(['id', 'email', 'position', 'supervisor'], seen)).toEqual(['supervisor']);
    expect(latestAttributes([page([])])).toBeUndefined();
    expect(ungrantedAttributes(['id', 'email'], new Set())).toBeUndefined();
  });
  it('compares with the last run: revoked and granted again', () => {
    expect(grantChange(['team'], ['supervisor', 'team'])).toEqual({ revoked: ['supervisor'], regranted: [] });
    expect(grantChange(['supervisor', 'team'], ['team'])).toEqual({ revoked: [], regranted: ['supervisor'] });
    expect(grantChange(undefined, [])).toEqual({ revoked: [], regranted: [] });
  });
  it('a field goes when all it reads is ungranted; name, email and absences stay', () => {
    const stored = new Set<FieldKey>(['name', 'email', 'position', 'status', 'absence', 'dynamic_7']);
    const readable = fieldsStillReadable(stored, ['position', 'first_name', 'last_name', 'preferred_name', 'status', 'work_schedule', 'holiday_calendar', 'dynamic_7']);
    // status reads termination_date too, which is still granted.
    expect([...readable].sort()).toEqual(['absence', 'email', 'name', 'status']);
  });
});

describe('a credential whose readable attributes change between runs', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ employees: 300, seed: 5 });
  });
  afterAll(async () => {
    await sim.close();
  });
  const settings = defaultSettings();
  const client = () => new PersonioClient({ baseUrl: sim.url, clientId: DEFAULT_CREDENTIAL.clientId, clientSecret: DEFAULT_CREDENTIAL.clientSecret, budgets: false, retryLimit: 1 });
  /** A sync service on `database`, with none of the browser's parts; `onIndex` hears what search would follow. */
  const serviceOn = (database: SidecardDB, connect: () => PersonioClient, options: { now?: () => number; onIndex?: (ids: Iterable<number> | 'all') => void } = {}) =>
    new SyncService({
      connection: async () => ({ settings, client: connect() }),
      armResume: async () => undefined,
      disarmResume: async () => undefined,
      onProgress: () => undefined,
      onRunOver: () => undefined,
      markIndexBehind: async () => undefined,
      updateIndex: async (ids) => options.onIndex?.(ids),
      run: (ctx, request) => runSync({ ...ctx, db: database, ...(options.now ? { now: options.now } : {}) }, request),
    });

  it('loses the revoked field from every record at the next run that sees a page, and gets it back in full when granted again', async () => {
    const database = new SidecardDB(`grants-${Math.random()}`);
    let now = Date.now();
    const changed: number[] = [];
    const service = serviceOn(database, client, { now: () => now, onIndex: (ids) => void (ids === 'all' ? changed.push(-1) : changed.push(...ids)) });
    await service.request('full');
    const withPosition = async () => (await database.employees.toArray()).filter((e) => e.position !== undefined).length;
    const positions = await withPosition();
    expect(positions).toBeGreaterThan(200);

    // The admin unticks Position for the credential in Personio; one person changes meanwhile.
    sim.setAllowedAttributes(DEFAULT_CREDENTIAL.clientId, ALL_ATTRIBUTES.filter((a) => a !== 'position'));
    const someone = sim.company.employees.find((e) => e.status === 'active')!;
    sim.updateEmployee(someone.id, { lastName: 'Weiß' });
    now += 15 * 60_000;
    sim.advanceClock(15 * 60_000);
    changed.length = 0;
    const revoked = await service.request();
    expect(revoked.kind).toBe('incremental');
    expect(await withPosition()).toBe(0);
    expect((await readSyncState(database)).ungranted).toEqual(['position']);
    expect(changed.length).toBeGreaterThan(200); // the search index hears of every stripped row

    // Ticked again: the next incremental run sees it on one row and a full run brings it to all.
    sim.setAllowedAttributes(DEFAULT_CREDENTIAL.clientId, [...ALL_ATTRIBUTES]);
    sim.updateEmployee(someone.id, { lastName: 'Groß' });
    now += 15 * 60_000;
    sim.advanceClock(15 * 60_000);
    const regranted = await service.request();
    expect(regranted.kind).toBe('full');
    const logs = await database.syncLog.toArray();
    expect(logs.at(-2)).toMatchObject({ kind: 'incremental', regranted: ['position'] });
    expect(await withPosition()).toBe(positions);
    expect((await readSyncState(database)).ungranted).toEqual([]);
    // Asked for by the stored fields, and not stored beyond them.
    expect(attributesToRequest(storedFields(settings.fields))).toContain('position');
  });

  it('a run resumed after its pages were all written still knows what they carried', async () => {
    sim.setAllowedAttributes(DEFAULT_CREDENTIAL.clientId, [...ALL_ATTRIBUTES]);
    const database = new SidecardDB(`grants-resume-${Math.random()}`);
    let now = Date.now();
    const run = () => runSync({ client: client(), settings, db: database, now: () => now });
    expect((await run()).error).toBeUndefined();

    sim.setAllowedAttributes(DEFAULT_CREDENTIAL.clientId, ALL_ATTRIBUTES.filter((a) => a !== 'supervisor'));
    sim.updateEmployee(sim.company.employees.find((e) => e.status === 'active')!.id, { lastName: 'Kühn' });
    // Absences are due again; fetching them fails after every employee page has been written.
    now += 2 * 60 * 60_000;
    sim.advanceClock(2 * 60 * 60_000);
    sim.injectFault({ kind: 'status', status: 500, count: 10, path: '/v1/company/time-offs' });
    expect((await run()).error).toBeDefined();
    sim.clearFaults();
    const resumed = await run();
    expect(resumed).toMatchObject({ resumed: true });
    expect(resumed.error).toBeUndefined();
    expect((await readSyncState(database)).ungranted).toEqual(['supervisor']);
    expect((await database.employees.toArray()).filter((e) => e.supervisorId !== undefined)).toEqual([]);
    sim.setAllowedAttributes(DEFAULT_CREDENTIAL.clientId, [...ALL_ATTRIBUTES]);
  });

  it('a full run resumed after the attribute was granted again is followed by a full run', async () => {
    // A simulator of its own: a failed page and its allow-list change touch no other test.
    const sim = await startSimulator({ employees: 600, seed: 11 });
    onTestFinished(() => sim.close());
    const client = () => new PersonioClient({ baseUrl: sim.url, clientId: DEFAULT_CREDENTIAL.clientId, clientSecret: DEFAULT_CREDENTIAL.clientSecret, budgets: false, retryLimit: 0 });
    const database = new SidecardDB(`grants-resumed-full-${Math.random()}`);
    const service = serviceOn(database, client);
    const withSupervisor = async () => (await database.employees.toArray()).filter((e) => e.supervisorId !== undefined).length;
    sim.setAllowedAttributes(DEFAULT_CREDENTIAL.clientId, ALL_ATTRIBUTES.filter((a) => a !== 'supervisor'));
    await service.request('full');
    expect((await readSyncState(database)).ungranted).toEqual(['supervisor']);

    // A full run stops at its last page, its earlier pages written without Supervisor.
    sim.injectFault({ kind: 'malformed', path: '/v1/company/employees$', offset: 500, count: 5 });
    expect((await service.request('full')).error).toBeDefined();
    expect((await readSyncState(database)).checkpoint?.nextOffset).toBeGreaterThan(0);
    sim.clearFaults();

    // The admin ticks Supervisor again before the run resumes: its remaining pages carry it.
    sim.setAllowedAttributes(DEFAULT_CREDENTIAL.clientId, [...ALL_ATTRIBUTES]);
    const finished = await service.request();
    const [resumed] = (await database.syncLog.toArray()).slice(-2);
    expect(resumed).toMatchObject({ kind: 'full', resumed: true, regranted: ['supervisor'] });
    expect(finished).toMatchObject({ kind: 'full' });
    expect(finished.resumed).toBeUndefined();
    // Every record as a fresh full sync stores it now.
    const fresh = new SidecardDB(`grants-resumed-fresh-${Math.random()}`);
    await runSync({ client: client(), settings, db: fresh });
    const supervisors = async (db: SidecardDB) => (await db.employees.toArray()).map((e) => [e.id, e.supervisorId]).sort((a, b) => a[0]! - b[0]!);
    expect(await withSupervisor()).toBeGreaterThan(300);
    expect(await supervisors(database)).toEqual(await supervisors(fresh));
  });

  it('a run that sees no row reads the grants off the credential’s attribute list: at once when it has it, else hourly', async () => {
    // A simulator of its own: nothing else changes in its company, and its clock is its own.
    const sim = await startSimulator({ employees: 100, seed: 9 });
    onTestFinished(() => sim.close());
    const client = () => new PersonioClient({ baseUrl: sim.url, clientId: DEFAULT_CREDENTIAL.clientId, clientSecret: DEFAULT_CREDENTIAL.clientSecret, budgets: false, retryLimit: 1 });
    const database = new SidecardDB(`grants-quiet-${Math.random()}`);
    let now = Date.now();
    const run = async (listed = false) => {
      const c = client();
      return runSync({ client: c, settings, db: database, now: () => now, ...(listed ? { attributeDefinitions: await c.attributes() } : {}) });
    };
    await run();
    sim.setAllowedAttributes(DEFAULT_CREDENTIAL.clientId, ALL_ATTRIBUTES.filter((a) => a !== 'position'));
    const withPosition = async () => (await database.employees.toArray()).filter((e) => e.position !== undefined).length;

    // Nothing changed in Personio: no row to tell, and the last check is minutes old.
    now += 15 * 60_000;
    sim.advanceClock(15 * 60_000);
    sim.resetRequestLog();
    expect((await run()).rowsChanged).toBe(0);
    expect(sim.requests.filter((r) => r.path.endsWith('/attributes'))).toEqual([]);
    expect(await withPosition()).toBeGreaterThan(0);

    // With the list at hand (custom fields stored), the same quiet run sees the change.
    now += 15 * 60_000;
    sim.advanceClock(15 * 60_000);
    await run(true);
    expect(await withPosition()).toBe(0);
    expect((await readSyncState(database)).ungranted).toEqual(['position']);

    // An hour on, a quiet run asks the list itself.
    sim.setAllowedAttributes(DEFAULT_CREDENTIAL.clientId, [...ALL_ATTRIBUTES]);
    now += 61 * 60_000;
    sim.advanceClock(61 * 60_000);
    sim.resetRequestLog();
    const asked = await run();
    expect(sim.requests.filter((r) => r.path.endsWith('/attributes'))).toHaveLength(1);
    expect(asked.regranted).toEqual(['position']);
  });
});
