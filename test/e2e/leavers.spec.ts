import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../personio-sim';
import { scenario as gmail } from '../fixtures/sites/gmail/scenario';
import { formatDate } from '../../lib/format';
import type { Employee } from '../../lib/employee';
import { askBackground, connectedBrowser, openOptions, panelFrame, panelShows, readStore, serveScenario, waitForRunOver, type Launched } from './harness';

/**
 * Someone who left is never "Not in Personio": with the default filter (inactive people not
 * synced), a minimal record of who left in the last 12 months is kept, and the panel puts
 * "Former employee · left on …" first. A shorter window removes it at the next sync.
 */
const MAX = 100008; // the simulator's cast: left 120 days ago
const MAX_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmn';

let sim: Simulator;
let launched: Launched;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 40, seed: 7 }, 8));
  await serveScenario(launched.context, gmail);
});
afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

describe('people who left', () => {
  it('keep a minimal record, shown as a former employee with the day they left', async () => {
    const max = sim.company.employees.find((e) => e.id === MAX)!;
    expect(max.status).toBe('inactive');
    const page = await launched.context.newPage();
    await page.goto(MAX_THREAD);
    const panel = await panelFrame(page);
    await panel.getByRole('heading', { name: 'Max Mustermann' }).waitFor({ timeout: 10_000 });
    const warning = panel.getByRole('note');
    await expect.poll(() => warning.first().innerText()).toContain(`Former employee · left on ${formatDate(max.terminationDate!, 'en')}`);
    expect(await panel.getByText(/Not in Personio/).count()).toBe(0);
    // Last position and department, and nothing current: no balance, no absence, no supervisor.
    await panelShows(panel, 'Accountant');
    expect(await panel.getByText(/Vacation balance|Away until|Supervisor/).count()).toBe(0);

    const options = await openOptions(launched);
    const stored = (await readStore<Employee>(options, 'employees')).find((e) => e.id === MAX)!;
    expect(Object.keys(stored).sort()).toEqual(['department', 'departmentId', 'email', 'firstName', 'id', 'lastName', 'nameTokens', 'position', 'status', 'terminationDate', 'v']);
    await options.close();
    await page.close();
  });

  it('are removed when the admin keeps them for fewer months than they have been gone', async () => {
    const options = await openOptions(launched);
    await askBackground(options, { type: 'save-settings', patch: { leaverMonths: 3 } });
    await expect.poll(async () => (await readStore<Employee>(options, 'employees')).some((e) => e.id === MAX), { timeout: 30_000 }).toBe(false);
    await waitForRunOver(options);
    const page = await launched.context.newPage();
    await page.goto(MAX_THREAD);
    const panel = await panelFrame(page);
    await panelShows(panel, /Not in Personio/);
    await page.close();
    // Back to twelve months: the next (full) run brings the record back.
    await askBackground(options, { type: 'save-settings', patch: { leaverMonths: 12 } });
    await expect.poll(async () => (await readStore<Employee>(options, 'employees')).some((e) => e.id === MAX), { timeout: 30_000 }).toBe(true);
    await options.close();
  });
});
