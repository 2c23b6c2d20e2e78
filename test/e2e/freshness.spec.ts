import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_CREDENTIAL, type Simulator } from '../personio-sim';
import { scenario } from '../fixtures/sites/gmail/scenario';
import type { StatusReply } from '@/lib/status';
import { askBackground, connectedBrowser, openOptions, panelFrame, serveScenario, type Launched } from './harness';

/**
 * The card links to Personio's web app once the admin names it, and the panel says how
 * current its data is: a quiet "as of" line while syncs succeed, and a
 * warning above the card once Personio rejects the credential, with the last good card kept.
 */
let sim: Simulator;
let launched: Launched;
let page: Page;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 40, seed: 7 }, 8));
  await serveScenario(launched.context, scenario);
  page = await launched.context.newPage();
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

describe('the data on the panel, and how current it is', () => {
  it('says when the directory was last synced, under the card', async () => {
    await page.goto(scenario.startUrl);
    const panel = await panelFrame(page);
    await panel.getByRole('article', { name: 'Ada Lovelace' }).waitFor();
    await panel.getByText(/^Personio data as of \d\d:\d\d\.$/).waitFor();
    expect(await panel.getByRole('note').count()).toBe(0);
  });

  it('links the card to the person in Personio once the admin names the company’s Personio address', async () => {
    const panel = await panelFrame(page);
    expect(await panel.getByRole('link', { name: 'Open in Personio' }).count()).toBe(0);
    const options = await openOptions(launched);
    const field = options.getByLabel('Your Personio web address');
    await field.fill('acme.personio.de');
    await field.press('Enter');
    await expect.poll(() => field.inputValue()).toBe('https://acme.personio.de');
    await options.close();
    await page.reload();
    const again = await panelFrame(page);
    const link = again.getByRole('link', { name: 'Open in Personio' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('https://acme.personio.de/staff/details/100003');
    expect(await link.getAttribute('target')).toBe('_blank');
  });

  it('warns above the card, and keeps the card, once Personio rejects the credential', async () => {
    sim.revokeCredential(DEFAULT_CREDENTIAL.clientId);
    const options = await openOptions(launched);
    await askBackground(options, { type: 'sync-now' });
    await expect
      .poll(async () => (await askBackground<StatusReply>(options, { type: 'status' })).lastError?.kind, { timeout: 30_000 })
      .toMatch(/bad-credentials|forbidden/);
    await options.close();
    await page.reload();
    const panel = await panelFrame(page);
    await panel.getByRole('article', { name: 'Ada Lovelace' }).waitFor();
    const warning = panel.getByRole('note').filter({ hasText: 'Personio rejected Sidecard’s credential' });
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(/Personio data as of \d\d:\d\d/);
    // One statement of freshness, not two.
    expect(await panel.locator('.data-as-of').count()).toBe(0);
  });
});
