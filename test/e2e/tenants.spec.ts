import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import type { SiteScenario } from '../fixtures/sites/scenario';
import { scenario as jira } from '../fixtures/sites/jira/scenario';
import { scenario as zendesk } from '../fixtures/sites/zendesk/scenario';
import { askBackground, connectedBrowser, nameTenants, openOptions, panelFrame, panelVisible, serveScenario, type Launched } from './harness';

/**
 * Anyone can open a Zendesk, Freshdesk or Jira of their own. On a tenant the admin has not
 * named, the panel offers to be set up and shows nobody (no lookup, nothing fetched); once the
 * admin names it on the options page, the card comes. Confluence pages share the Jira host and
 * get no panel at all.
 */
let sim: Simulator;
let launched: Launched;

/** The Zendesk fixture, served on another tenant of zendesk.com. */
function zendeskAt(host: string): SiteScenario {
  const swap = (url: string) => url.replace('https://acme.zendesk.com', `https://${host}`);
  return { ...zendesk, routes: zendesk.routes.map((r) => ({ ...r, url: swap(r.url) })), startUrl: swap(zendesk.startUrl) };
}

const ADA = { name: 'Ada Lovelace', email: zendesk.first.requesterEmail, position: zendesk.first.position };

/** What the background keeps of each tab's conversation (`tab:<id>` in storage.session), as text. */
async function tabSessionsText(): Promise<string> {
  const page = await openOptions(launched);
  try {
    const all = await page.evaluate(() => (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.session.get(null));
    return JSON.stringify(Object.entries(all).filter(([key]) => key.startsWith('tab:')));
  } finally {
    await page.close();
  }
}

/** Requests for one person's data (balances, photos) the simulator saw. */
const lookups = () => sim.requests.filter((r) => /^\/v1\/company\/employees\/\d+\//.test(r.path));

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 50, seed: 7 }, 20));
  await serveScenario(launched.context, zendeskAt('evil.zendesk.com'));
  await serveScenario(launched.context, zendesk);
  sim.resetRequestLog();
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

describe('a tenant nobody named', () => {
  let page: Page;

  it('shows only the offer, and nobody’s data', async () => {
    page = await launched.context.newPage();
    await page.goto(zendeskAt('evil.zendesk.com').startUrl);
    const panel = await panelFrame(page);
    await panel.getByText('Use Sidecard on evil.zendesk.com?', { exact: true }).waitFor();
    expect(await panelVisible(page)).toBe(true);
    // Give a lookup every chance to land before looking for its traces.
    await page.waitForTimeout(1500);
    const text = await panel.locator('body').innerText();
    for (const trace of [ADA.name, ADA.email, ADA.position, 'Not in Personio']) expect(text).not.toContain(trace);
    expect(await tabSessionsText()).not.toContain(ADA.email);
    expect(lookups()).toEqual([]);
  });

  it('opens the options page at Sites with the tenant filled in', async () => {
    const panel = await panelFrame(page);
    const [options] = await Promise.all([launched.context.waitForEvent('page'), panel.getByRole('button', { name: 'Set up in Sites' }).click()]);
    await options.waitForLoadState();
    expect(new URL(options.url()).pathname).toBe('/options.html');
    const field = options.getByLabel('Address of your Zendesk, Freshdesk or Jira');
    await expect.poll(() => field.inputValue()).toBe('evil.zendesk.com');
    // Not this one: the admin closes the page without adding it.
    await options.close();
    await page.close();
  });
});

describe('the company’s own tenant', () => {
  it('shows the requester’s card once the admin names it on the options page, in the ticket left open', async () => {
    const page = await launched.context.newPage();
    await page.goto(zendesk.startUrl);
    const panel = await panelFrame(page);
    await panel.getByText('Use Sidecard on acme.zendesk.com?', { exact: true }).waitFor();

    const options = await openOptions(launched);
    await options.getByLabel('Address of your Zendesk, Freshdesk or Jira').fill('acme.zendesk.com');
    sim.resetRequestLog();
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByText('Your Zendesk: acme.zendesk.com').waitFor();
    await options.close();

    // No reload: the ticket's page is asked again who it shows.
    await expect.poll(() => panel.locator('body').innerText(), { timeout: 20_000 }).toContain(ADA.position);
    expect(await panel.locator('body').innerText()).not.toContain('Use Sidecard on');
    // Here the card fetches its vacation balance: what the unnamed tenant never caused.
    await expect.poll(() => lookups().length, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.close();
  });

  it('leaves every other tenant with the offer', async () => {
    sim.resetRequestLog();
    const page = await launched.context.newPage();
    await page.goto(zendeskAt('evil.zendesk.com').startUrl);
    const panel = await panelFrame(page);
    await panel.getByText('Use Sidecard on evil.zendesk.com?', { exact: true }).waitFor();
    await page.waitForTimeout(1000);
    expect(await panel.locator('body').innerText()).not.toContain(ADA.position);
    expect(lookups()).toEqual([]);
    await page.close();
  });
});

describe('Confluence on a named Jira tenant', () => {
  it('gets no panel: Sidecard runs on Jira Service Management pages only', async () => {
    await nameTenants(launched, ['acme.zendesk.com', 'acme.atlassian.net']);
    await serveScenario(launched.context, jira);
    // Proof that the named tenant works: the Jira fixture's issue gets its card…
    const issue = await launched.context.newPage();
    await issue.goto(jira.startUrl);
    await (await panelFrame(issue)).getByText(jira.first.position, { exact: true }).first().waitFor();
    await issue.close();
    // …while the same page served under /wiki/ gets no panel, not even a hidden one.
    const wiki = await launched.context.newPage();
    await wiki.goto('https://acme.atlassian.net/wiki/spaces/HR/pages/1/ITSD-101');
    await wiki.waitForTimeout(4000);
    expect(await wiki.evaluate(() => document.querySelector('sidecard-panel') === null)).toBe(true);
    expect(wiki.frames().some((f) => f.url().includes('/panel.html'))).toBe(false);
    await wiki.close();
  });

  it('keeps the tenants the admin named', async () => {
    const options = await openOptions(launched);
    const status = await askBackground<{ settings: { tenants: string[] } }>(options, { type: 'status' });
    expect(status.settings.tenants).toEqual(['acme.zendesk.com', 'acme.atlassian.net']);
    await options.close();
  });
});
