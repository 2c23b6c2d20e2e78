import { localDay } from '@/lib/format';
import { storedFields } from '@/lib/fields';
import { employeesPageSchema, timeOffsPageSchema } from '@/lib/personio/schema';
import { parseSettings, SETTINGS_KEY } from '@/lib/settings';
import { preparePage } from '@/lib/sync/employee-rows';
import { timeOffsFromPage } from '@/lib/sync/time-offs';

export interface RequiredWorkInput {
  urls: string[];
  token: string;
  appId: string;
  inFlight: number;
}

/**
 * A sync's second floor: the pages a run asked for, fetched again by the worker, read as
 * JSON, checked against the same schemas and made into the records the admin's settings keep,
 * nothing written. What any sync must do with Personio's pages before it writes (a malformed
 * page is refused, and only allowed fields are kept), and nothing more: no commits, no
 * checkpoint, no search index. As many requests in flight as the client has. Returns the
 * records made. Run in the worker, as the sync is: on a page, the driver's network tracking
 * would be counted too.
 */
export async function fetchCheckAndMap({ urls, token, appId, inFlight }: RequiredWorkInput): Promise<number> {
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
        made += preparePage(page.data, prepare).people.filter(([, record]) => record).length;
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return made;
}
