import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../personio-sim';
import { LAZY_FETCHES_PER_MINUTE } from '../../lib/background/lazy-extras';
import { askBackground, connect, launchExtension, openOptions, panelFrame, readStore, routePersonio, waitForRunOver, waitForSync, type Launched } from './harness';

/**
 * A hostile page on a supported host plants header markup for one known address after
 * another, so that each becomes the participant the panel shows. Personio enforces its 300
 * requests a minute; the page must not get Sidecard to spend them.
 */
const PROBE_URL = 'https://mail.google.com/mail/u/0/probe';
const TABS = 4;
const ADDRESSES_PER_TAB = 80;
const BALANCE = /^\/v1\/company\/employees\/\d+\/absences\/balance$/;

let sim: Simulator;
let launched: Launched;

beforeAll(async () => {
  sim = await startSimulator({ employees: 500, seed: 12, rateLimit: { employeesPerMinute: 300 } });
  launched = await launchExtension();
  await routePersonio(launched.context, sim);
  const options = await openOptions(launched);
  await connect(options);
  await waitForSync(launched, 300);
  await waitForRunOver(options);
  await options.close();
  // Gmail's shell, with nothing open: the probe fills in one thread after another.
  await launched.context.route(`${PROBE_URL}*`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Inbox</title><div class="nH"><div role="main" id="main"></div></div>' }),
  );
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

/** Show one Gmail thread after another, each from the next address, every `everyMs`. */
async function plant(page: Page, people: { email: string; name: string }[], everyMs: number): Promise<void> {
  await page.evaluate(
    async ([list, ms]) => {
      const main = document.getElementById('main')!;
      for (const [i, p] of list.entries()) {
        const subject = Object.assign(document.createElement('h2'), { className: 'hP', textContent: `Question ${i}` });
        subject.dataset.threadPermId = `thread-f:${i}`;
        const message = Object.assign(document.createElement('div'), { className: 'adn ads' });
        message.dataset.messageId = `#msg-f:${i}`;
        const sender = Object.assign(document.createElement('span'), { className: 'gD', textContent: p.name });
        sender.setAttribute('email', p.email);
        sender.setAttribute('name', p.name);
        const body = Object.assign(document.createElement('div'), { className: 'a3s aiL', textContent: 'Hello' });
        message.append(sender, body);
        main.replaceChildren(subject, message);
        await new Promise((r) => setTimeout(r, ms));
      }
    },
    [people, everyMs] as const,
  );
}

describe('a page planting many addresses', () => {
  it(`gets at most ${LAZY_FETCHES_PER_MINUTE} balances fetched, and the next full sync meets no 429`, async () => {
    const known = sim.company.employees
      .filter((e) => e.status === 'active' || e.status === 'onboarding' || e.status === 'leave')
      .map((e) => ({ email: e.email, name: e.preferredName }));
    expect(known.length).toBeGreaterThanOrEqual(TABS * ADDRESSES_PER_TAB);
    sim.resetRequestLog();

    const pages = await Promise.all(Array.from({ length: TABS }, () => launched.context.newPage()));
    await Promise.all(
      pages.map(async (page, tab) => {
        await page.goto(PROBE_URL);
        const mine = known.slice(tab * ADDRESSES_PER_TAB, (tab + 1) * ADDRESSES_PER_TAB);
        // The panel is up, showing the first planted person, before the page speeds up.
        await plant(page, mine.slice(0, 1), 0);
        await (await panelFrame(page)).getByRole('article', { name: mine[0]!.name }).waitFor({ timeout: 15_000 });
        await plant(page, mine.slice(1), 120);
      }),
    );
    // The panel followed the page to its last planted person.
    await (await panelFrame(pages[0]!)).getByRole('article', { name: known[ADDRESSES_PER_TAB - 1]!.name }).waitFor({ timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 3000));
    await Promise.all(pages.map((p) => p.close()));

    const balances = sim.requests.filter((r) => BALANCE.test(r.path));
    expect(balances.length).toBeGreaterThan(0);
    expect(balances.length).toBeLessThanOrEqual(LAZY_FETCHES_PER_MINUTE);

    const options = await openOptions(launched);
    const syncFrom = Date.now();
    await askBackground(options, { type: 'sync-now', full: true });
    await expect
      .poll(async () => (await readStore<{ startedAt: number; endedAt?: number }>(options, 'syncLog')).some((l) => l.startedAt >= syncFrom && l.endedAt), { timeout: 60_000 })
      .toBe(true);
    await waitForRunOver(options);
    const run = (await readStore<{ startedAt: number; error?: unknown; kind: string }>(options, 'syncLog')).find((l) => l.startedAt >= syncFrom);
    expect(run).toMatchObject({ kind: 'full' });
    expect(run?.error).toBeUndefined();
    expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
  });
});
