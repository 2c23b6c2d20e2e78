import { db, wipeAll } from '../db';
import { storedFields } from '../fields';
import { applyPolicy } from '../managed';
import type { Handlers, PageRequests } from '../messages';
import { openPerson } from '../panel-model';
import { BALANCE_WAIT_MS } from './lazy-extras';
import { forgetSearchIndex, markSearchIndexBehind, peopleIndex, searchPeople, updateSearchIndex } from '../search';
import { applySettingsChange, customDomainPattern, defaultSettings, isConnected } from '../settings';
import { FIRST_LETTERS_KEY, LAST_STATUS_KEY } from '../status';
import { scopeHash } from '../sync/filters';
import { applyStoredFields } from '../sync/stored-fields';
import { connectionHandlers } from './connection-handlers';
import { settledOrFailure } from './failure';
import { registerCustomDomains } from './custom-domains';
import type { BackgroundServices } from './services';
import { statusReply } from './status-reply';
import { scheduleSync } from './sync-alarms';
import { pause } from '../next-task';

/** Requests from the options page and the popup (never from the panel or a content script). */
export function pageHandlers(services: BackgroundServices): Handlers<PageRequests, void> {
  const { settings, panels, sync } = services;
  return {
    ...connectionHandlers(services),

    status: async () => {
      // Pages that ask for status (the popup first of all) are about to search: load the
      // index now, not on the first keystroke. Not on every wake: panels never search first.
      void peopleIndex().catch(() => undefined);
      const reply = await statusReply(await settings.now(), sync);
      // The popup shows this copy when it opens while the worker sleeps (see
      // public/early-status.js). Session storage: memory only, extension pages only.
      const keep = reply.connected ? browser.storage.session.set({ [LAST_STATUS_KEY]: reply }) : browser.storage.session.remove(LAST_STATUS_KEY);
      void keep.catch(() => undefined);
      return reply;
    },

    disconnect: async () => {
      const { settings: current } = await settings.now();
      const custom = current.customDomains.map((d) => customDomainPattern(d.host));
      // Twice: at once, and after the aborted sync and fetches have settled.
      await services.disconnect(async () => {
        await browser.alarms.clearAll();
        await wipeAll();
        forgetSearchIndex();
        services.extras.forget();
        await browser.storage.local.clear();
        panels.forgetLayouts();
        settings.forget();
        await browser.storage.session.clear();
        services.sessions.forget();
      });
      await registerCustomDomains(defaultSettings());
      if (custom.length) await browser.permissions.remove({ origins: custom }).catch(() => false);
      await services.refreshBadge();
      await panels.pushAll();
      return { ok: true };
    },

    'sync-now': async ({ full }) => {
      void services.startSync(full ? 'full' : 'auto');
      return { ok: true };
    },

    'settings-changed': async () => {
      await scheduleSync((await settings.settled()).settings);
      await panels.pushAll();
      return { ok: true };
    },

    search: async ({ query, limit }) => searchPeople(query, limit ?? 20),

    person: async ({ id, wait }) => {
      const { settings: current } = await settings.settled();
      let arrived = Promise.resolve();
      // Each drawing is for its own moment: a balance still loading turns into "taking too long".
      const draw = async () => {
        let signal: () => void = () => undefined;
        arrived = new Promise<void>((resolve) => (signal = resolve));
        return openPerson(id, current, (employee) => services.extras.forCard(employee, current, { from: 'popup', onLate: () => signal() }), undefined, await services.now());
      };
      let opened = await draw();
      // The popup asks again with `wait` while the balance loads: it gets the balance, or why there is none.
      const deadline = Date.now() + BALANCE_WAIT_MS + 500;
      while (wait && opened?.person.vacation?.state === 'loading' && Date.now() < deadline) {
        await Promise.race([arrived, pause(deadline - Date.now())]);
        opened = await draw();
      }
      return opened;
    },

    'retry-balance': async ({ id }) => {
      services.extras.retryBalance(id);
      return { ok: true };
    },

    'save-settings': async ({ patch }) => {
      const before = await settledOrFailure(settings);
      if ('error' in before) return before;
      const own = applySettingsChange(before.own, patch, before.locked);
      if (!own) return { ok: false };
      await settings.store(own);
      const after = applyPolicy(own, before.policy).settings;
      // Fields no longer stored disappear from every record now, not at the next sync, and
      // from the search index (it holds positions and departments).
      if (patch.fields) await markSearchIndexBehind();
      await updateSearchIndex((await applyStoredFields(db(), storedFields(after.fields))).length > 0 ? 'all' : []);
      // Searches kept for the panels and the popup were made under the old fields and filters
      // (so was the popup's last status): they go, and are made afresh.
      if (patch.fields || patch.filters) {
        await services.sessions.dropSearches();
        await browser.storage.session.remove([FIRST_LETTERS_KEY, LAST_STATUS_KEY]);
      }
      await registerCustomDomains(after);
      await scheduleSync(after);
      const scopeChanged = scopeHash(before.settings) !== scopeHash(after);
      // One sync once the admin stops changing things, not one per toggle.
      if (scopeChanged && isConnected(after)) services.syncWhenSettled();
      await panels.pushAll();
      // A tenant or site just named or switched on: its open pages kept no address while it was
      // not, so they say again who they show (the ticket the admin came from fills in by itself).
      if (patch.tenants || patch.disabledSites) await panels.askPagesAgain();
      return { ok: true };
    },
  };
}
