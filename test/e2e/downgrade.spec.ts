import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../personio-sim';
import { scenario as gmail } from '../fixtures/sites/gmail/scenario';
import { connectedBrowser, openOptions, panelFrame, serveScenario, stopServiceWorker, type Launched } from './harness';

/**
 * A user went back to an older Sidecard (or a newer one wrote the profile first): the database on
 * disk is at a higher version than this build's schema. The options page and the panel say so,
 * and the newer data stays exactly as it is until an admin disconnects.
 */
const MESSAGE = 'This Sidecard is older than the data it finds (saved by a newer version). Update Sidecard, or disconnect to start over.';
/** Set to write screenshots of both pages in this state (for a look, never committed). */
const SHOTS = process.env.SIDECARD_SHOTS_DIR;

let sim: Simulator;
let launched: Launched;
let written: { employees: number; version: number };

beforeAll(async () => {
  ({ sim, launched } = await connectedBrowser({ employees: 50, seed: 3 }, 40));
  await serveScenario(launched.context, gmail);
  written = await writeNewerDatabase(launched.worker);
  // The next start of the worker is the older build's first look at the newer database.
  const page = await launched.context.newPage();
  await page.goto('about:blank');
  await stopServiceWorker(launched, page);
  await page.close();
});

afterAll(async () => {
  await launched?.close();
  await sim?.close();
});

/**
 * What a newer release's upgrade does to the database: one version up (Dexie's version n is
 * IndexedDB's n × 10), with a store of ours gone. Returns what it left: its version and rows.
 */
function writeNewerDatabase(worker: Worker): Promise<{ employees: number; version: number }> {
  return worker.evaluate(
    () =>
      new Promise<{ employees: number; version: number }>((resolve, reject) => {
        const first = indexedDB.open('sidecard');
        first.onsuccess = () => {
          const version = first.result.version;
          first.result.close();
          // Sidecard's own connection closes itself when another asks for a newer version.
          const open = indexedDB.open('sidecard', version + 10);
          open.onupgradeneeded = () => open.result.deleteObjectStore('photos');
          open.onsuccess = () => {
            const count = open.result.transaction('employees').objectStore('employees').count();
            count.onsuccess = () => {
              open.result.close();
              resolve({ employees: count.result, version: version + 10 });
            };
          };
          open.onerror = () => reject(open.error);
        };
        first.onerror = () => reject(first.error);
      }),
  );
}

/** The database as it is on disk (read from an extension page: the worker may be asleep). */
function onDisk(page: Page): Promise<{ version: number; stores: string[]; employees: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('sidecard');
        open.onsuccess = () => {
          const database = open.result;
          const count = database.transaction('employees').objectStore('employees').count();
          count.onsuccess = () => {
            database.close();
            resolve({ version: database.version, stores: [...database.objectStoreNames], employees: count.result });
          };
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

describe('a database a newer Sidecard wrote', () => {
  it('the options page says so and keeps Disconnect at hand', async () => {
    const options = await openOptions(launched);
    await options.getByText(MESSAGE).waitFor();
    await expect.poll(() => options.getByRole('button', { name: 'Disconnect and delete data' }).isVisible()).toBe(true);
    // Nothing of the sync is shown about data this build cannot read.
    expect(await options.getByRole('button', { name: 'Sync now' }).count()).toBe(0);
    expect(await options.getByText(/people synced/).count()).toBe(0);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await options.screenshot({ path: join(SHOTS, 'options-database-too-new.png'), fullPage: true });
    }
    await options.close();
  });

  it('the panel says so beside a conversation, and looks nobody up', async () => {
    const page = await launched.context.newPage();
    await page.goto(gmail.startUrl);
    const panel = await panelFrame(page);
    await panel.getByText(MESSAGE).waitFor();
    expect(await panel.getByRole('article').count()).toBe(0);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'panel-database-too-new.png') });
    await page.close();
  });

  it('leaves the newer database as it was: its version, its stores, its rows', async () => {
    const options = await openOptions(launched);
    const disk = await onDisk(options);
    expect(disk.employees).toBe(written.employees);
    // Dexie would otherwise add the missing store back and raise the version by one.
    expect(disk.stores).not.toContain('photos');
    expect(disk.version).toBe(written.version);
    await options.close();
  });

  it('is deleted by Disconnect, and Sidecard starts over with its own', async () => {
    const options = await openOptions(launched);
    await options.getByRole('button', { name: 'Disconnect and delete data' }).click();
    await options.getByRole('dialog').getByRole('button', { name: 'Disconnect and delete' }).click();
    await options.getByLabel('Client ID').waitFor();
    expect(await options.getByText(MESSAGE).count()).toBe(0);
    const disk = await onDisk(options);
    expect(disk.employees).toBe(0);
    expect(disk.version).toBeLessThan(written.version);
    await options.close();
  });
});
