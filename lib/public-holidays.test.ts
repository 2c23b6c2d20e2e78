import { describe, expect, it, vi } from 'vitest';
import { holidayTable } from '../scripts/holiday-tables';
import { holidayCalendars, publicHolidays } from './public-holidays';

const germany = holidayTable('DE');
const uk = holidayTable('GB');

describe('public holidays', () => {
  it('knows a state holiday where it applies and only there', () => {
    expect(publicHolidays(germany, 'Bayern').has('2026-01-06')).toBe(true); // Epiphany
    expect(publicHolidays(germany, 'Berlin').has('2026-01-06')).toBe(false);
    expect(publicHolidays(germany, undefined).has('2026-10-03')).toBe(true); // national
    expect(publicHolidays(germany, 'Berlin').has('2026-10-03')).toBe(true);
  });

  it('places a state written as Personio writes it, by code, or without the library prefix', () => {
    // Reformation Day is a holiday in Hamburg ("Hansestadt Hamburg" in the library).
    expect(publicHolidays(germany, 'Hamburg').has('2026-10-31')).toBe(true);
    expect(publicHolidays(germany, 'HH').has('2026-10-31')).toBe(true);
    expect(publicHolidays(germany, 'bayern').has('2026-06-04')).toBe(true); // Corpus Christi
    // A state it cannot place keeps the national days.
    expect(publicHolidays(germany, 'Atlantis').has('2026-12-25')).toBe(true);
    expect(publicHolidays(germany, 'Atlantis').has('2026-01-06')).toBe(false);
  });

  it("counts the UK's substitute day and not observances", () => {
    expect(publicHolidays(uk, 'England').has('2026-12-28')).toBe(true); // Boxing Day substitute
    expect(publicHolidays(uk, 'England').has('2026-03-15')).toBe(false); // Mother's Day
  });

  it('loads each country once, and falls back to weekdays when a table is missing or fails', async () => {
    const source = vi.fn(async (country: string) => (country === 'DE' ? germany : country === 'FR' ? Promise.reject(new Error('no file')) : undefined));
    const calendars = holidayCalendars(source);
    const bavaria = await calendars.calendarFor(undefined, { country: 'DE', state: 'Bayern' });
    await calendars.calendarFor(undefined, { country: 'de', state: 'Berlin' });
    expect(source).toHaveBeenCalledTimes(1);
    expect(bavaria.isWorkingDay('2026-01-06')).toBe(false);
    for (const country of ['FR', 'XX', 'not a code']) {
      const calendar = await calendars.calendarFor(undefined, { country });
      expect(calendar.isWorkingDay('2026-12-25')).toBe(true); // a Friday
      expect(calendar.isWorkingDay('2026-12-26')).toBe(false); // Saturday
    }
  });
});
