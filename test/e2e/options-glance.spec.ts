import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { formatTime } from '../../lib/format';
import type { StatusReply } from '../../lib/status';
import { askBackground, connectedBrowser, openOptions, waitForRunOver, type Launched } from './harness';

/**
 * The options page read at a glance: the connection summarised at the top, a table of
 * contents, one status line that never contradicts itself and says within seconds when
 * Personio cannot be reached, field changes that start one sync, and a real modal for
 * "Disconnect".
 */
let sim: Simulator;
let launched: Launched;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 60, seed: 7 }, 30));
});
afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

const status = (page: Page) => askBackground<StatusReply>(page, { type: 'status' });

describe('the options page at a glance', () => {
  it('summarises the connection, with the credentials form behind "Change credentials"', async () => {
    const options = await openOptions(launched);
    const s = await status(options);
    const total = sim.company.employees.length;
    const line = `Connected to Personio · ${s.employeeCount} of ${total} people synced · last sync ${formatTime(s.lastSuccessAt!, 'en')}`;
    await expect.poll(() => options.getByText(line).isVisible()).toBe(true);
    await expect.poll(() => options.getByText(`${total} is everyone in Personio.`, { exact: false }).isVisible()).toBe(true);
    expect(await options.getByRole('button', { name: 'Connect', exact: true }).isVisible()).toBe(false);
    const change = options.getByRole('button', { name: 'Change credentials' });
    expect(await change.getAttribute('aria-expanded')).toBe('false');
    await change.click();
    expect(await options.getByLabel('Client ID').isVisible()).toBe(true);
    expect(await change.getAttribute('aria-expanded')).toBe('true');
    await options.close();
  });

  it('has a table of contents whose links reach each section', async () => {
    const options = await openOptions(launched);
    const nav = options.getByRole('navigation', { name: 'Sections' });
    await nav.waitFor();
    const links = nav.getByRole('link');
    expect(await links.allTextContents()).toEqual(['Connection', 'Sync', 'Fields', 'Who is synced', 'Sites', 'Data & privacy']);
    await nav.getByRole('link', { name: 'Data & privacy' }).click();
    await expect.poll(() => options.getByRole('heading', { name: 'Data & privacy' }).isVisible()).toBe(true);
    await expect.poll(() => nav.getByRole('link', { name: 'Data & privacy' }).getAttribute('aria-current')).toBe('true');
    // The nav stays at the top while the page scrolls.
    expect((await nav.boundingBox())!.y).toBeLessThan(2);
    await options.close();
  });

  it('starts one sync after a burst of field changes, not one per change', async () => {
    const options = await openOptions(launched);
    await waitForRunOver(options);
    const before = (await status(options)).log.length;
    for (const field of ['Gender', 'Weekly hours', 'Employment type', 'Company', 'Cost centres', 'Photo']) {
      await options.getByRole('checkbox', { name: `Store ${field}` }).check();
      await options.waitForTimeout(400);
    }
    await expect.poll(async () => (await status(options)).log.length, { timeout: 30_000 }).toBe(before + 1);
    await waitForRunOver(options);
    await options.waitForTimeout(2_000);
    expect((await status(options)).log.length).toBe(before + 1);
    expect((await status(options)).log[0]!.kind).toBe('full');
    await options.close();
  });

  it.each([
    ['refuses connections', { kind: 'drop' as const }],
    ['never answers', { kind: 'slow' as const, ms: 120_000 }],
  ])('says within 15 s when Personio %s, on one line, keeping the data', async (_name, fault) => {
    const options = await openOptions(launched);
    // From a good state: a sync that succeeds, and no failure on the page.
    await waitForRunOver(options);
    await options.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(async () => (await status(options)).lastError, { timeout: 30_000 }).toBeUndefined();
    await waitForRunOver(options);
    const alert = options.locator('.sync-status').getByRole('alert');
    await expect.poll(() => alert.count()).toBe(0);
    for (const path of ['/v1/auth', '/v1/company/employees', '/v1/company/time-offs']) sim.injectFault({ ...fault, path, count: 100 });
    await options.getByRole('button', { name: 'Sync now' }).click();
    // A refused connection is tried once more, and the page says so meanwhile.
    if (fault.kind === 'drop') await expect.poll(() => options.locator('.sync-status').textContent(), { timeout: 10_000, interval: 50 }).toContain('Personio did not answer. Trying again…');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toMatch(/The last sync failed\. Personio could not be reached.*The data synced .+ is still shown\./);
    // One line: no "Synced …" beside the failure.
    expect(await options.locator('.sync-status').getByText(/^Synced /).count()).toBe(0);
    sim.clearFaults();
    await options.close();
  });

  it('asks before disconnecting in a real modal: focus inside, Tab kept there, Escape cancels', async () => {
    const options = await openOptions(launched);
    const open = options.getByRole('button', { name: 'Disconnect and delete data' });
    await open.focus();
    await options.keyboard.press('Enter');
    const dialog = options.getByRole('dialog', { name: 'Disconnect and delete all data?' });
    await dialog.waitFor();
    const focused = () => options.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await focused()).toBe('Cancel');
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('Disconnect and delete');
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('Cancel');
    await options.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await focused()).toBe('Disconnect and delete data');
    expect((await status(options)).connected).toBe(true);
    await options.close();
  });
});
