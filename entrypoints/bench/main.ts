import { findByEmail } from '@/lib/lookup';
import { peopleIndex, searchPeople } from '@/lib/search';

/**
 * Runs the real lookup and search code against the real IndexedDB of the extension origin,
 * timing inside the page so the numbers exclude the automation round trip. Built only for
 * `npm run bench` (see wxt.config.ts); production builds do not contain this page.
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

Object.assign(globalThis, {
  sidecardBench: {
    findByEmail: (emails: string[]) => timeEach(emails, async (e) => (await findByEmail(e))?.id ?? null),
    // Loaded first, as the background loads it when the popup opens.
    search: async (queries: string[]) => {
      await peopleIndex();
      return timeEach(queries, async (q) => (await searchPeople(q, 5)).map((h) => h.id));
    },
  },
});
