import type { ContentRequests, Handlers } from '../messages';
import { unnamedTenantTab, type TabConversation } from '../panel-model';
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
    'window-size': async ({ narrow }, { tabId }) => {
      if (!panels.siteOf(tabId)) return null;
      panels.noteNarrow(tabId, narrow);
      await panels.push(tabId);
      return { layout: await panels.layoutOfTab(tabId) };
    },

    requester: async (message, { tabId, host, snapshot }) => {
      panels.noteSite(tabId, message.site, message.narrow === true);
      // The layout is read while the session is written: both are on the way to the panel.
      const layout = panels.layoutOnReport(tabId, message.site, message.newConversation === true);
      layout.catch(() => undefined); // awaited below, unless the session write fails first
      const { page } = message;
      if (snapshot.settings.disabledSites.includes(message.site) || page.status === 'none') {
        await sessions.set(tabId, undefined);
        // The hidden frame lets go of its card: shown again for the next conversation, it
        // then has no one else's card to show before that conversation's arrives.
        if (panels.mayShowSomeone(tabId)) void panels.push(tabId, snapshot, { tab: undefined, layout }).catch(() => undefined);
        return { visible: false, layout: await layout };
      }
      // Not connected: the panel only says so; the page's addresses are not kept either.
      if (!isConnected(snapshot.settings)) {
        await sessions.set(tabId, undefined);
        await panels.push(tabId, snapshot, { tab: undefined, layout: await layout });
        return { visible: true, layout: await layout };
      }
      // Anyone can open a tenant of Zendesk, Freshdesk or Jira: on one the admin has not named,
      // the panel only offers to name it, and nobody is looked up (the addresses are not kept).
      let tab: TabConversation | undefined;
      let written: Promise<void>;
      if (isUnnamedTenant(host, snapshot.settings)) {
        tab = unnamedTenantTab(message.site, host);
        written = sessions.set(tabId, tab);
      }
      // A conversation whose requester is not (yet) found: the panel says so and offers its search.
      else if (page.status === 'found') ({ next: tab, written } = await sessions.apply(tabId, { type: 'conversation', site: message.site, participants: page.conversation.participants }));
      else ({ next: tab, written } = await sessions.apply(tabId, { type: 'page', site: message.site, key: page.key, ...(page.status === 'unreadable' ? { failed: page.failed } : {}) }));
      // The panel is drawn from the session while it is being kept. A frame that shows no one
      // (as a frame hidden between conversations does, see above) is shown at once and draws
      // the card when it comes: the page makes room for the panel (it lays itself out again)
      // while the card is being made, rather than after, when the frame needs the processor to
      // draw it. A frame that may still show someone is sent the new card before it is shown.
      const cardFirst = panels.mayShowSomeone(tabId);
      const drawn = Promise.all([written, panels.push(tabId, snapshot, { tab, layout })]);
      if (cardFirst) await drawn;
      else drawn.catch(() => undefined);
      return { visible: true, layout: await layout };
    },
  };
}
