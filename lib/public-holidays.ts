import { browser } from 'wxt/browser';
import { fold } from './text';
import { workCalendar, type HolidayRegion, type WorkCalendar, type WorkWeek } from './working-days';

/**
 * One country's public holidays over a window of years, as the build writes them
 * (scripts/holiday-tables.ts, from the date-holidays library): the national days and, per
 * state code, the days it adds to or removes from them.
 */
export interface HolidayTable {
  years: { from: number; to: number };
  /** State code → the state's name ("BY" → "Bayern"). */
  names: Record<string, string>;
  national: string[];
  states: Record<string, { add?: string[]; remove?: string[] }>;
}

/** "Hansestadt Hamburg", "Hamburg", "HH" → "HH"; a state we cannot place → undefined (national days only). */
export function stateCode(table: HolidayTable, state: string | undefined): string | undefined {
  if (!state) return undefined;
  const wanted = fold(state.trim());
  const states = Object.entries(table.names);
  const match =
    states.find(([code, name]) => fold(code) === wanted || fold(name) === wanted) ??
    // The library writes some states with a prefix Personio leaves out ("Land Salzburg", "Kanton Zürich").
    states.find(([, name]) => fold(name).endsWith(` ${wanted}`));
  return match?.[0];
}

/** The public holidays of one state (or of the country, for no state or one we cannot place). */
export function publicHolidays(table: HolidayTable, state: string | undefined): ReadonlySet<string> {
  const code = stateCode(table, state);
  const days = new Set(table.national);
  const own = code ? table.states[code] : undefined;
  for (const d of own?.remove ?? []) days.delete(d);
  for (const d of own?.add ?? []) days.add(d);
  return days;
}

export type HolidayTableSource = (country: string) => Promise<HolidayTable | undefined>;

/** The tables the build packed into the extension, read from the extension's own files. */
const packagedTables: HolidayTableSource = async (country) => {
  // The tables are generated at build time, so WXT's list of public paths does not name them.
  const urlOf = browser.runtime.getURL as (path: string) => string;
  const response = await fetch(urlOf(`/holidays/${country}.json`));
  return response.ok ? ((await response.json()) as HolidayTable) : undefined;
};

/**
 * Working calendars per person, loading each country's table once. A country with no table,
 * or a table that fails to load, gives weekdays without holidays: a broken calendar must
 * never break a card.
 */
export function holidayCalendars(source: HolidayTableSource = packagedTables) {
  const tables = new Map<string, Promise<HolidayTable | undefined>>();
  const tableOf = (country: string) => {
    const code = country.toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) return Promise.resolve(undefined);
    let table = tables.get(code);
    if (!table) {
      table = source(code).catch(() => undefined);
      tables.set(code, table);
    }
    return table;
  };
  return {
    async calendarFor(week: WorkWeek | undefined, region: HolidayRegion | undefined): Promise<WorkCalendar> {
      const table = region ? await tableOf(region.country) : undefined;
      const holidays = table ? publicHolidays(table, region?.state) : undefined;
      return workCalendar(week, holidays ? (day) => holidays.has(day) : undefined);
    },
  };
}

/** The background's calendars, from the packaged tables. */
export const personCalendars = holidayCalendars();
