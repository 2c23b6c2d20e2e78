import { beforeEach, describe, expect, it } from 'vitest';
import { SidecardDB } from './db';
import type { Employee } from './employee';
import { conversationModel, openPerson } from './panel-model';
import { defaultSettings, type Settings } from './settings';
import { nameTokens } from './text';

const person = (id: number, first: string, last: string, extra: Partial<Employee> = {}): Employee => ({
  v: 1, id, email: `${first}.${last}@acme.example`.toLowerCase(), firstName: first, lastName: last, nameTokens: nameTokens(first, last), ...extra,
});

let database: SidecardDB;
beforeEach(async () => {
  database = new SidecardDB(`panel-leavers-${Math.random()}`);
  await database.employees.bulkPut([
    person(1, 'Grace', 'Hopper', { position: 'VP Engineering', status: 'active' }),
    // The minimal record of someone who left: no supervisor is kept.
    person(3, 'Max', 'Mustermann', { position: 'Accountant', status: 'inactive', terminationDate: '2026-08-06' }),
  ]);
});

const noExtras = async () => ({});
const inactiveSynced = (): Settings => {
  const s = defaultSettings();
  return { ...s, filters: { ...s.filters, statuses: [...s.filters.statuses, 'inactive'] } };
};

describe('the card of someone who left', () => {
  it('shows them as former, with the day they left, in the panel', async () => {
    const model = await conversationModel(
      { site: 'gmail', participants: [{ email: 'max.mustermann@acme.example', role: 'from' }], selected: 'max.mustermann@acme.example', opened: [] },
      defaultSettings(),
      { now: Date.UTC(2026, 11, 4, 12), freshness: {} },
      database,
    );
    expect(model.notFound).toBeUndefined();
    expect(model.person).toMatchObject({ name: 'Max Mustermann', status: 'inactive', terminationDate: '2026-08-06' });
    expect(model.participants[0]?.state).toBe('former');
  });

  it('in the popup, has no supervisor chain when only the minimal record is kept', async () => {
    const opened = await openPerson(3, defaultSettings(), noExtras, database);
    expect(opened?.person.name).toBe('Max Mustermann');
    expect(opened?.org).toBeUndefined();
  });

  it('in the popup, keeps the org when inactive people are synced in full', async () => {
    await database.employees.put(person(3, 'Max', 'Mustermann', { status: 'inactive', terminationDate: '2026-08-06', supervisorId: 1 }));
    const opened = await openPerson(3, inactiveSynced(), noExtras, database);
    expect(opened?.org?.chain.map((c) => c.name)).toEqual(['Grace Hopper']);
  });

  it('leaves a current colleague their org', async () => {
    const opened = await openPerson(1, defaultSettings(), noExtras, database);
    expect(opened?.org).toEqual({ chain: [], reports: [] });
  });
});
