import { describe, expect, it } from 'vitest';
import { bucketTimeOffs, SidecardDB } from '../db';
import type { Employee } from '../employee';
import { STANDARD_FIELDS } from '../fields';
import { rawEmployeeSchema } from '../personio/schema';
import { defaultSettings } from '../settings';
import { preparePage, sweep, writePages } from './employee-rows';
import { STATE_KEY } from './state';

const person = (id: number) => ({ v: 1, id, email: `p${id}@acme.example`, nameTokens: [`p${id}`] }) as Employee;

describe('the sweep after a full run', () => {
  it('removes a person the run did not see, with every detail kept about them', async () => {
    const database = new SidecardDB(`sweep-${Math.random()}`);
    await database.employees.bulkPut([person(1), person(2)]);
    await database.balances.bulkPut([1, 2].map((employeeId) => ({ employeeId, fetchedAt: 1, entries: [{ name: 'Urlaub', available: 3 }] })));
    await database.photos.bulkPut([1, 2].map((employeeId) => ({ employeeId, fetchedAt: 1, blob: null, size: 0 })));
    await database.timeOffBuckets.bulkPut(
      bucketTimeOffs([1, 2].map((employeeId) => ({ id: employeeId, employeeId, startDate: '2026-12-01', endDate: '2026-12-02' }))),
    );
    await database.runSeen.put({ offset: 0, runId: 9, ids: [1] });

    expect(await sweep(database, 9)).toEqual([2]);

    expect(await database.employees.toCollection().primaryKeys()).toEqual([1]);
    expect(await database.balances.toCollection().primaryKeys()).toEqual([1]);
    expect(await database.photos.toCollection().primaryKeys()).toEqual([1]);
    const timeOffs = (await database.timeOffBuckets.toArray()).flatMap((b) => b.timeOffs);
    expect(timeOffs.map((t) => t.employeeId)).toEqual([1]);
  });
});

/** One page of rows `[id, email]` written into an empty database; what is stored, id → address. */
async function storedAfter(rows: [number, string][]): Promise<Map<number, string>> {
  const database = new SidecardDB(`write-${Math.random()}`);
  const planned = { runId: 1, kind: 'full' as const, startedAt: 0, nextOffset: 0, pagesDone: 0, rowsChanged: 0, requests: 0 };
  await database.syncState.put({ key: STATE_KEY, checkpoint: { ...planned } });
  const data = rows.map(([id, email]) => rawEmployeeSchema.parse({ attributes: { id: { value: id }, email: { value: email } } }));
  const settings = defaultSettings();
  const page = preparePage({ success: true, data }, { stored: new Set(STANDARD_FIELDS.map((f) => f.key)), settings, attributeDefinitions: [], today: '2026-12-04', countPopulation: true });
  await writePages(database, [{ page, offset: 0, nextOffset: data.length }], planned, { rowsChanged: 0 }, { settings, requests: 1, state: { key: STATE_KEY } });
  return new Map((await database.employees.toArray()).map((e) => [e.id, e.email]));
}

// Found by lib/personio/parse.property.test.ts: a page that repeats a person.
describe('a page that names someone twice', () => {
  it('takes the later row: a malformed later row leaves nothing from the earlier one', async () => {
    expect(await storedAfter([[4, 'ada@acme.example'], [4, `${'x'.repeat(400)}@acme.example`]])).toEqual(new Map());
  });

  it('takes the later row for an id, and gives an address to the row that came last', async () => {
    const stored = await storedAfter([[1, 'ada@acme.example'], [2, 'lena@acme.example'], [2, 'ada@acme.example']]);
    expect(stored).toEqual(new Map([[2, 'ada@acme.example']]));
  });
});
