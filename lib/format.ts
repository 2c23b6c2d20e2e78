import { localeOf, translator, type Lang } from './i18n';

/**
 * Pure formatting for the UI, in the UI language.
 *
 * Calendar dates (`YYYY-MM-DD`: hire dates, absences) are formatted in UTC, so a date never
 * shifts by a day whatever the agent's time zone. Instants (milliseconds: sync times,
 * "as of") are formatted in the agent's local time. Malformed dates are returned as they
 * came rather than throwing: employee data is not ours.
 */

/** A calendar date as `YYYY-MM-DD`. */
export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC midnight of a calendar date, or undefined when it is not a real `YYYY-MM-DD` date. */
export function parseDay(day: Day): Date | undefined {
  const m = DAY.exec(day);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Rejects 2026-02-31 and years Date.UTC would remap (0000–0099).
  return date.toISOString().slice(0, 10) === day ? date : undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(lang), options);
    formatters.set(id, f);
  }
  return f;
}

const UTC_DAY_MONTH = { timeZone: 'UTC', day: 'numeric', month: 'short' } as const;
const UTC_FULL = { ...UTC_DAY_MONTH, year: 'numeric' } as const;

/** "31 Dec 2026" / "31. Dez. 2026". */
export function formatDate(day: Day, lang: Lang): string {
  const d = parseDay(day);
  return d ? dateFormat(lang, UTC_FULL).format(d) : day;
}

/** "31 Dec" / "31. Dez." */
export function formatShortDate(day: Day, lang: Lang): string {
  const d = parseDay(day);
  return d ? dateFormat(lang, UTC_DAY_MONTH).format(d) : day;
}

/** The short form in `today`'s year, the full form in any other: "31 Dec" / "31 Mar 2027". */
export function formatDateNear(day: Day, today: Day, lang: Lang): string {
  return day.slice(0, 4) === today.slice(0, 4) ? formatShortDate(day, lang) : formatDate(day, lang);
}

/** "Fri 27 Nov" / "Fr., 27. Nov.", with the year when it differs from `today`'s. */
export function formatWeekdayDate(day: Day, lang: Lang, today?: Day): string {
  const d = parseDay(day);
  if (!d) return day;
  const withYear = today !== undefined && day.slice(0, 4) !== today.slice(0, 4);
  return dateFormat(lang, { ...(withYear ? UTC_FULL : UTC_DAY_MONTH), weekday: 'short' }).format(d);
}

/** "3 – 5 Dec" / "3.–5. Dez."; one day as "3 Dec"; the year when the range leaves `today`'s year. */
export function formatDateRange(from: Day, until: Day, lang: Lang, today?: Day): string {
  const a = parseDay(from);
  const b = parseDay(until);
  if (!a || !b || b < a) return until === from ? from : `${from} – ${until}`;
  const year = today?.slice(0, 4);
  const withYear = year !== undefined && (from.slice(0, 4) !== year || until.slice(0, 4) !== year);
  return dateFormat(lang, withYear ? UTC_FULL : UTC_DAY_MONTH).formatRange(a, b);
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** Whole months from `from` to `to` (a month is complete on the same day of the month, or the month's last day). */
function wholeMonths(from: Date, to: Date): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  const anchor = Math.min(from.getUTCDate(), daysInMonth(to.getUTCFullYear(), to.getUTCMonth()));
  return to.getUTCDate() < anchor ? months - 1 : months;
}

/** Time with the company: "3 years, 2 months" / "3 Jahre, 2 Monate", "less than a month", "starts on 1 Feb 2027". */
export function tenure(hireDate: Day, today: Day, lang: Lang): string {
  const t = translator(lang);
  const hired = parseDay(hireDate);
  const now = parseDay(today);
  if (!hired || !now) return '';
  if (hired > now) return t('tenureStartsOn', { date: formatDate(hireDate, lang) });
  const months = wholeMonths(hired, now);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const y = years ? t('tenureYears', { count: years }) : '';
  const m = rest ? t('tenureMonths', { count: rest }) : '';
  if (y && m) return t('tenureJoin', { years: y, months: m });
  return y || m || t('tenureLessThanMonth');
}

const relativeFormats = new Map<Lang, Intl.RelativeTimeFormat>();

/** "3 minutes ago" / "vor 3 Minuten", "yesterday" / "gestern", "just now" / "gerade eben". */
export function relativeTime(ms: number, nowMs: number, lang: Lang): string {
  const diff = ms - nowMs;
  const seconds = Math.abs(diff) / 1000;
  if (seconds < 45) return translator(lang)('justNow');
  let rtf = relativeFormats.get(lang);
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(localeOf(lang), { numeric: 'auto' });
    relativeFormats.set(lang, rtf);
  }
  const sign = diff < 0 ? -1 : 1;
  const [value, unit] = unitFor(seconds);
  return rtf.format(sign * value, unit);
}

function unitFor(seconds: number): [number, Intl.RelativeTimeFormatUnit] {
  const minutes = seconds / 60;
  if (minutes < 60) return [Math.max(1, Math.floor(minutes)), 'minute'];
  const hours = minutes / 60;
  if (hours < 24) return [Math.floor(hours), 'hour'];
  const days = hours / 24;
  if (days < 30) return [Math.floor(days), 'day'];
  if (days < 365) return [Math.floor(days / 30), 'month'];
  return [Math.floor(days / 365), 'year'];
}

/** "12.5 days" / "12,5 Tage", "1 day" / "1 Tag". */
export function formatDays(n: number, lang: Lang): string {
  return translator(lang)('days', { count: n });
}

/** Local clock time of an instant: "14:05". */
export function formatTime(ms: number, lang: Lang): string {
  return dateFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** Local date and time of an instant: "31 Dec 2026, 14:05" / "31. Dez. 2026, 14:05". */
export function formatDateTime(ms: number, lang: Lang): string {
  return dateFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** The local calendar date of an instant, as `YYYY-MM-DD`. */
export function localDay(ms: number): Day {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Create, ahead of time, every formatter a person's card uses in `lang`. The first Intl
 * formatter of each kind in a page loads the locale's data, milliseconds each on a slow
 * machine; a panel frame that does this while idle shows its first card without that wait.
 * The formatters stay cached; nothing is returned.
 */
export function prepareFormats(lang: Lang, nowMs: number): void {
  const today = localDay(nowMs);
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  formatDateNear(today, today, lang);
  formatDate(today, lang);
  formatWeekdayDate(today, lang, today);
  formatWeekdayDate(nextYear, lang, today);
  formatDateRange(today, today, lang, today);
  formatDateRange(today, nextYear, lang, today);
  formatTime(nowMs, lang);
  formatDateTime(nowMs, lang);
  relativeTime(nowMs - 3_600_000, nowMs, lang);
  formatDays(1.5, lang);
}
