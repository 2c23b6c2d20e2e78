import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SidecardDB, wipeAll } from './db';
import { PeopleIndex } from './people-index';

/** The stores as each released version declared them (a test of upgrades must not follow the code). */
const V1_STORES = {
  employees: 'id, &email, *nameTokens, supervisorId, departmentId, status, seenInRun',
  timeOffs: 'id, employeeId, endDate',
  balances: 'employeeId, fetchedAt',
  photos: 'employeeId, fetchedAt',
  syncState: 'key',
  syncLog: '++id, startedAt',
  vault: 'name',
};
const V2_STORES = { ...V1_STORES, employees: 'id, &email, *nameTokens, *tagTokens, supervisorId, departmentId, status, seenInRun' };

describe('database schema', () => {
  it('upgrades a version-1 database, deriving search tags from stored fields', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.table('employees').put({ v: 1, id: 1, email: 'ada@acme.example', nameTokens: ['ada'], position: 'Senior Software Engineer', department: { id: 3, name: 'Engineering' } });
    await v1.table('syncState').put({ key: 'state', lastSuccessAt: 5 });
    v1.close();

    const upgraded = new SidecardDB(name);
    const row = await upgraded.employees.get(1);
    expect(row?.tagTokens).toEqual(['senior', 'software', 'engineer', 'engineering']);
    // Nothing else was lost.
    expect((await upgraded.syncState.get('state'))?.lastSuccessAt).toBe(5);
    upgraded.close();
  });

  it('upgrades a version-2 database, keeping its rows, with an empty search index', async () => {
    const name = `upgrade2-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(V2_STORES);
    await v2.table('employees').put({ v: 1, id: 1, email: 'ada@acme.example', nameTokens: ['ada'], tagTokens: ['engineer'] });
    v2.close();

    const upgraded = new SidecardDB(name);
    expect((await upgraded.employees.get(1))?.email).toBe('ada@acme.example');
    expect(await upgraded.searchIndex.count()).toBe(0);
    // Search moved to its own index; the per-word role index is gone, the row keeps its words.
    expect(upgraded.employees.schema.indexes.map((i) => i.name)).not.toContain('tagTokens');
    expect((await upgraded.employees.get(1))?.tagTokens).toEqual(['engineer']);
    upgraded.close();
  });

  it('reopens after being closed (a service worker that slept)', async () => {
    const database = new SidecardDB(`reopen-${Math.random()}`);
    await database.employees.put({ v: 1, id: 1, email: 'a@b.example', nameTokens: [] });
    database.close();
    await database.open();
    expect(await database.employees.count()).toBe(1);
  });

  it('wipes every table', async () => {
    const database = new SidecardDB(`wipe-${Math.random()}`);
    await database.employees.put({ v: 1, id: 1, email: 'a@b.example', nameTokens: [] });
    await database.syncLog.add({ kind: 'full', startedAt: 1, requests: 1, rowsChanged: 1, rowsRemoved: 0 });
    await database.vault.put({ name: 'x', data: new ArrayBuffer(4) });
    await database.searchIndex.put({ key: 'people', snapshot: PeopleIndex.fromEmployees([{ v: 1, id: 1, email: 'a@b.example', nameTokens: ['a'] }]).toSnapshot(), builtAt: 1 });
    await wipeAll(database);
    const counts = await Promise.all(database.tables.map((t) => t.count()));
    expect(counts.every((c) => c === 0)).toBe(true);
  });
});
