import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { scenario } from '../fixtures/sites/gmail/scenario';
import { connectedBrowser, panelFrame, serveScenario, type Launched } from './harness';

/**
 * A vacation balance is never "Loading…" for long: the card shows the balance, or within a
 * bounded wait says why there is none (no permission, Personio's error, too slow, offline),
 * with a retry. The same in the panel and the popup.
 */
const balancePath = (id: number) => `/v1/company/employees/${id}/absences/balance`;
const ADA = 100003;
const GRACE = 100004;
const JUERGEN = 100002;
const LENA = 100001;
const EMILY = 100007;

let sim: Simulator;
let launched: Launched;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 40, seed: 7 }, 8));
  await serveScenario(launched.context, scenario);
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

const vacationRow = (where: Page | Frame) => where.getByRole('article').locator('.field-row').filter({ hasText: /Vacation balance/ });

async function popupCard(name: string): Promise<Page> {
  const popup = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html`);
  await popup.getByRole('searchbox', { name: 'Search people' }).fill(name);
  await popup.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: name }).first().click();
  await popup.getByRole('article', { name }).waitFor();
  return popup;
}

describe('the vacation balance on a card', () => {
  it('panel: says the credential may not read it, and shows it after "Try again"', async () => {
    // Twice: the client signs in again once after a 403 before it believes it.
    sim.injectFault({ kind: 'status', status: 403, path: balancePath(ADA), count: 2 });
    const page = await launched.context.newPage();
    await page.goto(scenario.startUrl);
    const panel = await panelFrame(page);
    await expect.poll(() => vacationRow(panel).innerText(), { timeout: 8_000 }).toMatch(/Not available · the Personio credential may not read balances/);
    await panel.getByRole('button', { name: 'Try the vacation balance again' }).click();
    await expect.poll(() => vacationRow(panel).innerText(), { timeout: 8_000 }).toMatch(/days? left · as of/);
    await page.close();
  });

  it('panel: says Personio is taking too long within the wait, then shows the balance when it comes', async () => {
    sim.injectFault({ kind: 'slow', ms: 8_000, path: balancePath(EMILY), count: 1 });
    const page = await launched.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    // A thread in Sent: the agent wrote to Emily.
    await page.click('#nav-sent');
    await page.click('tr.zA[data-thread="FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmm"]');
    const panel = await panelFrame(page);
    await panel.getByRole('article', { name: 'Emily Clarke' }).waitFor();
    await expect.poll(() => vacationRow(panel).innerText(), { timeout: 7_000 }).toMatch(/Not available · Personio is taking too long/);
    await expect.poll(() => vacationRow(panel).innerText(), { timeout: 10_000 }).toMatch(/days? left · as of/);
    await page.close();
  });

  it('popup: says Personio did not answer when its answer is broken', async () => {
    sim.injectFault({ kind: 'malformed', variant: 'truncated', path: balancePath(GRACE), count: 5 });
    const popup = await popupCard('Grace Hopper');
    await expect.poll(() => vacationRow(popup).innerText(), { timeout: 8_000 }).toMatch(/Not available · Personio did not answer/);
    expect(await popup.getByRole('button', { name: 'Try the vacation balance again' }).isVisible()).toBe(true);
    await popup.close();
  });

  it('popup: says Personio is taking too long within the wait, not "Loading…" for ever', async () => {
    sim.injectFault({ kind: 'slow', ms: 20_000, path: balancePath(JUERGEN), count: 1 });
    const popup = await popupCard('Jürgen Müller');
    const started = Date.now();
    await expect.poll(() => vacationRow(popup).innerText(), { timeout: 8_000 }).toMatch(/Not available · Personio is taking too long/);
    expect(Date.now() - started).toBeLessThan(8_000);
    await popup.close();
  });

  it('popup: says Personio cannot be reached when the network fails', async () => {
    const url = `https://api.personio.de${balancePath(LENA)}`;
    await launched.context.route(url, (route) => route.abort('internetdisconnected'));
    try {
      const popup = await popupCard('Lena Hoffmann');
      await expect.poll(() => vacationRow(popup).innerText(), { timeout: 8_000 }).toMatch(/Not available · Personio cannot be reached/);
      await popup.close();
    } finally {
      await launched.context.unroute(url);
    }
  });
});
