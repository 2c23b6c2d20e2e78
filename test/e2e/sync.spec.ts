import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../personio-sim';
import { askBackground, connect, countRows, launchExtension, openOptions, readStore, routePersonio, waitForSync, type Launched } from './harness';

interface SyncStateRow {
  key: string;
  checkpoint?: { pagesDone: number; nextOffset: number; runId: number };
  lastSuccessAt?: number;
}
interface LogRow {
  startedAt: number;
  endedAt?: number;
  resumed?: boolean;
  error?: { kind: string };
  kind: string;
}

let sim: Simulator | undefined;
let launched: Launched | undefined;
afterEach(async () => {
  await launched?.close();
  await sim?.close();
  launched = undefined;
  sim = undefined;
});

describe('sync in the real service worker', () => {
  it('resumes from its checkpoint after Chromium stops the worker mid-run, and lookups keep the old copy throughout', async () => {
    // Slow pages, so the run is still going when we stop the worker.
    sim = await startSimulator({ employees: 3000, seed: 21, latencyMs: 120 });
    launched = await launchExtension();
    await routePersonio(launched.context, sim);
    const options = await openOptions(launched);
    await connect(options);
    const before = await waitForSync(launched, 1000, 120_000);

    // A second full run, stopped part-way by the browser itself (CDP), not by a flag of ours.
    await askBackground(options, { type: 'sync-now', full: true });
    await expect
      .poll(async () => (await readStore<SyncStateRow>(options, 'syncState'))[0]?.checkpoint?.pagesDone ?? 0, { timeout: 30_000, interval: 50 })
      .toBeGreaterThanOrEqual(3);
    const cdp = await launched.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const stoppedAt = Date.now();
    const checkpoint = (await readStore<SyncStateRow>(options, 'syncState'))[0]?.checkpoint;
    expect(checkpoint?.nextOffset).toBeGreaterThan(0);

    // While the worker is down, the database still holds the complete previous copy.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await countRows(options, 'employees')).toBeGreaterThanOrEqual(before);
    const requestsWhileStopped = sim.requests.filter((r) => r.at > stoppedAt + 500 && r.path === '/v1/company/employees');
    expect(requestsWhileStopped).toEqual([]);

    // Any event wakes the worker; it resumes where it stopped instead of starting over.
    sim.resetRequestLog();
    await options.reload();
    await expect
      .poll(async () => (await readStore<LogRow>(options, 'syncLog')).filter((l) => l.resumed && l.endedAt).length, { timeout: 60_000 })
      .toBe(1);
    const offsets = sim.requests.filter((r) => r.path === '/v1/company/employees').map((r) => Number(r.query.offset));
    expect(offsets[0]).toBe(checkpoint?.nextOffset);
    expect(offsets).not.toContain(0);
    expect(await countRows(options, 'employees')).toBe(before);
    const state = (await readStore<SyncStateRow>(options, 'syncState'))[0];
    expect(state?.checkpoint).toBeUndefined();
  });

  it('a 429 storm mid-run ends with the previous data and a rate-limited entry in the sync log', async () => {
    sim = await startSimulator({ employees: 600, seed: 4 });
    launched = await launchExtension();
    await routePersonio(launched.context, sim);
    const options = await openOptions(launched);
    await connect(options);
    const before = await waitForSync(launched, 100);
    sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 1, path: '/v1/company/employees', count: 100 });
    await askBackground(options, { type: 'sync-now', full: true });
    await expect
      .poll(async () => (await readStore<LogRow>(options, 'syncLog')).some((l) => l.error?.kind === 'rate-limited'), { timeout: 60_000 })
      .toBe(true);
    expect(await countRows(options, 'employees')).toBe(before);
    // The options page explains it in plain language.
    await options.reload();
    await expect.poll(() => options.getByText(/asked Sidecard to slow down/).first().isVisible(), { timeout: 10_000 }).toBe(true);
  });
});
