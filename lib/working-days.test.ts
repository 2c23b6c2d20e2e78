import { describe, expect, it } from 'vitest';
import { addDays, MONDAY_TO_FRIDAY, minutesOf, weekdayIndex, workCalendar } from './working-days';

describe('working days', () => {
  it('counts weekdays from Monday', () => {
    expect(weekdayIndex('2026-12-07')).toBe(0); // Monday
    expect(weekdayIndex('2026-12-06')).toBe(6); // Sunday
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('works on the days the schedule has hours, and not on holidays', () => {
    const calendar = workCalendar([480, 0, 480, 0, 0, 0, 0], (day) => day === '2026-12-09');
    expect(calendar.isWorkingDay('2026-12-07')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2026-12-08')).toBe(false); // Tuesday: no hours
    expect(calendar.isWorkingDay('2026-12-09')).toBe(false); // Wednesday, but a holiday
  });

  it('reads a schedule with no hours at all as Monday to Friday, not as never at work', () => {
    const calendar = workCalendar([0, 0, 0, 0, 0, 0, 0]);
    expect(['2026-12-07', '2026-12-11', '2026-12-12'].map((d) => calendar.isWorkingDay(d))).toEqual([true, true, false]);
    expect(workCalendar(undefined).isWorkingDay('2026-12-13')).toBe(false);
    expect(MONDAY_TO_FRIDAY.filter((m) => m > 0)).toHaveLength(5);
  });

  it('reads Personio hour strings', () => {
    expect(minutesOf('08:00')).toBe(480);
    expect(minutesOf(' 6:24 ')).toBe(384);
    expect(minutesOf('00:00')).toBe(0);
    expect([minutesOf('25:00'), minutesOf('08:60'), minutesOf(''), minutesOf(8), minutesOf(null)]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
