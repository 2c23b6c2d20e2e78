import { describe, expect, it } from 'vitest';
import { OPENED_LIMIT, reducePanelSession } from './panel-sessions';
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
    tab = reducePanelSession(tab, { type: 'select', email: grace.email });
    tab = reducePanelSession(tab, { type: 'open-person', id: 7 });
    const again = reducePanelSession(tab, { type: 'conversation', site: 'gmail', participants: [ada, grace] });
    expect(again).toBe(tab);
    const other = reducePanelSession(tab, { type: 'conversation', site: 'gmail', participants: [grace] });
    expect(other).toMatchObject({ selected: grace.email, opened: [] });
  });

  it('closes the session when the page shows no conversation', () => {
    const tab = reducePanelSession(undefined, { type: 'conversation', site: 'gmail', participants: [ada] });
    expect(reducePanelSession(tab, { type: 'conversation', site: 'gmail', participants: [] })).toBeUndefined();
  });

  it('selects only people on the conversation, and selecting starts the card afresh', () => {
    let tab = reducePanelSession(undefined, { type: 'conversation', site: 'gmail', participants: [ada, grace] });
    tab = reducePanelSession(tab, { type: 'open-person', id: 3 });
    expect(reducePanelSession(tab, { type: 'select', email: 'mallory@evil.example' })).toBe(tab);
    expect(reducePanelSession(tab, { type: 'select', email: grace.email })).toMatchObject({ selected: grace.email, opened: [] });
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
