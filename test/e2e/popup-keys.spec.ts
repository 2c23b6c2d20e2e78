import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../personio-sim';
import { askBackground, connectedBrowser, openOptions, type Launched } from './harness';

/** The popup's results by keyboard alone: arrows from the search box, or Tab through them, with a hint saying so. */
let sim: Simulator;
let launched: Launched;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 40, seed: 7 }, 8));
});
afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

async function openPopup() {
  const popup = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/popup.html`);
  return popup;
}

describe('popup keys', () => {
  it('Tab reaches the results, the arrows move between them, Enter opens one', async () => {
    const popup = await openPopup();
    await popup.getByRole('searchbox', { name: 'Search people' }).fill('Hopper');
    await popup.getByRole('option', { name: /Grace Hopper/ }).waitFor();
    await expect.poll(() => popup.getByText('↑ ↓ or Tab to move through the results, Enter to open').isVisible()).toBe(true);
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('option');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toMatch(/Grace Hopper/);
    await popup.keyboard.press('Enter');
    await popup.getByRole('article', { name: 'Grace Hopper' }).waitFor();
    await popup.close();
  });

  it('the arrows work from the search box too, and the hint speaks German', async () => {
    const options = await openOptions(launched);
    await askBackground(options, { type: 'save-settings', patch: { language: 'de' } });
    const popup = await openPopup();
    await popup.getByRole('searchbox').fill('a');
    await popup.getByRole('option').nth(1).waitFor();
    await expect.poll(() => popup.getByText(/Tab wechselt zwischen den Ergebnissen/).isVisible()).toBe(true);
    const second = (await popup.getByRole('option').nth(1).textContent())!;
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await popup.getByRole('article', { name: second.split(' · ')[0]! }).waitFor();
    await askBackground(options, { type: 'save-settings', patch: { language: 'en' } });
    await options.close();
    await popup.close();
  });
});
