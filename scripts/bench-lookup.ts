/**
 * Rows of `npm run bench` on a company of 50,000 synced once: `findByEmail` beside a raw
 * `index.get`, search per keystroke beside a `Map.get` (and Fuse.js as the peer), the service
 * worker's heap, storage per person, and the popup (scripts/bench-popup.ts).
 */
import type { Page } from 'playwright-core';
import Fuse from 'fuse.js';
import { askBackground } from '../test/e2e/harness';
import { benchPopup } from './bench-popup';
import { fmt, median, p95, ratioRow, type Row } from './bench-table';
import { gcAndJitDuring, topSelfTime } from './bench-profile';
import { BENCH_BUILD, storageUsage, syncedBrowser, workerDevTools } from './bench-worker';

const PEOPLE = Number(process.env.BENCH_LOOKUP_EMPLOYEES ?? 50_000);
/** The row names this file answers to in BENCH_ONLY; all share one synced browser. */
export const LOOKUP_GROUP = ['lookup', 'search', 'heap', 'popup'] as const;
const MB = 1024 * 1024;

interface BenchPage {
  lookups(emails: string[]): Promise<{ ours: number[]; raw: number[]; found: number; resolutionMs: number }>;
  search(queries: string[]): Promise<{ ms: number[]; results: number[][] }>;
  mapGetFloor(queries: string[]): Promise<number[]>;
  searchBeside(arg: { queries: string[]; targetMs: number }): Promise<{ ms: number[]; results: number[][]; machine: number[] }>;
}

function inBenchPage<K extends keyof BenchPage>(page: Page, method: K, arg: Parameters<BenchPage[K]>[0]): Promise<Awaited<ReturnType<BenchPage[K]>>> {
  return page.evaluate(
    ({ method, arg }) => ((globalThis as unknown as { sidecardBench: Record<string, (a: unknown) => Promise<unknown>> }).sidecardBench[method]!(arg)),
    { method, arg },
  ) as Promise<Awaited<ReturnType<BenchPage[K]>>>;
}

interface BenchPerson {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  position: string;
}

export async function benchLookupGroup(rows: Row[], selected: (name: string) => boolean): Promise<void> {
  let emptyHeap = Number.NaN;
  const env = await syncedBrowser(PEOPLE, async (launched) => {
    if (!selected('heap')) return;
    const devTools = await workerDevTools(launched);
    emptyHeap = await devTools.heapAfterGc();
    await devTools.close();
  });
  try {
    const page = await env.launched.context.newPage();
    await page.goto(`chrome-extension://${env.launched.extensionId}/bench.html`);
    await page.waitForFunction(() => 'sidecardBench' in globalThis);
    // Steady state: after a sync the background rebuilds the search index (reading every
    // row); lookups are measured once that is done, as they would be most of the day.
    await page.waitForFunction(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('sidecard');
          open.onsuccess = () => {
            const get = open.result.transaction('searchIndex').objectStore('searchIndex').get('letters');
            get.onsuccess = () => resolve(Boolean(get.result));
            get.onerror = () => resolve(false);
          };
          open.onerror = () => resolve(false);
        }),
      undefined,
      { timeout: 120_000, polling: 250 },
    );
    const people = env.sim.company.employees.filter((e) => e.status !== 'inactive');

    if (selected('heap')) {
      // The index in the worker's memory, as a search from the popup leaves it.
      await askBackground(page, { type: 'search', query: 'ma', limit: 20 });
      const devTools = await workerDevTools(env.launched);
      const heap = await devTools.heapAfterGc();
      await devTools.close();
      rows.push({
        measure: `service worker heap, ${env.count} people synced, index loaded (CDP, after GC)`,
        unit: 'MB',
        samples: [heap / MB],
        floor: { label: 'same worker, nothing synced', samples: [emptyHeap / MB] },
        ratio: `${heap >= emptyHeap ? '+' : ''}${fmt((heap - emptyHeap) / MB)} MB`,
        target: '≤ 64 MB',
        pass: heap <= 64 * MB,
      });
    }

    if (selected('lookup')) {
      const emails = Array.from({ length: 500 }, (_, i) => people[(i * 7919) % people.length]!.email.toUpperCase());
      const lookups = await inBenchPage(page, 'lookups', emails);
      console.log(`  performance.now() steps by ${lookups.resolutionMs.toFixed(3)} ms in the bench page`);
      rows.push(ratioRow({ measure: `findByEmail, ${env.count} people (${lookups.found}/${emails.length} found)`, unit: 'ms', samples: lookups.ours, floor: { label: 'raw index.get', samples: lookups.raw } }, 1.5));
      // Everything stored for these people (rows, indexes, the search index), measured at
      // 50,000: LevelDB's write-ahead log (up to 4 MB before it is compacted) would swing a
      // per-person figure at small counts by hundreds of bytes.
      const perPerson = ((await storageUsage(env.launched.worker)) - env.emptyUsage) / env.count;
      rows.push({ measure: `IndexedDB bytes per person, ${env.count} people (storage.estimate)`, unit: 'B', samples: [perPerson], target: '≤ 1024 B', pass: perPerson <= 1024 });
    }

    if (selected('search')) await benchSearch(rows, page, people, env.count);
    if (selected('popup')) await benchPopup(rows, env.launched, page);
  } finally {
    await env.close();
  }
}

async function benchSearch(rows: Row[], page: Page, people: BenchPerson[], count: number): Promise<void> {
  const { queries, fixed } = searchQueries(people);
  // Beside each query, a fixed 0.1 ms of work (about a query's median): the machine's own pauses in the same moments.
  const firstPass = () => inBenchPage(page, 'searchBeside', { queries, targetMs: 0.1 });
  // BENCH_PROFILE: what V8 does beside the first pass (the search code's first runs in this page).
  const traced = process.env.BENCH_PROFILE ? await gcAndJitDuring(page, firstPass) : undefined;
  if (traced) console.log(`  beside the first pass, traced: ${traced.summary}`);
  const typed = traced?.result ?? (await firstPass());
  const floor = await inBenchPage(page, 'mapGetFloor', queries);
  const worst = Math.max(...typed.ms);
  const slowest = queries.map((q, i) => [q, typed.ms[i]!] as const).sort((a, b) => b[1] - a[1]);
  // Each slowest query again, five times: the fastest of those tells the query's own cost from a pause of the machine's.
  const rerun = slowest.slice(0, 6);
  const again = await inBenchPage(page, 'search', rerun.flatMap(([q]) => [q, q, q, q, q]));
  const fastestOfSix = rerun.map(([, first], i) => Math.min(first, ...again.ms.slice(i * 5, i * 5 + 5)));
  // The slowest query by its own cost: of the six rerun, and no query outside them took longer even at its first run.
  const worstOwn = Math.max(...fastestOfSix, slowest[6]?.[1] ?? 0);
  console.log(`  slowest queries (then the fastest of 5 more): ${rerun.map(([q, ms], i) => `"${q}" ${fmt(ms)} (${fmt(Math.min(...again.ms.slice(i * 5, i * 5 + 5)))}) ms`).join(', ')}`);
  const { machine } = typed;
  // The worst is judged by the query's own cost, not by its single worst timing: the machine's
  // own pauses reach milliseconds, as fixed work of 0.1 ms timed between the same queries shows.
  // All three worsts are printed.
  rows.push({
    measure: `search per keystroke, ${count} people (${queries.length} typed prefixes; worst timing ${fmt(worst)} ms, worst query ${fmt(worstOwn)} ms at its fastest of 6; fixed 0.1 ms work beside it: worst ${fmt(Math.max(...machine))} ms)`,
    unit: 'ms',
    samples: typed.ms,
    floor: { label: 'Map.get of the folded query', samples: floor },
    ratio: `${(p95(typed.ms) / p95(floor)).toFixed(0)}× (p95)`,
    target: 'p95 ≤ 2 ms, worst query ≤ 5 ms',
    pass: p95(typed.ms) <= 2 && worstOwn <= 5,
  });
  // The same queries once more: the first pass pays for code run for the first time in this page.
  const secondPass = await inBenchPage(page, 'search', queries);
  console.log(`  the same ${queries.length} queries again: p95 ${fmt(p95(secondPass.ms))} ms, worst ${fmt(Math.max(...secondPass.ms))} ms`);
  console.log(`  the machine, beside the first pass: fixed work timed ${machine.length} times: median ${fmt(median(machine))}, p95 ${fmt(p95(machine))}, worst ${fmt(Math.max(...machine))} ms; ${machine.filter((m) => m > 5).length} above 5 ms (the search: ${typed.ms.filter((m) => m > 5).length})`);
  if (process.env.BENCH_PROFILE) await profileSearch(page, queries);

  const ours = await inBenchPage(page, 'search', fixed.map((f) => f.query));
  const ourHits = fixed.filter((f, i) => ours.results[i]!.includes(f.id)).length;
  const misses = fixed.filter((f, i) => !ours.results[i]!.includes(f.id)).map((f) => f.query);
  if (misses.length) console.log(`  search misses: ${misses.join(' | ')}`);
  const fuse = fuseBaseline(people, queries, fixed);
  const speedup = p95(fuse.ms) / p95(typed.ms);
  rows.push({
    measure: `search vs Fuse.js 7, same ${queries.length} queries`,
    unit: 'ms',
    samples: typed.ms,
    peer: { label: 'Fuse.js', samples: fuse.ms },
    ratio: `${speedup.toFixed(0)}× faster (p95)`,
    target: '≥ 200× faster than Fuse.js (p95)',
    pass: speedup >= 200,
  });
  rows.push({
    measure: '20 fixed queries (typos, umlauts, email prefixes): intended person in top 5',
    unit: 'hits',
    samples: [ourHits],
    peer: { label: 'Fuse.js', samples: [fuse.hits] },
    target: '20 of 20',
    pass: ourHits === fixed.length,
  });
  console.log(`  Fuse.js median ${fmt(median(fuse.ms))} ms a query`);
}

/** Where a keystroke's time goes: the bench page's CPU profile over the same queries. */
async function profileSearch(page: Page, queries: string[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await inBenchPage(page, 'search', queries);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const summary = topSelfTime({ nodes: profile.nodes, samples: profile.samples ?? [], timeDeltas: profile.timeDeltas ?? [] }, BENCH_BUILD, 14);
  console.log(`  search, CPU profile of the bench page over the ${queries.length} queries, top self time:\n    ${summary.join('\n    ')}`);
}

/** Typed prefixes of real names (as a person types them), and 20 fixed queries with the person meant. */
function searchQueries(people: BenchPerson[]): { queries: string[]; fixed: { query: string; id: number }[] } {
  const queries: string[] = [];
  for (let i = 0; queries.length < 200; i += 1) {
    const p = people[(i * 104_729) % people.length]!;
    const full = `${p.firstName} ${p.lastName}`.toLowerCase();
    queries.push(full.slice(0, 1 + (i % Math.min(12, full.length))));
  }
  const byName = (first: string, last: string) => people.find((p) => p.firstName === first && p.lastName === last)!;
  const cast = { juergen: byName('Jürgen', 'Müller'), ada: byName('Ada', 'Lovelace'), zoe: byName('Zoë', 'Schäfer'), tobias: byName('Tobias', 'Weiß'), grace: byName('Grace', 'Hopper'), lena: byName('Lena', 'Hoffmann'), emily: byName('Emily', 'Clarke') };
  const fixed = [
    { query: 'mueller juergen', id: cast.juergen.id },
    { query: 'jürgen müller', id: cast.juergen.id },
    { query: 'jurgen muller', id: cast.juergen.id },
    { query: 'juergen.mueller@', id: cast.juergen.id },
    { query: 'ada lovelce', id: cast.ada.id },
    { query: 'lovelace', id: cast.ada.id },
    { query: 'ada.lov', id: cast.ada.id },
    { query: 'zoe schafer', id: cast.zoe.id },
    { query: 'zoë schäfer', id: cast.zoe.id },
    { query: 'schaefer zoe', id: cast.zoe.id },
    { query: 'tobias weiss', id: cast.tobias.id },
    { query: 'tobias weis', id: cast.tobias.id },
    { query: 'tobias.weiss@acme', id: cast.tobias.id },
    { query: 'grace hoper', id: cast.grace.id },
    { query: 'grace.hopper@', id: cast.grace.id },
    // (Not "lena hofmann": this company has six real Lena Hofmanns, who rightly come first.)
    { query: 'lena.hoffmann@acme', id: cast.lena.id },
    { query: 'lena hoffmann', id: cast.lena.id },
    { query: 'emily clark', id: cast.emily.id },
    { query: 'emily.clarke@acme.example', id: cast.emily.id },
    { query: 'emliy clarke', id: cast.emily.id },
  ];
  return { queries, fixed };
}

/** Fuse.js over the same people and queries, in Node (the widely used fuzzy-search baseline). */
function fuseBaseline(people: BenchPerson[], queries: string[], fixed: { query: string; id: number }[]) {
  const fuse = new Fuse(people, { keys: [{ name: 'name', getFn: (p) => `${p.firstName} ${p.lastName}` }, 'email', 'position'], threshold: 0.4, ignoreLocation: true });
  const ms: number[] = [];
  for (const q of queries) {
    const started = performance.now();
    fuse.search(q, { limit: 5 });
    ms.push(performance.now() - started);
  }
  const hits = fixed.filter((f) => fuse.search(f.query, { limit: 5 }).some((r) => r.item.id === f.id)).length;
  return { ms, hits };
}
