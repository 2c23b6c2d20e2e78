import { describe, expect, it } from 'vitest';
import { SidecardDB } from './db';
import { BALANCE_TTL_MS, cachedVacation, vacationFromBalance } from './extras';

describe('vacation balance', () => {
  it('reads the paid-vacation entry, preferring what is left to plan', () => {
    expect(vacationFromBalance([{ category: 'sick_leave', balance: 2 }, { category: 'paid_vacation', balance: 12, available: 9.5 }], 5)).toEqual({ state: 'ready', days: 9.5, asOf: 5 });
  });
  it('says unavailable when Personio has no vacation entry', () => {
    expect(vacationFromBalance([{ category: 'sick_leave', balance: 2 }], 5)).toEqual({ state: 'unavailable' });
  });
  it('is cached with an "as of" time and a time to live', async () => {
    const database = new SidecardDB(`extras-${Math.random()}`);
    await database.balances.put({ employeeId: 1, fetchedAt: 1000, entries: [{ name: 'Paid vacation', category: 'paid_vacation', available: 3 }] });
    expect(await cachedVacation(1, 1000 + BALANCE_TTL_MS - 1, database)).toEqual({ state: 'ready', days: 3, asOf: 1000 });
    expect(await cachedVacation(1, 1000 + BALANCE_TTL_MS + 1, database)).toBeUndefined();
  });
});
