import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { askBackground, connectedBrowser, openOptions, readStore, STORES, waitForRunOver, type Launched } from './harness';

/** Nothing outlives its person or field: every store and storage area, searched as text. */
const ADA = 100003;
const GRACE = 100004;

let sim: Simulator;
let launched: Launched;
let options: Page;

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 40, seed: 11 }, 30));
  options = await openOptions(launched);
});
afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

/** Everything Sidecard keeps, as one string to search. */
async function everythingKept(): Promise<string> {
  const stores = await Promise.all(STORES.map((s) => readStore(options, s)));
  const areas = await launched.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session', { get(k: null): Promise<object> }> } }).chrome;
    return { local: await c.storage.local.get(null), session: await c.storage.session.get(null) };
  });
  return JSON.stringify({ stores, areas });
}

async function fullSync(): Promise<void> {
  await waitForRunOver(options);
  await askBackground(options, { type: 'sync-now', full: true });
  await new Promise((r) => setTimeout(r, 300));
  await waitForRunOver(options, 60_000);
}

describe('privacy: nothing outlives its person or field', () => {
  it('a person removed from Personio leaves no trace after the next full sync', async () => {
    // Ada's card opened from the popup: her balance is cached, and the popup's search copies exist.
    await askBackground(options, { type: 'person', id: ADA });
    await expect.poll(async () => (await readStore<{ employeeId: number }>(options, 'balances')).some((b) => b.employeeId === ADA), { timeout: 20_000 }).toBe(true);
    await askBackground(options, { type: 'search', query: 'Ada' });
    await askBackground(options, { type: 'status' });
    expect(await everythingKept()).toContain('ada.lovelace@acme.example');

    sim.removeEmployee(ADA);
    await fullSync();

    const kept = await everythingKept();
    expect(kept).not.toContain('ada.lovelace@acme.example');
    expect(kept).not.toContain('Lovelace');
    // Rows keyed by her id alone (a cached balance, a photo) are traces too.
    expect(kept).not.toMatch(new RegExp(`\\b${ADA}\\b`));
  });

  it('a field switched off is nowhere any more', async () => {
    const grace = (await readStore<{ id: number; position?: string }>(options, 'employees')).find((e) => e.id === GRACE);
    const position = grace?.position;
    expect(position).toBeTruthy();
    await askBackground(options, { type: 'search', query: 'Grace' });
    expect(await everythingKept()).toContain(position);

    const { settings } = await askBackground<{ settings: { fields: { key: string; store: boolean; show: boolean }[] } }>(options, { type: 'status' });
    const fields = settings.fields.map((f) => (f.key === 'position' ? { ...f, store: false, show: false } : f));
    expect(await askBackground(options, { type: 'save-settings', patch: { fields } })).toEqual({ ok: true });
    await askBackground(options, { type: 'search', query: 'Grace' });

    expect(await everythingKept()).not.toContain(position!);
  });
});
