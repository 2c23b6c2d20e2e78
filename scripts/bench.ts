/**
 * `npm run bench`: performance in real Chromium against the simulator, each row beside its
 * floor: the thinnest thing the browser could do for the same job, measured in the same run,
 * so that a row means the same on a fast machine and on a busy two-core one. Median and p95
 * over repeated runs; budgets live here, never in timed tests.
 *
 * BENCH_ONLY picks rows by name (comma-separated): sync, incremental, lookup, search, heap,
 * popup, panel, ratelimited. lookup, search, heap and popup share one browser synced with 50,000 people.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchLookupGroup, LOOKUP_GROUP } from './bench-lookup';
import { benchPanel } from './bench-panel';
import { benchFullSync, benchIncremental, benchRateLimited } from './bench-sync';
import { printTable, type Row } from './bench-table';
import { PRODUCTION_OUT_DIR, SYNC_RUNS } from './bench-worker';

const root = resolve(import.meta.dirname, '..');

/**
 * Playwright inspects a service worker's network traffic over DevTools (each response body is
 * copied to the inspector), which a user's browser never does and which would about double the
 * time and CPU a sync spends fetching. It is off, but for the benchmark that routes the worker's
 * requests (Playwright routes only what it inspects): the rate-limited sync reaches "Personio"
 * through a route.
 */
const ROUTES_WORKER_REQUESTS = new Set(['ratelimited']);
function inspectWorkerNetwork(on: boolean): void {
  if (on) delete process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK;
  else process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';
}

const ROW_NAMES = ['sync', 'incremental', ...LOOKUP_GROUP, 'panel', 'ratelimited'];

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !ROW_NAMES.includes(name)) ?? [];
  if (unknown.length) throw new Error(`BENCH_ONLY: no rows named ${unknown.join(', ')} (rows: ${ROW_NAMES.join(', ')})`);
  const selected = (name: string) => !only || only.includes(name);

  // Both builds beside the shared .output/, which others may be testing meanwhile: the
  // production build as shipped (the rate-limited sync, the content script's size) and the
  // bench build (the benchmark page and the floors; see wxt.config.ts).
  const env = { ...process.env };
  delete env.SIDECARD_OUT_DIR;
  execSync('npx wxt build', { cwd: root, stdio: 'ignore', env: { ...env, SIDECARD_OUT_DIR: PRODUCTION_OUT_DIR } });
  execSync('npx wxt build', { cwd: root, stdio: 'ignore', env: { ...env, SIDECARD_BENCH: '1' } });
  execSync('node scripts/ensure-browsers.mjs chromium', { cwd: root, stdio: 'inherit' });
  const rows: Row[] = [];
  console.log(`Sidecard benchmarks (${SYNC_RUNS} syncs per sync row; Chromium ${execSync('/usr/bin/chromium --version 2>/dev/null').toString().trim()})\n`);
  const benches: Array<[string, (rows: Row[]) => Promise<void>]> = [
    ['sync', benchFullSync],
    ['incremental', benchIncremental],
    [LOOKUP_GROUP.join('/'), (r) => benchLookupGroup(r, selected)],
    ['panel', benchPanel],
    ['ratelimited', benchRateLimited],
  ];
  for (const [name, bench] of benches) {
    if (!name.split('/').some(selected)) continue;
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
