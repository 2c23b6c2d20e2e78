// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SidecardDB } from '../db';
import { PersonioClient } from '../personio/client';
import { defaultSettings } from '../settings';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from '../../test/personio-sim';
import { runSync } from './run';
import { knownEmployeeCount, readSyncState } from './state';

let sim: Simulator;
beforeAll(async () => {
  // Several batches, so that a run is seen between two of them.
  sim = await startSimulator({ employees: 3500, seed: 12 });
});
afterAll(async () => {
  await sim.close();
});

const client = () => new PersonioClient({ baseUrl: sim.url, clientId: DEFAULT_CREDENTIAL.clientId, clientSecret: DEFAULT_CREDENTIAL.clientSecret, budgets: false });

/** Each 'employees' progress of a run: the count the state tells beside the rows stored then. */
async function countsDuringRun(database: SidecardDB, request: 'full' | 'auto' = 'auto') {
  const seen: Array<Promise<[number | undefined, number]>> = [];
  const log = await runSync({
    client: client(),
    settings: defaultSettings(),
    db: database,
    onProgress: (p) => {
      // Both read in one transaction: a later batch cannot land between them.
      if (p.stage !== 'employees') return;
      seen.push(database.transaction('r', database.syncState, database.employees, () => Promise.all([readSyncState(database).then(knownEmployeeCount), database.employees.count()])));
    },
  }, request);
  expect(log.error).toBeUndefined();
  return Promise.all(seen);
}

describe('knownEmployeeCount', () => {
  it('tells nothing before any sync', async () => {
    expect(knownEmployeeCount(await readSyncState(new SidecardDB(`state-${Math.random()}`)))).toBeUndefined();
  });

  it('during a first sync, is the rows stored so far; after it, the count the run ended with', async () => {
    const database = new SidecardDB(`state-${Math.random()}`);
    const during = await countsDuringRun(database);
    expect(during.length).toBeGreaterThan(1);
    for (const [known, stored] of during) expect(known).toBe(stored);
    expect(during[0]![1]).toBeLessThan(during.at(-1)![1]);
    expect(knownEmployeeCount(await readSyncState(database))).toBe(await database.employees.count());
  });

  it('during a later full sync, is the count the last run ended with', async () => {
    const database = new SidecardDB(`state-${Math.random()}`);
    await runSync({ client: client(), settings: defaultSettings(), db: database });
    const before = await database.employees.count();
    const during = await countsDuringRun(database, 'full');
    expect(during.length).toBeGreaterThan(0);
    for (const [known] of during) expect(known).toBe(before);
  });
});
