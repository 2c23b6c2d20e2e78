import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../personio-sim';
import { scenario as gmail } from '../fixtures/sites/gmail/scenario';
import { connectedBrowser, EDGE_USER_AGENT, panelFrame, serveScenario, stopServiceWorker, type Launched } from './harness';

/** The panel's own controls, on the Gmail fixture. */
let sim: Simulator;
let launched: Launched;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 200, seed: 7 }, 100, EDGE_USER_AGENT));
  await serveScenario(launched.context, gmail);
});
afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

const hostWidth = (page: import('playwright-core').Page) => page.evaluate(() => (document.querySelector('sidecard-panel') as HTMLElement).style.width);

describe('panel', () => {
  it('opens the supervisor inside the panel and comes back', async () => {
    const page = await launched.context.newPage();
    await page.goto(gmail.startUrl);
    const panel = await panelFrame(page);
    const ada = panel.getByRole('article', { name: 'Ada Lovelace' });
    await ada.waitFor();
    await ada.getByRole('button', { name: 'Show Grace Hopper' }).click();
    await panel.getByRole('article', { name: 'Grace Hopper' }).waitFor();
    expect(await panel.getByRole('navigation', { name: 'Where you are' }).innerText()).toMatch(/Ada Lovelace\s*›\s*Grace Hopper/);
    await panel.getByRole('button', { name: 'Back' }).click();
    await ada.waitFor();
    await page.close();
  });

  it('keeps the agent’s place when the service worker is stopped and started again', async () => {
    const page = await launched.context.newPage();
    await page.goto(gmail.startUrl);
    const panel = await panelFrame(page);
    await panel.getByRole('article', { name: 'Ada Lovelace' }).getByRole('button', { name: 'Show Grace Hopper' }).click();
    await panel.getByRole('article', { name: 'Grace Hopper' }).waitFor();
    await stopServiceWorker(launched, page);
    // The panel reconnects, which starts a new worker; a click before that reaches no one, so
    // Back is pressed until the new worker answers. It finds the tab where the agent left it:
    // one person opened, and Back returns to the sender.
    const back = panel.getByRole('button', { name: 'Back' });
    const ada = panel.getByRole('article', { name: 'Ada Lovelace' });
    await expect
      .poll(
        async () => {
          await back.click({ timeout: 1000 }).catch(() => undefined);
          return ada.isVisible();
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(await back.count()).toBe(0);
    await page.close();
  });

  it('switches between sender and recipients', async () => {
    const page = await launched.context.newPage();
    await page.goto(gmail.startUrl);
    await gmail.goToSecond(page);
    const panel = await panelFrame(page);
    await panel.getByRole('article', { name: 'Jürgen Müller' }).waitFor();
    const people = panel.getByRole('navigation', { name: 'People in this conversation' });
    await people.getByRole('button', { name: /Zoë Schäfer/ }).click();
    await panel.getByRole('article', { name: 'Zoë Schäfer' }).waitFor();
    expect(await people.getByRole('button', { name: /Zoë Schäfer/ }).getAttribute('aria-current')).toBe('true');
    // From the keyboard: to the top of the list, the sender.
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await panel.getByRole('article', { name: 'Jürgen Müller' }).waitFor();
    await page.close();
  });

  it('collapses to a slim tab and changes width, remembered for the site', async () => {
    const page = await launched.context.newPage();
    await page.goto(gmail.startUrl);
    let panel = await panelFrame(page);
    await panel.getByRole('article', { name: 'Ada Lovelace' }).waitFor();
    expect(await hostWidth(page)).toBe('340px');
    await panel.getByRole('button', { name: 'Change the panel width' }).click();
    await expect.poll(() => hostWidth(page)).toBe('420px');
    await panel.getByRole('button', { name: 'Hide the Sidecard panel' }).click();
    await expect.poll(() => hostWidth(page)).toBe('36px');
    await page.close();

    // A new Gmail page opens the way the agent left it.
    const again = await launched.context.newPage();
    await again.goto(gmail.startUrl);
    panel = await panelFrame(again);
    await expect.poll(() => hostWidth(again)).toBe('36px');
    await panel.getByRole('button', { name: 'Show the Sidecard panel' }).click();
    await expect.poll(() => hostWidth(again)).toBe('420px');
    await again.close();
  });
});
