import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../personio-sim';
import { askBackground, connect, countRows, launchExtension, openOptions, readStore, routePersonio, stopServiceWorker, waitForRunOver, waitForSync, type Launched } from './harness';

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
    sim = await startSimulator({ employees: 5000, seed: 21, latencyMs: 120 });
    launched = await launchExtension();
    await routePersonio(launched.context, sim);
    const options = await openOptions(launched);
    await connect(options);
    const before = await waitForSync(launched, 1000, 120_000);
    await waitForRunOver(options);

    // A second full run, stopped part-way by the browser itself (CDP), not by a flag of ours.
    await askBackground(options, { type: 'sync-now', full: true });
    await expect
      .poll(async () => (await readStore<SyncStateRow>(options, 'syncState'))[0]?.checkpoint?.pagesDone ?? 0, { timeout: 30_000, interval: 50 })
      .toBeGreaterThanOrEqual(3);
    const checkpoint = (await readStore<SyncStateRow>(options, 'syncState'))[0]?.checkpoint;
    const stoppedAt = Date.now();
    await stopServiceWorker(launched, options);
    expect(checkpoint?.nextOffset).toBeGreaterThan(0);

    // The database still holds the complete previous copy while the worker is down…
    expect(await countRows(options, 'employees')).toBeGreaterThanOrEqual(before);

    // …and the next event (here: the options page asking for status) wakes it; it resumes
    // where it stopped instead of starting over, and lookups never drop below the old copy.
    await options.reload();
    const lowest: number[] = [];
    await expect
      .poll(
        async () => {
          lowest.push(await countRows(options, 'employees'));
          return (await readStore<LogRow>(options, 'syncLog')).filter((l) => l.resumed && l.endedAt).length;
        },
        { timeout: 60_000 },
      )
      .toBe(1);
    expect(Math.min(...lowest)).toBeGreaterThanOrEqual(before);
    const after = sim.requests.filter((r) => r.path === '/v1/company/employees' && r.at > stoppedAt);
    const offsets = after.map((r) => Number(r.query.offset));
    // In-flight pages at the moment of the stop are re-asked; nothing before the checkpoint is.
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(checkpoint!.nextOffset - 100);
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
    await waitForRunOver(options);
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
