/**
 * Public holiday tables, generated at build time from date-holidays, the maintained
 * worldwide holiday library (every German state's and UK nation's own days, substitute days
 * included). The library itself is not shipped: bundled into the background it added 1.4 MB
 * and about 110 ms of evaluation to every service-worker start (measured in docs/architecture.md),
 * for a date an agent needs only when someone is away. Instead the build writes one small
 * JSON file per country (`holidays/<CC>.json`), which the background fetches on first need.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Holidays from 'date-holidays';
import type { HolidayTable } from '../lib/public-holidays';

/**
 * The years the tables cover. Fixed, not taken from the clock, so that a build is
 * reproducible; docs/release.md moves the window forward with each release. Outside it,
 * "back on" still skips days off by the work schedule, only not public holidays.
 */
export const HOLIDAY_YEARS = { from: 2025, to: 2032 } as const;

/** The public holidays of `country` over HOLIDAY_YEARS: the national list and each state's difference from it. */
export function holidayTable(country: string, years: { from: number; to: number } = HOLIDAY_YEARS): HolidayTable {
  const daysOf = (calendar: Holidays): string[] => {
    const days = new Set<string>();
    for (let year = years.from; year <= years.to; year += 1) {
      for (const h of calendar.getHolidays(year)) if (h.type === 'public') days.add(h.date.slice(0, 10));
    }
    return [...days].sort();
  };
  const names = new Holidays().getStates(country) ?? {};
  const national = daysOf(new Holidays(country));
  const nationalSet = new Set(national);
  const states: HolidayTable['states'] = {};
  for (const code of Object.keys(names).sort()) {
    const own = daysOf(new Holidays(country, code));
    const ownSet = new Set(own);
    const add = own.filter((d) => !nationalSet.has(d));
    const remove = national.filter((d) => !ownSet.has(d));
    states[code] = { ...(add.length ? { add } : {}), ...(remove.length ? { remove } : {}) };
  }
  return { years: { from: years.from, to: years.to }, names, national, states };
}

/**
 * Every country's table, as files for the build (`holidays/<CC>.json`). Generating them
 * takes seconds, so they are cached under node_modules/.cache by library version and years.
 */
export function holidayTableFiles(root: string): { relativeDest: string; contents: string }[] {
  const require = createRequire(import.meta.url);
  const version = (JSON.parse(readFileSync(require.resolve('date-holidays/package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256').update(`${version}|${HOLIDAY_YEARS.from}|${HOLIDAY_YEARS.to}|${holidayTable.toString()}`).digest('hex').slice(0, 16);
  const cacheDir = join(root, 'node_modules/.cache/sidecard-holidays');
  const cacheFile = join(cacheDir, `${key}.json`);
  let tables: Record<string, HolidayTable>;
  if (existsSync(cacheFile)) {
    tables = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, HolidayTable>;
  } else {
    tables = {};
    for (const country of Object.keys(new Holidays().getCountries()).sort()) tables[country] = holidayTable(country);
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(tables));
  }
  return Object.entries(tables).map(([country, table]) => ({ relativeDest: `holidays/${country}.json`, contents: JSON.stringify(table) }));
}
