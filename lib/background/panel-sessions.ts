import type { ParticipantMessage } from '../messages';
import type { TabConversation } from '../panel-model';
import type { SearchHit } from '../search';
import { participantKey } from '../sites/types';
import { KeptRead } from './kept-read';

/**
 * What a tab's panel is on: the conversation the page shows, whom the agent selected, the
 * people opened from the card, and the panel's own search. A pure reducer, so every step of
 * the panel's navigation is unit-tested without a browser.
 */
export type PanelSessionAction =
  | { type: 'conversation'; site: string; participants: readonly ParticipantMessage[] }
  /** The page names a conversation but Sidecard finds no one yet (`failed` unset) or cannot read it. */
  | { type: 'page'; site: string; key: string; failed?: string }
  | { type: 'select'; key: string }
  | { type: 'open-person'; id: number }
  | { type: 'back' }
  | { type: 'search'; query: string; results: readonly SearchHit[] };

/** How many people opened from the card Back can return through. */
export const OPENED_LIMIT = 20;

export function reducePanelSession(tab: TabConversation | undefined, action: PanelSessionAction): TabConversation | undefined {
  if (action.type === 'conversation') {
    const first = action.participants[0];
    if (!first) return undefined;
    // The page re-reports the open conversation on every DOM change: the agent's place in it stays.
    const same = tab && tab.site === action.site && sameAddresses(tab.participants, action.participants);
    if (!same) return { site: action.site, participants: [...action.participants], selected: participantKey(first), opened: [] };
    // What the site says about the same people may grow (an API adds that an address is hidden).
    return JSON.stringify(tab.participants) === JSON.stringify(action.participants) ? tab : { ...tab, participants: [...action.participants] };
  }
  if (action.type === 'page') {
    const page = action.failed === undefined ? { key: action.key } : { key: action.key, failed: action.failed };
    // Still the same page: the agent's search in the panel stays.
    if (tab?.page?.key === action.key && tab.site === action.site) return { ...tab, page };
    return { site: action.site, participants: [], selected: '', opened: [], page };
  }
  if (!tab) return undefined;
  switch (action.type) {
    case 'select':
      return tab.participants.some((p) => participantKey(p) === action.key) ? { ...tab, selected: action.key, opened: [] } : tab;
    case 'open-person':
      return { ...tab, opened: [...tab.opened, action.id].slice(-OPENED_LIMIT) };
    case 'back':
      return { ...tab, opened: tab.opened.slice(0, -1) };
    case 'search':
      return {
        ...tab,
        searchQuery: action.query,
        searchResults: action.results.map((r) => ({ id: r.id, name: r.name, email: r.email, ...(r.position ? { position: r.position } : {}) })),
      };
  }
}

function sameAddresses(a: readonly ParticipantMessage[], b: readonly ParticipantMessage[]): boolean {
  return a.length === b.length && a.every((p, i) => b[i] !== undefined && participantKey(p) === participantKey(b[i]));
}

type SessionArea = {
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
};

/**
 * Each tab's session, kept in `storage.session` (memory only, extension contexts only) so a
 * panel survives the service worker being stopped between messages. The worker also keeps
 * its own copy, read from there once per life: only the worker writes these keys, so the copy
 * is always current, and a conversation opening costs no round trip to the browser to learn
 * where the tab's panel was.
 */
export class PanelSessions {
  private readonly copy: KeptRead<Map<string, TabConversation>>;

  constructor(private readonly area: SessionArea) {
    this.copy = new KeptRead(async () => new Map(Object.entries(await area.get(null)).filter((entry): entry is [string, TabConversation] => entry[0].startsWith(TAB_PREFIX))));
  }

  async get(tabId: number): Promise<TabConversation | undefined> {
    return (await this.sessions()).get(keyOf(tabId));
  }

  /** Apply one action to a tab's session and keep the result. */
  async update(tabId: number, action: PanelSessionAction): Promise<TabConversation | undefined> {
    const { next, written } = await this.apply(tabId, action);
    await written;
    return next;
  }

  /** Apply one action: the result as soon as it is known, and its write, for a caller that has other work meanwhile. */
  async apply(tabId: number, action: PanelSessionAction): Promise<{ next: TabConversation | undefined; written: Promise<void> }> {
    const sessions = await this.sessions();
    const key = keyOf(tabId);
    // Read and changed in one turn: two reports of one tab in quick succession cannot both start from the same session.
    const next = reducePanelSession(sessions.get(key), action);
    return { next, written: this.keep(sessions, key, next) };
  }

  async set(tabId: number, value: TabConversation | undefined): Promise<void> {
    await this.keep(await this.sessions(), keyOf(tabId), value);
  }

  /** The storage area was cleared behind this copy (disconnect): read it again when next asked. */
  forget(): void {
    this.copy.forget();
  }

  /**
   * Take people the directory no longer holds out of every tab's session: a search that found
   * one of them goes whole (its results are copies of directory data, and its query may well
   * be their name), and they leave the people opened from the card. `stillThere` says which
   * of some ids the directory holds.
   */
  async forgetMissingPeople(stillThere: (ids: number[]) => Promise<ReadonlySet<number>>): Promise<void> {
    const ids = [...new Set([...(await this.sessions()).values()].flatMap(peopleIn))];
    if (!ids.length) return;
    const kept = await stillThere(ids);
    const gone = new Set(ids.filter((id) => !kept.has(id)));
    if (!gone.size) return;
    await this.rewriteEach((tab) => (peopleIn(tab).some((id) => gone.has(id)) ? withoutPeople(tab, gone) : tab));
  }

  /**
   * Drop every tab's search: its results are copies made under fields or filters that have
   * changed, and its query may be a value of a field switched off (search matches positions
   * and departments). The agent searches again.
   */
  async dropSearches(): Promise<void> {
    await this.rewriteEach((tab) => (tab.searchResults || tab.searchQuery !== undefined ? withoutSearch(tab) : tab));
  }

  /** Change every tab's session as it is now (a panel may have moved on meanwhile), keeping those `change` leaves as they are. */
  private async rewriteEach(change: (tab: TabConversation) => TabConversation): Promise<void> {
    const sessions = await this.sessions();
    const changed = Object.fromEntries([...sessions].flatMap(([key, tab]) => {
      const next = change(tab);
      return next === tab ? [] : [[key, next] as const];
    }));
    for (const [key, tab] of Object.entries(changed)) sessions.set(key, tab);
    if (Object.keys(changed).length) await this.area.set(changed);
  }

  /** The copy changes at once; the stored session when the browser has written it. */
  private keep(sessions: Map<string, TabConversation>, key: string, value: TabConversation | undefined): Promise<void> {
    if (value) {
      sessions.set(key, value);
      return this.area.set({ [key]: value });
    }
    sessions.delete(key);
    return this.area.remove(key);
  }

  private sessions(): Promise<Map<string, TabConversation>> {
    return this.copy.get();
  }
}

/** The directory's people a session refers to: its search results and the people opened. */
function peopleIn(tab: TabConversation): number[] {
  return [...(tab.searchResults ?? []).map((r) => r.id), ...tab.opened];
}

/** A session without these people: without a search that found one, and out of the people opened. Pure. */
function withoutPeople(tab: TabConversation, gone: ReadonlySet<number>): TabConversation {
  const searchFound = tab.searchResults?.some((r) => gone.has(r.id)) ?? false;
  return { ...(searchFound ? withoutSearch(tab) : tab), opened: tab.opened.filter((id) => !gone.has(id)) };
}

function withoutSearch(tab: TabConversation): TabConversation {
  const { searchResults: _results, searchQuery: _query, ...rest } = tab;
  return rest;
}

const TAB_PREFIX = 'tab:';
const keyOf = (tabId: number) => `${TAB_PREFIX}${tabId}`;
