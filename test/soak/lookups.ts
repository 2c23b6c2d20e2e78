import type { Page } from 'playwright-core';
import type { SimEmployee } from '../personio-sim/company';
import { askBackground } from '../e2e/harness';
import type { LocalPerson } from './oracle';
import type { Random } from './random';

/**
 * The soak's reads of the local copy as agents make them: by address, as the panel does (one
 * get on the unique email index, which is all `findByEmail` does for a plain address), and by
 * the popup's search. Each miss is described, so a failing soak says whom and why.
 */
export interface Miss {
  id: number;
  email: string;
  /** What Personio says now, when it differs. */
  emailNow?: string;
  found?: number[];
}

interface Hit {
  id: number;
}

/** Ids the panel's lookup finds for each address (undefined: no one). */
async function findByAddress(options: Page, emails: string[]): Promise<(number | undefined)[]> {
  return options.evaluate(async (addresses) => {
    const open = indexedDB.open('sidecard');
    const database = await new Promise<IDBDatabase>((res, rej) => {
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    const index = database.transaction('employees').objectStore('employees').index('email');
    const ids = await Promise.all(
      addresses.map(
        (address) =>
          new Promise<number | undefined>((res) => {
            const req = index.get(address);
            req.onsuccess = () => res((req.result as { id: number } | undefined)?.id);
            req.onerror = () => res(undefined);
          }),
      ),
    );
    database.close();
    return ids;
  }, emails);
}

/**
 * People of the last good copy, still in Personio's directory, whom the panel's lookup no longer
 * finds, neither by the address the copy had nor by the one Personio gives now (a sample). An
 * address that moved to someone else may find that someone, as Personio says; anyone else
 * found by it is a wrong answer, counted too.
 */
export async function lostLookups(options: Page, previous: readonly LocalPerson[], expected: ReadonlyMap<number, SimEmployee>, rng: Random): Promise<Miss[]> {
  const lost: Miss[] = [];
  for (let i = 0; i < Math.min(10, previous.length); i += 1) {
    const person = rng.pick(previous);
    const now = expected.get(person.id);
    if (!now) continue; // gone from Personio too: not a loss
    const emailNow = now.email.toLowerCase();
    const [byOld, byNow] = await findByAddress(options, [person.email, emailNow]);
    if (byOld === person.id || byNow === person.id) continue;
    // The old address answers with whoever Personio gave it to since.
    if (byOld !== undefined && expected.get(byOld)?.email.toLowerCase() === person.email) continue;
    lost.push({ id: person.id, email: person.email, ...(emailNow !== person.email ? { emailNow } : {}), found: [byOld, byNow].filter((x): x is number => x !== undefined) });
  }
  return lost;
}

/** The search index against the store: stored people findable by address, removed ones not. */
export async function checkSearch(options: Page, local: readonly LocalPerson[], removed: readonly LocalPerson[], rng: Random): Promise<{ misses: Miss[]; removedFound: Miss[] }> {
  const misses: Miss[] = [];
  for (let i = 0; i < Math.min(15, local.length); i += 1) {
    const person = rng.pick(local);
    const hits = await askBackground<Hit[]>(options, { type: 'search', query: person.email, limit: 5 });
    if (!hits.some((h) => h.id === person.id)) misses.push({ id: person.id, email: person.email, found: hits.map((h) => h.id) });
  }
  const removedFound: Miss[] = [];
  for (const person of removed.slice(0, 10)) {
    const hits = await askBackground<Hit[]>(options, { type: 'search', query: person.email, limit: 5 });
    if (hits.some((h) => h.id === person.id)) removedFound.push({ id: person.id, email: person.email });
  }
  return { misses, removedFound };
}
