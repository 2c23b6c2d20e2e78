import { beforeEach, describe, expect, it } from 'vitest';
import { SidecardDB } from './db';
import type { Employee } from './employee';
import { findByName } from './lookup';
import { conversationModel, type TabConversation } from './panel-model';
import { reducePanelSession } from './background/panel-sessions';
import { defaultSettings } from './settings';
import { nameTokens } from './text';

const person = (id: number, first: string, last: string, extra: Partial<Employee> = {}): Employee => ({
  v: 1, id, email: `${first}.${last}.${id}@acme.example`.toLowerCase(), firstName: first, lastName: last, nameTokens: nameTokens(first, last), ...extra,
});

let database: SidecardDB;
beforeEach(async () => {
  database = new SidecardDB(`by-name-${Math.random()}`);
  await database.employees.bulkPut([
    person(1, 'Jürgen', 'Müller', { position: 'Head of People' }),
    person(2, 'Anna', 'Schmidt', { position: 'Recruiter', department: { id: 1, name: 'People' } }),
    person(3, 'Anna', 'Schmidt', { position: 'Controller', department: { id: 2, name: 'Finance' } }),
    person(4, 'Anna', 'Schmidt-Berg', { position: 'Designer' }),
  ]);
});

const opts = { now: Date.UTC(2026, 11, 3, 12), freshness: {} };
const tabFor = (participants: TabConversation['participants']): TabConversation => reducePanelSession(undefined, { type: 'conversation', site: 'outlook', participants })!;

describe('people found by name', () => {
  it('by the words of the name in any order, accents and umlaut spellings aside', async () => {
    for (const shown of ['Jürgen Müller', 'Müller, Jürgen', 'juergen mueller', 'JURGEN MULLER']) {
      expect((await findByName(shown, database)).map((e) => e.id)).toEqual([1]);
    }
  });

  it('never by part of a name, or by a single word', async () => {
    expect(await findByName('Jürgen', database)).toEqual([]);
    expect(await findByName('Jürgen Müller-Lüdenscheidt', database)).toEqual([]);
    expect((await findByName('Anna Schmidt', database)).map((e) => e.id).sort()).toEqual([2, 3]);
  });
});

describe('the panel for someone the page shows by name only', () => {
  it('shows the one colleague with that name, and says it matched them by name', async () => {
    const model = await conversationModel(tabFor([{ name: 'Jürgen Müller', role: 'from' }]), defaultSettings(), opts, database);
    expect(model.person?.position).toBe('Head of People');
    expect(model.byName).toEqual({ name: 'Jürgen Müller', matches: 'one' });
    expect(model.participants).toEqual([{ key: 'name:jürgen müller', name: 'Jürgen Müller', role: 'from', known: true, byName: 'one', label: 'Jürgen Müller', initials: 'JM', state: 'known' }]);
  });

  it('lists everyone with that name, and shows no card, when there are several', async () => {
    const model = await conversationModel(tabFor([{ name: 'Anna Schmidt', role: 'requester', addressHidden: true }]), defaultSettings(), opts, database);
    expect(model.person).toBeUndefined();
    expect(model.byName).toEqual({ name: 'Anna Schmidt', matches: 'several', addressHidden: true });
    expect(model.possibleMatches?.map((m) => [m.id, m.department])).toEqual([
      [2, 'People'],
      [3, 'Finance'],
    ]);
  });

  it('says "not in Personio" when nobody has that name', async () => {
    const model = await conversationModel(tabFor([{ name: 'Pat Outsider', role: 'from' }]), defaultSettings(), opts, database);
    expect(model.notFound).toBe(true);
    expect(model.byName?.matches).toBe('none');
  });

  it('selects a participant shown by name only by that name', async () => {
    const tab = tabFor([{ email: 'pat@customer.example', role: 'from' }, { name: 'Jürgen Müller', role: 'cc' }]);
    const selected = reducePanelSession(tab, { type: 'select', key: 'name:jürgen müller' })!;
    expect((await conversationModel(selected, defaultSettings(), opts, database)).person?.position).toBe('Head of People');
  });
});

describe('the panel on a page it cannot read', () => {
  const page = (failed?: string) => reducePanelSession(undefined, { type: 'page', site: 'jira', key: 'HR-7', ...(failed ? { failed } : {}) })!;

  it('says it is reading, then what failed, with the site’s name for the admin', async () => {
    expect((await conversationModel(page(), defaultSettings(), opts, database)).page).toEqual({ reading: true });
    expect((await conversationModel(page('reporter field'), defaultSettings(), opts, database)).page).toEqual({ failed: 'reporter field', site: 'Jira Service Management' });
  });

  it('keeps the agent’s search while the same page goes from reading to unreadable', () => {
    const searched = reducePanelSession(page(), { type: 'search', query: 'anna', results: [] })!;
    expect(reducePanelSession(searched, { type: 'page', site: 'jira', key: 'HR-7', failed: 'x' })?.searchQuery).toBe('anna');
    expect(reducePanelSession(searched, { type: 'page', site: 'jira', key: 'HR-8' })?.searchQuery).toBeUndefined();
  });

  it('shows the card of someone opened from that search, and goes back to the page', async () => {
    const opened = reducePanelSession(page('reporter field'), { type: 'open-person', id: 1 })!;
    const model = await conversationModel(opened, defaultSettings(), opts, database);
    expect(model.page).toBeUndefined();
    expect(model.person?.position).toBe('Head of People');
    const back = reducePanelSession(opened, { type: 'back' })!;
    expect((await conversationModel(back, defaultSettings(), opts, database)).page).toMatchObject({ failed: 'reporter field' });
  });
});
