import { beforeEach, describe, expect, it } from 'vitest';
import { SidecardDB } from './db';
import type { Employee } from './employee';
import { conversationModel } from './panel-model';
import { defaultSettings } from './settings';
import { nameTokens } from './text';

const person = (id: number, first: string, last: string, extra: Partial<Employee> = {}): Employee => ({
  v: 1, id, email: `${first}.${last}@acme.example`.toLowerCase(), firstName: first, lastName: last, nameTokens: nameTokens(first, last), ...extra,
});

let database: SidecardDB;
beforeEach(async () => {
  database = new SidecardDB(`panel-${Math.random()}`);
  await database.employees.bulkPut([
    person(1, 'Grace', 'Hopper', { position: 'VP Engineering' }),
    person(2, 'Ada', 'Lovelace', { position: 'Senior Software Engineer', supervisorId: 1, gender: 'female' }),
  ]);
});

const opts = { now: Date.UTC(2026, 10, 23, 12), stale: false };

describe('conversationModel', () => {
  it('shows the selected participant with only the shown fields, and their org', async () => {
    const model = await conversationModel(
      { site: 'gmail', participants: [{ email: 'ada.lovelace@acme.example', role: 'from' }, { email: 'helpdesk@acme.example', role: 'to' }], selected: 'ada.lovelace@acme.example', opened: [] },
      defaultSettings(),
      opts,
      database,
    );
    expect(model.person).toMatchObject({ name: 'Ada Lovelace', position: 'Senior Software Engineer', supervisor: { id: 1, name: 'Grace Hopper', synced: true } });
    expect(model.person).not.toHaveProperty('gender');
    expect(model.participants.map((p) => p.known)).toEqual([true, false]);
    expect(model.org?.chain.map((c) => c.name)).toEqual(['Grace Hopper']);
  });

  it('opens a supervisor inside the panel, with a way back', async () => {
    const model = await conversationModel({ site: 'gmail', participants: [{ email: 'ada.lovelace@acme.example', role: 'from' }], selected: 'ada.lovelace@acme.example', opened: [1] }, defaultSettings(), opts, database);
    expect(model.person?.name).toBe('Grace Hopper');
    expect(model.canGoBack).toBe(true);
  });

  it('offers colleagues with the same name for an address Personio does not know', async () => {
    const model = await conversationModel(
      { site: 'gmail', participants: [{ email: 'ada@private.example', name: 'Ada Lovelace', role: 'from' }], selected: 'ada@private.example', opened: [] },
      defaultSettings(),
      opts,
      database,
    );
    expect(model.notFound).toBe(true);
    expect(model.possibleMatches?.map((m) => m.name)).toEqual(['Ada Lovelace']);
  });

  it('keeps saying a colleague opened from the possible matches was matched by name only', async () => {
    const impostor = { email: 'ada.lovelace.private@freemail.example', name: 'Ada Lovelace', role: 'from' as const };
    const tab = { site: 'gmail', participants: [impostor], selected: impostor.email };
    const opened = await conversationModel({ ...tab, opened: [2] }, defaultSettings(), opts, database);
    expect(opened.person?.name).toBe('Ada Lovelace');
    expect(opened.matchedByNameOnly).toBe(true);
    // Someone else opened from the same view (a search), and the card of a sender known by address, are not namesakes.
    expect((await conversationModel({ ...tab, opened: [1] }, defaultSettings(), opts, database)).matchedByNameOnly).toBeUndefined();
    const known = { site: 'gmail', participants: [{ email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'from' as const }], selected: 'ada.lovelace@acme.example' };
    expect((await conversationModel({ ...known, opened: [] }, defaultSettings(), opts, database)).matchedByNameOnly).toBeUndefined();
  });
});
