import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SidecardDB, wipeAll } from './db';
import { PeopleIndex } from './people-index';
import { timeOffsOf } from './lookup';

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
const V3_STORES = { ...V1_STORES, searchIndex: 'key' };
const V4_STORES = { ...V3_STORES, employees: 'id, &email, *nameTokens, supervisorId, departmentId, status', timeOffs: null, timeOffBuckets: 'bucket', runSeen: 'offset' };

describe('database schema', () => {
  it('upgrades a version-1 database, its people found by their role', async () => {
    const name = `upgrade-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.table('employees').put({ v: 1, id: 1, email: 'ada@acme.example', nameTokens: ['ada'], position: 'Senior Software Engineer', department: { id: 3, name: 'Engineering' } });
    await v1.table('syncState').put({ key: 'state', lastSuccessAt: 5 });
    v1.close();

    const upgraded = new SidecardDB(name);
    const row = await upgraded.employees.get(1);
    expect(row?.position).toBe('Senior Software Engineer');
    // Search derives role words from the stored fields: nothing to carry over.
    expect(PeopleIndex.fromEmployees(await upgraded.employees.toArray()).search('engineer').map((h) => h.id)).toEqual([1]);
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
    // Search moved to its own index; the per-word role index is gone.
    expect(upgraded.employees.schema.indexes.map((i) => i.name)).not.toContain('tagTokens');
    upgraded.close();
  });

  it('upgrades a version-3 database: time-offs in buckets, runs listing whom they saw', async () => {
    const name = `upgrade3-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(V3_STORES);
    await v3.table('employees').bulkPut([
      { v: 1, id: 1, email: 'ada@acme.example', nameTokens: ['ada'] },
      { v: 1, id: 65, email: 'grace@acme.example', nameTokens: ['grace'] }, // 1 and 65 share a bucket
    ]);
    await v3.table('timeOffs').bulkPut([
      { id: 10, employeeId: 1, startDate: '2026-12-01', endDate: '2026-12-04', typeName: 'Vacation' },
      { id: 11, employeeId: 65, startDate: '2026-12-02', endDate: '2026-12-02' },
      { id: 12, employeeId: 1, startDate: '2026-12-20', endDate: '2026-12-24' },
    ]);
    // A full run was under way: its rows carry its stamp, which v4 no longer reads.
    await v3.table('syncState').put({ key: 'state', timeOffsSyncedAt: 7, lastSuccessAt: 5, checkpoint: { runId: 9, kind: 'full', startedAt: 9, nextOffset: 100, pagesDone: 1, rowsChanged: 2, requests: 2 } });
    v3.close();

    const upgraded = new SidecardDB(name);
    expect(await timeOffsOf(1, upgraded)).toEqual([
      { id: 10, employeeId: 1, startDate: '2026-12-01', endDate: '2026-12-04', typeName: 'Vacation' },
      { id: 12, employeeId: 1, startDate: '2026-12-20', endDate: '2026-12-24' },
    ]);
    expect((await timeOffsOf(65, upgraded)).map((t) => t.id)).toEqual([11]);
    expect(await upgraded.timeOffBuckets.count()).toBe(1);
    expect(upgraded.backendDB().objectStoreNames.contains('timeOffs')).toBe(false);
    const state = await upgraded.syncState.get('state');
    expect(state?.timeOffsSyncedAt).toBe(7);
    expect(state?.lastSuccessAt).toBe(5);
    // That run starts over (no list of whom it saw); the rows stay until a run has seen everyone.
    expect(state?.checkpoint).toBeUndefined();
    expect(await upgraded.employees.count()).toBe(2);
    expect(upgraded.employees.schema.indexes.map((i) => i.name)).not.toContain('seenInRun');
    upgraded.close();
  });

  it('upgrades a version-4 database, dropping the fields rows no longer carry and keeping the rest', async () => {
    const name = `upgrade4-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(V4_STORES);
    const ada = { v: 1, id: 1, email: 'ada@acme.example', nameTokens: ['ada'], position: 'Engineer', departmentId: 3, department: { id: 3, name: 'Engineering' }, supervisorId: 2 };
    const grace = { v: 1, id: 2, email: 'grace@acme.example', nameTokens: ['grace'], status: 'active' };
    await v4.table('employees').bulkPut([{ ...ada, tagTokens: ['engineer', 'engineering'], seenInRun: 4 }, { ...grace, seenInRun: 3 }]);
    const bucket = { bucket: 1, timeOffs: [{ id: 10, employeeId: 1, startDate: '2026-12-01', endDate: '2026-12-04' }] };
    await v4.table('timeOffBuckets').put(bucket);
    await v4.table('runSeen').put({ offset: 0, runId: 5, ids: [1, 2] });
    await v4.table('syncState').put({ key: 'state', lastSuccessAt: 5, employeeCount: 2 });
    await v4.table('syncLog').add({ kind: 'full', startedAt: 1, requests: 3, rowsChanged: 2, rowsRemoved: 0 });
    await v4.table('balances').put({ employeeId: 1, fetchedAt: 6, entries: [{ name: 'Vacation', balance: 12 }] });
    await v4.table('vault').put({ name: 'secret', data: new Uint8Array([1, 2, 3]).buffer });
    v4.close();

    const upgraded = new SidecardDB(name);
    expect(await upgraded.employees.toArray()).toEqual([ada, grace]);
    // The indexes still find the rows.
    expect((await upgraded.employees.where('email').equals('grace@acme.example').first())?.id).toBe(2);
    expect((await upgraded.employees.where('supervisorId').equals(2).toArray()).map((e) => e.id)).toEqual([1]);
    expect(await upgraded.timeOffBuckets.toArray()).toEqual([bucket]);
    expect(await upgraded.runSeen.toArray()).toEqual([{ offset: 0, runId: 5, ids: [1, 2] }]);
    expect(await upgraded.syncState.get('state')).toEqual({ key: 'state', lastSuccessAt: 5, employeeCount: 2 });
    expect(await upgraded.syncLog.count()).toBe(1);
    expect((await upgraded.balances.get(1))?.entries).toEqual([{ name: 'Vacation', balance: 12 }]);
    expect(new Uint8Array((await upgraded.vault.get('secret'))!.data!)).toEqual(new Uint8Array([1, 2, 3]));
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
    await database.timeOffBuckets.put({ bucket: 1, timeOffs: [{ id: 3, employeeId: 1, startDate: '2026-12-01', endDate: '2026-12-02' }] });
    await wipeAll(database);
    const counts = await Promise.all(database.tables.map((t) => t.count()));
    expect(counts.every((c) => c === 0)).toBe(true);
  });
});
