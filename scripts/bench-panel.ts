/**
 * Panel rows of `npm run bench`: how fast the panel shows a requester, how big the content
 * script is, and what it costs a page with no requester. Real Chromium, the Gmail fixture.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startSimulator } from '../test/personio-sim';
import { scenario as gmail } from '../test/fixtures/sites/gmail/scenario';
import { quantile, type Row } from './bench-table';
import { connect, launchExtension, openOptions, panelFrame, routePersonio, serveScenario, waitForSync } from '../test/e2e/harness';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_PANEL_RUNS ?? 20);
const INBOX = 'https://mail.google.com/mail/u/0/#inbox';

const p95 = (values: number[]) => quantile(values, 0.95);

/** Open a thread from `sender` by swapping Gmail's view, as Gmail does; returns the wall-clock time of the swap. */
async function showThreadFrom(page: Page, sender: { email: string; name: string }, threadId: string): Promise<number> {
  return page.evaluate(
    ({ email, name, id }) => {
      const template = document.getElementById('view-FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmk') as HTMLTemplateElement;
      const view = template.content.cloneNode(true) as DocumentFragment;
      const from = view.querySelector('span.gD')!;
      from.setAttribute('email', email);
      from.setAttribute('name', name);
      from.textContent = name;
      view.querySelector('h2.hP')!.setAttribute('data-thread-perm-id', id);
      document.getElementById('main')!.replaceChildren(view);
      return performance.timeOrigin + performance.now();
    },
    { email: sender.email, name: sender.name, id: threadId },
  );
}

/**
 * In every panel frame, from its first moment: a log of what its text was when, so the time
 * a text first appeared can be read afterwards, also in a frame created after the swap.
 */
const PANEL_TEXT_LOG = `
  if (location.pathname === '/panel.html') {
    const log = (window.__textLog = []);
    const note = () => document.body && log.push([performance.timeOrigin + performance.now(), document.body.innerText]);
    new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true });
  }
`;

/** The wall-clock time the panel first showed all of `texts` after `since`. */
async function panelShowed(page: Page, texts: string[], since: number): Promise<number> {
  const frame = await panelFrame(page);
  const handle = await frame.waitForFunction(
    ({ texts, since }) => (window as unknown as { __textLog: [number, string][] }).__textLog.find(([at, shown]) => at >= since && texts.every((t) => shown.includes(t)))?.[0],
    { texts, since },
    { timeout: 10_000, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string } };
}

/**
 * Main-thread time our content script costs a page that loads with no conversation open,
 * from a Chromium trace of the page's renderer: every outermost event that runs our script
 * (evaluation, compilation, calls, including the DOM work they do synchronously, such as
 * creating the panel's frame). Split into what runs while the page loads, and what runs in
 * the page's first idle period (pre-creating the hidden panel frame).
 */
async function contentScriptTimeOfLoad(context: import('playwright-core').BrowserContext, url: string, scriptUrl: string): Promise<{ atLoad: number; atIdle: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8'] }, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('sidecard-panel') !== null);
  await page.waitForTimeout(200);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  await page.close();

  const ours = (e: TraceEvent) => (e.args?.data?.url ?? e.args?.data?.scriptName ?? '') === scriptUrl;
  const finished = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const idle = finished.filter((e) => e.name === 'FireIdleCallback');
  let atLoad = 0;
  let atIdle = 0;
  let coveredUntil = -1;
  for (const e of finished.filter(ours).sort((a, b) => a.ts - b.ts)) {
    if (e.ts < coveredUntil) continue; // nested in an event already counted
    coveredUntil = e.ts + e.dur!;
    const inIdle = idle.some((i) => i.pid === e.pid && i.tid === e.tid && i.ts <= e.ts && e.ts + e.dur! <= i.ts + i.dur!);
    if (inIdle) atIdle += e.dur! / 1000;
    else atLoad += e.dur! / 1000;
  }
  return { atLoad, atIdle };
}

export async function benchPanel(rows: Row[]): Promise<void> {
  const sim = await startSimulator({ employees: 500, seed: 3 });
  const launched = await launchExtension();
  try {
    await routePersonio(launched.context, sim);
    const options = await openOptions(launched);
    await connect(options);
    await waitForSync(launched, 100);
    await serveScenario(launched.context, gmail);
    await launched.context.addInitScript({ content: PANEL_TEXT_LOG });
    const senders = sim.company.employees
      .filter((e) => e.status === 'active' && e.position)
      .slice(10, 10 + RUNS * 2)
      .map((e) => ({ email: e.email, name: `${e.firstName} ${e.lastName}`, position: e.position }));

    // Warm: one page, the panel already up; each message swaps the view.
    const page = await launched.context.newPage();
    await page.goto(gmail.startUrl);
    await (await panelFrame(page)).getByText(gmail.first.position).first().waitFor();
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const sender = senders[i]!;
      const swappedAt = await showThreadFrom(page, sender, `warm-${i}`);
      warm.push((await panelShowed(page, [sender.name, sender.position!], swappedAt)) - swappedAt);
    }
    rows.push({ measure: 'requester inserted → shown in panel, warm (Gmail, real Chromium)', unit: 'ms', samples: warm, target: 'p95 ≤ 100 ms', pass: p95(warm) <= 100 });

    // First message after page load: a fresh page each time, the thread opened once our script is in.
    const first: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const fresh = await launched.context.newPage();
      // Our script runs at document_idle and, with no conversation open, changes nothing
      // visible: give it a moment past the load event.
      await fresh.goto(INBOX, { waitUntil: 'load' });
      await fresh.waitForTimeout(300);
      const sender = senders[RUNS + i]!;
      const swappedAt = await showThreadFrom(fresh, sender, `first-${i}`);
      first.push((await panelShowed(fresh, [sender.name, sender.position!], swappedAt)) - swappedAt);
      await fresh.close();
    }
    rows.push({ measure: 'requester inserted → shown, first message after page load', unit: 'ms', samples: first, target: 'p95 ≤ 100 ms', pass: p95(first) <= 100 });

    const content = readFileSync(join(root, '.output/chrome-mv3/content-script.js'));
    const gzip = gzipSync(content).length / 1024;
    rows.push({ measure: `content script size (raw ${(content.length / 1024).toFixed(1)} KB)`, unit: 'KB gzip', samples: [gzip], target: '≤ 15 KB gzip', pass: gzip <= 15 });

    // Main-thread time of our script on a page loading with no conversation open.
    const scriptUrl = `chrome-extension://${launched.extensionId}/content-script.js`;
    const load: number[] = [];
    const idle: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const { atLoad, atIdle } = await contentScriptTimeOfLoad(launched.context, INBOX, scriptUrl);
      load.push(atLoad);
      idle.push(atIdle);
    }
    // Judged on the median of 20 page loads (a single slow load is the machine, not the
    // script); the p95 is printed beside it.
    rows.push({ measure: 'main-thread time the content script adds at page load, no requester', unit: 'ms', samples: load, target: 'median ≤ 5 ms', pass: quantile(load, 0.5) <= 5 });
    rows.push({ measure: '…then, in the first idle period: the hidden panel frame created', unit: 'ms', samples: idle, target: 'reported' });
  } finally {
    await launched.close();
    await sim.close();
  }
}
