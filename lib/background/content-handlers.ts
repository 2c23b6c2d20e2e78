import type { ContentRequests, Handlers } from '../messages';
import { unnamedTenantTab } from '../panel-model';
import { isConnected } from '../settings';
import { isUnnamedTenant } from '../tenants';
import type { BackgroundServices } from './services';
import type { SettingsSnapshot } from './settings-source';

/** Who sent a content script's request: checked by the caller before any handler runs. */
export interface ContentContext {
  tabId: number;
  /** The page's host, from the browser-stamped sender URL. */
  host: string;
  snapshot: SettingsSnapshot;
}

/** Content scripts' requests. Replies carry no HR data: the panel gets it over its own Port. */
export function contentHandlers(services: BackgroundServices): Handlers<ContentRequests, ContentContext> {
  const { panels, sessions } = services;
  return {
    'site-for-page': async (_message, { host, snapshot }) => ({
      site: snapshot.settings.customDomains.find((d) => d.host === host)?.site ?? null,
    }),

    'window-size': async ({ narrow }, { tabId }) => {
      if (!panels.siteOf(tabId)) return null;
      panels.noteNarrow(tabId, narrow);
      await panels.push(tabId);
      return { layout: await panels.layoutOfTab(tabId) };
    },

    requester: async (message, { tabId, host, snapshot }) => {
      panels.noteSite(tabId, message.site, message.narrow === true);
      if (message.newConversation === true) await panels.collapseNarrow(message.site);
      const layout = await panels.layoutOfTab(tabId, message.site);
      const { page } = message;
      if (snapshot.settings.disabledSites.includes(message.site) || page.status === 'none') {
        await sessions.set(tabId, undefined);
        return { visible: false, layout };
      }
      // Not connected: the panel only says so; the page's addresses are not kept either.
      if (!isConnected(snapshot.settings)) {
        await sessions.set(tabId, undefined);
        await panels.push(tabId, snapshot);
        return { visible: true, layout };
      }
      // Anyone can open a tenant of Zendesk, Freshdesk or Jira: on one the admin has not named,
      // the panel only offers to name it, and nobody is looked up (the addresses are not kept).
      if (isUnnamedTenant(host, snapshot.settings)) {
        await sessions.set(tabId, unnamedTenantTab(message.site, host));
        await panels.push(tabId, snapshot);
        return { visible: true, layout };
      }
      // A conversation whose requester is not (yet) found: the panel says so and offers its search.
      if (page.status === 'found') await sessions.update(tabId, { type: 'conversation', site: message.site, participants: page.conversation.participants });
      else await sessions.update(tabId, { type: 'page', site: message.site, key: page.key, ...(page.status === 'unreadable' ? { failed: page.failed } : {}) });
      await panels.push(tabId, snapshot);
      return { visible: true, layout };
    },
  };
}
