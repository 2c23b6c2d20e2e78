import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SidecardDB } from '../db';
import type { Employee } from '../employee';
import { putRows } from './put-rows';

const person = (id: number, email = `p${id}@acme.example`) => ({ v: 1, id, email, nameTokens: [`p${id}`] }) as Employee;

describe('putting rows with IndexedDB’s own put', () => {
  it('writes every row and hands back those whose address someone else holds, without failing the transaction', async () => {
    const database = new SidecardDB(`put-rows-${Math.random()}`);
    await database.employees.put(person(1, 'ada@acme.example'));
    const refused = await database.transaction('rw', database.employees, database.syncState, async () => {
      const refused = await putRows(database.employees.name, [person(2), person(3, 'ada@acme.example'), person(4)]);
      // The transaction goes on after a refusal.
      await database.syncState.put({ key: 'state', employeeCount: 3 });
      return refused;
    });
    expect(refused.map((r) => r.id)).toEqual([3]);
    expect(await database.employees.toCollection().primaryKeys()).toEqual([1, 2, 4]);
    expect((await database.syncState.get('state'))?.employeeCount).toBe(3);
  });

  it('hands back the last row too when it is the one refused', async () => {
    const database = new SidecardDB(`put-rows-${Math.random()}`);
    await database.employees.put(person(1, 'ada@acme.example'));
    const refused = await database.transaction('rw', database.employees, () => putRows(database.employees.name, [person(2), person(3, 'ada@acme.example')]));
    expect(refused.map((r) => r.id)).toEqual([3]);
    expect(await database.employees.count()).toBe(2);
  });

  it('fails with the transaction when it aborts, and writes nothing', async () => {
    const database = new SidecardDB(`put-rows-${Math.random()}`);
    const write = database.transaction('rw', database.employees, async () => {
      const rows = putRows(database.employees.name, [person(1), person(2)]);
      Dexie.currentTransaction.abort();
      return rows;
    });
    await expect(write).rejects.toThrow();
    expect(await database.employees.count()).toBe(0);
  });
});
