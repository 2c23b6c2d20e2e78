import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../personio-sim';
import { scenario as gmail } from '../fixtures/sites/gmail/scenario';
import { askBackground, connect, countRows, launchExtension, openOptions, panelFrame, readStore, routePersonio, serveScenario, waitForRunOver, waitForSync, type Launched } from './harness';
import { buildCurrentTree, buildPreviousRelease, dbSourceAt, declaredSchemaVersion, type PreviousRelease } from './previous-release';
import { TEST_EXTENSION_ID } from './test-extension-key';

/**
 * An agent's browser updated from the previous release to this build, in real Chromium: the
 * previous release (the newest `v*` tag before this version, built from its commit) connects and
 * syncs; then this build starts over the same profile, with the same id (test builds carry a fixed
 * manifest key), as Chrome updates an extension in place. The data, the sealed secret and the sync
 * schedule must carry over: the panel answers at once, and the next run is incremental.
 * (Chromium fires `runtime.onInstalled` with reason "install", not "update", for an extension
 * loaded with --load-extension, even over a profile that holds its data: what Sidecard does on
 * an update from the store is not reachable here. It does nothing on "update".)
 *
 * What would force a full run after an update: a stored-fields, filters or leavers-window change
 * in what `scopeHash` hashes (lib/sync/filters.ts), a migration that drops `lastFullSuccessAt` or
 * `lastSuccessStartedAt` from syncState, or v4's migration, which drops an unfinished full run's
 * checkpoint (that run starts over). Later migrations must keep those, or say so here.
 */
interface SyncStateRow {
  lastSuccessAt?: number;
  lastSuccessStartedAt?: number;
  lastFullSuccessAt?: number;
  checkpoint?: unknown;
}
interface SyncLogRow {
  kind: 'full' | 'incremental';
  endedAt?: number;
  rowsChanged: number;
  error?: { kind: string };
}
interface EmployeeRow {
  email: string;
  position?: string;
}

const COMPANY = { employees: 200, seed: 7 };

let sim: Simulator;
let previous: PreviousRelease;
let currentDir: string;
let currentOutDir: string | undefined;
let profileDir: string;
let launched: Launched | undefined;
let before: { employees: number; log: SyncLogRow[]; state: SyncStateRow };

beforeAll(async () => {
  previous = await buildPreviousRelease();
  const given = process.env.SIDECARD_UPDATE_NEW_DIR;
  if (given) currentDir = given;
  else ({ dir: currentDir, outDir: currentOutDir } = await buildCurrentTree());
  sim = await startSimulator(COMPANY);
  profileDir = mkdtempSync(join(tmpdir(), 'sidecard-update-'));
}, 180_000);

afterAll(async () => {
  await launched?.close();
  await sim?.close();
  for (const dir of [profileDir, currentOutDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The version of the extension's database as the browser has it (IndexedDB's number: Dexie's × 10). */
function storedSchemaVersion(worker: Worker): Promise<number> {
  return worker.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('sidecard');
        open.onsuccess = () => {
          open.result.close();
          resolve(open.result.version);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

/** Drop the sealed API token, so the next request to Personio must open the sealed client secret. */
function dropSealedToken(worker: Worker): Promise<void> {
  return worker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sidecard');
        open.onsuccess = () => {
          const tx = open.result.transaction('vault', 'readwrite');
          tx.objectStore('vault').delete('personio-token');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

describe('an update from the previous release', () => {
  it('the previous release connects, syncs and shows the sender in Gmail', async () => {
    const old = await launchExtension({ extensionDir: previous.dir, profileDir, welcome: false });
    try {
      expect(old.extensionId).toBe(TEST_EXTENSION_ID);
      expect(await old.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version)).toBe(JSON.parse(readFileSync(join(previous.dir, 'manifest.json'), 'utf8')).version);
      await routePersonio(old.context, sim);
      await serveScenario(old.context, gmail);
      const options = await openOptions(old);
      await connect(options);
      await waitForSync(old, 100);
      await waitForRunOver(options);
      const page = await old.context.newPage();
      await page.goto(gmail.startUrl);
      await (await panelFrame(page)).getByRole('article', { name: 'Ada Lovelace' }).waitFor();
      before = {
        employees: await countRows(options, 'employees'),
        log: await readStore<SyncLogRow>(options, 'syncLog'),
        state: (await readStore<SyncStateRow>(options, 'syncState'))[0]!,
      };
      expect(before.log.map((l) => l.kind)).toEqual(['full']);
    } finally {
      await old.close();
    }
  });

  it('this build opens the same data and answers in the panel before any sync', async () => {
    launched = await launchExtension({ extensionDir: currentDir, profileDir, welcome: false });
    expect(launched.extensionId).toBe(TEST_EXTENSION_ID);
    await dropSealedToken(launched.worker);
    // Personio unreachable: whatever the panel shows comes from the profile.
    await launched.context.route('https://api.personio.de/**', (route) => route.abort('connectionrefused'));
    await serveScenario(launched.context, gmail);
    const page = await launched.context.newPage();
    await page.goto(gmail.startUrl);
    const panel = await panelFrame(page);
    await panel.getByRole('article', { name: 'Ada Lovelace' }).waitFor({ timeout: 5_000 });

    const options = await openOptions(launched);
    expect(await countRows(options, 'employees')).toBe(before.employees);
    expect(await readStore<SyncLogRow>(options, 'syncLog')).toEqual(before.log);
    const [state] = await readStore<SyncStateRow>(options, 'syncState');
    expect(state?.checkpoint).toBeUndefined();
    expect(state?.lastSuccessAt).toBe(before.state.lastSuccessAt);
    await options.close();
    await page.close();
  });

  it('the database is at this build’s schema version', async () => {
    const declared = declaredSchemaVersion(readFileSync(join(import.meta.dirname, '../../lib/db.ts'), 'utf8'));
    const declaredBefore = declaredSchemaVersion(await dbSourceAt(previous.commit));
    // Both releases may declare the same version: then this checks that the update kept it, and a
    // migration is covered here as soon as a release adds one (the test always starts from the
    // previous tag).
    expect(declared).toBeGreaterThanOrEqual(declaredBefore);
    expect(await storedSchemaVersion(launched!.worker)).toBe(declared * 10);
  });

  it('the next run is incremental, with the client secret the previous release sealed', async () => {
    const options = await openOptions(launched!);
    const ada = sim.company.employees.find((e) => e.firstName === 'Ada' && e.lastName === 'Lovelace')!;
    sim.updateEmployee(ada.id, { position: 'Principal Software Engineer' });
    sim.resetRequestLog();
    await launched!.context.unrouteAll({ behavior: 'ignoreErrors' });
    await routePersonio(launched!.context, sim);

    await askBackground(options, { type: 'sync-now' });
    await expect.poll(async () => (await readStore<SyncLogRow>(options, 'syncLog')).filter((l) => l.endedAt).length, { timeout: 30_000 }).toBe(before.log.length + 1);
    await waitForRunOver(options);

    const last = (await readStore<SyncLogRow>(options, 'syncLog')).at(-1)!;
    expect(last.error).toBeUndefined();
    expect(last.kind).toBe('incremental');
    expect(last.rowsChanged).toBeGreaterThanOrEqual(1);
    // The sealed token was dropped: Personio gave a new one for the sealed secret.
    expect(sim.requests.filter((r) => r.path === '/v1/auth').map((r) => r.status)).toContain(200);
    expect(sim.requests.some((r) => r.path === '/v1/company/employees' && 'updated_since' in r.query)).toBe(true);
    const [state] = await readStore<SyncStateRow>(options, 'syncState');
    expect(state?.lastFullSuccessAt).toBe(before.state.lastFullSuccessAt);
    expect((await readStore<EmployeeRow>(options, 'employees')).find((e) => e.email === ada.email)?.position).toBe('Principal Software Engineer');
    await options.close();
  });
});
