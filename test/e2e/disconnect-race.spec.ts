import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../personio-sim';
import { scenario as gmail } from '../fixtures/sites/gmail/scenario';
import { connect, countRows, launchExtension, openOptions, panelFrame, readStore, serveScenario, STORES, type Launched } from './harness';

const ADA_BALANCE = '/v1/company/employees/100003/absences/balance';

let sim: Simulator | undefined;
let launched: Launched | undefined;
afterEach(async () => {
  await launched?.close();
  await sim?.close();
  launched = undefined;
  sim = undefined;
});

describe('disconnect wins every race', () => {
  it('during a first sync with a balance on its way: 15 s later nothing is stored and Personio heard nothing more', async () => {
    // A company big enough, answering slowly enough, that the first sync is mid-way when the
    // admin disconnects; Ada's balance is slower still, so it is on its way too.
    sim = await startSimulator({ employees: 5000, seed: 31, latencyMs: 1000, rateLimit: { employeesPerMinute: 300 } });
    sim.injectFault({ kind: 'slow', ms: 8000, path: ADA_BALANCE, count: 1 });
    launched = await launchExtension();
    // Personio's host, answered by the simulator, with the moment the extension sent each request.
    const sent: { at: number; path: string }[] = [];
    const simulator = sim;
    await launched.context.route('https://api.personio.de/**', async (route) => {
      const url = new URL(route.request().url());
      sent.push({ at: Date.now(), path: url.pathname });
      try {
        await route.fulfill({ response: await route.fetch({ url: `${simulator.url}${url.pathname}${url.search}` }) });
      } catch {
        // Aborted by the extension (the point of this test) or by the browser closing.
      }
    });
    await serveScenario(launched.context, gmail);

    const options = await openOptions(launched);
    await connect(options);
    await expect.poll(() => countRows(options, 'employees'), { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(100);

    // The agent opens Ada's mail: her card asks Personio for her balance.
    const mail = await launched.context.newPage();
    await mail.goto(gmail.startUrl);
    await (await panelFrame(mail)).getByRole('article', { name: 'Ada Lovelace' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => sent.some((r) => r.path === ADA_BALANCE), { timeout: 20_000 }).toBe(true);
    const state = (await readStore<{ checkpoint?: unknown; lastSuccessAt?: number }>(options, 'syncState'))[0];
    expect(state?.checkpoint, 'the first sync is still running').toBeDefined();
    expect(state?.lastSuccessAt).toBeUndefined();

    await options.reload();
    await options.getByRole('button', { name: 'Disconnect and delete data' }).click();
    await options.getByRole('button', { name: 'Disconnect and delete', exact: true }).click();
    await expect.poll(() => options.getByLabel('Client ID').inputValue(), { timeout: 20_000 }).toBe('');
    const disconnectedAt = Date.now();

    await new Promise((r) => setTimeout(r, 15_000));

    expect(sent.filter((r) => r.at > disconnectedAt)).toEqual([]);
    const rows = Object.fromEntries(await Promise.all(STORES.map(async (s) => [s, await countRows(options, s)] as const)));
    expect(rows).toEqual(Object.fromEntries(STORES.map((s) => [s, 0])));
    const areas = await launched.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session', { get(k: null): Promise<object> }> } }).chrome;
      return { local: await c.storage.local.get(null), session: await c.storage.session.get(null) };
    });
    expect(areas).toEqual({ local: {}, session: {} });
  });
});
