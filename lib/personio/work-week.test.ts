import { describe, expect, it } from 'vitest';
import { defaultFieldSettings, storedFields } from '../fields';
import { mapEmployee } from './map';
import { rawEmployeeSchema } from './schema';
import { holidayRegionOf, workWeekOf } from './work-week';

const attr = (value: unknown) => ({ label: 'x', value, type: 'standard', universal_id: null });
const schedule = (days: Record<string, string>) => attr({ type: 'WorkSchedule', attributes: { id: 97188, name: 'Part-time', valid_from: null, ...days } });
const calendar = (country: unknown, state: unknown) => attr({ type: 'HolidayCalendar', attributes: { id: 2, name: 'Feiertage', country, state } });

describe('work schedule and holiday calendar', () => {
  it('reads hours per weekday, Monday first; a missing or odd day is not worked', () => {
    expect(workWeekOf(schedule({ monday: '08:00', tuesday: '08:00', wednesday: '04:00', thursday: '00:00', friday: 'n/a' }))).toEqual([480, 480, 240, 0, 0, 0, 0]);
    expect(workWeekOf(schedule({}))).toBeUndefined();
    expect(workWeekOf(attr(null))).toBeUndefined();
    expect(workWeekOf(undefined)).toBeUndefined();
  });

  it('reads the country and state of the holiday calendar', () => {
    expect(holidayRegionOf(calendar('DE', 'Bayern'))).toEqual({ country: 'DE', state: 'Bayern' });
    expect(holidayRegionOf(calendar('de', null))).toEqual({ country: 'DE' });
    expect(holidayRegionOf(calendar('Germany', 'Bayern'))).toBeUndefined();
    expect(holidayRegionOf(attr(null))).toBeUndefined();
  });

  it('is stored with "Away now" and only then', () => {
    const raw = rawEmployeeSchema.parse({
      attributes: {
        id: attr(7),
        email: attr('a@acme.example'),
        work_schedule: schedule({ monday: '08:00', tuesday: '08:00', wednesday: '08:00', thursday: '08:00', friday: '08:00', saturday: '00:00', sunday: '00:00' }),
        holiday_calendar: calendar('DE', 'Berlin'),
      },
    });
    const withAbsence = mapEmployee(raw, { stored: storedFields(defaultFieldSettings()) });
    expect(withAbsence).toMatchObject({ workWeek: [480, 480, 480, 480, 480, 0, 0], holidayRegion: { country: 'DE', state: 'Berlin' } });
    const without = mapEmployee(raw, { stored: storedFields(defaultFieldSettings().map((f) => (f.key === 'absence' ? { ...f, store: false } : f))) });
    expect(without).not.toHaveProperty('workWeek');
    expect(without).not.toHaveProperty('holidayRegion');
  });
});
