import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from '../../personio-sim';
import { scenario as gmail } from '../../fixtures/sites/gmail/scenario';
import { scenario as zendesk } from '../../fixtures/sites/zendesk/scenario';
import { askFirefoxBackground, clickButton, countStoreRows, extensionPage, firefoxPanel, launchFirefox, typeInto, waitForText, type LaunchedFirefox } from './harness';
import { startSiteServer, type SiteServer } from './site-server';
import type { Page } from 'puppeteer-core';

/**
 * The slice a user lives in, in real Firefox ESR with the Firefox build: the admin connects on
 * the options page, the first sync runs against the simulator at Personio's host name, the
 * Gmail and Zendesk panels name the requester, the popup finds someone through a typo, and
 * disconnecting wipes the data. One browser for the whole story, step by step.
 */
describe('Firefox: connect → sync → Gmail and Zendesk → popup → disconnect', () => {
  let sim: Simulator;
  let server: SiteServer;
  let firefox: LaunchedFirefox;
  let options: Page;
  let mail: Page;

  beforeAll(async () => {
    sim = await startSimulator({ employees: 120, seed: 11 });
    server = await startSiteServer(sim, ['mail.google.com', 'acme.zendesk.com']);
    server.serve(gmail);
    server.serve(zendesk);
    firefox = await launchFirefox(server.hosts);
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    await sim?.close();
  });

  it('shows the panel on Gmail before it is set up, and its button opens the settings', async () => {
    mail = await firefox.browser.newPage();
    await mail.goto(gmail.startUrl);
    const panel = await firefoxPanel(mail);
    await waitForText(panel, 'Sidecard is not connected to Personio yet.');
    await clickButton(panel, 'Open settings');
    options = await extensionPage(firefox.browser, 'options.html');
    await waitForText(options, 'Connect to Personio');
  });

  it('connects with the client ID and secret and syncs every active employee', async () => {
    await typeInto(options, 'Client ID', DEFAULT_CREDENTIAL.clientId);
    await typeInto(options, 'Client secret', DEFAULT_CREDENTIAL.clientSecret);
    await clickButton(options, 'Connect');
    await waitForText(options, /Connected/, 30_000);
    const expected = sim.company.employees.filter((e) => e.status !== 'inactive').length;
    await expect.poll(() => countStoreRows(options, 'employees'), { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(expected);
    expect(sim.requests.some((r) => r.path.startsWith('/v1/company/employees'))).toBe(true);
  });

  it("names the Gmail sender in the panel, with position and supervisor", async () => {
    const panel = await firefoxPanel(mail);
    const text = await waitForText(panel, gmail.first.position);
    expect(text).toContain('Ada Lovelace');
    expect(text).toContain('Grace Hopper');
    // HR data stays in the extension's frame: the page's own DOM never holds it.
    expect(await mail.evaluate(() => document.documentElement.outerHTML)).not.toContain(gmail.first.position);
  });

  it("names the Zendesk ticket's requester once the admin names the company's tenant", async () => {
    expect(await askFirefoxBackground<{ ok: boolean }>(options, { type: 'save-settings', patch: { tenants: ['acme.zendesk.com'] } })).toMatchObject({ ok: true });
    const desk = await firefox.browser.newPage();
    await desk.goto(zendesk.startUrl);
    const text = await waitForText(await firefoxPanel(desk), zendesk.first.position);
    expect(text).toContain('Ada Lovelace');
    await desk.close();
  });

  it('finds a person from the popup through a typo', async () => {
    await options.evaluate(() => (globalThis as unknown as { browser: { tabs: { create(o: { url: string }): Promise<unknown> } } }).browser.tabs.create({ url: '/popup.html' }));
    const popup = await extensionPage(firefox.browser, 'popup.html');
    await typeInto(popup, 'Search people', 'lovelcae');
    const results = await waitForText(popup, 'Ada Lovelace');
    expect(results).toContain('Senior Software Engineer');
    await popup.close();
  });

  it('disconnects and wipes every store, and the panel says it is not connected', async () => {
    await clickButton(options, 'Disconnect and delete data');
    await clickButton(options, 'Disconnect and delete');
    await expect.poll(() => countStoreRows(options, 'employees'), { timeout: 15_000 }).toBe(0);
    for (const store of ['employees', 'timeOffBuckets', 'balances', 'photos', 'syncState', 'syncLog', 'vault', 'searchIndex']) {
      expect(await countStoreRows(options, store), store).toBe(0);
    }
    const local = await options.evaluate(() => (globalThis as unknown as { browser: { storage: { local: { get(k: null): Promise<object> } } } }).browser.storage.local.get(null));
    expect(local).toEqual({});
    await waitForText(await firefoxPanel(mail), 'Sidecard is not connected to Personio yet.');
  });
});
