import type { Browser } from 'wxt/browser';
import { savedClient, saveSecret, testConnection } from '@/lib/connection';
import { CLIENT_SECRET, openSecret } from '@/lib/secrets';
import { db, wipeAll } from '@/lib/db';
import type { Employee } from '@/lib/employee';
import { cachedPhoto, cachedVacation, fetchPhoto, fetchVacation } from '@/lib/extras';
import { pageRequestSchema, panelToBackgroundSchema, PANEL_PORT, PROGRESS_BROADCAST, requesterMessageSchema, siteForPageSchema, type PageRequest, type RequesterReply, type SettingsPatch } from '@/lib/messages';
import { conversationModel, orgOf, personView, type PanelModel, type PanelPush, type TabConversation } from '@/lib/panel-model';
import type { PersonExtras } from '@/lib/person-view';
import { forgetSearchIndex, onFirstLetters, peopleIndex, searchPeople, updateSearchIndex } from '@/lib/search';
import { CONTENT_SCRIPT_FILE } from '@/lib/sites';
import { isContentScriptSender, isExtensionPageSender, isPanelSender } from '@/lib/senders';
import { applySettingsChange, customDomainPattern, isConnected, parseSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';
import { applyPolicy, parsePolicy, POLICY_READ_LIMIT_MS, withTimeLimit, type LockedSetting, type ManagedPolicy } from '@/lib/managed';
import { PolicyUnavailableError, toErrorInfo, type ErrorInfo } from '@/lib/personio/errors';
import { shownFields, storedFields } from '@/lib/fields';
import { applyStoredFields } from '@/lib/sync/stored-fields';
import { scopeHash } from '@/lib/sync/filters';
import { FIRST_LETTERS_KEY, LAST_STATUS_KEY, type StatusReply } from '@/lib/status';
import { layoutFor, LAYOUT_KEY, nextWidth, parseLayoutPrefs, type LayoutPrefs, type PanelLayout } from '@/lib/panel-layout';
import { readSyncState, runSync, type SyncRequest } from '@/lib/sync/run';
import type { SyncProgress } from '@/lib/sync/progress';
import { isStale, RESUME_ALARM, SyncCoordinator, SYNC_ALARM } from '@/lib/sync/schedule';

/**
 * Wiring only: browser events in, lib/ functions out. The background owns the secret,
 * the token and the database; pages and content scripts ask it over one checked protocol.
 */
export default defineBackground(() => {
  const extensionId = browser.runtime.id;
  const extensionOrigin = browser.runtime.getURL('/');
  const panels = new Map<number, Browser.runtime.Port>();
  /** The site of each tab that has our content script, for layout preferences. */
  const siteOfTab = new Map<number, string>();
  let progress: SyncProgress | undefined;

  /**
   * The organisation's policy. Chromium can take seconds to answer the first
   * storage.managed read after start-up, so it is read once, kept, and re-read when it
   * changes; pages asking for status meanwhile are answered without waiting for it.
   */
  let policyCache: ManagedPolicy | undefined;
  function loadPolicy(): Promise<ManagedPolicy> {
    const read = browser.storage.managed.get().then(
      (raw) => (policyCache = parsePolicy(raw)),
      () => (policyCache = {}), // no policy (or a browser without managed storage)
    );
    // Chromium 156 has been seen never to answer: a host permission granted while its first
    // read after start-up was pending left managed storage silent for the whole session.
    // Then what depends on policy fails with a message instead of waiting for ever (and
    // never goes ahead without the policy); a late answer is still taken.
    return withTimeLimit(read, POLICY_READ_LIMIT_MS, () => new PolicyUnavailableError());
  }
  let policyReady = loadPolicy();
  policyReady.catch(() => undefined);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    policyReady = loadPolicy();
    void policyReady.then(() => refreshAllPanels(), () => undefined);
  });

  async function policy(): Promise<ManagedPolicy> {
    if (policyCache) return policyCache;
    try {
      return await policyReady;
    } catch (error) {
      policyReady = loadPolicy(); // the next request asks the browser again
      policyReady.catch(() => undefined);
      throw error;
    }
  }

  /** A request that needs the policy, answered when the browser would not give it. */
  function policyError(error: unknown): { ok: false; error: ErrorInfo } {
    if (error instanceof PolicyUnavailableError) return { ok: false, error: toErrorInfo(error) };
    throw error;
  }

  /** The admin's settings with the organisation's policy applied on top. */
  async function settingsAndLocks({ waitForPolicy = true }: { waitForPolicy?: boolean } = {}): Promise<{ settings: Settings; locked: Set<LockedSetting> }> {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    const managed = waitForPolicy ? await policy() : (policyCache ?? {});
    return applyPolicy(parseSettings(stored[SETTINGS_KEY]), managed);
  }

  async function settings(): Promise<Settings> {
    return (await settingsAndLocks()).settings;
  }

  /** Settings for answering the panel and pages fast: the policy as known now (see policyCache). */
  async function settingsNow(): Promise<Settings> {
    return (await settingsAndLocks({ waitForPolicy: false })).settings;
  }

  /** A Personio client for the saved connection (a policy-provided secret wins over the saved one). */
  async function clientFor(current: Settings) {
    const policySecret = (await policy()).clientSecret;
    return savedClient(current, {}, policySecret);
  }

  // The popup's first keystroke, answered before this worker is awake (public/early-status.js).
  onFirstLetters((letters) => {
    const write = letters ? browser.storage.session.set({ [FIRST_LETTERS_KEY]: letters }) : browser.storage.session.remove(FIRST_LETTERS_KEY);
    void write.catch(() => undefined);
  });

  // --- sync ---------------------------------------------------------------------------
  const coordinator = new SyncCoordinator(async (request: SyncRequest) => {
    const current = await settings();
    const client = await clientFor(current);
    if (!client) throw new Error('not connected');
    const hasCustom = current.fields.some((f) => f.store && f.key.startsWith('dynamic_'));
    const attributeDefinitions = hasCustom ? await client.attributes().catch(() => []) : [];
    // While a run is under way, a wake-up alarm resumes it should the worker be stopped.
    await browser.alarms.create(RESUME_ALARM, { delayInMinutes: 1, periodInMinutes: 1 });
    const changed = new Set<number>();
    let resumed = false;
    try {
      const log = await runSync({ client, settings: current, attributeDefinitions, onProgress: announce, onRowsChanged: (ids) => ids.forEach((id) => changed.add(id)) }, request);
      resumed = log.resumed === true;
      return log;
    } finally {
      // Search follows the rows this run changed. A resumed run changed rows before the
      // worker stopped too, which no one counted: the index is rebuilt whole.
      await updateSearchIndex(resumed ? 'all' : changed).catch(() => undefined);
      void updateBadge();
      await browser.alarms.clear(RESUME_ALARM);
      progress = undefined;
      void refreshAllPanels();
    }
  });

  /** A "!" on the toolbar icon while syncing fails or the data is stale. */
  async function updateBadge(): Promise<void> {
    const current = await settings();
    const state = await readSyncState();
    const problem = isConnected(current) && (isStale(state, current.intervalMinutes, Date.now()) || (state.lastError !== undefined && state.lastError.at > (state.lastSuccessAt ?? 0)));
    const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
    await action.setBadgeText({ text: problem ? '!' : '' });
    if (problem) await action.setBadgeBackgroundColor({ color: '#b91c1c' });
  }

  function announce(p: SyncProgress): void {
    progress = p;
    browser.runtime.sendMessage({ type: PROGRESS_BROADCAST, progress: p }).catch(() => undefined);
    if (p.stage === 'starting' || p.stage === 'done') void refreshAllPanels();
  }

  function startSync(request: SyncRequest = 'auto') {
    return coordinator.request(request).catch(() => undefined);
  }

  async function schedule(): Promise<void> {
    const current = await settings();
    if (!isConnected(current)) {
      await browser.alarms.clear(SYNC_ALARM);
      return;
    }
    const existing = await browser.alarms.get(SYNC_ALARM);
    if (existing?.periodInMinutes !== current.intervalMinutes) {
      await browser.alarms.create(SYNC_ALARM, { delayInMinutes: current.intervalMinutes, periodInMinutes: current.intervalMinutes });
    }
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RESUME_ALARM) void startSync('auto');
  });

  // A run the worker was stopped in the middle of resumes as soon as the worker wakes.
  // A managed deployment whose policy carries credentials connects itself.
  void (async () => {
    const current = await settings();
    const managed = await policy();
    if (!isConnected(current) && managed.clientId && managed.clientSecret) {
      await connect({ baseUrl: current.baseUrl, clientId: managed.clientId, clientSecret: managed.clientSecret });
      return;
    }
    const state = await readSyncState();
    if (state.checkpoint && isConnected(current)) void startSync('auto');
    await schedule();
    await updateBadge();
    await registerCustomDomains();
  })();

  // --- panel model ----------------------------------------------------------------------
  const TAB_KEY = (tabId: number) => `tab:${tabId}`;

  async function tabConversation(tabId: number): Promise<TabConversation | undefined> {
    const stored = await browser.storage.session.get(TAB_KEY(tabId));
    return stored[TAB_KEY(tabId)] as TabConversation | undefined;
  }

  async function setTabConversation(tabId: number, value: TabConversation | undefined): Promise<void> {
    if (value) await browser.storage.session.set({ [TAB_KEY(tabId)]: value });
    else await browser.storage.session.remove(TAB_KEY(tabId));
  }

  /** Lazy fetches that failed in this worker's life: not retried on every panel push (no loop). */
  const failedFetches = new Set<string>();

  /** Cached photo and balance now; fetch what is missing and push the panel again when it arrives. */
  async function extrasFor(employee: Employee, current: Settings, onLate: () => void): Promise<Pick<PersonExtras, 'photo' | 'vacation'>> {
    const shown = shownFields(current.fields);
    const now = Date.now();
    const extras: Pick<PersonExtras, 'photo' | 'vacation'> = {};
    const late: Promise<unknown>[] = [];
    if (shown.includes('photo') && employee.photoUrl) {
      const photo = await cachedPhoto(employee, now);
      const key = `photo:${employee.id}`;
      if (photo) extras.photo = photo;
      else if (photo === undefined && !failedFetches.has(key)) {
        late.push(clientFor(current).then((c) => c && fetchPhoto(c, employee, now)).catch(() => failedFetches.add(key)));
      }
    }
    if (shown.includes('vacationBalance')) {
      const vacation = await cachedVacation(employee.id, now);
      const key = `balance:${employee.id}`;
      if (vacation) extras.vacation = vacation;
      else if (failedFetches.has(key)) extras.vacation = { state: 'unavailable' };
      else {
        extras.vacation = { state: 'loading' };
        late.push(clientFor(current).then((c) => (c ? fetchVacation(c, employee.id, now) : undefined)).catch(() => failedFetches.add(key)));
      }
    }
    if (late.length) void Promise.allSettled(late).then(onLate);
    return extras;
  }

  async function panelModel(tabId: number, tab: TabConversation | undefined): Promise<PanelModel> {
    const current = await settingsNow();
    if (!isConnected(current)) return { state: 'not-connected' };
    const state = await readSyncState();
    if (state.lastSuccessAt === undefined && (await db().employees.count()) === 0) {
      return { state: 'first-sync', ...(progress ? { progress } : {}) };
    }
    if (!tab) return { state: 'idle' };
    const now = Date.now();
    return conversationModel(tab, current, {
      now,
      stale: isStale(state, current.intervalMinutes, now),
      extrasFor: (e) => extrasFor(e, current, () => void pushPanel(tabId)),
    });
  }

  async function layoutPrefs(): Promise<LayoutPrefs> {
    return parseLayoutPrefs((await browser.storage.local.get(LAYOUT_KEY))[LAYOUT_KEY]);
  }

  /** Layout is remembered per site, and told to both the page's frame and the panel. */
  async function changeLayout(tabId: number, site: string, change: (current: PanelLayout) => PanelLayout): Promise<void> {
    const prefs = await layoutPrefs();
    const layout = change(layoutFor(prefs, site));
    await browser.storage.local.set({ [LAYOUT_KEY]: { sites: { ...prefs, [site]: layout } } });
    await browser.tabs.sendMessage(tabId, { type: 'panel-layout', layout }).catch(() => undefined);
    await pushPanel(tabId);
  }

  async function pushPanel(tabId: number): Promise<void> {
    const port = panels.get(tabId);
    if (!port) return;
    const tab = await tabConversation(tabId);
    const model = await panelModel(tabId, tab);
    const { language } = await settingsNow();
    const site = tab?.site ?? siteOfTab.get(tabId);
    const layout = layoutFor(await layoutPrefs(), site);
    try {
      port.postMessage({ model, layout, language } satisfies PanelPush);
    } catch {
      panels.delete(tabId);
    }
  }

  async function refreshAllPanels(): Promise<void> {
    await Promise.all([...panels.keys()].map((id) => pushPanel(id)));
  }

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT || !isPanelSender(port.sender ?? {}, extensionId)) {
      port.disconnect();
      return;
    }
    const tabId = port.sender?.tab?.id;
    if (tabId === undefined) return;
    panels.set(tabId, port);
    port.onDisconnect.addListener(() => {
      if (panels.get(tabId) === port) panels.delete(tabId);
    });
    port.onMessage.addListener((raw: unknown) => {
      const parsed = panelToBackgroundSchema.safeParse(raw);
      if (parsed.success) void onPanelMessage(tabId, parsed.data);
    });
    void pushPanel(tabId);
  });

  async function onPanelMessage(tabId: number, message: ReturnType<typeof panelToBackgroundSchema.parse>): Promise<void> {
    const tab = await tabConversation(tabId);
    switch (message.type) {
      case 'collapse':
      case 'wider': {
        const site = tab?.site ?? siteOfTab.get(tabId);
        if (!site) return;
        await changeLayout(tabId, site, (l) => (message.type === 'collapse' ? { ...l, collapsed: message.collapsed } : { ...l, width: nextWidth(l.width) }));
        return;
      }
      case 'open-options':
        await browser.runtime.openOptionsPage();
        return;
    }
    if (!tab) return;
    switch (message.type) {
      case 'select':
        if (tab.participants.some((p) => p.email === message.email)) {
          await setTabConversation(tabId, { ...tab, selected: message.email, opened: [] });
        }
        break;
      case 'open-person':
        await setTabConversation(tabId, { ...tab, opened: [...tab.opened, message.id].slice(-20) });
        break;
      case 'back':
        await setTabConversation(tabId, { ...tab, opened: tab.opened.slice(0, -1) });
        break;
      case 'search': {
        const results = message.query.trim() ? await searchPeople(message.query, 8) : [];
        await setTabConversation(tabId, { ...tab, searchQuery: message.query, searchResults: results });
        break;
      }
    }
    await pushPanel(tabId);
  }

  browser.tabs.onRemoved.addListener((tabId) => {
    siteOfTab.delete(tabId);
    void setTabConversation(tabId, undefined);
  });

  // The keyboard shortcut (commands API) toggles the panel of the active tab.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-panel' || tab?.id === undefined) return;
    const site = siteOfTab.get(tab.id);
    if (!site) return;
    void changeLayout(tab.id, site, (l) => ({ ...l, collapsed: !l.collapsed }));
  });

  // --- messages ------------------------------------------------------------------------
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (sender.tab && sender.frameId === 0 && sender.id === extensionId && !isExtensionPageSender(sender, extensionOrigin)) {
      return onContentScript(raw, sender);
    }
    if (isExtensionPageSender(sender, extensionOrigin) && !isPanelSender(sender, extensionId)) {
      const parsed = pageRequestSchema.safeParse(raw);
      return parsed.success ? onPageRequest(parsed.data) : undefined;
    }
    return undefined;
  });

  /** Content scripts: on a supported site, or on a domain the admin added (checked against settings). */
  async function onContentScript(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
    const current = await settingsNow();
    const customPatterns = current.customDomains.map((d) => customDomainPattern(d.host));
    if (!isContentScriptSender(sender, extensionId, customPatterns) || sender.tab?.id === undefined) return undefined;
    if (siteForPageSchema.safeParse(raw).success) {
      const host = new URL(sender.url ?? '').hostname;
      return { site: current.customDomains.find((d) => d.host === host)?.site ?? null };
    }
    const parsed = requesterMessageSchema.safeParse(raw);
    return parsed.success ? onRequester(sender.tab.id, parsed.data) : undefined;
  }

  /** Register our content script for each admin-added domain (host access was granted by the admin). */
  async function registerCustomDomains(): Promise<void> {
    if (!browser.scripting?.registerContentScripts) return;
    const current = await settings();
    const existing = await browser.scripting.getRegisteredContentScripts();
    const wanted = new Map(current.customDomains.map((d) => [`custom-${d.host}`, d]));
    // Stale: a domain no longer wanted, or a registration of an older build's script file.
    const isCurrent = (s: (typeof existing)[number]) => wanted.has(s.id) && s.js?.length === 1 && s.js[0] === CONTENT_SCRIPT_FILE;
    const stale = existing.filter((s) => s.id.startsWith('custom-') && !isCurrent(s)).map((s) => s.id);
    if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
    for (const [id, domain] of wanted) {
      if (existing.some((s) => s.id === id && isCurrent(s))) continue;
      const origins = [customDomainPattern(domain.host)];
      if (!(await browser.permissions.contains({ origins }))) continue;
      await browser.scripting.registerContentScripts([{ id, matches: origins, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true }]);
    }
  }

  async function onRequester(tabId: number, message: ReturnType<typeof requesterMessageSchema.parse>): Promise<RequesterReply> {
    siteOfTab.set(tabId, message.site);
    const layout = layoutFor(await layoutPrefs(), message.site);
    const current = await settingsNow();
    if (current.disabledSites.includes(message.site) || !message.conversation || message.conversation.participants.length === 0) {
      await setTabConversation(tabId, undefined);
      return { visible: false, layout };
    }
    const previous = await tabConversation(tabId);
    const participants = message.conversation.participants;
    const sameConversation = previous && previous.participants.map((p) => p.email).join() === participants.map((p) => p.email).join();
    const first = participants[0];
    if (!first) return { visible: false, layout };
    await setTabConversation(tabId, sameConversation && previous ? previous : { site: message.site, participants, selected: first.email, opened: [] });
    await pushPanel(tabId);
    return { visible: true, layout };
  }

  async function onPageRequest(request: PageRequest): Promise<unknown> {
    switch (request.type) {
      case 'status':
        // Pages that ask for status (the popup first of all) are about to search: load the
        // index now, not on the first keystroke. Not on every wake: panels never search first.
        void peopleIndex().catch(() => undefined);
        return status().then((reply) => {
          // The popup shows this copy when it opens while the worker sleeps (see
          // public/early-status.js). Session storage: memory only, extension pages only.
          const keep = reply.connected ? browser.storage.session.set({ [LAST_STATUS_KEY]: reply }) : browser.storage.session.remove(LAST_STATUS_KEY);
          void keep.catch(() => undefined);
          return reply;
        });
      case 'test-connection': {
        const current = await settings().catch(policyError);
        if ('error' in current) return current;
        const secret = request.credentials.clientSecret ?? (await savedSecretFor(current, request.credentials.clientId));
        if (!secret) return { ok: false, error: { kind: 'bad-credentials', detail: 'no secret' } };
        return testConnection({ ...request.credentials, clientSecret: secret }, current.fields);
      }
      case 'connect':
        return connect(request.credentials);
      case 'disconnect':
        await disconnect();
        return { ok: true };
      case 'sync-now':
        void startSync(request.full ? 'full' : 'auto');
        return { ok: true };
      case 'settings-changed':
        await schedule();
        await refreshAllPanels();
        return { ok: true };
      case 'search':
        return searchPeople(request.query, request.limit ?? 20);
      case 'attributes': {
        const client = await clientFor(await settings());
        if (!client) return { ok: false, error: { kind: 'bad-credentials' } };
        try {
          return { ok: true, attributes: (await client.attributes()).map((a) => ({ key: a.key, label: a.label })) };
        } catch (e) {
          return { ok: false, error: toErrorInfo(e) };
        }
      }
      case 'save-settings':
        return saveSettings(request.patch);
      case 'person': {
        const employee = await db().employees.get(request.id);
        if (!employee) return null;
        const current = await settings();
        const extras = await extrasFor(employee, current, () => undefined);
        return { person: await personView(employee, current, Date.now(), extras), org: await orgOf(employee) };
      }
    }
  }

  async function savedSecretFor(current: Settings, clientId: string): Promise<string | undefined> {
    if (current.clientId !== clientId) return undefined;
    return openSecret(CLIENT_SECRET);
  }

  async function connect(credentials: { baseUrl: string; clientId: string; clientSecret?: string | undefined }) {
    const current = await settings().catch(policyError);
    if ('error' in current) return current;
    const secret = credentials.clientSecret ?? (await savedSecretFor(current, credentials.clientId));
    if (!secret) return { ok: false, error: { kind: 'bad-credentials', detail: 'no secret' } };
    const result = await testConnection({ ...credentials, clientSecret: secret }, current.fields);
    if (!result.ok) return result; // nothing is stored for credentials that do not work
    await saveSecret(secret);
    const next: Settings = { ...current, baseUrl: credentials.baseUrl, clientId: credentials.clientId, secretHint: secret.slice(-4), connectedAt: Date.now() };
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    await schedule();
    void startSync('full');
    return result;
  }

  async function saveSettings(patch: SettingsPatch): Promise<{ ok: boolean }> {
    const { settings: before, locked } = await settingsAndLocks();
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    const next = applySettingsChange(parseSettings(stored[SETTINGS_KEY]), patch, locked);
    if (!next) return { ok: false };
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    const after = await settings();
    // Fields no longer stored disappear from every record now, not at the next sync, and
    // from the search index (it holds positions and departments).
    if ((await applyStoredFields(db(), storedFields(after.fields))) > 0) await updateSearchIndex('all');
    await registerCustomDomains();
    await schedule();
    if (scopeHash(before.filters, before.fields) !== scopeHash(after.filters, after.fields) && isConnected(after)) void startSync('full');
    await refreshAllPanels();
    return { ok: true };
  }

  async function disconnect(): Promise<void> {
    await browser.alarms.clearAll();
    const custom = (await settings()).customDomains.map((d) => customDomainPattern(d.host));
    await wipeAll();
    forgetSearchIndex();
    await browser.storage.local.clear();
    await browser.storage.session.clear();
    await registerCustomDomains();
    if (custom.length) await browser.permissions.remove({ origins: custom }).catch(() => false);
    await updateBadge();
    await refreshAllPanels();
  }

  async function status(): Promise<StatusReply> {
    const { settings: current, locked } = await settingsAndLocks({ waitForPolicy: false });
    const state = await readSyncState();
    const log = await db().syncLog.orderBy('startedAt').reverse().limit(50).toArray();
    const now = Date.now();
    const storageBytes = await navigator.storage?.estimate?.().then((e) => e.usage).catch(() => undefined);
    const alarm = await browser.alarms.get(SYNC_ALARM);
    return {
      connected: isConnected(current),
      clientId: current.clientId,
      secretHint: current.secretHint,
      baseUrl: current.baseUrl,
      // As of the last success: counting 50,000 rows in IndexedDB takes tens of milliseconds,
      // on every status request (the popup waits for it). Before one, rows are few or none.
      employeeCount: state.employeeCount ?? (await db().employees.count()),
      lastSuccessAt: state.lastSuccessAt,
      lastError: state.lastError,
      stale: isStale(state, current.intervalMinutes, now),
      running: coordinator.isRunning ? (progress ?? null) : null,
      log,
      settings: { fields: current.fields, filters: current.filters, intervalMinutes: current.intervalMinutes, disabledSites: current.disabledSites, language: current.language, customDomains: current.customDomains },
      locked: [...locked],
      ...(state.population ? { population: state.population } : {}),
      ...(storageBytes !== undefined ? { storageBytes } : {}),
      ...(alarm ? { nextSyncAt: alarm.scheduledTime } : {}),
    };
  }
});
