// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SidecardDB, type SyncCheckpoint } from '../db';
import type { Employee } from '../employee';
import { STANDARD_FIELDS, type FieldKey } from '../fields';
import { defaultSettings } from '../settings';
import { preparePage, writePages } from '../sync/employee-rows';
import { STATE_KEY } from '../sync/state';
import { timeOffsFromPage } from '../sync/time-offs';
import { PersonioClient } from './client';
import { PersonioError } from './errors';
import { mapEmployee } from './map';
import { employeeAttributesSchema, rawEmployeeSchema, type RawEmployee } from './schema';

/**
 * Properties of what Sidecard makes of Personio's answers: whatever JSON arrives, the client
 * either hands back a parsed page or fails with PersonioError 'malformed', nothing leaks onto
 * Object.prototype, and every record the sync stores has a positive integer id, an address,
 * and calendar dates that exist.
 */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (d: string) => ISO_DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** A client whose only answer is `body`, with a token already held (no auth round trip). */
function clientAnswering(body: string): PersonioClient {
  return new PersonioClient({
    baseUrl: 'https://api.personio.de',
    clientId: 'id',
    clientSecret: 'secret',
    token: { token: 't', expiresAt: Date.now() + 86_400_000 },
    budgets: false,
    retryLimit: 0,
    fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
  });
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join();
const cleanPrototype = prototypeKeys();
function expectNoPollution(): void {
  expect(prototypeKeys()).toBe(cleanPrototype);
  expect((({}) as Record<string, unknown>).polluted).toBeUndefined();
  expect((({}) as Record<string, unknown>).id).toBeUndefined();
}

/** The client's promise settles with a value, or with PersonioError 'malformed' and nothing else. */
async function settleParsed<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(PersonioError);
    expect((e as PersonioError).kind).toBe('malformed');
    return undefined;
  }
}

const HUGE = 'x'.repeat(100_000);
/** Mostly `usual`, sometimes `odd`: a page fails as a whole on one bad field, so most fields must be usual. */
const mostly = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ weight: 15, arbitrary: usual }, { weight: 1, arbitrary: odd });
const oddDate = fc.constantFrom('2024-02-30', '', '2024-13-01T25:00', '2021-03-01T00:00:00+01:00', '2021-03-01', '0000-00-00', '9999-99-99T00:00:00', '2023-02-29', 'not a date', HUGE, ' 2021-03-01');
const oddNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom('40', '-1', '1.5', '1'.repeat(400), '', 'NaN'));
const oddText = fc.oneof(fc.string(), fc.constant(HUGE), fc.constant(null), fc.integer());
/** A small pool, so that pages repeat ids and addresses. */
const id = mostly(fc.integer({ min: 1, max: 6 }), oddNumber);
const email = mostly(
  fc.constantFrom('ada@acme.example', 'ADA@acme.example ', 'lena@acme.example', 'sam@acme.example'),
  fc.oneof(oddText, fc.constant(`${'x'.repeat(400)}@acme.example`)),
);
const orgRef = mostly(fc.oneof(fc.constant(null), fc.record({ type: fc.constant('Department'), attributes: fc.record({ id: fc.integer({ min: 1, max: 9 }), name: fc.string() }) })), fc.oneof(fc.record({ attributes: fc.record({ id: oddNumber, name: oddText }) }), fc.jsonValue()));
const wrappedValue = (value: fc.Arbitrary<unknown>) => fc.record({ label: fc.string(), value, type: fc.constant('standard') });
/** Keys that must stay data: on a prototype they would change every object. */
const hostileKeys = fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'toString'), fc.jsonValue(), { maxKeys: 3 });

/** An employee row close to Personio's shape, any part of which may be wrong or missing. */
const employeeRow = fc
  .record(
    {
      id: wrappedValue(id),
      email: wrappedValue(email),
      first_name: wrappedValue(mostly(fc.string(), oddText)),
      last_name: wrappedValue(mostly(fc.string(), oddText)),
      status: wrappedValue(mostly(fc.constantFrom('active', 'inactive', 'Leave', 'onboarding'), oddText)),
      hire_date: wrappedValue(mostly(oddDate, oddText)),
      termination_date: wrappedValue(mostly(fc.oneof(oddDate, fc.constant(null)), oddText)),
      last_modified_at: wrappedValue(mostly(oddDate, oddText)),
      weekly_working_hours: wrappedValue(mostly(fc.integer({ min: 0, max: 60 }), oddNumber)),
      department: wrappedValue(orgRef),
      supervisor: wrappedValue(mostly(fc.oneof(fc.constant(null), fc.record({ attributes: fc.record({ id: wrappedValue(id) }) })), fc.jsonValue())),
      dynamic_1: wrappedValue(fc.jsonValue()),
    },
    { requiredKeys: ['id', 'email'] },
  )
  .chain((attributes) => hostileKeys.map((extra) => ({ type: 'Employee', attributes: { ...extra, ...attributes } })));

const employeesPage = fc.record({
  success: mostly(fc.constant(true), fc.jsonValue()),
  metadata: mostly(fc.record({ total_elements: fc.nat() }), fc.record({ total_elements: oddNumber })),
  data: fc.array(mostly(employeeRow, fc.jsonValue()), { maxLength: 8 }),
});

const timeOffRow = fc.record({
  attributes: fc.record({
    id: mostly(fc.nat(), oddNumber),
    status: fc.constantFrom('approved', 'pending', 'approved'),
    start_date: mostly(oddDate, oddText),
    end_date: mostly(oddDate, oddText),
    half_day_start: mostly(fc.boolean(), oddNumber),
    employee: fc.record({ attributes: fc.record({ id: wrappedValue(id) }) }),
  }),
});
const timeOffsPage = fc.record({ success: fc.constant(true), data: fc.array(mostly(timeOffRow, fc.jsonValue()), { maxLength: 6 }) });

/** Every standard field and one custom attribute: as much of the mapping as can run. */
const everything = new Set<FieldKey>([...STANDARD_FIELDS.map((f) => f.key), 'dynamic_1']);

function expectWellFormed(e: Employee): void {
  expect(Number.isSafeInteger(e.id) && e.id > 0).toBe(true);
  expect(typeof e.email).toBe('string');
  expect(e.email).toBe(e.email.trim().toLowerCase());
  for (const day of [e.hireDate, e.terminationDate]) if (day !== undefined) expect(isRealDay(day), day).toBe(true);
}

/** Mostly pages close to Personio's, so that every run reaches the mapping many times. */
const bodies = fc.oneof(
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 4, arbitrary: employeesPage.map((p) => JSON.stringify(p)) },
  { weight: 1, arbitrary: fc.string() },
);

describe('Personio answers, whatever they hold', () => {
  it('an employees page parses, or fails as malformed; mapped rows are well formed', async () => {
    let parsedWithRows = 0;
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const page = await settleParsed(clientAnswering(body).employeesPage(0));
        if (page?.data.length) parsedWithRows += 1;
        expectNoPollution();
        for (const raw of page?.data ?? []) {
          const e = mapEmployee(raw, { stored: everything });
          if (e) expectWellFormed(e);
        }
        expectNoPollution();
      }),
      { numRuns: 200 },
    );
    // The arbitraries reach the mapping, not only the schema's rejection.
    expect(parsedWithRows).toBeGreaterThan(10);
  });

  it('a time-offs page parses, or fails as malformed; each absence has real days', async () => {
    const bodiesOfTimeOffs = fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), timeOffsPage.map((p) => JSON.stringify(p)));
    await fc.assert(
      fc.asyncProperty(bodiesOfTimeOffs, async (body) => {
        const client = clientAnswering(body);
        const pages = await settleParsed((async () => { const all = []; for await (const p of client.timeOffPages('2026-01-01', '2026-03-01')) all.push(p); return all; })());
        expectNoPollution();
        for (const t of (pages ?? []).flatMap(timeOffsFromPage)) {
          expect(typeof t.id).toBe('number');
          expect(typeof t.employeeId).toBe('number');
          expect(isRealDay(t.startDate), t.startDate).toBe(true);
          expect(isRealDay(t.endDate), t.endDate).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('the row schema keeps hostile keys as data', () => {
    fc.assert(
      fc.property(hostileKeys, (extra) => {
        const attributes = JSON.parse(JSON.stringify({ ...extra, id: { value: 1 }, email: { value: 'a@b.example' } })) as unknown;
        const parsed = rawEmployeeSchema.safeParse({ attributes });
        employeeAttributesSchema.safeParse(attributes);
        expectNoPollution();
        expect(parsed.success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

/**
 * What the sync stores from pages that repeat people (pages shift while a run reads them). The
 * rule: the later row wins, first per id (a person whose last row is malformed is not stored
 * from an earlier one), then per address (an address goes to the person whose row came last).
 */
describe('a page written by the sync', () => {
  // Every status kept, so each row is mapped as it is (leavers' minimal records aside).
  const settings = { ...defaultSettings(), filters: { statuses: ['onboarding', 'active', 'leave', 'inactive'] as const, subcompanyIds: [], departmentIds: [] } };
  const pageData = fc
    .array(employeeRow, { minLength: 1, maxLength: 8 })
    // Rows as the client hands them on: those the page schema accepts.
    .map((rows) => rows.flatMap((row) => { const r = rawEmployeeSchema.safeParse(JSON.parse(JSON.stringify(row))); return r.success ? [r.data] : []; }))
    .filter((rows) => rows.length > 0);

  /** The rule above, row by row: which id ends up with which address. */
  function expected(data: RawEmployee[]): Map<number, string> {
    const lastOfId = new Map<number, { at: number; e: Employee | null }>();
    data.forEach((raw, at) => lastOfId.set(raw.attributes.id.value, { at, e: mapEmployee(raw, { stored: everything }) }));
    const lastOfEmail = new Map<string, { at: number; id: number }>();
    for (const [id, { at, e }] of lastOfId) if (e && (lastOfEmail.get(e.email)?.at ?? -1) < at) lastOfEmail.set(e.email, { at, id });
    return new Map([...lastOfEmail].map(([email, { id }]) => [id, email]));
  }

  it('stores each id and each address once, from the last row that names it', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.boolean(), pageData, async (intoEmptyTable, data) => {
        const database = new SidecardDB(`page-property-${(n += 1)}-${Math.random()}`);
        try {
          const planned: SyncCheckpoint = { runId: 1, kind: 'full', startedAt: 0, nextOffset: 0, pagesDone: 0, rowsChanged: 0, requests: 0, intoEmptyTable };
          await database.syncState.put({ key: STATE_KEY, checkpoint: { ...planned } });
          const withInactive = { ...settings, filters: { ...settings.filters, statuses: [...settings.filters.statuses] } };
          const page = preparePage({ success: true, data }, { stored: everything, settings: withInactive, attributeDefinitions: [], today: '2026-12-04', countPopulation: true });
          await writePages(database, [{ page, offset: 0, nextOffset: data.length }], planned, { rowsChanged: 0 }, { settings: withInactive, requests: 1, state: { key: STATE_KEY } });
          const stored = await database.employees.toArray();
          for (const e of stored) expectWellFormed(e);
          expect(new Map(stored.map((e) => [e.id, e.email]))).toEqual(expected(data));
        } finally {
          database.close();
          await database.delete();
        }
      }),
      { numRuns: 40 },
    );
  });
});
