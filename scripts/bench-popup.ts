/**
 * Popup rows of `npm run bench`: open → search box, open → sync status, and first keystroke →
 * results, beside the popup floor (a bare extension page with one input, whose script shows a
 * status line read from storage), opened the same way, and beside a React page doing the same.
 * Measured from outside the page: a probe installed before any of the page's own script runs
 * records when the search box and the sync status first appear, and when results first follow
 * an input.
 */
import type { Page } from 'playwright-core';
import { stopServiceWorker, type Launched } from '../test/e2e/harness';
import { POPUP_FLOOR_PAGE, POPUP_REACT_FLOOR_PAGE } from './bench-floor-pages';
import { fmt, median, p95, ratioRow, type Row } from './bench-table';
import { topSelfTime } from './bench-profile';
import { BENCH_BUILD } from './bench-worker';

/** Half find the worker running, half stopped: 20 each, so that a p95 is not simply the slowest opening. */
const OPENINGS = Number(process.env.BENCH_POPUP_RUNS ?? 40);

/**
 * How long the page is left alone after it is opened, and after the keystroke, before its
 * probe is read: longer than nearly every opening and keystroke takes. The probe's times are
 * the page's own; reading it earlier, or polling it, would run DevTools and the driver on the
 * two cores the page is working on.
 */
const READ_OPENING_AFTER_MS = 250;
const READ_KEYSTROKE_AFTER_MS = 100;
const leaveAlone = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * In the popup and its floors, from their first moment: when the search box is there (it takes
 * keystrokes from then on; the popup's is written in its HTML and keeps what is typed), and
 * when the sync status is shown ("Synced …"; the floors' one line). Times are the page's own
 * clock (`performance.now()`, and an input event's `timeStamp`, which is on the same clock), so
 * no automation round trip is in them.
 */
const POPUP_PROBE = `
  if (['/popup.html', '/${POPUP_FLOOR_PAGE}', '/${POPUP_REACT_FLOOR_PAGE}'].includes(location.pathname)) {
    const probe = (window.__benchProbe = {});
    const ours = location.pathname === '/popup.html';
    addEventListener('input', (event) => { if (probe.typedAt === undefined) probe.typedAt = event.timeStamp; }, true);
    const statusShown = () => ours ? document.body && document.body.textContent.includes('Synced') : document.querySelector('[data-floor-status]')?.textContent;
    const check = () => {
      const now = performance.now();
      if (probe.body === undefined && document.body) probe.body = now;
      if (probe.searchBox === undefined && document.querySelector('input[type=search]')) probe.searchBox = now;
      if (probe.status === undefined && statusShown()) probe.status = now;
      if (probe.interactive === undefined && probe.searchBox !== undefined && probe.status !== undefined) probe.interactive = now;
      if (probe.typedAt !== undefined && probe.results === undefined && document.querySelector('[role=listbox][aria-label="Search results"] [role=option]')) probe.results = now;
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  }
`;

interface Probe {
  body?: number;
  searchBox?: number;
  status?: number;
  interactive?: number;
  typedAt?: number;
  results?: number;
}

/** Open `path` as the bench opens the popup (a new tab), type one letter; when it showed its search box and status, and how long the letter took to show results. */
interface Opening {
  searchBox: number;
  status: number;
  keystroke: number;
  /** Milestones of the opening, for where the time goes: the head parsed, the document parsed, its scripts run, the search box, the status. */
  milestones: Record<string, number>;
}

/** `letter`: undefined for a page that only opens (the React floor has no search). */
async function openAndType(launched: Launched, path: string, letter: string | undefined, profileKeystroke = false): Promise<Opening> {
  const page = await launched.context.newPage();
  try {
    await page.goto(`chrome-extension://${launched.extensionId}/${path}`);
    const probe = () => page.evaluate(() => (window as unknown as { __benchProbe?: Probe }).__benchProbe);
    const settled = async (what: keyof Probe, polling: number) => {
      const seen = (key: keyof Probe) => (window as unknown as { __benchProbe?: Probe }).__benchProbe?.[key] !== undefined;
      await page.waitForFunction(seen, what, { timeout: 30_000, polling }).catch(async (error: unknown) => {
        throw new Error(`${path}: no ${what} (probe ${JSON.stringify(await probe())}, text "${await page.evaluate(() => document.body.textContent)}")`, { cause: error });
      });
    };
    await leaveAlone(READ_OPENING_AFTER_MS);
    await settled('interactive', 50);
    if (letter === undefined) {
      const { body, searchBox, status } = (await probe())!;
      return { searchBox: searchBox!, status: status!, keystroke: Number.NaN, milestones: { body: body!, searchBox: searchBox!, status: status! } };
    }
    // BENCH_PROFILE: where the first keystroke's time goes in the popup (its CPU profile).
    const cdp = profileKeystroke && path === 'popup.html' ? await launched.context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
    }
    await page.getByRole('searchbox').pressSequentially(letter);
    await leaveAlone(READ_KEYSTROKE_AFTER_MS);
    await settled('results', 20);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach();
      const summary = topSelfTime({ nodes: profile.nodes, samples: profile.samples ?? [], timeDeltas: profile.timeDeltas ?? [] }, BENCH_BUILD, 12);
      console.log(`  popup, CPU profile from the keystroke to its results, top self time:\n    ${summary.join('\n    ')}`);
    }
    const { typedAt, results, body, searchBox, status } = (await probe())!;
    const navigation = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { responseEnd: entry.responseEnd, domInteractive: entry.domInteractive, domContentLoaded: entry.domContentLoadedEventEnd };
    });
    return { searchBox: searchBox!, status: status!, keystroke: results! - typedAt!, milestones: { body: body!, ...navigation, searchBox: searchBox!, status: status! } };
  } finally {
    await page.close();
  }
}

type Side = 'ours' | 'floor' | 'react';
const PAGES: Record<Side, string> = { floor: POPUP_FLOOR_PAGE, react: POPUP_REACT_FLOOR_PAGE, ours: 'popup.html' };
const WORKER = ['running', 'stopped'] as const;

/** `page`: an extension page of the same browser, from which the worker is stopped. */
export async function benchPopup(rows: Row[], launched: Launched, page: Page): Promise<void> {
  await launched.context.addInitScript({ content: POPUP_PROBE });
  const openings: Record<Side, Record<(typeof WORKER)[number], Opening[]>> = {
    ours: { running: [], stopped: [] },
    floor: { running: [], stopped: [] },
    react: { running: [], stopped: [] },
  };
  // Half the openings find the worker stopped, as after 30 s of idling: it must wake, and load
  // the search index, before it can answer. The floors go first each time: they never wake
  // the worker, so they see the same state as the popup after them.
  for (let i = 0; i < OPENINGS; i += 1) {
    const worker = WORKER[i % 2]!;
    if (worker === 'stopped') await stopServiceWorker(launched, page);
    const letter = 'abcdefghjklmnprstvwz'[i % 20]!;
    for (const side of ['floor', 'react', 'ours'] as const) {
      openings[side][worker].push(await openAndType(launched, PAGES[side], side === 'react' ? undefined : letter, side === 'ours' && Boolean(process.env.BENCH_PROFILE) && i < 2));
    }
  }
  const all = (side: Side) => [...openings[side].running, ...openings[side].stopped];
  for (const side of ['ours', 'floor', 'react'] as const) {
    const names = Object.keys(all(side)[0]?.milestones ?? {});
    const label = { ours: 'popup', floor: 'popup floor', react: 'popup React floor' }[side];
    console.log(`  ${label} opening, medians from navigation start: ${names.map((n) => `${n} ${fmt(median(all(side).map((m) => m.milestones[n]!)))} ms`).join(', ')}`);
  }
  const of = (side: Side, worker: (typeof WORKER)[number], what: 'searchBox' | 'status') => openings[side][worker].map((o) => o[what]);
  for (const worker of WORKER) {
    rows.push(ratioRow({ measure: `popup open → search box takes keystrokes, worker ${worker}`, unit: 'ms', samples: of('ours', worker, 'searchBox'), floor: { label: 'one-input page', samples: of('floor', worker, 'searchBox') } }, 1.5));
  }
  for (const worker of WORKER) {
    rows.push(
      ratioRow(
        {
          measure: `popup open → sync status shown, worker ${worker}`,
          unit: 'ms',
          samples: of('ours', worker, 'status'),
          floor: { label: 'its script shows a stored line', samples: of('floor', worker, 'status') },
          peer: { label: 'a React page on our shared chunk shows it', samples: of('react', worker, 'status') },
        },
        1.5,
      ),
    );
  }
  const keys = all('ours').map((o) => o.keystroke);
  const floorKeys = all('floor').map((o) => o.keystroke);
  rows.push({
    measure: 'first keystroke after the popup opens → results shown (both)',
    unit: 'ms',
    samples: keys,
    floor: { label: 'one-input page echoing it', samples: floorKeys },
    ratio: `${(p95(keys) / p95(floorKeys)).toFixed(1)}× (p95)`,
    target: 'p95 ≤ 16 ms',
    pass: p95(keys) <= 16,
  });
}
