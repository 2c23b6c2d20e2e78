/**
 * What the benchmarks do to the extension's service worker and its database: builds to
 * launch, sync runs and their log, and the worker's own figures over DevTools.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../test/personio-sim';
import { connect, launchExtension, openOptions, waitForSync, type Launched } from '../test/e2e/harness';
import { PROGRESS_BROADCAST } from '../lib/channels';

const root = resolve(import.meta.dirname, '..');
/** The bench build: the benchmark page, the floors, loopback access, and no client-side rate limit (see wxt.config.ts). */
export const BENCH_BUILD = join(root, '.output-bench/chrome-mv3');
/** The production build, as shipped, built for the bench beside (never into) the shared `.output/`. */
export const PRODUCTION_OUT_DIR = join(root, '.output-bench/production');
export const PRODUCTION_BUILD = join(PRODUCTION_OUT_DIR, 'chrome-mv3');
/** Syncs per sync row (full and incremental): a sync's CPU moves with the machine from one run to the next; five steady the median. */
export const SYNC_RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Run a snippet in the background service worker (real IndexedDB, real extension origin). */
export type InWorker = Launched['worker'];

export async function clearSyncedData(worker: InWorker): Promise<void> {
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

export interface SyncLogEntry {
  startedAt: number;
  endedAt?: number;
  rowsChanged: number;
  requests: number;
  error?: unknown;
  count: number;
}

export async function lastLog(worker: InWorker): Promise<SyncLogEntry> {
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

/**
 * Start a sync from the options page and wait until its run is over, the search index's update
 * after it included. Nothing polls while the run works (polling would be CPU counted as the
 * sync's): the page hears the run's closing broadcast, and only then asks the status until no
 * run is listed.
 */
export async function syncToTheEnd(options: Page, full: boolean): Promise<void> {
  await options.evaluate(
    async ({ full, progressType }) => {
      type Listener = (m: unknown) => void;
      type Runtime = { sendMessage(m: unknown): Promise<unknown>; onMessage: { addListener(l: Listener): void; removeListener(l: Listener): void } };
      const runtime = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;
      const ended = new Promise<void>((resolve) => {
        const listener: Listener = (m) => {
          const message = m as { type?: string; progress?: { stage?: string } };
          const stage = message.type === progressType ? message.progress?.stage : undefined;
          if (stage !== 'done' && stage !== 'failed') return;
          runtime.onMessage.removeListener(listener);
          resolve();
        };
        runtime.onMessage.addListener(listener);
      });
      await runtime.sendMessage({ type: 'sync-now', full });
      await ended;
      while (((await runtime.sendMessage({ type: 'status' })) as { running: unknown }).running !== null) await new Promise((r) => setTimeout(r, 20));
    },
    { full, progressType: PROGRESS_BROADCAST },
  );
}

export async function waitForNewLog(worker: InWorker, previousCount: number, timeoutMs = 300_000): Promise<SyncLogEntry> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = await lastLog(worker).catch(() => undefined);
    if (log && log.count > previousCount && log.endedAt) return log;
    if (Date.now() > deadline) throw new Error('sync did not finish');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function storageUsage(worker: InWorker): Promise<number> {
  return worker.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
}

/** Point the extension at the simulator's loopback address instead of Personio's (the bench build may reach it). */
export async function pointAtSimulator(worker: InWorker, sim: Simulator): Promise<void> {
  await worker.evaluate(
    (url) => (globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }).chrome.storage.local.set({ settings: { baseUrl: url } }),
    sim.url,
  );
}

/** Launch the bench build, connected to a simulator of `employees` on loopback, synced. */
export async function syncedBrowser(employees: number, beforeConnect?: (launched: Launched) => Promise<void>) {
  const sim = await startSimulator({ employees, seed: 3 });
  const launched = await launchExtension({ extensionDir: BENCH_BUILD });
  await pointAtSimulator(launched.worker, sim);
  const emptyUsage = await storageUsage(launched.worker);
  await beforeConnect?.(launched);
  const options = await openOptions(launched);
  await connect(options);
  const count = await waitForSync(launched, 1, 600_000);
  return {
    sim,
    launched,
    options,
    count,
    emptyUsage,
    async close() {
      await launched.close();
      await sim.close();
    },
  };
}

/**
 * A DevTools session on one of the browser's targets (the extension's service worker, an
 * out-of-process frame). Playwright opens sessions on pages only, so this one goes through the
 * browser's Target domain (messages wrapped per target).
 */
export async function targetDevTools(launched: Launched, describe: string, matches: (target: { type: string; url: string }) => boolean) {
  const browser = launched.context.browser();
  if (!browser) throw new Error('no browser to open a DevTools session on');
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find(matches);
  if (!target) throw new Error(`no target: ${describe}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 0;
  const pending = new Map<number, (reply: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
  });
  async function call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = (nextId += 1);
    const reply = new Promise<{ result?: unknown; error?: { message: string } }>((res) => pending.set(id, res));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const { result, error } = await reply;
    pending.delete(id);
    if (error) throw new Error(`${method}: ${error.message}`);
    return result as T;
  }
  return {
    call,
    /** The target's V8 heap in use after a full garbage collection, in bytes. */
    async heapAfterGc(): Promise<number> {
      await call('HeapProfiler.collectGarbage');
      return (await call<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
    },
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** A DevTools session on the extension's service worker (running). */
export function workerDevTools(launched: Launched) {
  return targetDevTools(launched, 'the service worker', (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${launched.extensionId}/`));
}
