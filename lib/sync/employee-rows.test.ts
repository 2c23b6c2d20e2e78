import { describe, expect, it } from 'vitest';
import { bucketTimeOffs, SidecardDB } from '../db';
import type { Employee } from '../employee';
import { sweep } from './employee-rows';

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
