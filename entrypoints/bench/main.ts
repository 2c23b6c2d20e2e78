import { findByEmail } from '@/lib/lookup';
import { peopleIndex, searchPeople, searchWarmedUp } from '@/lib/search';
import { fold } from '@/lib/text';

/**
 * Runs the real lookup and search code against the real IndexedDB of the extension origin,
 * timing inside the page so the numbers exclude the automation round trip, each beside its
 * floor: the least the browser can do for the same answer. Built only for `npm run bench`
 * (see wxt.config.ts); production builds do not contain this page.
 */
async function timeEach<T>(inputs: readonly T[], run: (input: T) => Promise<unknown>): Promise<{ ms: number[]; results: unknown[] }> {
  const ms: number[] = [];
  const results: unknown[] = [];
  for (const input of inputs) {
    const started = performance.now();
    results.push(await run(input));
    ms.push(performance.now() - started);
  }
  return { ms, results };
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('sidecard');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
  });
}

/** The lookup floor: one native `index.get` on the email index, on a connection of its own. */
function rawEmailGet(database: IDBDatabase, email: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = database.transaction('employees', 'readonly').objectStore('employees').index('email').get(email.trim().toLowerCase());
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('index.get failed'));
  });
}

/** Ours and the floor on each address in turn, which goes first alternating, so both see the same moment of the machine. */
async function lookups(emails: string[]): Promise<{ ours: number[]; raw: number[]; found: number; resolutionMs: number }> {
  const database = await openDatabase();
  const ours: number[] = [];
  const raw: number[] = [];
  let found = 0;
  const timeOurs = async (email: string) => {
    const started = performance.now();
    const person = await findByEmail(email);
    ours.push(performance.now() - started);
    if (person) found += 1;
  };
  const timeRaw = async (email: string) => {
    const started = performance.now();
    await rawEmailGet(database, email);
    raw.push(performance.now() - started);
  };
  // Steady state: Dexie's connection open and the first read of the database done, for both.
  await findByEmail(emails[0] ?? '');
  await rawEmailGet(database, emails[0] ?? '');
  for (const [i, email] of emails.entries()) {
    if (i % 2 === 0) {
      await timeOurs(email);
      await timeRaw(email);
    } else {
      await timeRaw(email);
      await timeOurs(email);
    }
  }
  database.close();
  return { ours, raw, found, resolutionMs: timerResolution() };
}

/** The smallest step performance.now() takes here (Chromium coarsens it outside cross-origin isolation). */
function timerResolution(): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 20; i += 1) {
    const start = performance.now();
    let next = performance.now();
    while (next === start) next = performance.now();
    smallest = Math.min(smallest, next - start);
  }
  return smallest;
}

/**
 * The search floor: a lookup that does nothing clever, a `Map.get` of the folded query in a
 * map of folded full names. Far below the timer's step, so each query is timed over many
 * repetitions and the mean kept.
 */
async function mapGetFloor(queries: string[], repetitions = 2000): Promise<number[]> {
  const database = await openDatabase();
  const people = await new Promise<Array<{ id: number; firstName?: string; lastName?: string }>>((resolve, reject) => {
    const request = database.transaction('employees', 'readonly').objectStore('employees').getAll();
    request.onsuccess = () => resolve(request.result as Array<{ id: number; firstName?: string; lastName?: string }>);
    request.onerror = () => reject(request.error ?? new Error('getAll failed'));
  });
  database.close();
  const byName = new Map<string, number[]>();
  for (const p of people) {
    const key = fold(`${p.firstName ?? ''} ${p.lastName ?? ''}`.trim());
    const ids = byName.get(key);
    if (ids) ids.push(p.id);
    else byName.set(key, [p.id]);
  }
  let sink = 0;
  const ms = queries.map((q) => {
    const started = performance.now();
    for (let i = 0; i < repetitions; i += 1) sink += byName.get(fold(q))?.length ?? 0;
    return (performance.now() - started) / repetitions;
  });
  // Kept where the compiler cannot see it unused, so the loop cannot be dropped as dead code.
  Object.assign(globalThis, { sidecardBenchSink: sink });
  return ms;
}

/**
 * A fixed piece of work of about `targetMs`, calibrated here: timed beside each query, its
 * p95 and worst are what the machine adds to any step that short at that moment (another
 * process on the core, a collection), not what search costs.
 */
function fixedWork(targetMs: number): () => void {
  let sink = 0;
  const work = (n: number) => {
    for (let i = 0; i < n; i += 1) sink += Math.sqrt(i) % 3;
  };
  for (let started = performance.now(); performance.now() - started < 50; ) work(1000);
  const timed = performance.now();
  work(100_000);
  const n = Math.max(1000, Math.round((100_000 * targetMs) / Math.max(0.01, performance.now() - timed)));
  return () => {
    work(n);
    // Kept where the compiler cannot see it unused, so the loop cannot be dropped as dead code.
    Object.assign(globalThis, { sidecardBenchSink: sink });
  };
}

const searchIds = async (q: string) => (await searchPeople(q, 5)).map((h) => h.id);

/** Each query, and the fixed work beside it, which goes first alternating, so both see the same moment of the machine. */
async function searchBeside({ queries, targetMs }: { queries: string[]; targetMs: number }): Promise<{ ms: number[]; results: number[][]; machine: number[] }> {
  // As the worker's index is when the agent types: loaded, its first letters worked out and
  // its code warmed. Otherwise this page's first queries pay for that work, which the worker
  // does once, when it loads the index.
  await searchWarmedUp();
  const work = fixedWork(targetMs);
  const ms: number[] = [];
  const results: number[][] = [];
  const machine: number[] = [];
  const timeWork = () => {
    const started = performance.now();
    work();
    machine.push(performance.now() - started);
  };
  for (const [i, q] of queries.entries()) {
    if (i % 2 === 1) timeWork();
    const started = performance.now();
    results.push(await searchIds(q));
    ms.push(performance.now() - started);
    if (i % 2 === 0) timeWork();
  }
  return { ms, results, machine };
}

Object.assign(globalThis, {
  sidecardBench: {
    searchBeside,
    lookups,
    // Loaded first, as the background loads it when the popup opens.
    search: async (queries: string[]) => {
      await peopleIndex();
      return timeEach(queries, searchIds);
    },
    mapGetFloor,
  },
});
