import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from '../../personio-sim';
import { scenario as gmail } from '../../fixtures/sites/gmail/scenario';
import { buildPreviousRelease, declaredSchemaVersion, type PreviousRelease } from '../previous-release';
import { clickButton, countStoreRows, extensionPage, firefoxPanel, launchFirefox, openOptionsThroughPanel, typeInto, waitForText, type LaunchedFirefox } from './harness';
import { startSiteServer, type SiteServer } from './site-server';

/**
 * An update in real Firefox: the previous release (built from its tag, Manifest V2 at 0.1.0)
 * connects and syncs; then this build (Manifest V3) is installed over the same profile. A
 * temporary add-on is removed when Firefox closes, but the profile keeps the add-on's internal
 * UUID, so the same id installed again opens the same origin, as a store update does: the
 * data, the sealed secret and the sync state must carry over.
 */
interface SyncLogRow {
  kind: 'full' | 'incremental';
  endedAt?: number;
  error?: unknown;
}

let sim: Simulator;
let server: SiteServer;
let previous: PreviousRelease;
let profileDir: string;
let firefox: LaunchedFirefox | undefined;
let syncedBefore = 0;

function readLog(options: Page): Promise<SyncLogRow[]> {
  return options.evaluate(async () => {
    const open = indexedDB.open('sidecard');
    const database = await new Promise<IDBDatabase>((res, rej) => {
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    const rows = await new Promise<unknown[]>((res) => {
      const req = database.transaction('syncLog').objectStore('syncLog').getAll();
      req.onsuccess = () => res(req.result);
    });
    database.close();
    return rows as SyncLogRow[];
  });
}

beforeAll(async () => {
  previous = await buildPreviousRelease('firefox');
  sim = await startSimulator({ employees: 120, seed: 11 });
  server = await startSiteServer(sim, ['mail.google.com']);
  server.serve(gmail);
  profileDir = mkdtempSync(join(tmpdir(), 'sidecard-firefox-update-'));
}, 180_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  await sim?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('Firefox: an update from the previous release', () => {
  it('the previous release connects and syncs', async () => {
    firefox = await launchFirefox(server.hosts, { extensionDir: previous.dir, profileDir });
    const mail = await firefox.browser.newPage();
    await mail.goto(gmail.startUrl);
    await clickButton(await firefoxPanel(mail), 'Open settings');
    const options = await extensionPage(firefox.browser, 'options.html');
    await typeInto(options, 'Client ID', DEFAULT_CREDENTIAL.clientId);
    await typeInto(options, 'Client secret', DEFAULT_CREDENTIAL.clientSecret);
    await clickButton(options, 'Connect');
    await expect.poll(async () => (await readLog(options)).filter((l) => l.endedAt).length, { timeout: 60_000, interval: 500 }).toBe(1);
    syncedBefore = await countStoreRows(options, 'employees');
    expect(syncedBefore).toBeGreaterThan(100);
    // 0.1.0 did not ask an open page again once connected: the mail is opened anew.
    await mail.goto('about:blank');
    await mail.goto(gmail.startUrl);
    await waitForText(await firefoxPanel(mail), gmail.first.position);
    await firefox.close();
    firefox = undefined;
  });

  it('this build, installed over the same profile, answers in the panel before any sync', async () => {
    server.personioReachable(false);
    firefox = await launchFirefox(server.hosts, { profileDir });
    const mail = await firefox.browser.newPage();
    await mail.goto(gmail.startUrl);
    const text = await waitForText(await firefoxPanel(mail), gmail.first.position, 10_000);
    expect(text).toContain('Ada Lovelace');
  });

  it('keeps every row, and the next run is incremental with the secret the previous release sealed', async () => {
    const spare = await firefox!.browser.newPage();
    await spare.goto(gmail.startUrl);
    const options = await openOptionsThroughPanel(firefox!.browser, await firefoxPanel(spare));
    expect(await options.evaluate(() => (globalThis as unknown as { browser: { runtime: { getManifest(): { manifest_version: number } } } }).browser.runtime.getManifest().manifest_version)).toBe(3);
    expect(await countStoreRows(options, 'employees')).toBe(syncedBefore);
    // IndexedDB's version of the database is Dexie's × 10: this build's schema.
    const stored = await options.evaluate(
      () =>
        new Promise<number>((res) => {
          const open = indexedDB.open('sidecard');
          open.onsuccess = () => {
            open.result.close();
            res(open.result.version);
          };
        }),
    );
    expect(stored).toBe(declaredSchemaVersion(readFileSync(join(import.meta.dirname, '../../../lib/db.ts'), 'utf8')) * 10);
    // Every token Personio gave is void now: the next request must log in again, with the client
    // secret the previous release sealed (the background may hold a token in memory, not a secret).
    sim.expireTokens();
    const ada = sim.company.employees.find((e) => e.firstName === 'Ada' && e.lastName === 'Lovelace')!;
    sim.updateEmployee(ada.id, { position: 'Principal Software Engineer' });
    sim.resetRequestLog();
    server.personioReachable(true);
    await clickButton(options, 'Sync now');
    await expect.poll(async () => (await readLog(options)).filter((l) => l.endedAt).length, { timeout: 60_000, interval: 500 }).toBe(2);
    const last = (await readLog(options)).at(-1)!;
    expect(last.error).toBeUndefined();
    expect(last.kind).toBe('incremental');
    expect(sim.requests.filter((r) => r.path === '/v1/auth').map((r) => r.status)).toContain(200);
    expect(sim.requests.some((r) => r.path === '/v1/company/employees' && 'updated_since' in r.query)).toBe(true);
    const mail = (await firefox!.browser.pages()).find((p) => p.url().startsWith('https://mail.google.com') && p !== spare)!;
    await waitForText(await firefoxPanel(mail), 'Principal Software Engineer');
  });
});
