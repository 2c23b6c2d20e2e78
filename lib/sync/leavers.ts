import type { SidecardDB } from '../db';
import { dropPeopleData } from '../db';
import type { Employee } from '../employee';
import type { FieldKey } from '../fields';
import { mapEmployee, type FilterFacts } from '../personio/map';
import type { RawEmployee } from '../personio/schema';
import type { Settings } from '../settings';
import { keepsEmployee } from './filters';

/**
 * People who left. While inactive people are not synced, those who left in the last
 * `leaverMonths` keep a minimal record, so that the panel says "Former employee · left on …"
 * instead of "Not in Personio": name, email, last position and department (when those fields
 * are stored), and the termination date. No balance, photo, supervisor or anything else.
 */

/** Whether minimal leaver records are kept at all under these settings. */
export function keepsLeaverRecords(settings: Pick<Settings, 'filters' | 'leaverMonths'>): boolean {
  return settings.leaverMonths > 0 && !settings.filters.statuses.includes('inactive');
}

/** The calendar day `months` before `today` (the 31st becomes the month's last day). */
export function leaverCutoff(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) - months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

const LEAVER_FIELDS: readonly FieldKey[] = ['name', 'email', 'status'];
const LEAVER_OPTIONAL_FIELDS: readonly FieldKey[] = ['position', 'department'];

/** What a leaver's record may hold: name, email, status and termination date, and position and department if stored. */
export function leaverFields(stored: ReadonlySet<FieldKey>): Set<FieldKey> {
  return new Set([...LEAVER_FIELDS, ...LEAVER_OPTIONAL_FIELDS.filter((f) => stored.has(f))]);
}

/**
 * The minimal record of a row the population filter did not keep, if it is someone who left
 * within the window and would be kept but for their status; null otherwise. Pure.
 */
export function leaverRecord(
  raw: RawEmployee,
  facts: FilterFacts,
  settings: Pick<Settings, 'filters' | 'leaverMonths'>,
  stored: ReadonlySet<FieldKey>,
  today: string,
): Employee | null {
  if (!keepsLeaverRecords(settings) || facts.status !== 'inactive') return null;
  // The admin's subcompany and department filters still apply to people who left.
  if (!keepsEmployee({ ...facts, status: undefined }, settings.filters)) return null;
  const record = mapEmployee(raw, { stored: leaverFields(stored) });
  if (!record?.terminationDate || record.terminationDate < leaverCutoff(today, settings.leaverMonths)) return null;
  return record;
}

/**
 * Remove leaver records past the window (or all of them, when none are kept any more), and
 * what is kept about those people; returns their ids. An incremental run never sees a leaver
 * again (nothing about them changes in Personio), so every run ends with this.
 */
export async function dropExpiredLeavers(database: SidecardDB, settings: Pick<Settings, 'filters' | 'leaverMonths'>, today: string, signal?: AbortSignal): Promise<number[]> {
  if (settings.filters.statuses.includes('inactive')) return [];
  const cutoff = keepsLeaverRecords(settings) ? leaverCutoff(today, settings.leaverMonths) : undefined;
  return database.transaction('rw', [database.employees, database.timeOffBuckets, database.balances, database.photos], async () => {
    signal?.throwIfAborted();
    const gone = await database.employees
      .where('status')
      .equals('inactive')
      .filter((e) => cutoff === undefined || !e.terminationDate || e.terminationDate < cutoff)
      .primaryKeys();
    await Promise.all([database.employees.bulkDelete(gone), dropPeopleData(database, gone)]);
    return gone;
  });
}
