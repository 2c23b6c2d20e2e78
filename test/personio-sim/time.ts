/**
 * Date helpers for the simulator. The simulated company sits in Germany, so timestamps are
 * rendered in Europe/Berlin time with an explicit offset ("2021-02-10T09:12:44+01:00"), as
 * Personio does. The DST rule is computed by hand (EU rule: summer time from the last Sunday
 * of March, 01:00 UTC, to the last Sunday of October, 01:00 UTC) so rendering 50,000 employees
 * does not go through Intl and stays deterministic on any machine time zone.
 */

export const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Parsing and formatting dates dominates generating 50,000 employees; both are memoised
// (a company spans a few thousand distinct days).
const parsed = new Map<string, number>();
const formatted = new Map<number, string>();

/** 'YYYY-MM-DD' → epoch ms of that day's 00:00 UTC. Throws on anything else. */
export function parseDate(date: string): number {
  const known = parsed.get(date);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: ${date}`);
  if (parsed.size > 100_000) parsed.clear();
  parsed.set(date, ms);
  return ms;
}

/** Epoch ms → 'YYYY-MM-DD' (UTC calendar day). */
export function formatDate(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let text = formatted.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (formatted.size > 100_000) formatted.clear();
    formatted.set(day, text);
  }
  return text;
}

export function addDays(date: string, days: number): string {
  return formatDate(parseDate(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDate(b) - parseDate(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(parseDate(date)).getUTCDay();
}

const switchCache = new Map<number, { start: number; end: number }>();

/** Epoch ms (UTC) at which summer time starts and ends in `year` (EU rule). */
function summerTime(year: number): { start: number; end: number } {
  let cached = switchCache.get(year);
  if (!cached) {
    const lastSunday = (month: number) => {
      const last = Date.UTC(year, month + 1, 0); // day 0 of the next month = last day of this one
      return last - new Date(last).getUTCDay() * DAY_MS;
    };
    cached = { start: lastSunday(2) + 3_600_000, end: lastSunday(9) + 3_600_000 };
    switchCache.set(year, cached);
  }
  return cached;
}

/** Europe/Berlin offset from UTC in minutes at the instant `ms`: 60 or 120. */
export function berlinOffsetMinutes(ms: number): number {
  const { start, end } = summerTime(new Date(ms).getUTCFullYear());
  return ms >= start && ms < end ? 120 : 60;
}

function offsetSuffix(minutes: number): string {
  const h = String(Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return `+${h}:${m}`;
}

/** Epoch ms → '2021-02-10T09:12:44+01:00' (Berlin wall time, whole seconds). */
export function formatTimestamp(ms: number): string {
  const offset = berlinOffsetMinutes(ms);
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${offsetSuffix(offset)}`;
}

/** 'YYYY-MM-DD' → '2021-03-01T00:00:00+01:00', the form Personio uses for date attributes. */
export function formatDateAttribute(date: string): string {
  // Berlin midnight of that day: the offset in force at 23:00 UTC the day before is the right
  // one on both switch days (the switch happens at 01:00 UTC, after local midnight).
  return `${date}T00:00:00${offsetSuffix(berlinOffsetMinutes(parseDate(date) - 3_600_000))}`;
}

/** Epoch ms of Berlin local wall time `date` `hh:mm:ss`. */
export function berlinWallTime(date: string, hours: number, minutes: number, seconds: number): number {
  const naive = parseDate(date) + ((hours * 60 + minutes) * 60 + seconds) * 1000;
  // Use the offset in force an hour before, which is right except inside the switch hour itself.
  return naive - berlinOffsetMinutes(naive - 3 * 3_600_000) * 60_000;
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses `updated_since`: `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm[:ss]`, optionally with `Z` or an
 * offset. Personio does not say which zone an offset-less value is in; the simulator reads it
 * as UTC (which is what `Date.toISOString().slice(0, 19)` produces). Returns null when invalid.
 */
export function parseTimestamp(value: string): number | null {
  const m = TIMESTAMP.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  const base = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(base) || formatDate(Date.UTC(Number(y), Number(mo) - 1, Number(d))) !== `${y}-${mo}-${d}`) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  if (!zone || zone === 'Z') return base;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return base - sign * offset * 60_000;
}
