import { nextWidth } from '../panel-layout';
import type { Handlers, PanelMessages } from '../messages';
import { searchPeople } from '../search';
import type { BackgroundServices } from './services';

/** The panel's tab, from its Port's browser-stamped sender. */
export interface PanelContext {
  tabId: number;
}

/** How many results the panel's own search shows. */
export const PANEL_SEARCH_LIMIT = 8;

/** Messages from a panel over its Port; each ends with the panel drawn again. */
export function panelHandlers(services: BackgroundServices): Handlers<PanelMessages, PanelContext> {
  const { panels, sessions } = services;
  const navigate = (tabId: number, action: Parameters<typeof sessions.update>[1]) =>
    sessions.update(tabId, action).then(() => panels.push(tabId));
  return {
    select: async ({ key }, { tabId }) => navigate(tabId, { type: 'select', key }),
    'open-person': async ({ id }, { tabId }) => navigate(tabId, { type: 'open-person', id }),
    back: async (_message, { tabId }) => navigate(tabId, { type: 'back' }),
    'retry-balance': async ({ id }, { tabId }) => {
      services.extras.retryBalance(id);
      await panels.push(tabId);
    },
    search: async ({ query }, { tabId }) => {
      const results = query.trim() ? await searchPeople(query, PANEL_SEARCH_LIMIT) : [];
      await navigate(tabId, { type: 'search', query, results });
    },
    collapse: async ({ collapsed }, { tabId }) => panels.changeLayout(tabId, (l) => ({ ...l, collapsed })),
    wider: async (_message, { tabId }) => panels.changeLayout(tabId, (l) => ({ ...l, width: nextWidth(l.width) })),
    'open-options': async () => browser.runtime.openOptionsPage(),
  };
}
