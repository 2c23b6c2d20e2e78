import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { scenario } from '../fixtures/sites/outlook/scenario';
import { connectedBrowser, type Launched, panelFrame, panelShows, panelVisible, serveScenario } from './harness';

/**
 * Outlook on the web as the real client shows a conversation: newest message first (with the
 * agent's draft above it), a colleague by name only, and a Fluent dialog that sets aria-hidden
 * on the whole app while it is open.
 */
const ACCESS = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAFq3c8Rn0kJPsm1XoWc2VdY=';
const LAPTOP = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAG8rKv1c3UVNnY2mXo4pQ0s=';

let sim: Simulator;
let launched: Launched;
let page: Page;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 200, seed: 7 }, 100));
  await serveScenario(launched.context, scenario);
  page = await launched.context.newPage();
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

describe('outlook in real Chromium', () => {
  it('shows the sender of the latest message of a newest-first conversation, not the draft above it or the oldest below', async () => {
    await page.goto(`https://outlook.office.com/mail/inbox/id/${encodeURIComponent(ACCESS)}`);
    const panel = await panelFrame(page);
    await panelShows(panel, 'Head of People');
    const text = await panel.locator('body').innerText();
    // Tobias Weiß wrote the oldest message, last in the DOM.
    expect(text).not.toContain('IT Support Specialist');
  });

  it('shows a colleague Outlook names without an address, matched by name, with their position', async () => {
    await page.click(`[role="option"][data-convid="${LAPTOP}"]`);
    const panel = await panelFrame(page);
    await panelShows(panel, 'VP Engineering');
    await panelShows(panel, 'Matched by name');
    expect(await panelVisible(page)).toBe(true);
  });

  it('stays while a Fluent dialog sets aria-hidden on the app', async () => {
    await page.click('#categorizeButton');
    await page.locator('[role="dialog"][aria-modal="true"]').waitFor({ state: 'visible' });
    expect(await page.getAttribute('#appRoot', 'aria-hidden')).toBe('true');
    // Longer than the watcher's debounce: the page changed, and was read again.
    await page.waitForTimeout(1_000);
    expect(await panelVisible(page)).toBe(true);
    await panelShows(await panelFrame(page), 'VP Engineering', 2_000);
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('#appRoot', 'aria-hidden')).toBeNull();
    await page.close();
  });
});
