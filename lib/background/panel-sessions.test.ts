import { describe, expect, it } from 'vitest';
import { OPENED_LIMIT, PanelSessions, reducePanelSession } from './panel-sessions';
import type { TabConversation } from '../panel-model';

const ada = { email: 'ada@acme.example', name: 'Ada Lovelace', role: 'from' as const };
const grace = { email: 'grace@acme.example', role: 'cc' as const };
const opened = (tab: TabConversation | undefined) => tab?.opened;

describe('panel session', () => {
  it('opens a conversation on its first participant', () => {
    expect(reducePanelSession(undefined, { type: 'conversation', site: 'gmail', participants: [ada, grace] })).toEqual({
      site: 'gmail',
      participants: [ada, grace],
      selected: ada.email,
      opened: [],
    });
  });

  it('keeps the agent’s place when the page reports the same conversation again', () => {
    let tab = reducePanelSession(undefined, { type: 'conversation', site: 'gmail', participants: [ada, grace] });
    tab = reducePanelSession(tab, { type: 'select', key: grace.email });
    tab = reducePanelSession(tab, { type: 'open-person', id: 7 });
    const again = reducePanelSession(tab, { type: 'conversation', site: 'gmail', participants: [ada, grace] });
    expect(again).toBe(tab);
    const other = reducePanelSession(tab, { type: 'conversation', site: 'gmail', participants: [grace] });
    expect(other).toMatchObject({ selected: grace.email, opened: [] });
  });

  it('takes what the site adds about the same people, and keeps the agent’s place', () => {
    const named = { name: 'Grace Hopper', role: 'requester' as const };
    let tab = reducePanelSession(undefined, { type: 'conversation', site: 'jira', participants: [named] });
    tab = reducePanelSession(tab, { type: 'open-person', id: 7 });
    const hidden = reducePanelSession(tab, { type: 'conversation', site: 'jira', participants: [{ ...named, addressHidden: true }] });
    expect(hidden).toMatchObject({ participants: [{ ...named, addressHidden: true }], opened: [7] });
  });

  it('closes the session when the page shows no conversation', () => {
    const tab = reducePanelSession(undefined, { type: 'conversation', site: 'gmail', participants: [ada] });
    expect(reducePanelSession(tab, { type: 'conversation', site: 'gmail', participants: [] })).toBeUndefined();
  });

  it('selects only people on the conversation, and selecting starts the card afresh', () => {
    let tab = reducePanelSession(undefined, { type: 'conversation', site: 'gmail', participants: [ada, grace] });
    tab = reducePanelSession(tab, { type: 'open-person', id: 3 });
    expect(reducePanelSession(tab, { type: 'select', key: 'mallory@evil.example' })).toBe(tab);
    expect(reducePanelSession(tab, { type: 'select', key: grace.email })).toMatchObject({ selected: grace.email, opened: [] });
  });

  it('walks supervisor links forward and back, remembering a bounded trail', () => {
    let tab = reducePanelSession(undefined, { type: 'conversation', site: 'gmail', participants: [ada] });
    tab = reducePanelSession(tab, { type: 'open-person', id: 1 });
    tab = reducePanelSession(tab, { type: 'open-person', id: 2 });
    expect(opened(tab)).toEqual([1, 2]);
    expect(opened(reducePanelSession(tab, { type: 'back' }))).toEqual([1]);
    for (let id = 3; id < 40; id += 1) tab = reducePanelSession(tab, { type: 'open-person', id });
    expect(opened(tab)).toHaveLength(OPENED_LIMIT);
    expect(opened(tab)?.at(-1)).toBe(39);
  });

  it('keeps the panel search with only what the result list shows', () => {
    const tab = reducePanelSession(undefined, { type: 'conversation', site: 'gmail', participants: [ada] });
    const hit = { id: 4, name: 'Grace Hopper', email: grace.email, position: 'Admiral', department: 'Navy' };
    expect(reducePanelSession(tab, { type: 'search', query: 'gra', results: [hit] })).toMatchObject({
      searchQuery: 'gra',
      searchResults: [{ id: 4, name: 'Grace Hopper', email: grace.email, position: 'Admiral' }],
    });
  });

  it('ignores navigation in a tab without a conversation', () => {
    expect(reducePanelSession(undefined, { type: 'back' })).toBeUndefined();
    expect(reducePanelSession(undefined, { type: 'open-person', id: 1 })).toBeUndefined();
  });
});

function area(initial: Record<string, unknown>) {
  const items = { ...initial };
  const reads = { count: 0, fail: false };
  return {
    items,
    reads,
    get: async (key: string | null) => {
      reads.count += 1;
      if (reads.fail) throw new Error('storage.session unavailable');
      return key === null ? { ...items } : key in items ? { [key]: items[key] } : {};
    },
    set: async (next: Record<string, unknown>) => void Object.assign(items, next),
    remove: async (key: string) => void delete items[key],
  };
}

describe('sessions kept across the worker’s life', () => {
  const conversation = { type: 'conversation' as const, site: 'gmail', participants: [ada, grace] };

  it('reads the stored sessions once, then answers from its copy and writes each change through', async () => {
    const storage = area({ 'tab:1': { site: 'gmail', participants: [grace], selected: grace.email, opened: [3] }, lastStatus: { connected: true } });
    const sessions = new PanelSessions(storage);
    expect(opened(await sessions.get(1))).toEqual([3]);
    await sessions.update(2, conversation);
    await sessions.update(2, { type: 'select', key: grace.email });
    expect((await sessions.get(2))?.selected).toBe(grace.email);
    expect(storage.reads.count).toBe(1);
    expect((storage.items['tab:2'] as TabConversation).selected).toBe(grace.email);
    await sessions.set(1, undefined);
    expect(storage.items).not.toHaveProperty('tab:1');
    expect(await sessions.get(1)).toBeUndefined();
    // A worker started anew finds the panels where they were.
    expect((await new PanelSessions(storage).get(2))?.selected).toBe(grace.email);
  });

  it('applies two actions on one tab asked at once one after the other, neither lost', async () => {
    const storage = area({});
    const sessions = new PanelSessions(storage);
    await sessions.update(1, conversation);
    await Promise.all([sessions.update(1, { type: 'open-person', id: 7 }), sessions.update(1, { type: 'open-person', id: 8 })]);
    expect(opened(await sessions.get(1))).toEqual([7, 8]);
    expect((storage.items['tab:1'] as TabConversation).opened).toEqual([7, 8]);
  });

  it('reads the area again once told it was cleared behind it', async () => {
    const storage = area({});
    const sessions = new PanelSessions(storage);
    await sessions.update(1, conversation);
    delete storage.items['tab:1'];
    sessions.forget();
    expect(await sessions.get(1)).toBeUndefined();
  });

  it('tries the area again at the next message after a failed read', async () => {
    const storage = area({ 'tab:1': { site: 'gmail', participants: [ada], selected: ada.email, opened: [] } });
    const sessions = new PanelSessions(storage);
    storage.reads.fail = true;
    await expect(sessions.get(1)).rejects.toThrow('unavailable');
    storage.reads.fail = false;
    expect((await sessions.get(1))?.selected).toBe(ada.email);
  });
});

describe('scrubbing the panels’ search results', () => {
  const tab = (ids: number[], opened: number[] = []) => ({
    site: 'gmail',
    participants: [ada],
    selected: ada.email,
    opened,
    searchQuery: 'p',
    searchResults: ids.map((id) => ({ id, name: `P ${id}`, email: `p${id}@acme.example` })),
  });

  it('drops a search that found someone the directory no longer holds, query and all, and leaves other tabs', async () => {
    const storage = area({ 'tab:1': tab([1, 2]), 'tab:2': tab([3]), lastStatus: { connected: true } });
    await new PanelSessions(storage).forgetMissingPeople(async (ids) => new Set(ids.filter((id) => id !== 2)));
    expect(storage.items['tab:1']).toEqual({ site: 'gmail', participants: [ada], selected: ada.email, opened: [] });
    expect((storage.items['tab:2'] as TabConversation).searchResults?.map((r) => r.id)).toEqual([3]);
    expect(storage.items.lastStatus).toEqual({ connected: true });
  });

  it('drops every search when asked to (fields or filters changed), keeping the conversation', async () => {
    const storage = area({ 'tab:1': tab([1, 2]) });
    await new PanelSessions(storage).dropSearches();
    expect(storage.items['tab:1']).toEqual({ site: 'gmail', participants: [ada], selected: ada.email, opened: [] });
  });

  it('takes a removed person out of the people opened from the card, so the panel goes back', async () => {
    const storage = area({ 'tab:1': tab([], [4, 2, 5]) });
    await new PanelSessions(storage).forgetMissingPeople(async (ids) => new Set(ids.filter((id) => id !== 2)));
    expect((storage.items['tab:1'] as TabConversation).opened).toEqual([4, 5]);
  });

  it('changes a session as the panel left it meanwhile', async () => {
    const storage = area({ 'tab:1': tab([1, 2]) });
    const sessions = new PanelSessions(storage);
    await sessions.forgetMissingPeople(async (ids) => {
      // The agent opened someone while the directory was being asked.
      await sessions.update(1, { type: 'open-person', id: 7 });
      return new Set(ids.filter((id) => id !== 2));
    });
    expect(storage.items['tab:1']).toEqual({ site: 'gmail', participants: [ada], selected: ada.email, opened: [7] });
  });
});
