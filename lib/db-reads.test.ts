import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SidecardDB } from './db';
import { getByIndex, getByKey } from './db-reads';
import type { Employee } from './employee';

const person = (id: number, email: string, extra: Partial<Employee> = {}): Employee => ({ v: 1, id, email, nameTokens: [], ...extra });

let database: SidecardDB;
beforeEach(async () => {
  database = new SidecardDB(`reads-${Math.random()}`);
  await database.employees.bulkPut([person(1, 'lena@acme.example'), person(2, 'grace@acme.example', { supervisorId: 1 })]);
  await database.syncState.put({ key: 'state', lastSuccessAt: 5 });
});
afterEach(() => vi.restoreAllMocks());

/** How many transactions the connection opens while `run` runs. */
async function transactionsDuring(run: () => Promise<unknown>): Promise<number> {
  const connection = database.backendDB();
  const opened = vi.spyOn(connection, 'transaction');
  await run();
  return opened.mock.calls.length;
}

describe('single reads', () => {
  it('answers by key and by index, and undefined for nothing there', async () => {
    expect((await getByKey(database.employees, 2))?.email).toBe('grace@acme.example');
    expect((await getByIndex(database.employees, 'email', 'lena@acme.example'))?.id).toBe(1);
    expect(await getByKey(database.employees, 99)).toBeUndefined();
    expect(await getByIndex(database.employees, 'email', 'nobody@acme.example')).toBeUndefined();
  });

  it('lets a card’s reads, asked together and then from a first answer, share one transaction', async () => {
    const count = await transactionsDuring(async () => {
      const [state, grace] = await Promise.all([getByKey(database.syncState, 'state'), getByIndex(database.employees, 'email', 'grace@acme.example')]);
      expect(state?.lastSuccessAt).toBe(5);
      // Asked in the first answer's turn: the supervisor and the sync state again.
      const [supervisor, again] = await Promise.all([getByKey(database.employees, grace!.supervisorId!), getByKey(database.syncState, 'state')]);
      expect(supervisor?.email).toBe('lena@acme.example');
      expect(again?.lastSuccessAt).toBe(5);
    });
    expect(count).toBe(1);
  });

  it('starts a new transaction for a read asked once the shared one has finished', async () => {
    await getByKey(database.employees, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const count = await transactionsDuring(async () => expect((await getByKey(database.employees, 2))?.id).toBe(2));
    expect(count).toBe(1);
  });

  it('reads inside a Dexie transaction through it, seeing its own writes', async () => {
    await database.transaction('rw', database.employees, database.syncState, async () => {
      await database.employees.put(person(3, 'ada@acme.example'));
      expect((await getByKey(database.employees, 3))?.email).toBe('ada@acme.example');
      expect((await getByIndex(database.employees, 'email', 'ada@acme.example'))?.id).toBe(3);
    });
  });

  it('refuses a key IndexedDB cannot hold, and the reads beside it still answer', async () => {
    const [bad, lena] = await Promise.allSettled([getByKey(database.employees, { not: 'a key' } as unknown as IDBValidKey), getByKey(database.employees, 1)]);
    expect(bad.status).toBe('rejected');
    expect(lena).toMatchObject({ status: 'fulfilled', value: { id: 1 } });
  });

  it('reopens through Dexie when the connection was closed under it', async () => {
    database.close({ disableAutoOpen: false });
    expect((await getByKey(database.employees, 1))?.id).toBe(1);
  });
});
