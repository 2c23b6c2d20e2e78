import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { stubMissingApis } from '../../test/unit/background-harness';
import { db, wipeAll } from '../db';
import { EMPLOYEE_RECORD_VERSION } from '../employee';
import { SETTINGS_KEY } from '../settings';
import { contentHandlers } from './content-handlers';
import { EXTRAS_AFTER_CARD_MS, PanelHub } from './panel-hub';
import { createServices } from './services';
import { DEFAULT_LAYOUT, LAYOUT_KEY } from '../panel-layout';

const conversation = { key: 'k', participants: [{ email: 'ada@acme.example', name: 'Ada Lovelace', role: 'from' as const }] };

beforeEach(async () => {
  fakeBrowser.reset();
  stubMissingApis();
  await wipeAll();
});

describe('pages asked again once Sidecard is connected', () => {
  it('asks a page that reported while not connected, even before its panel has attached', async () => {
    // A managed deployment connects by itself at start-up, while the first pages load: the
    // page may report before the connection and its panel frame attach only after it.
    const services = createServices();
    const reply = await contentHandlers(services).requester(
      { type: 'requester', site: 'gmail', page: { status: 'found', conversation } },
      { tabId: 5, host: 'mail.google.com', snapshot: await services.settings.now() },
    );
    expect(reply).toMatchObject({ visible: true });
    await services.panels.askPagesAgain();
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(5, { type: 'report-again' });
  });

  it('no longer asks a tab that was closed', async () => {
    const services = createServices();
    await contentHandlers(services).requester(
      { type: 'requester', site: 'gmail', page: { status: 'found', conversation } },
      { tabId: 5, host: 'mail.google.com', snapshot: await services.settings.now() },
    );
    services.panels.forgetTab(5);
    await services.panels.askPagesAgain();
    expect(fakeBrowser.tabs.sendMessage).not.toHaveBeenCalled();
  });
});

describe('the panel layout kept across the worker’s life', () => {
  const narrowOff = (services: ReturnType<typeof createServices>) => services.panels.noteSite(5, 'gmail', false);

  it('reads the stored layout once, keeps each change, and a worker started anew finds it', async () => {
    await fakeBrowser.storage.local.set({ [LAYOUT_KEY]: { sites: { gmail: { collapsed: true, width: 420 } } } });
    const services = createServices();
    narrowOff(services);
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await services.panels.layoutOfTab(5)).toEqual({ collapsed: true, width: 420 });
    await services.panels.changeLayout(5, (layout) => ({ ...layout, collapsed: false }));
    expect(await services.panels.layoutOfTab(5)).toEqual({ collapsed: false, width: 420 });
    // A conversation opening costs no round trip to the browser for the layout.
    await services.panels.layoutOnReport(5, 'gmail', true);
    expect(reads.mock.calls.filter(([key]) => key === LAYOUT_KEY)).toHaveLength(1);
    expect(await fakeBrowser.storage.local.get(LAYOUT_KEY)).toEqual({ [LAYOUT_KEY]: { sites: { gmail: { collapsed: false, width: 420 } } } });
    const restarted = createServices();
    narrowOff(restarted);
    expect(await restarted.panels.layoutOfTab(5)).toEqual({ collapsed: false, width: 420 });
  });

  it('reads the layout again once told storage was cleared behind it (disconnect)', async () => {
    const services = createServices();
    narrowOff(services);
    await services.panels.changeLayout(5, (layout) => ({ ...layout, width: 300 }));
    await fakeBrowser.storage.local.clear();
    services.panels.forgetLayouts();
    expect(await services.panels.layoutOfTab(5)).toEqual(DEFAULT_LAYOUT);
  });
});

describe('pushes to one panel that overlap', () => {
  it('never sends a model made before the one the panel already has', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { clientId: 'sim-client-id', connectedAt: 1 } });
    await db().employees.put({ v: EMPLOYEE_RECORD_VERSION, id: 1, email: 'ada@acme.example', firstName: 'Ada', lastName: 'Lovelace', status: 'active', nameTokens: ['ada', 'lovelace'] });
    const services = createServices();
    // The first push waits for its clock until the second has been sent.
    let release = () => {};
    const held = new Promise<number>((resolve) => (release = () => resolve(Date.now())));
    let calls = 0;
    const now = () => (++calls === 1 ? held : Promise.resolve(Date.now()));
    const hub = new PanelHub({ sessions: services.sessions, settings: services.settings, extras: services.extras, progress: () => undefined, now });
    const port = { postMessage: vi.fn(), onDisconnect: { addListener: () => undefined } };
    hub.attach(5, port as never);
    const snapshot = await services.settings.now();
    const ada = { site: 'gmail', participants: [{ email: 'ada@acme.example', name: 'Ada Lovelace', role: 'from' as const }], selected: 'ada@acme.example', opened: [] };

    // Back to the inbox (no one), then at once a conversation with Ada: the first push finishes last.
    const emptied = hub.push(5, snapshot, { tab: undefined, layout: DEFAULT_LAYOUT });
    await hub.push(5, snapshot, { tab: ada, layout: DEFAULT_LAYOUT });
    release();
    await emptied;
    const sent = port.postMessage.mock.calls.map(([push]) => (push as { model: { state: string; person?: { name: string } } }).model);
    expect(sent.map((m) => m.person?.name ?? m.state)).toEqual(['Ada Lovelace']);
    expect(hub.mayShowSomeone(5)).toBe(true);
  });
});

describe('a card’s photo and balance', () => {
  it('are fetched only a moment after the card is sent, not while the frame draws it', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { clientId: 'sim-client-id', connectedAt: 1 } });
    await db().employees.put({ v: EMPLOYEE_RECORD_VERSION, id: 1, email: 'ada@acme.example', firstName: 'Ada', lastName: 'Lovelace', status: 'active', nameTokens: ['ada', 'lovelace'] });
    const services = createServices();
    let fetchesMayStart: Promise<unknown> | undefined;
    const extras = {
      forCard: vi.fn((_employee: unknown, _settings: unknown, request: { startAfter?: Promise<unknown> }) => {
        fetchesMayStart = request.startAfter;
        return Promise.resolve({});
      }),
    };
    const hub = new PanelHub({ sessions: services.sessions, settings: services.settings, extras: extras as never, progress: () => undefined, now: () => Promise.resolve(Date.now()) });
    let cardSentAt = Number.NaN;
    const port = { postMessage: vi.fn((_push: unknown) => (cardSentAt = performance.now())), onDisconnect: { addListener: () => undefined } };
    hub.attach(5, port as never);
    const ada = { site: 'gmail', participants: [{ email: 'ada@acme.example', name: 'Ada Lovelace', role: 'from' as const }], selected: 'ada@acme.example', opened: [] };

    await hub.push(5, await services.settings.now(), { tab: ada, layout: DEFAULT_LAYOUT });
    const sent = port.postMessage.mock.calls.map(([push]) => (push as { model: { person?: { name: string } } }).model.person?.name);
    expect(sent).toEqual(['Ada Lovelace']);
    expect(fetchesMayStart).toBeDefined();
    await fetchesMayStart;
    // Timer granularity: a timeout may fire up to a millisecond early by performance.now().
    expect(performance.now() - cardSentAt).toBeGreaterThanOrEqual(EXTRAS_AFTER_CARD_MS - 1);
  });
});
