/**
 * Sync rows of `npm run bench`: a full sync's CPU beside its floor (putting what it stored
 * into IndexedDB raw, plus only fetching the same pages), beside the same with the pages read
 * as JSON (reported), beside the same with the pages also checked and mapped as any sync must
 * before it writes, and beside the least a resumable sync can do (those records put a batch at
 * a time as the pages arrive); an incremental sync; and a first full sync at Personio's rate
 * limit beside the rate's floor.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_CREDENTIAL, startSimulator, type RequestLogEntry, type Simulator } from '../test/personio-sim';
import { connect, launchExtension, openOptions, routePersonio, waitForSync, type Launched } from '../test/e2e/harness';
import { APP_ID, PAGES_IN_FLIGHT } from '../lib/personio/client';
import { PAGES_PER_COMMIT } from '../lib/sync/employee-rows';
import { cpuOfStep, cpuTotal, describeCpu, type CpuByProcess, type CpuByThread } from './bench-cpu';
import { median, p95, type Row } from './bench-table';
import { topSelfTime, type CpuProfile } from './bench-profile';
import { describeIndexedDbWork, indexedDbWorkDuring, type IndexedDbWork } from './bench-idb';
import { BENCH_BUILD, PRODUCTION_BUILD, SYNC_RUNS, clearSyncedData, lastLog, pointAtSimulator, syncToTheEnd, syncedBrowser, waitForNewLog, workerDevTools } from './bench-worker';

const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 10_000);
const RATE_LIMITED_EMPLOYEES = Number(process.env.BENCH_RATELIMITED_EMPLOYEES ?? 50_000);

/** The tables a full sync leaves filled: the people, their absences, and the search index's snapshot. */
const STORED_TABLES = ['employees', 'timeOffBuckets', 'searchIndex'];
/** The bench's own database, where the floors put what our run stored. */
const BENCH_RAW_DATABASE = 'bench-raw';

/** Runs a measured step, as it is or under a tracer. */
type Around = <T>(step: () => Promise<T>) => Promise<T>;

/**
 * Tables of the same schema as ours, in a database of the bench's own, emptied; and of the
 * `keep` tables, the rows our run stored, read back, ready to put. Reading them back and
 * preparing the tables are a step of their own, so that the CPU measured around a put is the
 * put's.
 */
async function prepareRawTables(worker: Launched['worker'], keep: readonly string[]): Promise<void> {
  await worker.evaluate(async ({ tables, keep, database: rawDatabase }) => {
    const source = indexedDB.open('sidecard');
    const database = await new Promise<IDBDatabase>((res) => (source.onsuccess = () => res(source.result)));
    const read = database.transaction(tables);
    // The same key paths and indexes as ours, read from our database: the same rows into the same schema.
    const stores = await Promise.all(tables.map(async (name) => {
      const ours = read.objectStore(name);
      const indexes = [...ours.indexNames].map((index) => {
        const i = ours.index(index);
        return { name: index, keyPath: i.keyPath, unique: i.unique, multiEntry: i.multiEntry };
      });
      const rows = keep.includes(name)
        ? await new Promise<unknown[]>((res) => {
            const req = ours.getAll();
            req.onsuccess = () => res(req.result);
          })
        : [];
      return { name, keyPath: ours.keyPath, indexes, rows };
    }));
    database.close();
    // Tables emptied the way the bench empties ours before each run (cleared, not a fresh
    // database): both writes then land where the database still holds the last run's rows.
    const open = indexedDB.open(rawDatabase, 1);
    open.onupgradeneeded = () => {
      for (const { name, keyPath, indexes } of stores) {
        const store = open.result.createObjectStore(name, { keyPath });
        for (const i of indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
    };
    const raw = await new Promise<IDBDatabase>((res) => (open.onsuccess = () => res(open.result)));
    const clearing = raw.transaction(tables, 'readwrite');
    for (const name of tables) clearing.objectStore(name).clear();
    await new Promise((res) => (clearing.oncomplete = res));
    Object.assign(globalThis, { benchRawPut: { raw, stores: stores.filter((s) => keep.includes(s.name)) } });
  }, { tables: STORED_TABLES, keep, database: BENCH_RAW_DATABASE });
}

/** Put the rows `prepareRawTables` kept into their tables, in one transaction. Returns its milliseconds. */
function putRawTables(worker: Launched['worker']): Promise<number> {
  return worker.evaluate(async () => {
    const { raw, stores } = (globalThis as unknown as { benchRawPut: { raw: IDBDatabase; stores: Array<{ name: string; rows: unknown[] }> } }).benchRawPut;
    const started = performance.now();
    const tx = raw.transaction(stores.map((s) => s.name), 'readwrite');
    for (const { name, rows } of stores) {
      const store = tx.objectStore(name);
      for (const row of rows) store.put(row);
    }
    await new Promise((res) => (tx.oncomplete = res));
    const elapsed = performance.now() - started;
    raw.close();
    delete (globalThis as { benchRawPut?: unknown }).benchRawPut;
    return elapsed;
  });
}

/** The raw put: what our run stored, read back, put into tables of the same schema in one transaction. */
async function rawBulkPut({ worker, profileDir }: Launched, around: Around = (put) => put()): Promise<{ ms: number; cpu: CpuByProcess } & CpuByThread> {
  await prepareRawTables(worker, STORED_TABLES);
  const { result: ms, ...step } = await cpuOfStep(profileDir, () => around(() => putRawTables(worker)));
  return { ms, ...step };
}

/** The pages a sync asked for (among `requests`), as URLs to fetch again, with a token of the simulator's. */
async function pagesOfRun(sim: Simulator, requests: readonly RequestLogEntry[]): Promise<{ urls: string[]; token: string }> {
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
  return { urls, token };
}

/**
 * A run's pages fetched again by the worker and only read (`parse`: read as JSON too), no
 * writing, as many in flight as the client has. What any sync costs before it does anything
 * of its own.
 */
async function fetchPagesAgain(launched: Launched, { urls, token }: { urls: string[]; token: string }, parse: boolean): Promise<{ ms: number; cpu: CpuByProcess } & CpuByThread> {
  const { result: ms, ...step } = await cpuOfStep(launched.profileDir, () => launched.worker.evaluate(
    async ({ urls, token, appId, inFlight, parse }) => {
      const started = performance.now();
      let next = 0;
      const lane = async () => {
        while (next < urls.length) {
          const response = await fetch(urls[next++]!, { headers: { authorization: `Bearer ${token}`, 'X-Personio-App-ID': appId } });
          await (parse ? response.json() : response.arrayBuffer());
        }
      };
      await Promise.all(Array.from({ length: inFlight }, lane));
      return performance.now() - started;
    },
    { urls, token, appId: APP_ID, inFlight: PAGES_IN_FLIGHT, parse },
  ));
  return { ms, ...step };
}

/**
 * A run's pages fetched again by the worker and taken as far as any sync must before it
 * writes: read as JSON, checked against our schemas, made into the records the settings keep
 * (`fetchCheckAndMap`, in the bench build's worker). Throws if that made fewer records than
 * the run stored.
 */
async function checkAndMapAgain(launched: Launched, pages: { urls: string[]; token: string }, stored: number): Promise<{ cpu: CpuByProcess } & CpuByThread> {
  const { result: made, ...step } = await cpuOfStep(launched.profileDir, () =>
    launched.worker.evaluate(
      (input) => (globalThis as unknown as { sidecardBenchWorker: { fetchCheckAndMap(i: typeof input): Promise<number> } }).sidecardBenchWorker.fetchCheckAndMap(input),
      { ...pages, appId: APP_ID, inFlight: PAGES_IN_FLIGHT },
    ),
  );
  if (made < stored) throw new Error(`bench: checking and mapping the pages again made ${made} records, the run stored ${stored}`);
  return step;
}

/**
 * A run's pages fetched again by the worker and taken as far as the least a resumable sync
 * must do: checked, mapped, and put raw PAGES_PER_COMMIT pages to a transaction as they
 * arrive (`fetchCheckMapAndPut`, in the bench build's worker); then the run's other stored
 * tables (absences, the search snapshot) put raw, as in the raw put. Throws if that made
 * fewer records than the run stored.
 */
async function resumableLeastWork(launched: Launched, pages: { urls: string[]; token: string }, stored: number): Promise<{ cpu: CpuByProcess } & CpuByThread> {
  await prepareRawTables(launched.worker, STORED_TABLES.filter((table) => table !== 'employees'));
  const { result: made, ...step } = await cpuOfStep(launched.profileDir, async () => {
    const input = { ...pages, appId: APP_ID, inFlight: PAGES_IN_FLIGHT };
    const made = await launched.worker.evaluate(
      ({ input, database }) => (globalThis as unknown as { sidecardBenchWorker: { fetchCheckMapAndPut(i: typeof input, database: string): Promise<number> } }).sidecardBenchWorker.fetchCheckMapAndPut(input, database),
      { input, database: BENCH_RAW_DATABASE },
    );
    await putRawTables(launched.worker);
    return made;
  });
  if (made < stored) throw new Error(`bench: putting the pages as they arrive made ${made} records, the run stored ${stored}`);
  return step;
}

/** One more full sync from empty, under the worker's CPU profiler: where its own time goes. */
async function profileFullSync(launched: Launched, options: Awaited<ReturnType<typeof openOptions>>): Promise<void> {
  await clearSyncedData(launched.worker);
  const before = (await lastLog(launched.worker)).count;
  const devTools = await workerDevTools(launched);
  try {
    await devTools.call('Profiler.enable');
    await devTools.call('Profiler.setSamplingInterval', { interval: 500 });
    await devTools.call('Profiler.start');
    await syncToTheEnd(options, true);
    await waitForNewLog(launched.worker, before);
    const { profile } = await devTools.call<{ profile: CpuProfile }>('Profiler.stop');
    console.log(`  worker CPU profile of a full sync, top self time:\n    ${topSelfTime(profile, BENCH_BUILD, 16).join('\n    ')}`);
  } finally {
    await devTools.close();
  }
}

/**
 * One more full sync from empty, and then the raw put of what it stored, each traced for the
 * browser's IndexedDB work: what the sync asks of the database beyond putting its rows.
 */
async function traceDatabaseWork(launched: Launched, options: Awaited<ReturnType<typeof openOptions>>): Promise<void> {
  await clearSyncedData(launched.worker);
  const ours = await indexedDbWorkDuring(options, () => syncToTheEnd(options, true));
  let raw: IndexedDbWork = [];
  await rawBulkPut(launched, async (put) => {
    const traced = await indexedDbWorkDuring(options, put);
    raw = traced.work;
    return traced.result;
  });
  console.log(`  the browser's IndexedDB work (thread CPU), a full sync and the raw put of what it stored:\n    ${describeIndexedDbWork({ sync: ours.work, 'raw put': raw }).join('\n    ')}`);
}

export async function benchFullSync(rows: Row[]): Promise<void> {
  const sim: Simulator = await startSimulator({ employees: EMPLOYEES, seed: 3 });
  const launched = await launchExtension({ extensionDir: BENCH_BUILD });
  try {
    // Unthrottled, and straight to the simulator on loopback: the row measures our own
    // pipeline, not request routing.
    await pointAtSimulator(launched.worker, sim);
    const options = await openOptions(launched);
    await connect(options);
    const count = await waitForSync(launched, 1, 300_000);

    // Each run followed by its floors' parts (what it stored put raw; the same pages only
    // fetched, then fetched and read as JSON, then also checked and mapped): the machine's
    // speed drifts over minutes, and a run and its floors see the same.
    type Step = { cpu: CpuByProcess } & CpuByThread;
    const syncMs: number[] = [];
    const syncSteps: Step[] = [];
    const rawMs: number[] = [];
    const rawSteps: Step[] = [];
    const fetchMs: number[] = [];
    const fetchSteps: Step[] = [];
    const parsedSteps: Step[] = [];
    const mappedSteps: Step[] = [];
    const leastSteps: Step[] = [];
    let pages = 0;
    for (let i = 0; i < SYNC_RUNS; i += 1) {
      await clearSyncedData(launched.worker);
      const before = (await lastLog(launched.worker)).count;
      const requestsBefore = sim.requests.length;
      syncSteps.push(await cpuOfStep(launched.profileDir, () => syncToTheEnd(options, true)));
      const log = await waitForNewLog(launched.worker, before);
      syncMs.push(log.endedAt! - log.startedAt);
      const raw = await rawBulkPut(launched);
      rawMs.push(raw.ms);
      rawSteps.push(raw);
      const runPages = await pagesOfRun(sim, sim.requests.slice(requestsBefore));
      const fetched = await fetchPagesAgain(launched, runPages, false);
      fetchMs.push(fetched.ms);
      fetchSteps.push(fetched);
      parsedSteps.push(await fetchPagesAgain(launched, runPages, true));
      mappedSteps.push(await checkAndMapAgain(launched, runPages, count));
      leastSteps.push(await resumableLeastWork(launched, runPages, count));
      pages = runPages.urls.length;
    }

    // A sync's window is the whole run, the search index's update after it included.
    const describe = (steps: Step[]) => {
      const middle = steps.slice().sort((a, b) => cpuTotal(a.cpu) - cpuTotal(b.cpu))[Math.floor((steps.length - 1) / 2)]!;
      const browser = describeCpu(middle.browserThreads);
      return `${describeCpu(middle.cpu)}; the extension's by thread: ${describeCpu(middle.extensionThreads)}${browser ? `; the browser's: ${browser}` : ''}`;
    };
    console.log(`  CPU of a full sync (median run): ${describe(syncSteps)}`);
    console.log(`  CPU of putting what it stored raw (people, absences, search snapshot; median run): ${describe(rawSteps)}`);
    console.log(`  CPU of only fetching that run's ${pages} pages again (median run, ${median(fetchMs).toFixed(0)} ms): ${describe(fetchSteps)}`);
    console.log(`  CPU of fetching them and reading them as JSON (median run): ${describe(parsedSteps)}`);
    console.log(`  CPU of fetching them, reading, checking and mapping them (median run): ${describe(mappedSteps)}`);
    console.log(`  CPU of all that with the records put as they arrive, ${PAGES_PER_COMMIT} pages to a transaction, and the rest put raw (median run): ${describe(leastSteps)}`);
    const cores = availableParallelism();
    const ours = syncSteps.map((step) => cpuTotal(step.cpu));
    // The first floors: the raw put plus one way through the same pages.
    const withRawPut = (through: Step[]) => rawSteps.map((raw, i) => cpuTotal(raw.cpu) + cpuTotal(through[i]!.cpu));
    const rawPutAndFetch = withRawPut(fetchSteps);
    const least = leastSteps.map((step) => cpuTotal(step.cpu));
    // The sync's CPU beside a floor, as the ratio of the medians (judged when `judged`).
    const besideFloor = (measure: string, label: string, floor: number[], judged: boolean) => {
      const ratio = median(ours) / median(floor);
      rows.push({
        measure: `full sync CPU, ${count} people, ${measure}`,
        unit: 'ms',
        samples: ours,
        floor: { label, samples: floor },
        ratio: `${ratio.toFixed(2)}× (median)`,
        ...(judged ? { target: '≤ 1.25× floor (median)', pass: ratio <= 1.25 } : { target: 'reported' }),
      });
      // The same, each sync paired with the floor measured right after it.
      return median(ours.map((ms, i) => ms / floor[i]!)).toFixed(2);
    };
    const paired = [
      `${besideFloor(`unthrottled, all processes (${cores} cores)`, 'raw put + fetch only', rawPutAndFetch, true)}× raw put + fetch only`,
      // The floor above reads the pages as bytes; any sync reads them as JSON. How much of the
      // gap that alone is, in the same runs.
      `${besideFloor('beside the floor with the pages read as JSON', 'raw put + fetch and JSON', withRawPut(parsedSteps), false)}× with JSON`,
      // What any sync must do with the pages before it writes, measured: read them, refuse a
      // malformed one, keep only allowed fields. Beyond this floor: commits that make a run
      // resumable, the search index, progress.
      `${besideFloor('beside a floor that also checks and maps the pages', 'raw put + fetch, JSON, schema, mapping', withRawPut(mappedSteps), true)}× with JSON, schema and mapping`,
      // The same work with the records written as a resumable sync must write them: a batch at
      // a time while the next pages arrive. Beyond it: the checkpoint, the search index, progress.
      `${besideFloor('beside the least a resumable sync can do', 'pages checked, mapped, put as they arrive', least, true)}× the least a resumable sync can do`,
    ];
    // How much of the first floor's allowance the least a resumable sync already takes.
    const leastRatio = median(least) / median(rawPutAndFetch);
    rows.push({
      measure: `the least a resumable sync can do, ${count} people, beside the raw put + fetch only`,
      unit: 'ms',
      samples: least,
      floor: { label: 'raw put + fetch only', samples: rawPutAndFetch },
      ratio: `${leastRatio.toFixed(2)}× (median)`,
      target: 'reported',
    });
    console.log(`  full sync CPU against each run's own floors (median of the runs' ratios): ${paired.join(', ')}`);
    rows.push({
      measure: `full sync wall time, ${count} people, unthrottled`,
      unit: 'ms',
      samples: syncMs,
      floor: { label: 'raw put + fetch only', samples: rawMs.map((ms, i) => ms + fetchMs[i]!) },
      ratio: `${(median(syncMs) / (median(rawMs) + median(fetchMs))).toFixed(2)}× (median)`,
      target: 'reported',
    });
    if (process.env.BENCH_PROFILE) {
      await profileFullSync(launched, options);
      await traceDatabaseWork(launched, options);
    }
  } finally {
    await launched.close();
    await sim.close();
  }
}

export async function benchIncremental(rows: Row[]): Promise<void> {
  const env = await syncedBrowser(2000);
  try {
    const ms: number[] = [];
    const requests: number[] = [];
    for (let i = 0; i < SYNC_RUNS; i += 1) {
      const before = (await lastLog(env.launched.worker)).count;
      // To the end of the run, its index update included: "Sync now" during a run joins it.
      await syncToTheEnd(env.options, false);
      const log = await waitForNewLog(env.launched.worker, before);
      ms.push(log.endedAt! - log.startedAt);
      requests.push(log.requests);
    }
    rows.push({ measure: 'incremental sync, nothing changed: requests', unit: 'req', samples: requests, target: '1 request', pass: requests.every((r) => r === 1) });
    rows.push({ measure: 'incremental sync, nothing changed: wall time', unit: 'ms', samples: ms, target: '≤ 200 ms', pass: p95(ms) <= 200 });
  } finally {
    await env.close();
  }
}

export async function benchRateLimited(rows: Row[]): Promise<void> {
  // Personio's budget on both sides: the simulator enforces 300/min, and the production build,
  // as shipped, plans for it. Its requests reach the simulator through a route, as Personio's.
  const sim = await startSimulator({ employees: RATE_LIMITED_EMPLOYEES, seed: 3, rateLimit: { employeesPerMinute: 300 } });
  const launched = await launchExtension({ extensionDir: PRODUCTION_BUILD });
  try {
    await routePersonio(launched.context, sim);
    await connect(await openOptions(launched));
    const count = await waitForSync(launched, 1, 900_000);
    const log = await lastLog(launched.worker);
    const wall = log.endedAt! - log.startedAt;
    // The floor at Personio's documented limit (300/min, bursts of 15): 15 at once, then one every 200 ms.
    const floor = Math.max(0, log.requests - 15) * 200;
    const ratio = wall / floor;
    rows.push({
      measure: `first full sync, ${count} people, simulator at 300/min (${log.requests} requests)`,
      unit: 'ms',
      samples: [wall],
      floor: { label: 'rate floor', samples: [floor] },
      ratio: `${ratio.toFixed(2)}×`,
      target: '≤ 1.1× floor',
      pass: ratio <= 1.1,
    });
  } finally {
    await launched.close();
    await sim.close();
  }
}
