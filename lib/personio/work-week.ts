import { minutesOf, type HolidayRegion, type WorkWeek } from '../working-days';
import { cutText } from '../text';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

function attributesOf(wrapped: unknown): Record<string, unknown> | undefined {
  const value = (wrapped as { value?: unknown } | null | undefined)?.value;
  const attributes = (value as { attributes?: unknown } | null | undefined)?.attributes;
  return attributes && typeof attributes === 'object' ? (attributes as Record<string, unknown>) : undefined;
}

/**
 * Personio's `work_schedule` ("08:00" per weekday) as minutes per weekday. A day Personio
 * leaves out or writes oddly counts as not worked; a schedule with no readable day is none.
 */
export function workWeekOf(workSchedule: unknown): WorkWeek | undefined {
  const a = attributesOf(workSchedule);
  if (!a) return undefined;
  const minutes = WEEKDAYS.map((d) => minutesOf(a[d]));
  if (minutes.every((m) => m === undefined)) return undefined;
  return minutes.map((m) => m ?? 0) as unknown as WorkWeek;
}

/** Personio's `holiday_calendar` as the country and state its public holidays follow. */
export function holidayRegionOf(holidayCalendar: unknown): HolidayRegion | undefined {
  const a = attributesOf(holidayCalendar);
  const country = typeof a?.country === 'string' ? a.country.trim().toUpperCase() : '';
  if (!/^[A-Z]{2}$/.test(country)) return undefined;
  const state = typeof a?.state === 'string' ? cutText(a.state.trim(), 80) : undefined;
  return state ? { country, state } : { country };
}
