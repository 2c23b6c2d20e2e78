import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { Simulator } from '../personio-sim';
import { scenario as gmail } from '../fixtures/sites/gmail/scenario';
import { askBackground, connectedBrowser, openOptions, panelFrame, readStore, serveScenario, STORES, waitForRunOver, type Launched } from './harness';

/**
 * Nothing outlives its person or field: every store and storage area, searched as text, after
 * the panel and the popup have made every copy they make (search results, an opened card with
 * its photo and balance, the popup's last status and one-letter results).
 */
const ADA = 100003;
const GRACE = 100004;

let sim: Simulator;
let launched: Launched;
let options: Page;
/** A Gmail tab on a conversation with someone outside the company: its panel offers search. */
let gmailTab: Page;
let panel: Frame;

type FieldSetting = { key: string; store: boolean; show: boolean };

async function saveFields(change: (f: FieldSetting) => FieldSetting): Promise<void> {
  const { settings } = await askBackground<{ settings: { fields: FieldSetting[] } }>(options, { type: 'status' });
  expect(await askBackground(options, { type: 'save-settings', patch: { fields: settings.fields.map(change) } })).toEqual({ ok: true });
}

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 40, seed: 11 }, 30));
  options = await openOptions(launched);
  // Photos on, so that an opened card caches one (the full run this starts stores photo URLs).
  await saveFields((f) => (f.key === 'photo' ? { ...f, store: true, show: true } : f));
  await fullSync();
  await serveScenario(launched.context, gmail);
  gmailTab = await launched.context.newPage();
  await gmailTab.goto(gmail.startUrl);
  await gmail.goToUnknown(gmailTab);
  panel = await panelFrame(gmailTab);
});
afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

/** Everything Sidecard keeps, by place: each database store, each key of each storage area. */
async function everythingKept(): Promise<Record<string, string>> {
  const places: Record<string, string> = {};
  for (const store of STORES) places[`database ${store}`] = JSON.stringify(await readStore(options, store));
  const areas = await launched.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session', { get(k: null): Promise<Record<string, unknown>> }> } }).chrome;
    return { local: await c.storage.local.get(null), session: await c.storage.session.get(null) };
  });
  for (const [area, items] of Object.entries(areas)) for (const [key, value] of Object.entries(items)) places[`storage.${area} ${key}`] = JSON.stringify(value);
  return places;
}

/** The places that hold `trace` (text, or a pattern). */
async function placesHolding(trace: string | RegExp): Promise<string[]> {
  return Object.entries(await everythingKept()).flatMap(([place, text]) => ((typeof trace === 'string' ? text.includes(trace) : trace.test(text)) ? [place] : []));
}

async function fullSync(): Promise<void> {
  await waitForRunOver(options, 60_000);
  await askBackground(options, { type: 'sync-now', full: true });
  await new Promise((r) => setTimeout(r, 300));
  await waitForRunOver(options, 60_000);
}

/** Search in the panel, as the agent types. */
async function panelSearch(query: string): Promise<void> {
  await panel.getByRole('searchbox', { name: 'Search people' }).fill(query);
}

describe('privacy: nothing outlives its person or field', () => {
  it('a person removed from Personio leaves no trace after the next full sync', async () => {
    // The agent finds Ada in the panel's search and opens her card: her photo and balance
    // are fetched and cached, the tab's session holds the search results and her id.
    await panelSearch('Lovelace');
    await panel.getByRole('button', { name: /Ada Lovelace/ }).click();
    await panel.getByRole('article', { name: 'Ada Lovelace' }).waitFor();
    const cached = async (store: string) => (await readStore<{ employeeId: number }>(options, store)).some((row) => row.employeeId === ADA);
    await expect.poll(async () => (await cached('balances')) && (await cached('photos')), { timeout: 20_000 }).toBe(true);
    // The popup: her card, a search for her, its last status and one-letter results.
    await askBackground(options, { type: 'person', id: ADA });
    await askBackground(options, { type: 'search', query: 'Ada' });
    await askBackground(options, { type: 'status' });
    await expect.poll(async () => Object.keys(await everythingKept()), { timeout: 10_000 }).toContain('storage.session firstLetters');
    expect(await placesHolding('ada.lovelace@acme.example')).toEqual(expect.arrayContaining(['database employees', 'database searchIndex', expect.stringMatching(/^storage\.session tab:/)]));
    expect(await placesHolding(new RegExp(`\\b${ADA}\\b`))).toEqual(expect.arrayContaining(['database balances', 'database photos']));

    sim.removeEmployee(ADA);
    await fullSync();

    expect(await placesHolding('ada.lovelace@acme.example')).toEqual([]);
    // Her name, also as the query the agent typed to find her.
    expect(await placesHolding('Lovelace')).toEqual([]);
    // Rows keyed by her id alone (a cached balance, a photo, a card opened in a panel) are traces too.
    expect(await placesHolding(new RegExp(`\\b${ADA}\\b`))).toEqual([]);
    // The panel no longer shows her: it is back on the conversation's unknown sender.
    await panel.getByRole('article', { name: 'Ada Lovelace' }).waitFor({ state: 'detached' });
  });

  it('a field switched off is nowhere any more', async () => {
    const grace = (await readStore<{ id: number; position?: string }>(options, 'employees')).find((e) => e.id === GRACE);
    const position = grace?.position;
    expect(position).toBeTruthy();
    // The agent finds Grace in the panel by her position: the query holds the value too.
    await panelSearch(position!);
    await panel.getByRole('button', { name: /Grace Hopper/ }).waitFor();
    await askBackground(options, { type: 'search', query: 'Grace' });
    await askBackground(options, { type: 'status' });
    expect(await placesHolding(position!)).toEqual(expect.arrayContaining(['database employees', 'storage.session firstLetters', expect.stringMatching(/^storage\.session tab:/)]));

    await saveFields((f) => (f.key === 'position' ? { ...f, store: false, show: false } : f));
    await askBackground(options, { type: 'search', query: 'Grace' });

    expect(await placesHolding(position!)).toEqual([]);
  });
});
