import { localDay } from '@/lib/format';
import { storedFields } from '@/lib/fields';
import type { Employee } from '@/lib/employee';
import { employeesPageSchema, timeOffsPageSchema } from '@/lib/personio/schema';
import { parseSettings, SETTINGS_KEY } from '@/lib/settings';
import { PAGES_PER_COMMIT, preparePage } from '@/lib/sync/employee-rows';
import { timeOffsFromPage } from '@/lib/sync/time-offs';

export interface RequiredWorkInput {
  urls: string[];
  token: string;
  appId: string;
  inFlight: number;
}

/**
 * The pages a run asked for, fetched again by the worker (as many requests in flight as the
 * client has), read as JSON, checked against the same schemas and made into the records the
 * admin's settings keep: `onRecords` hears each employees page's records as they are made.
 * Returns how many records (employees and absences) were made. Runs in the worker, as the
 * sync does: on a page, the driver's network tracking would be counted too.
 */
async function checkAndMapPages({ urls, token, appId, inFlight }: RequiredWorkInput, onRecords: (records: Employee[]) => void): Promise<number> {
  const settings = parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const prepare = { stored: storedFields(settings.fields), settings, attributeDefinitions: [], today: localDay(Date.now()), countPopulation: true };
  let next = 0;
  let made = 0;
  const lane = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'X-Personio-App-ID': appId } });
      const json: unknown = await response.json();
      if (new URL(url).pathname.endsWith('/time-offs')) {
        const page = timeOffsPageSchema.safeParse(json);
        if (!page.success) throw new Error(`bench: a time-offs page did not parse: ${url}`);
        made += timeOffsFromPage(page.data).length;
      } else {
        const page = employeesPageSchema.safeParse(json);
        if (!page.success) throw new Error(`bench: an employees page did not parse: ${url}`);
        const records = preparePage(page.data, prepare).people.flatMap(([, record]) => (record ? [record] : []));
        made += records.length;
        onRecords(records);
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return made;
}

/**
 * A sync's second floor: what any sync must do with Personio's pages before it writes (a
 * malformed page is refused, and only allowed fields are kept), nothing written. No commits,
 * no checkpoint, no search index. Returns the records made.
 */
export function fetchCheckAndMap(input: RequiredWorkInput): Promise<number> {
  return checkAndMapPages(input, () => undefined);
}

/**
 * A sync's third floor, the least a resumable sync can do: the same, with the records put
 * into the database `databaseName` (its `employees` table as ours) PAGES_PER_COMMIT pages to
 * a transaction as they are made, the next pages fetched meanwhile, as our sync writes them.
 * A sync that kept every page until the end to write them in one go could not resume where it
 * stopped, and would hold the whole company in memory. No checkpoint, no search index, no
 * progress, plain IndexedDB. Returns the records made.
 */
export async function fetchCheckMapAndPut(input: RequiredWorkInput, databaseName: string): Promise<number> {
  const open = indexedDB.open(databaseName);
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const commits: Array<Promise<unknown>> = [];
  let pages: Employee[][] = [];
  const write = () => {
    const transaction = database.transaction('employees', 'readwrite');
    const store = transaction.objectStore('employees');
    for (const records of pages) for (const record of records) store.put(record);
    pages = [];
    commits.push(
      new Promise((resolve, reject) => {
        transaction.oncomplete = resolve;
        transaction.onabort = () => reject(transaction.error ?? new Error('bench: a floor transaction aborted'));
      }),
    );
  };
  try {
    const made = await checkAndMapPages(input, (records) => {
      pages.push(records);
      if (pages.length === PAGES_PER_COMMIT) write();
    });
    if (pages.length) write();
    await Promise.all(commits);
    return made;
  } finally {
    database.close();
  }
}
