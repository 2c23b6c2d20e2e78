import { describe, expect, it } from 'vitest';
import { databaseTooNew, SidecardDB, wipeAll } from './db';

/** Dexie's version n is IndexedDB's n × 10. */
const NATIVE = (dexieVersion: number) => dexieVersion * 10;

/** What a newer Sidecard leaves on disk: ours, then its own upgrade (a store gone, one added). */
async function writtenByNewerBuild(name: string): Promise<number> {
  const ours = new SidecardDB(name);
  await ours.employees.put({ id: 1, email: 'ada@acme.example', nameTokens: ['ada'] } as never);
  const newer = NATIVE(ours.verno) + 10;
  ours.close();
  await new Promise<void>((resolve, reject) => {
    const open = indexedDB.open(name, newer);
    open.onupgradeneeded = () => {
      open.result.deleteObjectStore('photos');
      open.result.createObjectStore('somethingNew');
    };
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error);
  });
  return newer;
}

/** The database as it is on disk, read without Dexie. */
function onDisk(name: string): Promise<{ version: number; stores: string[]; employees: number }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => {
      const database = open.result;
      const stores = [...database.objectStoreNames].sort();
      const count = database.transaction('employees').objectStore('employees').count();
      count.onsuccess = () => {
        database.close();
        resolve({ version: database.version, stores, employees: count.result });
      };
    };
    open.onerror = () => reject(open.error);
  });
}

describe('a database a newer Sidecard wrote', () => {
  it('is reported as too new, not opened, and left exactly as it was', async () => {
    const name = `newer-${Math.random()}`;
    const newer = await writtenByNewerBuild(name);
    const before = await onDisk(name);
    const database = new SidecardDB(name);
    expect(await databaseTooNew(database)).toBe(true);
    // Nothing of ours reads rows of a shape it does not know.
    await expect(database.employees.count()).rejects.toThrow();
    // Not patched to our schema, not raised in version, no row gone.
    expect(await onDisk(name)).toEqual(before);
    expect(before).toMatchObject({ version: newer, employees: 1 });
    expect(before.stores).toContain('somethingNew');
    expect(before.stores).not.toContain('photos');
  });

  it('is deleted by a Disconnect, after which Sidecard starts over with its own schema', async () => {
    const name = `newer-${Math.random()}`;
    await writtenByNewerBuild(name);
    const database = new SidecardDB(name);
    await wipeAll(database);
    expect(await databaseTooNew(database)).toBe(false);
    expect(await database.employees.count()).toBe(0);
    expect(database.backendDB().version).toBe(NATIVE(database.verno));
    database.close();
  });
});

describe('a database of this version or older', () => {
  it('opens as usual', async () => {
    const name = `current-${Math.random()}`;
    const database = new SidecardDB(name);
    await database.employees.put({ id: 1, email: 'ada@acme.example', nameTokens: ['ada'] } as never);
    database.close();
    const again = new SidecardDB(name);
    expect(await databaseTooNew(again)).toBe(false);
    expect(await again.employees.count()).toBe(1);
    again.close();
  });
});
