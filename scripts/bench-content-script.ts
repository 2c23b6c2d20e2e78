/**
 * The content script's main-thread rows of `npm run bench`: its time at page load on the Gmail
 * fixture with no conversation open, beside an empty content script on the same fixture.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { EMPTY_SCRIPT, EMPTY_SCRIPT_ORIGIN } from './bench-floor-pages';
import { fmt, median, type Row } from './bench-table';
import { mergeProfiles, samplesUnder, topSelfTime, traceDuring, type CpuProfile, type TraceEvent } from './bench-profile';
import { BENCH_BUILD } from './bench-worker';
import type { Launched } from '../test/e2e/harness';
import { contentMainFile } from '../lib/content-loader';
import { contentScriptFile } from '../lib/sites';

const GMAIL = 'https://mail.google.com';
const INBOX_PATH = '/mail/u/0/#inbox';

/**
 * Main-thread time a content script costs a page that loads with no conversation open, from
 * a Chromium trace of the page's renderer: every outermost event that runs the script's files
 * (evaluation, compilation, calls, including the DOM work they do synchronously). Split into
 * what runs while the page loads, and what runs from the page's first idle period on (ours
 * loads the site's script proper there, then pre-creates the hidden panel frame).
 * `scriptFiles`: the script's files, by name (a file imported later has a URL of its own, in
 * Chrome a dynamic one). `settled`: the script has done its part.
 */
async function contentScriptTimeOfLoad(
  context: BrowserContext,
  url: string,
  scriptFiles: readonly string[],
  settled: (page: Page) => Promise<unknown>,
): Promise<{ atLoad: number; atIdle: number; byEvent: Record<string, number> }> {
  const page = await context.newPage();
  const { events } = await traceDuring(page, ['devtools.timeline', 'v8'], async () => {
    await page.goto(url, { waitUntil: 'load' });
    await settled(page);
    await page.waitForTimeout(200);
  });
  await page.close();

  const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.data?.fileName ?? e.args?.fileName ?? '';
  const ours = (e: TraceEvent) => urlOf(e).startsWith('chrome-extension://') && scriptFiles.some((file) => urlOf(e).endsWith(`/${file}`));
  const finished = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  // The page's main thread: where the script is first evaluated. (An imported module is parsed
  // on a background thread first; that costs the page nothing.)
  const main = finished.find((e) => ours(e) && e.name === 'EvaluateScript');
  const mine = finished.filter((e) => ours(e) && e.pid === main?.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
  // The page is idle from the first idle callback that runs our code: everything of ours before it ran while the page loaded.
  const idleStart = finished
    .filter((e) => e.name === 'FireIdleCallback' && mine.some((m) => m.pid === e.pid && m.tid === e.tid && e.ts <= m.ts && m.ts + m.dur! <= e.ts + e.dur!))
    .reduce((first, e) => Math.min(first, e.ts), Infinity);
  let atLoad = 0;
  let atIdle = 0;
  // At load, by kind of event (the script's evaluation, callbacks, timers), and its compilation within them.
  const byEvent: Record<string, number> = {};
  let coveredUntil = -1;
  for (const e of mine) {
    if (e.ts < coveredUntil) continue; // nested in an event already counted
    coveredUntil = e.ts + e.dur!;
    if (e.ts >= idleStart) atIdle += e.dur! / 1000;
    else {
      atLoad += e.dur! / 1000;
      byEvent[e.name] = (byEvent[e.name] ?? 0) + e.dur! / 1000;
    }
  }
  for (const e of mine.filter((e) => e.ts < idleStart && /compile/i.test(e.name))) byEvent[`(within: ${e.name})`] = (byEvent[`(within: ${e.name})`] ?? 0) + e.dur! / 1000;
  return { atLoad, atIdle, byEvent };
}

/** Where our script's time goes at page load: a CPU profile of the page over 10 loads, only the samples under our script. */
async function profileContentScriptLoad(context: BrowserContext, url: string): Promise<void> {
  const profiles: CpuProfile[] = [];
  for (let i = 0; i < 10; i += 1) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('sidecard-panel') !== null);
    await page.waitForTimeout(200);
    const { profile } = await cdp.send('Profiler.stop');
    profiles.push(samplesUnder({ nodes: profile.nodes, samples: profile.samples ?? [], timeDeltas: profile.timeDeltas ?? [] }, [contentScriptFile('gmail'), contentMainFile('gmail')]));
    await cdp.detach();
    await page.close();
  }
  console.log(`  content script, CPU profile of 10 page loads (at load and first idle), top self time:\n    ${topSelfTime(mergeProfiles(profiles), BENCH_BUILD, 14).join('\n    ')}`);
}

/** Main-thread time of our script on a page loading with no conversation open, and of an empty one, loads alternating. */
export async function benchContentScriptLoad(rows: Row[], launched: Launched): Promise<void> {
  const load: number[] = [];
  const idle: number[] = [];
  const empty: number[] = [];
  const loads: Array<Record<string, number>> = [];
  for (let i = 0; i < 20; i += 1) {
    const { atLoad, atIdle, byEvent } = await contentScriptTimeOfLoad(launched.context, `${GMAIL}${INBOX_PATH}`, [contentScriptFile('gmail'), contentMainFile('gmail')], (page) =>
      page.waitForFunction(() => document.querySelector('sidecard-panel') !== null),
    );
    load.push(atLoad);
    idle.push(atIdle);
    loads.push(byEvent);
    const floor = await contentScriptTimeOfLoad(launched.context, `${EMPTY_SCRIPT_ORIGIN}${INBOX_PATH}`, [EMPTY_SCRIPT], async () => undefined);
    empty.push(floor.atLoad + floor.atIdle);
  }
  const kinds = [...new Set(loads.flatMap((l) => Object.keys(l)))];
  console.log(`  our script at load, by trace event (medians): ${kinds.map((k) => `${k} ${fmt(median(loads.map((l) => l[k] ?? 0)))} ms`).join(', ')}`);
  // Judged on the median of 20 page loads (a single slow load is the machine, not the
  // script); the p95 is printed beside it.
  const extra = median(load) - median(empty);
  rows.push({
    measure: 'content script main-thread time at page load, no conversation',
    unit: 'ms',
    samples: load,
    floor: { label: 'empty content script', samples: empty },
    ratio: `${extra >= 0 ? '+' : ''}${fmt(extra)} ms (median)`,
    target: '≤ floor + 1 ms (median)',
    pass: extra <= 1,
  });
  rows.push({ measure: '…then, once the page is idle: the site\'s script loaded, the hidden panel frame created', unit: 'ms', samples: idle, target: 'reported' });
  if (process.env.BENCH_PROFILE) await profileContentScriptLoad(launched.context, `${GMAIL}${INBOX_PATH}`);
}
