import { describe, expect, it } from 'vitest';
import { SidecardDB } from './db';
import type { Employee } from './employee';
import { BALANCE_TTL_MS, cachedVacation, fetchPhoto, fetchVacation, PHOTO_TTL_MS, purgeStaleExtras, vacationFromBalance } from './extras';
import type { PersonioClient } from './personio/client';

describe('vacation balance', () => {
  it('reads the paid-vacation entry, preferring what is left to plan', () => {
    expect(vacationFromBalance([{ category: 'sick_leave', balance: 2 }, { category: 'paid_vacation', balance: 12, available: 9.5 }], 5)).toEqual({ state: 'ready', days: 9.5, asOf: 5 });
  });
  it('says Personio keeps no balance when it has no vacation entry', () => {
    expect(vacationFromBalance([{ category: 'sick_leave', balance: 2 }], 5)).toEqual({ state: 'unavailable', reason: 'none' });
  });
  it('is cached with an "as of" time and a time to live', async () => {
    const database = new SidecardDB(`extras-${Math.random()}`);
    await database.balances.put({ employeeId: 1, fetchedAt: 1000, entries: [{ name: 'Paid vacation', category: 'paid_vacation', available: 3 }] });
    expect(await cachedVacation(1, 1000 + BALANCE_TTL_MS - 1, database)).toEqual({ state: 'ready', days: 3, asOf: 1000 });
    expect(await cachedVacation(1, 1000 + BALANCE_TTL_MS + 1, database)).toBeUndefined();
  });
});

describe('fetched details and the connection generation', () => {
  it('caches nothing that arrives after its connection ended', async () => {
    const database = new SidecardDB(`extras-${Math.random()}`);
    const connection = new AbortController();
    // Personio answers, but the disconnect came first.
    const client = {
      balance: async () => {
        connection.abort(new DOMException('disconnected', 'AbortError'));
        return [{ name: 'Paid vacation', category: 'paid_vacation', available: 3 }];
      },
      photo: async () => new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }),
    } as unknown as PersonioClient;
    await expect(fetchVacation(client, 1, 1000, database, connection.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await expect(fetchPhoto(client, { id: 1 } as Employee, 1000, database, connection.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(await database.balances.count()).toBe(0);
    expect(await database.photos.count()).toBe(0);
  });

  it('caches what arrives while its connection lasts', async () => {
    const database = new SidecardDB(`extras-${Math.random()}`);
    const client = { photo: async () => new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }) } as unknown as PersonioClient;
    expect(await fetchPhoto(client, { id: 1 } as Employee, 1000, database, new AbortController().signal)).toMatch(/^data:image\/png;base64,/);
    expect(await database.photos.count()).toBe(1);
  });
});

describe('stale cache rows', () => {
  const now = 100 * 24 * 60 * 60_000;
  const stored = (id: number) => ({ id, email: `p${id}@acme.example`, nameTokens: [`p${id}`] }) as Employee;

  it('past their time to live are purged, and fresh ones kept', async () => {
    const database = new SidecardDB(`purge-${Math.random()}`);
    await database.employees.bulkPut([stored(1), stored(2)]);
    await database.balances.bulkPut([
      { employeeId: 1, fetchedAt: now - BALANCE_TTL_MS - 1, entries: [] },
      { employeeId: 2, fetchedAt: now - 1000, entries: [] },
    ]);
    await database.photos.bulkPut([
      { employeeId: 1, fetchedAt: now - PHOTO_TTL_MS - 1, blob: null, size: 0 },
      { employeeId: 2, fetchedAt: now - 1000, blob: null, size: 0 },
    ]);
    await purgeStaleExtras(now, database);
    expect(await database.balances.toCollection().primaryKeys()).toEqual([2]);
    expect(await database.photos.toCollection().primaryKeys()).toEqual([2]);
  });

  it('of someone the directory no longer holds are purged, however fresh', async () => {
    // A balance and a photo that arrived after the sync had removed their person.
    const database = new SidecardDB(`purge-${Math.random()}`);
    await database.employees.put(stored(2));
    await database.balances.bulkPut([1, 2].map((employeeId) => ({ employeeId, fetchedAt: now - 1000, entries: [{ name: 'Urlaub', available: 3 }] })));
    await database.photos.bulkPut([1, 2, 3].map((employeeId) => ({ employeeId, fetchedAt: now - 1000, blob: null, size: 0 })));
    await purgeStaleExtras(now, database);
    expect(await database.balances.toCollection().primaryKeys()).toEqual([2]);
    expect(await database.photos.toCollection().primaryKeys()).toEqual([2]);
  });
});
