import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { fixtureFile } from '../fixtures/sites/scenario';
import { row as zendeskRow, scenario as zendesk, zendeskExtras } from '../fixtures/sites/zendesk/scenario';
import { freshdeskExtras, row as freshdeskRow, scenario as freshdesk } from '../fixtures/sites/freshdesk/scenario';
import { connectedBrowser, type Launched, nameTenants, panelFrame, panelShows, serveScenario } from './harness';

/**
 * Zendesk and Freshdesk are read API-first on the agent's session: a renamed DOM hook does not
 * hide the requester, Zendesk's user record fills in a side-load without an address, and a
 * Freshdesk 429 is waited out once rather than asked again on every DOM change.
 */
let sim: Simulator;
let launched: Launched;
let page: Page;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 40, seed: 7 }, 8));
  await nameTenants(launched, ['acme.zendesk.com', 'acme.freshdesk.com']);
  await serveScenario(launched.context, zendesk);
  await serveScenario(launched.context, freshdesk);
  page = await launched.context.newPage();
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

describe('zendesk, API first', () => {
  it('shows the requester of a ticket whose pane anchor was renamed, from the API', async () => {
    await page.goto(zendesk.startUrl);
    await page.click(zendeskExtras.views);
    await page.click(zendeskRow(zendeskExtras.renamedAnchor.id));
    await panelShows(await panelFrame(page), zendeskExtras.renamedAnchor.position);
  });

  it('fills in a side-loaded requester without an address from the user record', async () => {
    let asked = 0;
    await page.route(`https://acme.zendesk.com/api/v2/users/${zendeskExtras.userFallback.userId}.json*`, async (route) => {
      asked += 1;
      await route.fallback();
    });
    await page.click(zendeskExtras.views);
    await page.click(zendeskRow(zendeskExtras.userFallback.id));
    await panelShows(await panelFrame(page), zendeskExtras.userFallback.position);
    expect(asked).toBe(1);
  });
});

describe('freshdesk, API first', () => {
  it('waits out a 429 once, without asking again on every change, then shows the requester', async () => {
    const { id, position } = freshdeskExtras.renamedContactEmail;
    let asked = 0;
    await page.route(`https://acme.freshdesk.com/api/_/tickets/${id}?*`, async (route) => {
      asked += 1;
      if (asked === 1) await route.fulfill({ status: 429, headers: { 'retry-after': '1' }, contentType: 'application/json', body: '{}' });
      else await route.fulfill({ status: 200, contentType: 'application/json', body: fixtureFile('freshdesk', `api-own-ticket-${id}.json`) });
    });
    await page.goto(freshdesk.startUrl);
    await page.click(freshdeskExtras.tickets);
    await page.click(freshdeskRow(id));
    // The page keeps changing while the agent waits; the endpoint is not asked on each change.
    for (let i = 0; i < 5; i += 1) await page.evaluate(() => document.body.append(document.createElement('span')));
    await panelShows(await panelFrame(page), position, 15_000);
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(asked).toBeLessThanOrEqual(3);
  });
});
