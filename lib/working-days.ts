/**
 * Which calendar days a person is expected at work: their weekly schedule minus the public
 * holidays of their holiday calendar. Pure; the holidays come in as a predicate so this file
 * stays free of any holiday data (that lives in the background, see lib/holidays.ts).
 */

/** Minutes of work per weekday, Monday first, as Personio's `work_schedule` gives hours per weekday. */
export type WorkWeek = readonly [number, number, number, number, number, number, number];

/** Monday to Friday: what we assume when Personio gives no usable schedule. */
export const MONDAY_TO_FRIDAY: WorkWeek = [480, 480, 480, 480, 480, 0, 0];

/** Personio's `holiday_calendar`: an ISO country code and the state's name, as Personio writes it. */
export interface HolidayRegion {
  country: string;
  state?: string;
}

export interface WorkCalendar {
  isWorkingDay(day: string): boolean;
}

/** Every day counts: the calendar of someone we know nothing about. */
export const EVERY_DAY: WorkCalendar = { isWorkingDay: () => true };

/** Calendar date YYYY-MM-DD plus `n` days. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * The calendar for one schedule and holiday predicate. A schedule with no working day at all
 * is a gap in the data, not a person who never works: it falls back to Monday to Friday.
 */
export function workCalendar(week: WorkWeek | undefined, isHoliday: (day: string) => boolean = () => false): WorkCalendar {
  const days = week && week.some((minutes) => minutes > 0) ? week : MONDAY_TO_FRIDAY;
  return { isWorkingDay: (day) => (days[weekdayIndex(day)] ?? 0) > 0 && !isHoliday(day) };
}

/** "08:00" → 480; anything else (missing, "", "25:99") → undefined. */
export function minutesOf(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 24 * 60 ? minutes : undefined;
}
