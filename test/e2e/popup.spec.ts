import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { connectedBrowser, EDGE_USER_AGENT, stopServiceWorker, type Launched } from './harness';

/** The toolbar popup, opened as its page, against a synced simulator company. */
let sim: Simulator;
let launched: Launched;
let popup: Page;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 400, seed: 12 }, 300, EDGE_USER_AGENT));
  popup = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html`);
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

const search = () => popup.getByRole('searchbox', { name: 'Search people' });
const results = () => popup.getByRole('listbox', { name: 'Search results' }).getByRole('option');

describe('popup search', () => {
  it('finds people by a partial name with umlauts, typed without them', async () => {
    await search().fill('mull');
    await expect.poll(async () => (await results().allTextContents()).join('\n')).toContain('Jürgen Müller');
    await search().fill('jurgen mu');
    await expect.poll(async () => (await results().first().textContent()) ?? '').toContain('Jürgen Müller');
  });

  it('finds people by email and by department', async () => {
    await search().fill('ada.lovelace@');
    await expect.poll(async () => (await results().first().textContent()) ?? '').toContain('Ada Lovelace');
    await search().fill('engineering');
    await expect.poll(async () => (await results().allTextContents()).join('\n')).toMatch(/Engineering/);
  });

  it('opens a person with the keyboard, then their supervisor and back', async () => {
    await search().fill('ada lovelace');
    await expect.poll(async () => (await results().first().textContent()) ?? '').toContain('Ada Lovelace');
    await search().press('Enter');
    const card = popup.getByRole('article', { name: 'Ada Lovelace' });
    await card.waitFor();
    expect(await card.getByText('Senior Software Engineer').isVisible()).toBe(true);
    // Supervisor chain and the supervisor's card.
    await card.getByRole('button', { name: 'Show Grace Hopper' }).click();
    const grace = popup.getByRole('article', { name: 'Grace Hopper' });
    await grace.waitFor();
    // Ada is among Grace's direct reports.
    expect(await popup.getByRole('button', { name: /Ada Lovelace/ }).first().isVisible()).toBe(true);
    await popup.keyboard.press('Escape');
    await card.waitFor();
    await popup.keyboard.press('Escape');
    await search().waitFor();
  });

  it('shows the keyboard shortcut that opens it', async () => {
    await expect.poll(() => popup.getByText(/Alt\+Shift\+S/).isVisible()).toBe(true);
  });

  it('opens with its worker asleep: the last status at once, and the first letter answered', async () => {
    await stopServiceWorker(launched, popup);
    const fresh = await launched.context.newPage();
    try {
      await fresh.goto(`chrome-extension://${launched.extensionId}/popup.html`);
      await fresh.getByText(/Synced/).first().waitFor();
      await fresh.getByRole('searchbox', { name: 'Search people' }).fill('z');
      const options = fresh.getByRole('listbox', { name: 'Search results' }).getByRole('option');
      await expect.poll(async () => (await options.count()) > 0).toBe(true);
      for (const text of await options.allTextContents()) expect(text).toMatch(/(^|\s)Z/);
      // The awake worker's own answer agrees, and typing on goes to it.
      await fresh.getByRole('searchbox', { name: 'Search people' }).fill('zoe schaf');
      await expect.poll(async () => (await options.first().textContent()) ?? '').toContain('Zoë Schäfer');
    } finally {
      await fresh.close();
    }
  });

  it('works offline, from the local copy, with Personio unreachable', async () => {
    await sim.close();
    await popup.reload();
    await search().fill('zoe');
    await expect.poll(async () => (await results().allTextContents()).join('\n')).toContain('Zoë Schäfer');
  });
});
