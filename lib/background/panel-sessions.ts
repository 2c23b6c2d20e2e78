import type { ParticipantMessage } from '../messages';
import type { TabConversation } from '../panel-model';
import type { SearchHit } from '../search';

/**
 * What a tab's panel is on: the conversation the page shows, whom the agent selected, the
 * people opened from the card, and the panel's own search. A pure reducer, so every step of
 * the panel's navigation is unit-tested without a browser.
 */
export type PanelSessionAction =
  | { type: 'conversation'; site: string; participants: readonly ParticipantMessage[] }
  | { type: 'select'; email: string }
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
    return same ? tab : { site: action.site, participants: [...action.participants], selected: first.email, opened: [] };
  }
  if (!tab) return undefined;
  switch (action.type) {
    case 'select':
      return tab.participants.some((p) => p.email === action.email) ? { ...tab, selected: action.email, opened: [] } : tab;
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
  return a.length === b.length && a.every((p, i) => p.email === b[i]?.email);
}

type SessionArea = {
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
};

/**
 * Each tab's session, kept in `storage.session` (memory only, extension contexts only) so a
 * panel survives the service worker being stopped between messages.
 */
export class PanelSessions {
  constructor(private readonly area: SessionArea) {}

  async get(tabId: number): Promise<TabConversation | undefined> {
    return (await this.area.get(keyOf(tabId)))[keyOf(tabId)] as TabConversation | undefined;
  }

  /** Apply one action to a tab's session and keep the result. */
  async update(tabId: number, action: PanelSessionAction): Promise<TabConversation | undefined> {
    const next = reducePanelSession(await this.get(tabId), action);
    await this.set(tabId, next);
    return next;
  }

  async set(tabId: number, value: TabConversation | undefined): Promise<void> {
    if (value) await this.area.set({ [keyOf(tabId)]: value });
    else await this.area.remove(keyOf(tabId));
  }

  /**
   * Take people out of the panels' search results, which are copies of directory data: those
   * `stillThere` no longer finds, or everyone when it is omitted (a field switched off, the
   * filters changed). The agent searches again; nothing of a removed person stays behind.
   */
  async scrubSearchResults(stillThere?: (ids: number[]) => Promise<ReadonlySet<number>>): Promise<void> {
    for (const [key, value] of Object.entries(await this.area.get(null))) {
      if (!key.startsWith('tab:')) continue;
      const tab = value as TabConversation;
      if (!tab.searchResults?.length) continue;
      const kept = stillThere ? await stillThere(tab.searchResults.map((r) => r.id)) : new Set<number>();
      const results = tab.searchResults.filter((r) => kept.has(r.id));
      if (results.length === tab.searchResults.length) continue;
      const { searchResults: _dropped, ...rest } = tab;
      await this.area.set({ [key]: results.length ? { ...rest, searchResults: results } : rest });
    }
  }
}

const keyOf = (tabId: number) => `tab:${tabId}`;
