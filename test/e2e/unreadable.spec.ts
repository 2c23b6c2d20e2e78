import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { fixtureFile } from '../fixtures/sites/scenario';
import { connectedBrowser, panelFrame, panelVisible, type Launched } from './harness';

/**
 * When a site renames the hook that names the requester, the panel does not hide: on a page
 * that is clearly a conversation it says Sidecard cannot read it, offers the search, and names
 * the failed hook for the admin. Each fixture is served with its sender hook broken the way a
 * site update would break it.
 */
let sim: Simulator;
let launched: Launched;
let page: Page;

/** Serves a site's fixture with `edit` applied to its page. */
async function serveBroken(context: BrowserContext, site: string, origin: string, edit: (html: string) => string): Promise<void> {
  await context.route(`${origin}/**/fixture-app.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: fixtureFile(site, 'app.js') }),
  );
  await context.route(`${origin}/**`, (route) =>
    route.request().url().endsWith('fixture-app.js')
      ? route.fallback()
      : route.fulfill({ contentType: 'text/html; charset=utf-8', body: edit(fixtureFile(site, 'index.html')) }),
  );
}

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 40, seed: 7 }, 8));
  // Gmail stops writing the address on the sender's span.
  await serveBroken(launched.context, 'gmail', 'https://mail.google.com', (html) => html.replaceAll(' email="', ' data-address="'));
  // Outlook renames the sender element of every message.
  await serveBroken(launched.context, 'outlook', 'https://outlook.office.com', (html) => html.replaceAll('_FROM"', '_SENDER"'));
  page = await launched.context.newPage();
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

async function expectUnreadable(panel: Frame, site: string, hook: RegExp): Promise<void> {
  await panel.getByText('Sidecard can’t read this page yet').waitFor({ state: 'visible', timeout: 10_000 });
  expect(await panelVisible(page)).toBe(true);
  // The details line names the site and the hook that failed, for the admin to report.
  await panel.getByText('Details for your admin').click();
  await expect.poll(() => panel.locator('details').innerText()).toMatch(hook);
  expect(await panel.locator('details').innerText()).toContain(site);
  // The search is there and works: the agent can still look the person up.
  await panel.getByRole('searchbox', { name: 'Search people' }).fill('Ada Lov');
  await panel.getByText('Senior Software Engineer').first().waitFor({ state: 'visible', timeout: 10_000 });
}

describe('a conversation whose requester Sidecard cannot find', () => {
  it('Gmail: says it cannot read the page, names the sender hook, and offers the search', async () => {
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh');
    await expectUnreadable(await panelFrame(page), 'Gmail', /span\.gD\[email\]/);
  });

  it('Gmail: hides again in the inbox list (no conversation there)', async () => {
    await page.click('#nav-inbox');
    await expect.poll(() => panelVisible(page), { timeout: 10_000 }).toBe(false);
  });

  it('Outlook: says it cannot read the page, names the sender hook, and offers the search', async () => {
    await page.goto(`https://outlook.office.com/mail/inbox/id/${encodeURIComponent('AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAFq3c8Rn0kJPsm1XoWc2VdY=')}`);
    await expectUnreadable(await panelFrame(page), 'Outlook', /_FROM/);
  });
});
