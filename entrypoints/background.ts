import { contentHandlers } from '@/lib/background/content-handlers';
import { pageHandlers } from '@/lib/background/page-handlers';
import { panelHandlers } from '@/lib/background/panel-handlers';
import { createRouter } from '@/lib/background/router';
import { createServices } from '@/lib/background/services';
import { onWorkerStart } from '@/lib/background/startup';
import { welcomeOnInstall } from '@/lib/background/welcome';
import { isSyncAlarm } from '@/lib/background/sync-alarms';
import { onFirstLetters } from '@/lib/search';
import { FIRST_LETTERS_KEY } from '@/lib/status';
import { fetchCheckAndMap, fetchCheckMapAndPut } from './bench/sync-floor';

/**
 * Wiring only: browser events in, handlers in lib/background/ out. The background owns the
 * secret, the token and the database; pages and content scripts ask it over one checked
 * protocol (lib/messages.ts).
 */
export default defineBackground(() => {
  const services = createServices();
  const handlers = { content: contentHandlers(services), page: pageHandlers(services), panel: panelHandlers(services) };
  const router = createRouter(services, handlers, { id: browser.runtime.id, origin: browser.runtime.getURL('/') });
  // The bench build only (compiled out of every other): the sync's floors that check and map
  // the pages (and put them) run where the sync runs, in this worker.
  if (import.meta.env.SIDECARD_BENCH) Object.assign(globalThis, { sidecardBenchWorker: { fetchCheckAndMap, fetchCheckMapAndPut } });

  // The reply is the promise the listener returns (the polyfill's contract), not a dropped one.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener(router.onMessage);
  browser.runtime.onConnect.addListener(router.onConnect);

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void welcomeOnInstall(reason, services, () => browser.runtime.openOptionsPage()).catch(() => undefined);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (isSyncAlarm(alarm.name)) void services.startSync('auto');
  });

  // The organisation's policy changed: every panel may show something else now.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void services.policy.reload().then(() => services.panels.pushAll(), () => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    services.panels.forgetTab(tabId);
    void services.sessions.set(tabId, undefined);
  });

  // The keyboard shortcut (commands API) toggles the panel of the active tab.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'toggle-panel' && tab?.id !== undefined) {
      void services.panels.changeLayout(tab.id, (l) => ({ ...l, collapsed: !l.collapsed }));
    }
  });

  // The popup's first keystroke, answered before this worker is awake (public/early-status.js).
  onFirstLetters((letters) => {
    const write = letters ? browser.storage.session.set({ [FIRST_LETTERS_KEY]: letters }) : browser.storage.session.remove(FIRST_LETTERS_KEY);
    void write.catch(() => undefined);
  });

  void onWorkerStart(services, handlers.page.connect).catch(() => undefined);
});
