import { describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateNear, formatDateRange, formatDateTime, formatDays, formatShortDate, formatTime, formatWeekdayDate, localDay, parseDay, relativeTime, tenure } from './format';

/** Intl puts thin and no-break spaces around range dashes; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, ' ');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('dates', () => {
  it('formats a calendar date in both languages', () => {
    expect(formatDate('2026-12-31', 'en')).toBe('31 Dec 2026');
    expect(formatDate('2026-12-31', 'de')).toBe('31. Dez. 2026');
    expect(formatShortDate('2026-12-31', 'en')).toBe('31 Dec');
    expect(formatShortDate('2026-12-31', 'de')).toBe('31. Dez.');
    expect(formatDate('2026-03-01', 'de')).toBe('1. März 2026');
  });

  it('never shifts a date: the first and last of a year stay put', () => {
    expect(formatDate('2026-01-01', 'en')).toBe('1 Jan 2026');
    expect(formatDate('2025-12-31', 'en')).toBe('31 Dec 2025');
  });

  it('returns malformed dates unchanged instead of throwing', () => {
    expect(formatDate('2026-02-31', 'en')).toBe('2026-02-31');
    expect(formatDate('<b>x</b>', 'de')).toBe('<b>x</b>');
    expect(formatShortDate('', 'en')).toBe('');
    expect(parseDay('2026-13-01')).toBeUndefined();
    expect(parseDay('0099-01-01')).toBeUndefined();
    expect(parseDay('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('adds the year only outside the current one', () => {
    expect(formatDateNear('2026-12-31', '2026-06-01', 'en')).toBe('31 Dec');
    expect(formatDateNear('2027-03-31', '2026-06-01', 'en')).toBe('31 Mar 2027');
  });

  it('formats weekdays', () => {
    expect(formatWeekdayDate('2026-11-27', 'en')).toBe('Fri 27 Nov');
    expect(formatWeekdayDate('2026-11-30', 'de')).toBe('Mo., 30. Nov.');
    expect(formatWeekdayDate('2027-01-04', 'en', '2026-12-20')).toMatch(/^Mon,? 4 Jan 2027$/);
  });

  it('formats ranges', () => {
    expect(plain(formatDateRange('2026-12-03', '2026-12-05', 'en'))).toBe('3 – 5 Dec');
    expect(plain(formatDateRange('2026-12-03', '2026-12-05', 'de'))).toBe('3.–5. Dez.');
    expect(plain(formatDateRange('2026-12-03', '2026-12-03', 'en'))).toBe('3 Dec');
    expect(plain(formatDateRange('2026-11-30', '2026-12-02', 'en'))).toBe('30 Nov – 2 Dec');
    expect(plain(formatDateRange('2026-12-30', '2027-01-02', 'en', '2026-12-20'))).toBe('30 Dec 2026 – 2 Jan 2027');
    expect(formatDateRange('bad', '2027-01-02', 'en')).toBe('bad – 2027-01-02');
  });
});

describe('tenure', () => {
  it('counts whole years and months', () => {
    expect(tenure('2022-09-15', '2025-11-20', 'en')).toBe('3 years, 2 months');
    expect(tenure('2022-09-15', '2025-11-20', 'de')).toBe('3 Jahre, 2 Monate');
    expect(tenure('2022-09-15', '2025-11-14', 'en')).toBe('3 years, 1 month');
    expect(tenure('2024-11-20', '2025-11-20', 'en')).toBe('1 year');
    expect(tenure('2024-11-20', '2025-12-20', 'de')).toBe('1 Jahr, 1 Monat');
    expect(tenure('2025-09-01', '2025-11-20', 'en')).toBe('2 months');
  });

  it('says less than a month for new joiners, including on the first day', () => {
    expect(tenure('2025-11-01', '2025-11-20', 'en')).toBe('less than a month');
    expect(tenure('2025-11-20', '2025-11-20', 'de')).toBe('weniger als ein Monat');
  });

  it('completes a month at the end of a shorter month', () => {
    expect(tenure('2025-01-31', '2025-02-28', 'en')).toBe('1 month');
    expect(tenure('2025-01-31', '2025-02-27', 'en')).toBe('less than a month');
    expect(tenure('2024-02-29', '2025-02-28', 'en')).toBe('1 year');
  });

  it('announces a future start', () => {
    expect(tenure('2027-02-01', '2026-12-31', 'en')).toBe('starts on 1 Feb 2027');
    expect(tenure('2027-02-01', '2026-12-31', 'de')).toBe('beginnt am 1. Feb. 2027');
  });

  it('is empty for malformed dates', () => {
    expect(tenure('soon', '2026-12-31', 'en')).toBe('');
  });
});

describe('relativeTime', () => {
  const now = Date.UTC(2026, 5, 1, 12, 0, 0);
  it('says how long ago, in both languages', () => {
    expect(relativeTime(now - 3 * MIN, now, 'en')).toBe('3 minutes ago');
    expect(relativeTime(now - 3 * MIN, now, 'de')).toBe('vor 3 Minuten');
    expect(relativeTime(now - 3 * MIN - 59_000, now, 'en')).toBe('3 minutes ago');
    expect(relativeTime(now - 1 * MIN, now, 'en')).toBe('1 minute ago');
    expect(relativeTime(now - 2 * HOUR, now, 'en')).toBe('2 hours ago');
    expect(relativeTime(now - 2 * HOUR, now, 'de')).toBe('vor 2 Stunden');
    expect(relativeTime(now - 1 * DAY, now, 'en')).toBe('yesterday');
    expect(relativeTime(now - 1 * DAY, now, 'de')).toBe('gestern');
    expect(relativeTime(now - 5 * DAY, now, 'en')).toBe('5 days ago');
    expect(relativeTime(now - 65 * DAY, now, 'en')).toBe('2 months ago');
    expect(relativeTime(now - 800 * DAY, now, 'en')).toBe('2 years ago');
  });

  it('says just now for the last seconds and small clock skew', () => {
    expect(relativeTime(now - 10_000, now, 'en')).toBe('just now');
    expect(relativeTime(now + 10_000, now, 'de')).toBe('gerade eben');
  });

  it('handles the future', () => {
    expect(relativeTime(now + 5 * MIN, now, 'en')).toBe('in 5 minutes');
  });
});

describe('numbers and instants', () => {
  it('formats days', () => {
    expect(formatDays(12.5, 'en')).toBe('12.5 days');
    expect(formatDays(12.5, 'de')).toBe('12,5 Tage');
    expect(formatDays(1, 'en')).toBe('1 day');
    expect(formatDays(1, 'de')).toBe('1 Tag');
    expect(formatDays(0, 'de')).toBe('0 Tage');
    expect(formatDays(-2, 'en')).toBe('-2 days');
    expect(formatDays(1 / 3, 'en')).toBe('0.33 days');
  });

  it('formats local times', () => {
    const ms = new Date(2026, 11, 31, 14, 5).getTime();
    expect(formatTime(ms, 'en')).toBe('14:05');
    expect(formatTime(ms, 'de')).toBe('14:05');
    expect(formatDateTime(ms, 'en')).toBe('31 Dec 2026, 14:05');
    expect(formatDateTime(ms, 'de')).toBe('31. Dez. 2026, 14:05');
    expect(localDay(ms)).toBe('2026-12-31');
  });
});

describe('formats prepared ahead of the first card', () => {
  it('leave nothing for a card to create: no Intl formatter is made while the card formats', async () => {
    vi.resetModules();
    const format = await import('./format');
    const made: string[] = [];
    const kinds = ['DateTimeFormat', 'RelativeTimeFormat', 'NumberFormat', 'PluralRules'] as const;
    const originals = kinds.map((kind) => Intl[kind]);
    kinds.forEach((kind, i) => {
      const Original = originals[i] as unknown as new (...args: unknown[]) => object;
      (Intl as Record<string, unknown>)[kind] = class extends Original {
        constructor(...args: unknown[]) {
          super(...args);
          made.push(kind);
        }
      };
    });
    try {
      const now = Date.UTC(2026, 11, 4, 10);
      format.prepareFormats('de', now);
      expect(made.length).toBeGreaterThan(0);
      made.length = 0;
      // What a card and its banners format: dates near and far, an absence, tenure, the balance's time.
      format.formatDateNear('2026-12-24', '2026-12-04', 'de');
      format.formatDate('2019-03-01', 'de');
      format.formatWeekdayDate('2026-12-07', 'de', '2026-12-04');
      format.formatWeekdayDate('2027-01-04', 'de', '2026-12-04');
      format.formatDateRange('2026-12-21', '2026-12-23', 'de', '2026-12-04');
      format.formatDateRange('2026-12-28', '2027-01-04', 'de', '2026-12-04');
      format.tenure('2019-03-01', '2026-12-04', 'de');
      format.formatTime(now, 'de');
      format.formatDateTime(now - 2 * DAY, 'de');
      format.relativeTime(now - 5 * MIN, now, 'de');
      format.formatDays(12.5, 'de');
      expect(made).toEqual([]);
    } finally {
      kinds.forEach((kind, i) => ((Intl as Record<string, unknown>)[kind] = originals[i]));
    }
  });
});
