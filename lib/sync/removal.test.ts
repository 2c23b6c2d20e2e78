// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from '../../test/personio-sim';
import { SidecardDB } from '../db';
import { BALANCE_TTL_MS } from '../extras';
import { timeOffsOf } from '../lookup';
import { PersonioClient } from '../personio/client';
import { defaultSettings } from '../settings';
import { runSync } from './run';

/** Nothing outlives its person: every way a run removes someone takes all kept about them. */
let sim: Simulator;
let database: SidecardDB;
let now: number;
const clock = () => now;
const settings = defaultSettings();

const client = () => new PersonioClient({ baseUrl: sim.url, clientId: DEFAULT_CREDENTIAL.clientId, clientSecret: DEFAULT_CREDENTIAL.clientSecret, budgets: false, retryLimit: 2 });
const sync = (request: 'auto' | 'full' = 'auto') => runSync({ client: client(), settings, db: database, now: clock }, request);

/** A cached balance and photo for each of these people, fetched just now (as a card does). */
async function cacheDetails(ids: number[]): Promise<void> {
  await database.balances.bulkPut(ids.map((employeeId) => ({ employeeId, fetchedAt: now, entries: [{ name: 'Urlaub', available: 12 }] })));
  await database.photos.bulkPut(ids.map((employeeId) => ({ employeeId, fetchedAt: now, blob: null, size: 0 })));
}

/** Everything the database keeps about a person beside their row. */
async function keptAbout(id: number) {
  return { row: await database.employees.get(id), balance: await database.balances.get(id), photo: await database.photos.get(id), timeOffs: await timeOffsOf(id, database) };
}
const nothing = { row: undefined, balance: undefined, photo: undefined, timeOffs: [] };

/** Two active people past the fixed cast with absences in the stored window: one to remove, one to keep. */
async function twoWithAbsences(): Promise<[number, number]> {
  const withTimeOffs = new Set((await database.timeOffBuckets.toArray()).flatMap((b) => b.timeOffs.map((t) => t.employeeId)));
  const [leaver, stayer] = sim.company.employees.filter((e) => e.status === 'active' && e.id > 100008 && withTimeOffs.has(e.id));
  return [leaver!.id, stayer!.id];
}

beforeAll(async () => {
  sim = await startSimulator({ employees: 300, seed: 5 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  database = new SidecardDB(`removal-${Math.random()}`);
  now = Date.now();
  await sync();
});

describe('a run that removes someone', () => {
  it('a full run that no longer finds them takes their balance, photo and time-offs with their row', async () => {
    const [leaver, stayer] = await twoWithAbsences();
    await cacheDetails([leaver, stayer]);
    sim.removeEmployee(leaver);

    now += 60_000;
    const log = await sync('full');
    expect(log.rowsRemoved).toBe(1);
    expect(await keptAbout(leaver)).toEqual(nothing);
    const kept = await keptAbout(stayer);
    expect([kept.row, kept.balance, kept.photo].every(Boolean)).toBe(true);
    expect(kept.timeOffs.length).toBeGreaterThan(0);
  });

  it('an incremental run that finds them outside the synced population does the same, at once', async () => {
    const [leaver, stayer] = await twoWithAbsences();
    await cacheDetails([leaver, stayer]);
    sim.updateEmployee(leaver, { status: 'inactive' });

    now += 15 * 60_000;
    expect((await sync()).kind).toBe('incremental');
    expect(await keptAbout(leaver)).toEqual(nothing);
    expect((await keptAbout(stayer)).balance).toBeDefined();
  });

  it('a newcomer given the address of someone who left takes it over; the leaver leaves nothing behind', async () => {
    const [leaver] = await twoWithAbsences();
    const email = (await database.employees.get(leaver))!.email;
    await cacheDetails([leaver]);
    // Personio deleted the leaver (an incremental run cannot see that) and reused the address.
    sim.removeEmployee(leaver);
    const newcomer = sim.addEmployee({ email, status: 'active' });

    now += 15 * 60_000;
    expect((await sync()).kind).toBe('incremental');
    expect((await database.employees.where('email').equals(email).first())?.id).toBe(newcomer.id);
    expect(await keptAbout(leaver)).toEqual(nothing);
  });
});

describe('the end of every run', () => {
  it('purges cached details past their time to live, and those of someone no longer stored', async () => {
    const [fresh, expired] = await twoWithAbsences();
    await cacheDetails([fresh, expired, 999_999]);
    await database.balances.update(expired, { fetchedAt: now - BALANCE_TTL_MS - 1 });

    now += 15 * 60_000;
    await sync();
    expect(await database.balances.toCollection().primaryKeys()).toEqual([fresh]);
    expect((await database.photos.toCollection().primaryKeys()).sort()).toEqual([expired, fresh].sort());
  });
});
