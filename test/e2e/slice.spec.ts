import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../personio-sim';
import { scenario as gmail } from '../fixtures/sites/gmail/scenario';
import { localDay } from '../../lib/format';
import { leaverCutoff } from '../../lib/sync/leavers';
import { connect, EDGE_USER_AGENT, launchExtension, openOptions, panelFrame, panelVisible, routePersonio, serveScenario, waitForSync, type Launched } from './harness';

/**
 * The walking skeleton, as an admin and an agent meet it: connect on the options page,
 * let the first sync finish, open a Gmail thread, read the sender's position in the panel.
 */
describe('thin slice: options → sync → Gmail → panel', () => {
  let sim: Simulator;
  let launched: Launched | undefined;

  beforeAll(async () => {
    sim = await startSimulator({ employees: 200, seed: 7 });
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(async () => {
    await launched?.close();
    launched = undefined;
  });

  it('connects, syncs every employee and shows the Gmail sender in the panel', async () => {
    launched = await launchExtension({ userAgent: EDGE_USER_AGENT });
    await routePersonio(launched.context, sim);
    const options = await openOptions(launched);
    await connect(options);
    await expect.poll(() => options.getByText('Connected', { exact: true }).isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => options.getByText(/200 employees/).first().isVisible()).toBe(true);

    const synced = await waitForSync(launched, 150);
    // Inactive (former) employees are left out by default, but for a minimal record of who left in the last 12 months.
    const cutoff = leaverCutoff(localDay(Date.now()), 12);
    const dropped = sim.company.employees.filter((e) => e.status === 'inactive' && !(e.terminationDate && e.terminationDate >= cutoff)).length;
    expect(dropped).toBeGreaterThan(0);
    expect(synced).toBe(200 - dropped);
    expect(sim.requests.every((r) => r.appId === 'SIDECARD')).toBe(true);

    await serveScenario(launched.context, gmail);
    const page = await launched.context.newPage();
    await page.goto(gmail.startUrl);
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByText(gmail.first.position).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => panel.getByRole('heading', { name: 'Ada Lovelace' }).isVisible()).toBe(true);
    expect(await panelVisible(page)).toBe(true);
    // Supervisor and department, as the slice asks.
    await expect.poll(() => panel.getByText('Grace Hopper').first().isVisible()).toBe(true);
    await expect.poll(() => panel.getByText('Engineering').first().isVisible()).toBe(true);
    // Ada is on vacation from yesterday to the day after tomorrow (the simulator's cast).
    await expect.poll(() => panel.getByText(/^Away until .+ · back on .+$/).isVisible()).toBe(true);
  });

  it('wrong credentials show a clear error and store nothing', async () => {
    launched = await launchExtension({ userAgent: EDGE_USER_AGENT });
    await routePersonio(launched.context, sim);
    const options = await openOptions(launched);
    await connect(options, { clientId: 'sim-client-id', clientSecret: 'wrong-secret', attributes: [] });
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/client ID or secret/i);

    const stored = await launched.worker.evaluate(async () => {
      const chromeApi = (globalThis as unknown as { chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } } }).chrome;
      const local = await chromeApi.storage.local.get(null);
      const open = indexedDB.open('sidecard');
      const database = await new Promise<IDBDatabase>((res) => (open.onsuccess = () => res(open.result)));
      const names = [...database.objectStoreNames];
      const counts: Record<string, number> = {};
      for (const name of names) {
        counts[name] = await new Promise<number>((res) => {
          const req = database.transaction(name).objectStore(name).count();
          req.onsuccess = () => res(req.result);
        });
      }
      database.close();
      return { local, counts };
    });
    expect(stored.local).toEqual({});
    expect(Object.values(stored.counts).every((n) => n === 0)).toBe(true);
  });

  it('a mail left open while the admin connects shows its sender as soon as Sidecard is connected', async () => {
    launched = await launchExtension({ userAgent: EDGE_USER_AGENT });
    expect(await launched.welcomed).toBe(true); // a new install opened the options page
    await routePersonio(launched.context, sim);
    await serveScenario(launched.context, gmail);
    const page = await launched.context.newPage();
    await page.goto(gmail.startUrl);
    const panel = await panelFrame(page);
    await expect.poll(() => panel.getByText('Sidecard is not connected to Personio yet.').isVisible()).toBe(true);
    const options = await openOptions(launched);
    await connect(options);
    // No navigation in the mail: the page is asked again who it shows.
    await expect.poll(() => panel.getByText(gmail.first.position).isVisible(), { timeout: 30_000 }).toBe(true);
  });
});
