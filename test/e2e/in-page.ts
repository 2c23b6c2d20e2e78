/**
 * Functions that run inside an extension page (handed to Playwright's or puppeteer's
 * `evaluate`), so the Chromium and Firefox harnesses read the database the same way.
 * Self-contained: nothing from this module's scope reaches the page.
 */

/** How many rows one store of the extension's database holds (0 when it has no such store). */
export async function countRowsInPage(name: string): Promise<number> {
  const open = indexedDB.open('sidecard');
  // Never create the database: the extension's own open would then have to upgrade it.
  open.onupgradeneeded = () => open.transaction?.abort();
  const database = await new Promise<IDBDatabase | undefined>((res) => {
    open.onsuccess = () => res(open.result);
    open.onerror = () => res(undefined);
  });
  if (!database) return 0;
  if (!database.objectStoreNames.contains(name)) {
    database.close();
    return 0;
  }
  const count = await new Promise<number>((res) => {
    const req = database.transaction(name).objectStore(name).count();
    req.onsuccess = () => res(req.result);
  });
  database.close();
  return count;
}
