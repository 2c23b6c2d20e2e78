/**
 * Panel rows of `npm run bench`, on the Gmail fixture in real Chromium: how fast the panel
 * shows a requester, warm and as the first message after a page load, beside the panel floor
 * (a bare frame, pre-created the same way, showing one line the background sends over a Port)
 * and beside richer floors: that frame once the background has done the card's reads raw, and
 * that frame drawing our card's markup with none of our code; how big the content script is;
 * and (scripts/bench-content-script.ts) its main-thread time at page load.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { startSimulator } from '../test/personio-sim';
import { scenario as gmail } from '../test/fixtures/sites/gmail/scenario';
import { connect, launchExtension, openOptions, serveScenario, waitForSync, type Launched } from '../test/e2e/harness';
import { ASKS_FIRST_ATTRIBUTE, CARD_FLOOR_ORIGIN, CARD_FLOOR_PAGE, EMPTY_SCRIPT_ORIGIN, PANEL_FLOOR_ORIGIN, PANEL_FLOOR_PAGE } from './bench-floor-pages';
import { firstNotedAfter, installPanelFloorRelay } from './bench-panel-floor';
import { quiet } from './bench-cpu';
import { benchContentScriptLoad } from './bench-content-script';
import { fmt, median, p95, ratioRow, type Row } from './bench-table';
import { topSelfTime, type CpuProfile } from './bench-profile';
import { BENCH_BUILD, PRODUCTION_BUILD, pointAtSimulator, targetDevTools, workerDevTools } from './bench-worker';
import { contentMainFile } from '../lib/content-loader';
import { contentScriptFile, SITES } from '../lib/sites';

const RUNS = Number(process.env.BENCH_PANEL_RUNS ?? 40);
const GMAIL = 'https://mail.google.com';
const INBOX_PATH = '/mail/u/0/#inbox';

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
 * In every panel frame (ours and the floor's), from its first moment: a log of what its text
 * was when, so the time a text first appeared can be read afterwards, also in a frame created
 * after the swap.
 */
const PANEL_TEXT_LOG = `
  if (['/panel.html', '/${PANEL_FLOOR_PAGE}', '/${CARD_FLOOR_PAGE}'].includes(location.pathname)) {
    const log = (window.__textLog = []);
    const note = () => document.body && log.push([performance.timeOrigin + performance.now(), document.body.innerText]);
    new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true });
  }
`;

async function frameOf(page: Page, path: string, timeoutMs = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => URL.parse(f.url())?.pathname === path);
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`no frame ${path}`);
    await page.waitForTimeout(50);
  }
}

/** Our card as our panel on `page` shows it now, its photo left out (ours shows the initials until the photo is fetched, after the card). */
async function cardMarkupOf(page: Page): Promise<string> {
  return (await frameOf(page, '/panel.html')).evaluate(() => document.getElementById('root')!.innerHTML.replace(/<img\b[^>]*avatar-photo[^>]*>/g, ''));
}

/** Hand the card floor's frame our card's markup, and whose name, address and position it shows. */
async function installCard(frame: Frame, markup: string, captured: { name: string; email: string; position: string }): Promise<void> {
  await frame.evaluate(({ markup, captured }) => (window as unknown as { benchInstallCard(m: string, c: object): void }).benchInstallCard(markup, captured), { markup, captured });
}

/** Whether the frame at `path` had drawn anything before `since`. */
async function frameDrewBefore(page: Page, path: string, since: number): Promise<boolean> {
  const frame = await frameOf(page, path);
  return frame.evaluate((t) => (window as unknown as { __textLog: [number, string][] }).__textLog.some(([at, shown]) => at < t && shown.trim() !== ''), since);
}

/**
 * Until a frame is read after a swap: longer than nearly every message takes. The frame logs
 * when its text changed by itself; reading it earlier, or polling it, runs DevTools and the
 * driver on the two cores the frame is drawing on, and in a trace the slowest first messages
 * were the frame's tasks waiting for a core, not working.
 */
const READ_AFTER_MS = 150;

/** The wall-clock time the frame at `path` first showed all of `texts` after `since`. */
async function frameShowed(page: Page, path: string, texts: string[], since: number): Promise<number> {
  const frame = await frameOf(page, path);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, since + READ_AFTER_MS - Date.now())));
  const handle = await frame.waitForFunction(
    ({ texts, since }) => (window as unknown as { __textLog: [number, string][] }).__textLog.find(([at, shown]) => at >= since && texts.every((t) => shown.includes(t)))?.[0],
    { texts, since },
    { timeout: 10_000, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}

/** CPU profiles of the worker and of the panel's frame while they show these requesters, each shown before the next. */
async function profileWhileShowing(launched: Launched, page: Page, senders: Array<{ email: string; name: string; position: string }>): Promise<void> {
  const targets = [
    ['worker', await workerDevTools(launched)],
    ['panel frame', await targetDevTools(launched, 'the panel frame', (t) => t.type === 'iframe' && t.url.includes('/panel.html'))],
  ] as const;
  try {
    for (const [, devTools] of targets) {
      await devTools.call('Profiler.enable');
      await devTools.call('Profiler.setSamplingInterval', { interval: 100 });
      await devTools.call('Profiler.start');
    }
    for (const [i, sender] of senders.entries()) {
      const swappedAt = await showThreadFrom(page, sender, `profile-${i}`);
      await frameShowed(page, '/panel.html', [sender.name, sender.position], swappedAt);
    }
    for (const [name, devTools] of targets) {
      const { profile } = await devTools.call<{ profile: CpuProfile }>('Profiler.stop');
      console.log(`  ${name}, CPU profile while ${senders.length} requesters are shown, top self time:\n    ${topSelfTime(profile, BENCH_BUILD, 14).join('\n    ')}`);
    }
  } finally {
    for (const [, devTools] of targets) await devTools.close();
  }
}

/** The Gmail fixture, served at `origin` as at Gmail's own. */
async function serveGmailAt(context: BrowserContext, origin: string): Promise<void> {
  await serveScenario(context, { ...gmail, routes: gmail.routes.map((r) => ({ ...r, url: r.url.replace(GMAIL, origin) })) });
}

async function freshPageAfterLoad(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  // The scripts run at document_idle and, with no conversation open, change nothing
  // visible: give them a moment past the load event.
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  return page;
}

export async function benchPanel(rows: Row[]): Promise<void> {
  // Five senders a run, each someone active with a position (about four in five people).
  const sim = await startSimulator({ employees: Math.max(500, RUNS * 9), seed: 3 });
  const launched = await launchExtension({ extensionDir: BENCH_BUILD });
  try {
    await pointAtSimulator(launched.worker, sim);
    await connect(await openOptions(launched));
    await waitForSync(launched, 100);
    await installPanelFloorRelay(launched);
    await serveScenario(launched.context, gmail);
    await serveGmailAt(launched.context, PANEL_FLOOR_ORIGIN);
    await serveGmailAt(launched.context, CARD_FLOOR_ORIGIN);
    await serveGmailAt(launched.context, EMPTY_SCRIPT_ORIGIN);
    await launched.context.addInitScript({ content: PANEL_TEXT_LOG });
    const senders = sim.company.employees
      .filter((e) => e.status === 'active' && e.position)
      .slice(10, 10 + RUNS * 6)
      .map((e) => ({ email: e.email, name: `${e.firstName} ${e.lastName}`, position: e.position! }));
    const ours = { page: '/panel.html', texts: (s: (typeof senders)[number]) => [s.name, s.position] };
    const floor = { page: `/${PANEL_FLOOR_PAGE}`, texts: (s: (typeof senders)[number]) => [s.name, s.email] };

    // Warm: one page each (ours, the bare floor's, the card floor's), the panel already up; each message swaps the view, in turn.
    const startPath = gmail.startUrl.slice(GMAIL.length);
    const page = await launched.context.newPage();
    await page.goto(gmail.startUrl);
    await (await frameOf(page, ours.page)).getByText(gmail.first.position).first().waitFor();
    const floorPage = await launched.context.newPage();
    await floorPage.goto(`${PANEL_FLOOR_ORIGIN}${startPath}`);
    await (await frameOf(floorPage, floor.page)).getByText(gmail.first.requesterEmail).first().waitFor();
    const lookupFloor = { page: floor.page, texts: (s: (typeof senders)[number]) => [s.name, s.position] };
    const cardFloor = { page: `/${CARD_FLOOR_PAGE}`, texts: lookupFloor.texts };
    const cardPage = await launched.context.newPage();
    await cardPage.goto(`${CARD_FLOOR_ORIGIN}${startPath}`);
    await (await frameOf(cardPage, cardFloor.page)).getByText(gmail.first.requesterEmail).first().waitFor();
    // From here the card floor shows our card as ours shows it now, for the same person.
    const firstPerson = sim.company.employees.find((e) => e.email === gmail.first.requesterEmail)!;
    await installCard(await frameOf(cardPage, cardFloor.page), await cardMarkupOf(page), { name: `${firstPerson.firstName} ${firstPerson.lastName}`, email: firstPerson.email, position: gmail.first.position });
    const warm = { ours: [] as number[], floor: [] as number[], lookup: [] as number[], card: [] as number[] };
    // Where the time goes: from the swap until the message reaches the worker, and from there until shown.
    const toWorker = { ours: [] as number[], floor: [] as number[], lookup: [] as number[], card: [] as number[] };
    const warmPosted: number[] = [];
    const floorLooksUp = (on: boolean) => launched.worker.evaluate((v) => void Object.assign(globalThis, { benchFloorLooksUp: v }), on);
    for (let i = 0; i < RUNS; i += 1) {
      for (const [side, target] of [['ours', page], ['floor', floorPage], ['lookup', floorPage], ['card', cardPage]] as const) {
        // The floor's script reports a sender only when it changes: the lookup floor (on the bare floor's page) gets others.
        const sender = senders[side === 'lookup' ? 2 * RUNS + i : side === 'card' ? 3 * RUNS + i : i]!;
        const shown = side === 'ours' ? ours : side === 'floor' ? floor : side === 'lookup' ? lookupFloor : cardFloor;
        await floorLooksUp(side === 'lookup' || side === 'card');
        // From a quiet browser: what the last message left running (our card's photo and
        // balance, fetched once it is shown) is not charged to this one, ours or a floor's.
        await quiet(launched.profileDir);
        const swappedAt = await showThreadFrom(target, sender, `warm-${side}-${i}`);
        warm[side].push((await frameShowed(target, shown.page, shown.texts(sender), swappedAt)) - swappedAt);
        toWorker[side].push((await firstNotedAfter(launched, 'requester arrived', swappedAt)) - swappedAt);
        if (side === 'ours') warmPosted.push((await firstNotedAfter(launched, 'panel posted to', swappedAt + toWorker.ours.at(-1)!)) - swappedAt);
      }
    }
    console.log(`  warm, ours: swap → card posted ${fmt(median(warmPosted))} ms (median), worker's share ${fmt(median(warmPosted.map((ms, i) => ms - toWorker.ours[i]!)))} ms, frame's ${fmt(median(warm.ours.map((ms, i) => ms - warmPosted[i]!)))} ms`);
    await floorLooksUp(false);
    await floorPage.close();
    await cardPage.close();
    const lastShown = senders[RUNS - 1]!;
    const cardMarkup = await cardMarkupOf(page);
    for (const side of ['ours', 'floor', 'lookup', 'card'] as const) {
      console.log(`  warm, ${side}: swap → message in the worker ${fmt(median(toWorker[side]))} ms, → shown ${fmt(median(warm[side].map((ms, i) => ms - toWorker[side][i]!)))} ms (medians)`);
    }
    if (process.env.BENCH_PROFILE) await profileWhileShowing(launched, page, senders.slice(0, RUNS));
    rows.push(ratioRow({ measure: 'requester inserted → name and position in panel, warm', unit: 'ms', samples: warm.ours, floor: { label: 'bare frame, line over a Port', samples: warm.floor } }, 1.5));
    // The same, against a floor that also does the card's reads, raw (the position is not on the page).
    rows.push(ratioRow({ measure: '…the same, beside a floor that also does the card\'s reads', unit: 'ms', samples: warm.ours, floor: { label: 'bare frame + the same reads, raw', samples: warm.lookup } }, 1.5));
    rows.push(ratioRow({ measure: "…the same, beside a floor that also draws the card's markup", unit: 'ms', samples: warm.ours, floor: { label: "reads raw + our card's markup, no code of ours", samples: warm.card } }, 1.5));

    // First message after page load: a fresh page each time, the thread opened once the scripts are in.
    // The floor's page once more, its worker side doing the card's reads raw (as for warm).
    // And the card floor's page: those reads, and our card's markup drawn with no code of ours;
    // then once more, its frame shown only when the background answers ('asks'): ours shows a
    // panel only for someone in the directory, which only the background knows (no HR data
    // enters the page), so it cannot show its frame before asking as the other floors do.
    // Each side its own senders (the floor's script reports a sender only when it changes).
    const firstSides = [
      { side: 'ours', origin: GMAIL, shown: ours, firstSender: RUNS, looksUp: false },
      { side: 'floor', origin: PANEL_FLOOR_ORIGIN, shown: floor, firstSender: RUNS, looksUp: false },
      { side: 'lookup', origin: PANEL_FLOOR_ORIGIN, shown: lookupFloor, firstSender: 3 * RUNS, looksUp: true },
      { side: 'card', origin: CARD_FLOOR_ORIGIN, shown: cardFloor, firstSender: 4 * RUNS, looksUp: true },
      { side: 'asks', origin: CARD_FLOOR_ORIGIN, shown: cardFloor, firstSender: 5 * RUNS, looksUp: true },
    ] as const;
    const first = { ours: [] as number[], floor: [] as number[], lookup: [] as number[], card: [] as number[], asks: [] as number[] };
    const firstToWorker = { ours: [] as number[], floor: [] as number[], lookup: [] as number[], card: [] as number[], asks: [] as number[] };
    const frameUpAtSwap = { ours: 0, floor: 0, lookup: 0, card: 0, asks: 0 };
    const firstPosted: number[] = [];
    // When our panel's Port attached, from the swap (negative: before it).
    const firstAttached: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      for (const { side, origin, shown, firstSender, looksUp } of firstSides) {
        const sender = senders[firstSender + i]!;
        await floorLooksUp(looksUp);
        const openedAt = Date.now();
        const fresh = await freshPageAfterLoad(launched.context, `${origin}${INBOX_PATH}`);
        // Playwright injects its own script into a frame at its first call there, 10–25 ms of
        // the extension renderer's main thread in a trace: before the swap, not in the time measured.
        await (await frameOf(fresh, shown.page)).waitForFunction(() => true);
        if (side === 'asks') await fresh.evaluate((name) => document.documentElement.setAttribute(name, ''), ASKS_FIRST_ATTRIBUTE);
        if (side === 'card' || side === 'asks') await installCard(await frameOf(fresh, shown.page), cardMarkup, lastShown);
        await quiet(launched.profileDir);
        const swappedAt = await showThreadFrom(fresh, sender, `first-${side}-${i}`);
        first[side].push((await frameShowed(fresh, shown.page, shown.texts(sender), swappedAt)) - swappedAt);
        firstToWorker[side].push((await firstNotedAfter(launched, 'requester arrived', swappedAt)) - swappedAt);
        if (side === 'ours') {
          firstPosted.push((await firstNotedAfter(launched, 'panel posted to', swappedAt + firstToWorker.ours.at(-1)!)) - swappedAt);
          firstAttached.push((await firstNotedAfter(launched, 'panel attached', openedAt)) - swappedAt);
        }
        if (await frameDrewBefore(fresh, shown.page, swappedAt)) frameUpAtSwap[side] += 1;
        await fresh.close();
      }
    }
    await floorLooksUp(false);
    console.log(`  first message, ours: swap → card posted ${fmt(median(firstPosted))} ms (median), worker's share ${fmt(median(firstPosted.map((ms, i) => ms - firstToWorker.ours[i]!)))} ms, frame's ${fmt(median(first.ours.map((ms, i) => ms - firstPosted[i]!)))} ms`);
    // The tail: where the slowest of ours spent their time.
    const slowest = first.ours.map((ms, i) => ({ ms, toWorker: firstToWorker.ours[i]!, posted: firstPosted[i]!, attached: firstAttached[i]! })).sort((a, b) => b.ms - a.ms).slice(0, 3);
    console.log(`  first message, ours, the slowest three: ${slowest.map((s) => `${fmt(s.ms)} ms (to the worker ${fmt(s.toWorker)}, worker ${fmt(s.posted - s.toWorker)}, frame ${fmt(s.ms - s.posted)}; panel's Port attached ${fmt(s.attached)} ms from the swap)`).join('; ')}`);
    console.log(`  first message, ours: panel's Port attached after the swap in ${firstAttached.filter((ms) => ms > 0).length}/${RUNS} pages; median ${fmt(median(firstAttached))} ms from the swap`);
    for (const side of ['ours', 'floor', 'lookup', 'card', 'asks'] as const) {
      console.log(`  first message, ${side}: frame drawn before the swap in ${frameUpAtSwap[side]}/${RUNS} pages; swap → message in the worker ${fmt(median(firstToWorker[side]))} ms, → shown ${fmt(median(first[side].map((ms, i) => ms - firstToWorker[side][i]!)))} ms (medians)`);
    }
    rows.push(ratioRow({ measure: 'requester inserted → shown, first message after page load', unit: 'ms', samples: first.ours, floor: { label: 'bare frame, line over a Port', samples: first.floor } }, 1.5));
    rows.push(ratioRow({ measure: "…the same, beside a floor that also does the card's reads", unit: 'ms', samples: first.ours, floor: { label: 'bare frame + the same reads, raw', samples: first.lookup } }, 1.5));
    rows.push(ratioRow({ measure: "…the same, beside a floor that also draws the card's markup", unit: 'ms', samples: first.ours, floor: { label: "reads raw + our card's markup, no code of ours", samples: first.card } }, 1.5));
    rows.push(ratioRow({ measure: '…the same, beside that floor showing its frame once the background answers', unit: 'ms', samples: first.ours, floor: { label: 'reads raw + markup, shown on the answer', samples: first.asks } }, 1.5));
    // Whether the raw-reads target can be met by any card like ours: drawing its markup alone, with none of our code.
    console.log(`  first message: our card's markup, drawn with no code of ours, takes ${(p95(first.card) / p95(first.lookup)).toFixed(2)}× the raw-reads floor (p95), ${(median(first.card) / median(first.lookup)).toFixed(2)}× (median)`);
    // Whether the bare frame's target can be met at all: what the card's reads alone, done raw,
    // add to it, and those reads with our card's markup drawn, none of our code running.
    for (const [when, { lookup, card, floor: bare }] of [['warm', warm], ['first message', first]] as const) {
      for (const [what, samples] of [["the card's reads done raw", lookup], ["those reads and our card's markup, no code of ours,", card]] as const) {
        console.log(`  ${when}: ${what} take ${(p95(samples) / p95(bare)).toFixed(2)}× the bare frame (p95), ${(median(samples) / median(bare)).toFixed(2)}× (median)`);
      }
    }

    // Each site has its own script, a loader and the script proper; the row is the largest pair, gzipped apart (as they are fetched).
    const [largest] = SITES.map((site) => ({
      site: site.id,
      files: [contentScriptFile(site.id), contentMainFile(site.id)].map((file) => readFileSync(join(PRODUCTION_BUILD, file))),
    })).sort((a, b) => b.files[1]!.length - a.files[1]!.length);
    const [loader, script] = largest!.files.map((bytes) => ({ raw: bytes.length / 1024, gzip: gzipSync(bytes).length / 1024 }));
    const gzip = loader!.gzip + script!.gzip;
    rows.push({ measure: `content script size, largest: ${largest!.site} (loader ${loader!.raw.toFixed(1)} KB + script ${script!.raw.toFixed(1)} KB raw)`, unit: 'KB gzip', samples: [gzip], target: '≤ 15 KB gzip', pass: gzip <= 15 });

    await benchContentScriptLoad(rows, launched);
  } finally {
    await launched.close();
    await sim.close();
  }
}
