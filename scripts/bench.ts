/**
 * `npm run bench`: performance budgets, measured in real Chromium against the simulator.
 * One row per measure: median and p95 over repeated runs, with the peer it is judged
 * against measured in the same run. Budgets live here, never in timed tests.
 */
import { execSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import Fuse from 'fuse.js';
import { DEFAULT_CREDENTIAL, startSimulator, type RequestLogEntry, type Simulator } from '../test/personio-sim';
import { benchPanel } from './bench-panel';
import { printTable, quantile, type Row } from './bench-table';
import { cpuSince, cpuTimes, cpuTotal, describeCpu, type CpuByProcess } from './bench-cpu';
import { APP_ID, PAGES_IN_FLIGHT } from '../lib/personio/client';
import { connect, launchExtension, openOptions, routePersonio, stopServiceWorker, waitForSync, type Launched } from '../test/e2e/harness';

const root = resolve(import.meta.dirname, '..');
/**
 * Playwright inspects a service worker's network traffic over DevTools (each response body is
 * copied to the inspector), which a user's browser never does and which would about double the
 * time and CPU a sync spends fetching. It is off, but for benchmarks that route the worker's
 * requests (Playwright routes only what it inspects): the panel's and the rate-limited sync's
 * reach "Personio" through a route.
 */
const ROUTES_WORKER_REQUESTS = new Set(['panel', 'ratelimited']);
function inspectWorkerNetwork(on: boolean): void {
  if (on) delete process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK;
  else process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';
}
/** The bench build: a benchmark page, loopback access, and no client-side rate limit (see wxt.config.ts). */
const BENCH_BUILD = join(root, '.output-bench/chrome-mv3');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 10_000);

/** Run a snippet in the background service worker (real IndexedDB, real extension origin). */
type InWorker = Launched['worker'];

async function clearSyncedData(worker: InWorker): Promise<void> {
  await worker.evaluate(async () => {
    const open = indexedDB.open('sidecard');
    const database = await new Promise<IDBDatabase>((res) => (open.onsuccess = () => res(open.result)));
    const tx = database.transaction(['employees', 'syncState', 'timeOffBuckets'], 'readwrite');
    tx.objectStore('employees').clear();
    tx.objectStore('syncState').clear();
    tx.objectStore('timeOffBuckets').clear();
    await new Promise((res) => (tx.oncomplete = res));
    database.close();
  });
}

async function lastLog(worker: InWorker): Promise<{ startedAt: number; endedAt?: number; rowsChanged: number; requests: number; error?: unknown; count: number }> {
  return worker.evaluate(async () => {
    const open = indexedDB.open('sidecard');
    const database = await new Promise<IDBDatabase>((res) => (open.onsuccess = () => res(open.result)));
    const all = await new Promise<Array<{ startedAt: number; endedAt?: number; rowsChanged: number; requests: number; error?: unknown }>>((res) => {
      const req = database.transaction('syncLog').objectStore('syncLog').getAll();
      req.onsuccess = () => res(req.result);
    });
    database.close();
    const last = all.sort((a, b) => a.startedAt - b.startedAt)[all.length - 1]!;
    return { ...last, count: all.length };
  });
}

async function syncNow(options: Page, full: boolean): Promise<void> {
  await options.evaluate((f) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'sync-now', full: f }), full);
}

async function waitForNewLog(worker: InWorker, previousCount: number, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = await lastLog(worker).catch(() => undefined);
    if (log && log.count > previousCount && log.endedAt) return log;
    if (Date.now() > deadline) throw new Error('sync did not finish');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The raw put: our rows, read back, put into a fresh database of the same schema in one
 * transaction. Reading them back and preparing the database are a step of their own, so
 * that the CPU measured around the put is the put's.
 */
async function rawBulkPut({ worker, profileDir }: Launched): Promise<{ ms: number; cpu: CpuByProcess }> {
  await worker.evaluate(async () => {
    const source = indexedDB.open('sidecard');
    const database = await new Promise<IDBDatabase>((res) => (source.onsuccess = () => res(source.result)));
    const ours = database.transaction('employees').objectStore('employees');
    // The same indexes as ours, read from our database: the same rows into the same schema.
    const indexes = [...ours.indexNames].map((name) => {
      const index = ours.index(name);
      return { name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    });
    const rows = await new Promise<unknown[]>((res) => {
      const req = ours.getAll();
      req.onsuccess = () => res(req.result);
    });
    database.close();
    await new Promise((res) => {
      const del = indexedDB.deleteDatabase('bench-raw');
      del.onsuccess = del.onerror = res;
    });
    const open = indexedDB.open('bench-raw', 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('employees', { keyPath: 'id' });
      for (const i of indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
    };
    const raw = await new Promise<IDBDatabase>((res) => (open.onsuccess = () => res(open.result)));
    Object.assign(globalThis, { benchRawPut: { raw, rows } });
  });
  const cpuBefore = cpuTimes(profileDir);
  const ms = await worker.evaluate(async () => {
    const { raw, rows } = (globalThis as unknown as { benchRawPut: { raw: IDBDatabase; rows: unknown[] } }).benchRawPut;
    const started = performance.now();
    const tx = raw.transaction('employees', 'readwrite');
    const store = tx.objectStore('employees');
    for (const row of rows) store.put(row);
    await new Promise((res) => (tx.oncomplete = res));
    const elapsed = performance.now() - started;
    raw.close();
    delete (globalThis as { benchRawPut?: unknown }).benchRawPut;
    return elapsed;
  });
  return { ms, cpu: cpuSince(cpuBefore, cpuTimes(profileDir)) };
}

/**
 * The pages a sync asked for (among `requests`), fetched again by the worker and only read: no
 * parsing, no writing, as many in flight as the client has. What any sync costs before it
 * does anything of its own.
 */
async function fetchPagesOnly(launched: Launched, sim: Simulator, requests: readonly RequestLogEntry[]): Promise<{ pages: number; ms: number; cpu: CpuByProcess }> {
  const auth = await fetch(`${sim.url}/v1/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: DEFAULT_CREDENTIAL.clientId, client_secret: DEFAULT_CREDENTIAL.clientSecret }),
  });
  const token = ((await auth.json()) as { data: { token: string } }).data.token;
  const urls = requests
    .filter((r) => r.method === 'GET' && (r.path === '/v1/company/employees' || r.path === '/v1/company/time-offs'))
    .map((r) => {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(r.query)) for (const v of [value].flat()) query.append(key, v);
      return `${sim.url}${r.path}?${query}`;
    });
  const cpuBefore = cpuTimes(launched.profileDir);
  const ms = await launched.worker.evaluate(
    async ({ urls, token, appId, inFlight }) => {
      const started = performance.now();
      let next = 0;
      const lane = async () => {
        while (next < urls.length) await (await fetch(urls[next++]!, { headers: { authorization: `Bearer ${token}`, 'X-Personio-App-ID': appId } })).arrayBuffer();
      };
      await Promise.all(Array.from({ length: inFlight }, lane));
      return performance.now() - started;
    },
    { urls, token, appId: APP_ID, inFlight: PAGES_IN_FLIGHT },
  );
  return { pages: urls.length, ms, cpu: cpuSince(cpuBefore, cpuTimes(launched.profileDir)) };
}

async function storageUsage(worker: InWorker): Promise<number> {
  return worker.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
}

async function benchFullSync(rows: Row[]): Promise<void> {
  const sim: Simulator = await startSimulator({ employees: EMPLOYEES, seed: 3 });
  const launched = await launchExtension({ extensionDir: BENCH_BUILD });
  try {
    // Unthrottled, and straight to the simulator on loopback (the bench build may reach it):
    // the row measures our own pipeline, not request routing.
    await pointAtSimulator(launched.worker, sim);
    const options = await openOptions(launched);
    await connect(options);
    const count = await waitForSync(launched, 1, 300_000);

    const syncMs: number[] = [];
    const rawMs: number[] = [];
    const syncCpu: CpuByProcess[] = [];
    const rawCpu: CpuByProcess[] = [];
    const first = await lastLog(launched.worker);
    syncMs.push(first.endedAt! - first.startedAt);
    let lastRunRequests: RequestLogEntry[] = [];
    for (let i = 1; i < RUNS; i += 1) {
      await clearSyncedData(launched.worker);
      const before = (await lastLog(launched.worker)).count;
      const requestsBefore = sim.requests.length;
      const cpuBefore = cpuTimes(launched.profileDir);
      await syncNow(options, true);
      const log = await waitForNewLog(launched.worker, before);
      syncCpu.push(cpuSince(cpuBefore, cpuTimes(launched.profileDir)));
      syncMs.push(log.endedAt! - log.startedAt);
      lastRunRequests = sim.requests.slice(requestsBefore);
    }
    for (let i = 0; i < RUNS; i += 1) {
      const raw = await rawBulkPut(launched);
      rawMs.push(raw.ms);
      rawCpu.push(raw.cpu);
    }

    const rowsPerSecond = syncMs.map((ms) => (count / ms) * 1000);
    const rawRowsPerSecond = rawMs.map((ms) => (count / ms) * 1000);
    rows.push({ measure: `full sync, ${count} employees, unthrottled: wall time`, unit: 'ms', samples: syncMs, peer: { label: 'raw IDB bulk put', samples: rawMs }, target: 'informational' });
    const ratio = quantile(rowsPerSecond, 0.5) / quantile(rawRowsPerSecond, 0.5);
    rows.push({
      measure: `full sync, ${count} employees, unthrottled: throughput`,
      unit: 'rows/s',
      samples: rowsPerSecond,
      peer: { label: 'raw IDB bulk put', samples: rawRowsPerSecond },
      target: `≥ 0.8× raw put (now ${ratio.toFixed(2)}×)`,
      pass: ratio >= 0.8,
    });
    // Where the machine's time went: with few cores, the sum of every process's work bounds
    // the wall time, and the raw put does a fraction of the sync's (no network, no parsing).
    // A sync's window ends when the polling above sees its log entry: within 100 ms of its end.
    const median = (runs: CpuByProcess[]) => runs.slice().sort((a, b) => cpuTotal(a) - cpuTotal(b))[Math.floor((runs.length - 1) / 2)]!;
    if (syncCpu.length) {
      console.log(`  CPU of a full sync (median run): ${describeCpu(median(syncCpu))}`);
      console.log(`  CPU of a raw put (median run): ${describeCpu(median(rawCpu))}`);
      // The best this machine allows: a sync at least fetches its pages and puts its rows.
      // With every core busy, that CPU spread over the cores is the least wall time it can take.
      const fetched = await fetchPagesOnly(launched, sim, lastRunRequests);
      const cores = availableParallelism();
      const floorMs = (cpuTotal(median(rawCpu)) + cpuTotal(fetched.cpu)) / cores;
      console.log(`  CPU of only fetching that run's ${fetched.pages} pages again (${fetched.ms.toFixed(0)} ms): ${describeCpu(fetched.cpu)}`);
      rows.push({
        measure: `full sync: the best ratio ${cores} cores allow (raw put's CPU + fetching the pages' CPU, over the cores)`,
        unit: '×',
        samples: [quantile(rawMs, 0.5) / floorMs],
        target: 'informational',
      });
      rows.push({
        measure: `full sync, ${count} employees: CPU time, all processes (${cores} cores)`,
        unit: 'ms',
        samples: syncCpu.map(cpuTotal),
        peer: { label: 'raw IDB bulk put', samples: rawCpu.map(cpuTotal) },
        target: 'informational',
      });
    }
  } finally {
    await launched.close();
    await sim.close();
  }
}

/** Point the extension at the simulator's loopback address instead of Personio's. */
async function pointAtSimulator(worker: InWorker, sim: Simulator): Promise<void> {
  await worker.evaluate(
    (url) => (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set({ settings: { baseUrl: url } }),
    sim.url,
  );
}

/** Launch the bench build, connected to a simulator of `employees`, synced. */
async function syncedBrowser(employees: number) {
  const sim = await startSimulator({ employees, seed: 3 });
  const launched = await launchExtension({ extensionDir: BENCH_BUILD });
  await pointAtSimulator(launched.worker, sim);
  const emptyUsage = await storageUsage(launched.worker);
  const options = await openOptions(launched);
  await connect(options);
  const count = await waitForSync(launched, 1, 600_000);
  return { sim, launched, options, count, emptyUsage, async close() { await launched.close(); await sim.close(); } };
}

async function benchRateLimited(rows: Row[]): Promise<void> {
  // Personio's budget on both sides: the simulator enforces 300/min, and the production build,
  // as shipped, plans for it. Its requests reach the simulator through a route, as Personio's.
  const sim = await startSimulator({ employees: EMPLOYEES, seed: 3, rateLimit: { employeesPerMinute: 300 } });
  const launched = await launchExtension();
  try {
    await routePersonio(launched.context, sim);
    await connect(await openOptions(launched));
    const count = await waitForSync(launched, 1, 600_000);
    const log = await lastLog(launched.worker);
    const wall = log.endedAt! - log.startedAt;
    // The floor: a burst of 15, then one request every 200 ms.
    const floor = Math.max(0, log.requests - 15) * 200;
    rows.push({
      measure: `full sync, ${count} employees, simulator at 300/min`,
      unit: 'ms',
      samples: [wall],
      peer: { label: `rate floor (${log.requests} requests)`, samples: [floor] },
      target: `≤ 1.1× floor (now ${(wall / floor).toFixed(2)}×)`,
      pass: wall <= floor * 1.1,
    });
  } finally {
    await launched.close();
    await sim.close();
  }
}

async function benchIncremental(rows: Row[]): Promise<void> {
  const env = await syncedBrowser(2000);
  try {
    const ms: number[] = [];
    const requests: number[] = [];
    for (let i = 0; i < Math.max(RUNS, 5); i += 1) {
      const before = (await lastLog(env.launched.worker)).count;
      await syncNow(env.options, false);
      const log = await waitForNewLog(env.launched.worker, before);
      ms.push(log.endedAt! - log.startedAt);
      requests.push(log.requests);
    }
    rows.push({ measure: 'incremental sync, nothing changed: requests', unit: 'req', samples: requests, target: '1 request', pass: requests.every((r) => r === 1) });
    rows.push({ measure: 'incremental sync, nothing changed: wall time', unit: 'ms', samples: ms, target: '≤ 200 ms', pass: quantile(ms, 0.95) <= 200 });
  } finally {
    await env.close();
  }
}

async function benchLookupAndSearch(rows: Row[]): Promise<void> {
  const env = await syncedBrowser(50_000);
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
            const get = open.result.transaction('searchIndex').objectStore('searchIndex').get('people');
            get.onsuccess = () => resolve(Boolean((get.result as { firstLetters?: unknown } | undefined)?.firstLetters));
            get.onerror = () => resolve(false);
          };
          open.onerror = () => resolve(false);
        }),
      undefined,
      { timeout: 120_000, polling: 250 },
    );
    const people = env.sim.company.employees.filter((e) => e.status !== 'inactive');
    const emails = Array.from({ length: 500 }, (_, i) => people[(i * 7919) % people.length]!.email.toUpperCase());
    const lookups = await page.evaluate((list) => (globalThis as unknown as { sidecardBench: { findByEmail(e: string[]): Promise<{ ms: number[]; results: unknown[] }> } }).sidecardBench.findByEmail(list), emails);
    const found = lookups.results.filter((r) => r !== null).length;
    rows.push({ measure: `findByEmail, ${env.count} employees (${found}/${emails.length} found)`, unit: 'ms', samples: lookups.ms, target: 'p95 ≤ 1 ms', pass: quantile(lookups.ms, 0.95) <= 1 });

    const { queries, fixed } = searchQueries(people);
    const typed = await page.evaluate((list) => (globalThis as unknown as { sidecardBench: { search(q: string[]): Promise<{ ms: number[]; results: number[][] }> } }).sidecardBench.search(list), queries);
    rows.push({ measure: `search per keystroke, ${env.count} employees (${queries.length} typed prefixes)`, unit: 'ms', samples: typed.ms, target: 'p95 ≤ 16 ms', pass: quantile(typed.ms, 0.95) <= 16 });
    const slowest = queries.map((q, i) => [q, typed.ms[i]!] as const).sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(`  slowest queries: ${slowest.map(([q, ms]) => `"${q}" ${ms.toFixed(0)} ms`).join(', ')}`);

    const ours = await page.evaluate((list) => (globalThis as unknown as { sidecardBench: { search(q: string[]): Promise<{ ms: number[]; results: number[][] }> } }).sidecardBench.search(list), fixed.map((f) => f.query));
    const ourHits = fixed.filter((f, i) => ours.results[i]!.includes(f.id)).length;
    const misses = fixed.filter((f, i) => !ours.results[i]!.includes(f.id)).map((f) => f.query);
    if (misses.length) console.log(`  search misses: ${misses.join(' | ')}`);
    const fuse = fuseBaseline(env.sim.company.employees.filter((e) => e.status !== 'inactive'), queries, fixed);
    const speedup = quantile(fuse.ms, 0.95) / quantile(typed.ms, 0.95);
    rows.push({
      measure: `search vs Fuse.js 7, same ${queries.length} queries (p95 ratio)`,
      unit: 'ms',
      samples: typed.ms,
      peer: { label: 'Fuse.js', samples: fuse.ms },
      target: `≥ 30× faster (now ${speedup.toFixed(0)}×)`,
      pass: speedup >= 30,
    });
    rows.push({
      measure: '20 fixed queries (typos, umlauts, email prefixes): intended person in top 5',
      unit: 'hits',
      samples: [ourHits],
      peer: { label: 'Fuse.js', samples: [fuse.hits] },
      target: '≥ 19 of 20',
      pass: ourHits >= 19,
    });

    // Popup open → interactive (search box up, status shown), from navigation start, then the
    // first keystroke → results on screen, as the popup itself measures them (no automation
    // round trips in the numbers). Half the openings find the worker stopped, as after 30 s
    // of idling: it must wake, and load the search index, before it can answer.
    const opens = { running: [] as number[], stopped: [] as number[] };
    const firstKeys = { running: [] as number[], stopped: [] as number[] };
    for (let i = 0; i < 20; i += 1) {
      const asleep = i % 2 === 1;
      if (asleep) await stopServiceWorker(env.launched, page);
      const popup = await env.launched.context.newPage();
      await popup.goto(`chrome-extension://${env.launched.extensionId}/popup.html`);
      await popup.getByText(/Synced/).first().waitFor();
      opens[asleep ? 'stopped' : 'running'].push(await popup.evaluate(() => performance.getEntriesByName('sidecard:interactive')[0]?.startTime ?? Number.NaN));
      await popup.getByRole('searchbox').pressSequentially('abcdefghjklmnprstvwz'[i]!);
      await popup.waitForFunction(() => performance.getEntriesByName('sidecard:search').length > 0);
      firstKeys[asleep ? 'stopped' : 'running'].push(await popup.evaluate(() => performance.getEntriesByName('sidecard:search')[0]!.duration));
      await popup.close();
    }
    rows.push({ measure: 'popup open to interactive, worker running', unit: 'ms', samples: opens.running, target: '≤ 150 ms', pass: quantile(opens.running, 0.95) <= 150 });
    rows.push({ measure: 'popup open to interactive, worker stopped', unit: 'ms', samples: opens.stopped, target: '≤ 150 ms', pass: quantile(opens.stopped, 0.95) <= 150 });
    const allFirstKeys = [...firstKeys.running, ...firstKeys.stopped];
    console.log(`  first keystroke, worker running: ${firstKeys.running.map((ms) => ms.toFixed(0)).join(' ')} ms; stopped: ${firstKeys.stopped.map((ms) => ms.toFixed(0)).join(' ')} ms`);
    // Everything stored for these people (rows, indexes, the search index), measured at
    // 50,000: LevelDB's write-ahead log (up to 4 MB before it is compacted) would swing a
    // per-person figure at small counts by hundreds of bytes.
    const perEmployee = ((await storageUsage(env.launched.worker)) - env.emptyUsage) / env.count;
    rows.push({ measure: `IndexedDB bytes per employee, ${env.count} employees (storage.estimate)`, unit: 'B', samples: [perEmployee], target: '≤ 1024 B', pass: perEmployee <= 1024 });
    rows.push({ measure: 'first keystroke after the popup opens → results shown (both)', unit: 'ms', samples: allFirstKeys, target: 'p95 ≤ 16 ms', pass: quantile(allFirstKeys, 0.95) <= 16 });
  } finally {
    await env.close();
  }
}

interface BenchPerson {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  position: string;
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

async function main(): Promise<void> {
  execSync('npx wxt build', { cwd: root, stdio: 'ignore' });
  execSync('npx wxt build', { cwd: root, stdio: 'ignore', env: { ...process.env, SIDECARD_BENCH: '1' } });
  execSync('node scripts/ensure-chromium.mjs', { cwd: root, stdio: 'inherit' });
  const rows: Row[] = [];
  console.log(`Sidecard benchmarks (${RUNS} runs each; Chromium ${execSync('/usr/bin/chromium --version 2>/dev/null').toString().trim()})\n`);
  const only = process.env.BENCH_ONLY?.split(',');
  const benches: Array<[string, (rows: Row[]) => Promise<void>]> = [
    ['sync', benchFullSync],
    ['incremental', benchIncremental],
    ['lookup', benchLookupAndSearch],
    ['panel', benchPanel],
    ['ratelimited', benchRateLimited],
  ];
  for (const [name, bench] of benches) {
    if (only && !only.includes(name)) continue;
    process.stdout.write(`… ${name}\n`);
    inspectWorkerNetwork(ROUTES_WORKER_REQUESTS.has(name));
    await bench(rows);
  }
  console.log('');
  printTable(rows);
  mkdirSync(join(root, 'bench-output'), { recursive: true });
  writeFileSync(join(root, 'bench-output/results.json'), JSON.stringify(rows, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
