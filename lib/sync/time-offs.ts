import { bucketTimeOffs, type SidecardDB, type SyncState, type TimeOff } from '../db';
import type { PersonioClient, RequestOptions } from '../personio/client';
import { calendarDate, PERSONIO_TEXT_LIMITS } from '../personio/map';
import type { TimeOffsPage } from '../personio/schema';
import { cutText } from '../text';

/** Time-offs window for "away now / back on". */
export const TIME_OFF_PAST_DAYS = 7;
export const TIME_OFF_FUTURE_DAYS = 60;
/**
 * Absences refresh on full runs and at most hourly otherwise: an incremental run with
 * nothing changed then costs a single request.
 */
export const TIME_OFF_REFRESH_MS = 60 * 60_000;

/** Whether a run fetches absences (only when they are stored). */
export function timeOffsDue(absenceStored: boolean, full: boolean, state: SyncState, now: number): boolean {
  return absenceStored && (full || state.timeOffsSyncedAt === undefined || now - state.timeOffsSyncedAt >= TIME_OFF_REFRESH_MS);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export async function fetchTimeOffs(client: PersonioClient, now: number, options: RequestOptions = {}): Promise<TimeOff[]> {
  const start = isoDay(now - TIME_OFF_PAST_DAYS * 86_400_000);
  const end = isoDay(now + TIME_OFF_FUTURE_DAYS * 86_400_000);
  const collected: TimeOff[] = [];
  for await (const page of client.timeOffPages(start, end, options)) collected.push(...timeOffsFromPage(page));
  return collected;
}

/** `signal`: the run's connection; nothing is written once it is aborted. */
export async function storeTimeOffs(database: SidecardDB, collected: readonly TimeOff[], signal?: AbortSignal): Promise<void> {
  // Small (weeks of absences): replaced whole, so cancelled time-offs disappear. Only people
  // who are stored keep theirs, and not those who left: they are away for good.
  await database.transaction('rw', database.employees, database.timeOffBuckets, async () => {
    signal?.throwIfAborted();
    const known = new Set(await database.employees.toCollection().primaryKeys());
    for (const id of await database.employees.where('status').equals('inactive').primaryKeys()) known.delete(id);
    await database.timeOffBuckets.clear();
    await database.timeOffBuckets.bulkPut(bucketTimeOffs(collected.filter((t) => known.has(t.employeeId))));
  });
}

/**
 * Approved absences with days that exist. One whose start or end is not a real day is dropped:
 * compared as a string against today, "zzzz" as its end would keep someone away for good.
 */
export function timeOffsFromPage(page: TimeOffsPage): TimeOff[] {
  return page.data
    .filter((t) => (t.attributes.status ?? 'approved') === 'approved')
    .flatMap((t) => {
      const a = t.attributes;
      const startDate = calendarDate(a.start_date);
      const endDate = calendarDate(a.end_date);
      if (!startDate || !endDate) return [];
      const type = a.time_off_type?.attributes;
      return {
        id: a.id,
        employeeId: a.employee.attributes.id.value,
        startDate,
        endDate,
        ...(a.half_day_start ? { halfDayStart: true } : {}),
        ...(a.half_day_end ? { halfDayEnd: true } : {}),
        ...(type?.name ? { typeName: cutText(type.name, PERSONIO_TEXT_LIMITS.text) } : {}),
        ...(type?.category ? { category: cutText(type.category, PERSONIO_TEXT_LIMITS.text) } : {}),
      };
    });
}
