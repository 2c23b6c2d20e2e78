import { beforeEach, describe, expect, it } from 'vitest';
import { SidecardDB, timeOffBucketOf } from './db';
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

const opts = { now: Date.UTC(2026, 10, 23, 12), freshness: {} };

describe('conversationModel', () => {
  it('shows the selected participant with only the shown fields, and no org beyond the supervisor', async () => {
    const model = await conversationModel(
      { site: 'gmail', participants: [{ email: 'ada.lovelace@acme.example', role: 'from' }, { email: 'helpdesk@acme.example', role: 'to' }], selected: 'ada.lovelace@acme.example', opened: [] },
      defaultSettings(),
      opts,
      database,
    );
    expect(model.person).toMatchObject({ name: 'Ada Lovelace', position: 'Senior Software Engineer', supervisor: { id: 1, name: 'Grace Hopper', synced: true } });
    expect(model.person).not.toHaveProperty('gender');
    expect(model.participants.map((p) => p.known)).toEqual([true, false]);
    // The panel's card shows no org chart: no chain or reports are read for it, or sent to it.
    expect(model).not.toHaveProperty('org');
    expect(JSON.stringify(model)).not.toContain('reports');
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

describe('the list of people on a conversation', () => {
  it('names a known participant as the directory does, and gives each a state', async () => {
    await database.employees.put(person(3, 'Tobias', 'Weiss', { status: 'inactive' }));
    await database.timeOffBuckets.put({ bucket: timeOffBucketOf(1), timeOffs: [{ id: 9, employeeId: 1, startDate: '2026-11-20', endDate: '2026-11-27' }] });
    const participants = [
      { email: 'ada.lovelace@acme.example', role: 'from' as const },
      { email: 'grace.hopper@acme.example', name: 'G.H. (CTO office)', role: 'cc' as const },
      { email: 'tobias.weiss@acme.example', role: 'cc' as const },
      { email: 'pat@customer.example', name: 'Pat Doe', role: 'to' as const },
    ];
    const model = await conversationModel({ site: 'freshdesk', participants, selected: participants[0]!.email, opened: [] }, defaultSettings(), opts, database);
    expect(model.participants.map((p) => [p.label, p.initials, p.state])).toEqual([
      ['Ada Lovelace', 'AL', 'known'],
      // The directory's name, not the address or the page's label for them.
      ['Grace Hopper', 'GH', 'away'],
      ['Tobias Weiss', 'TW', 'former'],
      ['Pat Doe', 'PD', 'external'],
    ]);
  });

  it('shows where supervisor links led, from the participant to the person on the card', async () => {
    const tab = { site: 'gmail', participants: [{ email: 'ada.lovelace@acme.example', role: 'from' as const }], selected: 'ada.lovelace@acme.example' };
    expect((await conversationModel({ ...tab, opened: [] }, defaultSettings(), opts, database)).trail).toBeUndefined();
    expect((await conversationModel({ ...tab, opened: [1] }, defaultSettings(), opts, database)).trail).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });
});

describe('open in Personio', () => {
  it('gives the card its Personio profile once the admin set the company address', async () => {
    const tab = { site: 'gmail', participants: [{ email: 'ada.lovelace@acme.example', role: 'from' as const }], selected: 'ada.lovelace@acme.example', opened: [] };
    expect((await conversationModel(tab, defaultSettings(), opts, database)).person?.profileUrl).toBeUndefined();
    const settings = { ...defaultSettings(), personioWebUrl: 'https://acme.personio.de' };
    expect((await conversationModel(tab, settings, opts, database)).person?.profileUrl).toBe('https://acme.personio.de/staff/details/2');
  });
});
