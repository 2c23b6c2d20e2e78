import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { allScenarios } from '../fixtures/sites';
import type { SiteScenario } from '../fixtures/sites/scenario';
import { isTenantHost } from '../../lib/tenants';
import { connectedBrowser, type Launched, nameTenants, panelFrame, panelShows, panelVisible, serveScenario } from './harness';

/**
 * Every supported site, served at its real host name: the panel shows the requester, follows
 * in-app navigation, hides on the list, says "not in Personio" for outsiders, ignores
 * addresses in the body, survives a page replaying WXT's lifecycle event, and page script
 * cannot read what it shows.
 */
const scenarios = await allScenarios();

let sim: Simulator;
let launched: Launched;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 200, seed: 7 }, 100));
  // The fixtures' Zendesk, Freshdesk and Jira are the company's own tenants.
  await nameTenants(launched, scenarios.map((s) => new URL(s.startUrl).hostname).filter(isTenantHost));
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

async function hiddenFromPage(page: Page, text: string): Promise<void> {
  const leaks = await page.evaluate((t) => {
    const w = window as unknown as { find(s: string): boolean };
    return { innerText: document.body.innerText.includes(t), find: w.find(t), html: document.documentElement.outerHTML.includes(t) };
  }, text);
  expect(leaks).toEqual({ innerText: false, find: false, html: false });
}

describe.each(scenarios.map((s) => [s.site, s] as [string, SiteScenario]))('%s', (_site, scenario) => {
  let page: Page;

  it('shows the requester of the open conversation, not an address from its body', async () => {
    await serveScenario(launched.context, scenario);
    page = await launched.context.newPage();
    await page.goto(scenario.startUrl);
    const panel = await panelFrame(page);
    await panelShows(panel, scenario.first.position);
    expect(await panelVisible(page)).toBe(true);
    const text = await panel.locator('body').innerText();
    expect(text).not.toContain(scenario.spoofedBodyEmail);
    expect(text).not.toContain('Chief Executive Officer');
  });

  it('keeps HR data out of the page: page script cannot read the panel', async () => {
    await hiddenFromPage(page, scenario.first.position);
  });

  it('follows in-app navigation to the next conversation', async () => {
    await scenario.goToSecond(page);
    await panelShows(await panelFrame(page), scenario.second.position);
  });

  it('says "Not in Personio" for an outside requester', async () => {
    await scenario.goToUnknown(page);
    await panelShows(await panelFrame(page), 'Not in Personio');
  });

  it('hides the panel on the list view', async () => {
    await scenario.goToList(page);
    await expect.poll(() => panelVisible(page), { timeout: 10_000 }).toBe(false);
  });

  it('survives a page replaying WXT’s content-script-started event', async () => {
    await page.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      const detail = { contentScriptName: 'content', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, ...detail }, '*');
    }, launched.extensionId);
    await scenario.goToSecond(page);
    await panelShows(await panelFrame(page), scenario.second.position);
    expect(await panelVisible(page)).toBe(true);
    await page.close();
  });
});
