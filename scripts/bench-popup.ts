/**
 * Popup rows of `npm run bench`: open → interactive and first keystroke → results, beside the
 * popup floor (a bare extension page with one input, opened the same way). Measured from
 * outside the page: a probe installed before any of the page's own script runs records when
 * the search box and the sync status first appear, and when results first follow an input.
 */
import type { Page } from 'playwright-core';
import { stopServiceWorker, type Launched } from '../test/e2e/harness';
import { POPUP_FLOOR_PAGE } from './bench-floor-pages';
import { fmt, median, p95, ratioRow, type Row } from './bench-table';
import { topSelfTime } from './bench-profile';
import { BENCH_BUILD } from './bench-worker';

const OPENINGS = Number(process.env.BENCH_POPUP_RUNS ?? 20);

/**
 * In the popup and its floor, from their first moment. "Interactive": the search box is there
 * and, in the popup, the sync status ("Synced …") with it. Times are the page's own clock
 * (`performance.now()`, and an input event's `timeStamp`, which is on the same clock), so no
 * automation round trip is in them.
 */
const POPUP_PROBE = `
  if (location.pathname === '/popup.html' || location.pathname === '/${POPUP_FLOOR_PAGE}') {
    const probe = (window.__benchProbe = {});
    const needsStatus = location.pathname === '/popup.html';
    addEventListener('input', (event) => { if (probe.typedAt === undefined) probe.typedAt = event.timeStamp; }, true);
    const check = () => {
      const now = performance.now();
      if (probe.body === undefined && document.body) probe.body = now;
      if (probe.searchBox === undefined && document.querySelector('input[type=search]')) probe.searchBox = now;
      if (probe.status === undefined && (needsStatus ? document.body && document.body.textContent.includes('Synced') : probe.searchBox !== undefined)) probe.status = now;
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

/** Open `path` as the bench opens the popup (a new tab), type one letter; when it became interactive, and how long the letter took to show results. */
interface Opening {
  interactive: number;
  keystroke: number;
  /** Milestones of the opening, for where the time goes: the head parsed, the document parsed, its scripts run, the search box, the status. */
  milestones: Record<string, number>;
}

async function openAndType(launched: Launched, path: string, letter: string, profileKeystroke = false): Promise<Opening> {
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
    await settled('interactive', 50);
    // BENCH_PROFILE: where the first keystroke's time goes in the popup (its CPU profile).
    const cdp = profileKeystroke && path === 'popup.html' ? await launched.context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
    }
    await page.getByRole('searchbox').pressSequentially(letter);
    await settled('results', 20);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach();
      const summary = topSelfTime({ nodes: profile.nodes, samples: profile.samples ?? [], timeDeltas: profile.timeDeltas ?? [] }, BENCH_BUILD, 12);
      console.log(`  popup, CPU profile from the keystroke to its results, top self time:\n    ${summary.join('\n    ')}`);
    }
    const { interactive, typedAt, results, body, searchBox, status } = (await probe())!;
    const navigation = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { responseEnd: entry.responseEnd, domInteractive: entry.domInteractive, domContentLoaded: entry.domContentLoadedEventEnd };
    });
    return { interactive: interactive!, keystroke: results! - typedAt!, milestones: { body: body!, ...navigation, searchBox: searchBox!, status: status! } };
  } finally {
    await page.close();
  }
}

/** `page`: an extension page of the same browser, from which the worker is stopped. */
export async function benchPopup(rows: Row[], launched: Launched, page: Page): Promise<void> {
  await launched.context.addInitScript({ content: POPUP_PROBE });
  const opens = { running: [] as number[], stopped: [] as number[] };
  const floorOpens = { running: [] as number[], stopped: [] as number[] };
  const keys: number[] = [];
  const floorKeys: number[] = [];
  const milestones = { ours: [] as Opening['milestones'][], floor: [] as Opening['milestones'][] };
  // Half the openings find the worker stopped, as after 30 s of idling: it must wake, and load
  // the search index, before it can answer. The floor goes first each time: it never wakes
  // the worker, so it sees the same state as the popup after it.
  for (let i = 0; i < OPENINGS; i += 1) {
    const asleep = i % 2 === 1;
    if (asleep) await stopServiceWorker(launched, page);
    const letter = 'abcdefghjklmnprstvwz'[i % 20]!;
    const floor = await openAndType(launched, POPUP_FLOOR_PAGE, letter);
    const ours = await openAndType(launched, 'popup.html', letter, Boolean(process.env.BENCH_PROFILE) && i < 2);
    (asleep ? floorOpens.stopped : floorOpens.running).push(floor.interactive);
    (asleep ? opens.stopped : opens.running).push(ours.interactive);
    floorKeys.push(floor.keystroke);
    keys.push(ours.keystroke);
    milestones.ours.push(ours.milestones);
    milestones.floor.push(floor.milestones);
  }
  for (const side of ['ours', 'floor'] as const) {
    const names = Object.keys(milestones[side][0] ?? {});
    console.log(`  popup ${side === 'ours' ? '' : 'floor '}opening, medians from navigation start: ${names.map((n) => `${n} ${fmt(median(milestones[side].map((m) => m[n]!)))} ms`).join(', ')}`);
  }
  rows.push(ratioRow({ measure: 'popup open → interactive, worker running', unit: 'ms', samples: opens.running, floor: { label: 'one-input page', samples: floorOpens.running } }, 1.5));
  rows.push(ratioRow({ measure: 'popup open → interactive, worker stopped', unit: 'ms', samples: opens.stopped, floor: { label: 'one-input page', samples: floorOpens.stopped } }, 1.5));
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
