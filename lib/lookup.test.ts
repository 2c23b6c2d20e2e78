import { beforeEach, describe, expect, it } from 'vitest';
import { SidecardDB } from './db';
import type { Employee } from './employee';
import { holidayTable } from '../scripts/holiday-tables';
import { holidayCalendars } from './public-holidays';
import { MONDAY_TO_FRIDAY, workCalendar } from './working-days';
import { awayStatus, canonicalEmail, directReports, findByEmail, supervisorChain } from './lookup';

const person = (id: number, email: string, extra: Partial<Employee> = {}): Employee => ({ v: 1, id, email, nameTokens: [], ...extra });

let database: SidecardDB;
beforeEach(async () => {
  database = new SidecardDB(`lookup-${Math.random()}`);
  await database.employees.bulkPut([
    person(1, 'lena@acme.example', { firstName: 'Lena' }),
    person(2, 'grace@acme.example', { supervisorId: 1, lastName: 'Hopper' }),
    person(3, 'ada@acme.example', { supervisorId: 2, lastName: 'Lovelace' }),
    person(4, 'tobias@acme.example', { supervisorId: 2, lastName: 'Weiss' }),
    person(5, 'orphan@acme.example', { supervisorId: 99, supervisorName: 'Max Mustermann' }),
  ]);
});

describe('findByEmail', () => {
  it('is case-insensitive and strips plus-addressing', async () => {
    expect((await findByEmail('ADA@acme.example', database))?.id).toBe(3);
    expect((await findByEmail('ada+hr@acme.example', database))?.id).toBe(3);
    expect(await findByEmail('nobody@acme.example', database)).toBeUndefined();
  });
  it('still finds people after the browser closed the connection under it (a suspended worker)', async () => {
    expect((await findByEmail('lena@acme.example', database))?.id).toBe(1);
    database.backendDB().close(); // Dexie still believes it is open: Dexie issue 1805
    expect((await findByEmail('Lena@acme.example', database))?.id).toBe(1);
    expect(database.isOpen()).toBe(true);
  });
  it('canonicalises addresses', () => {
    expect(canonicalEmail(' Ada+HR@Acme.Example ')).toBe('ada@acme.example');
  });
});

describe('org', () => {
  it('walks the supervisor chain to the top', async () => {
    const ada = (await database.employees.get(3))!;
    const { chain, brokenAt } = await supervisorChain(ada, database);
    expect(chain.map((e) => e.id)).toEqual([2, 1]);
    expect(brokenAt).toBeUndefined();
  });
  it('says where a chain breaks instead of stopping silently', async () => {
    const orphan = (await database.employees.get(5))!;
    expect(await supervisorChain(orphan, database)).toEqual({ chain: [], brokenAt: { supervisorId: 99, supervisorName: 'Max Mustermann' } });
  });
  it('lists direct reports', async () => {
    expect((await directReports(2, database)).map((e) => e.id)).toEqual([3, 4]);
  });
});

describe('awayStatus', () => {
  const off = (startDate: string, endDate: string) => ({ id: Math.random(), employeeId: 1, startDate, endDate });
  it('is away today and back the day after the absence', () => {
    expect(awayStatus([off('2026-11-22', '2026-11-25')], '2026-11-23')).toMatchObject({ kind: 'away', until: '2026-11-25', backOn: '2026-11-26' });
  });
  it('joins absences that touch', () => {
    expect(awayStatus([off('2026-11-26', '2026-11-27'), off('2026-11-22', '2026-11-25')], '2026-11-23')).toMatchObject({ backOn: '2026-11-28' });
  });
  it('mentions an absence starting within two weeks', () => {
    expect(awayStatus([off('2026-12-01', '2026-12-03')], '2026-11-23')).toEqual({ kind: 'upcoming', from: '2026-12-01', until: '2026-12-03' });
    expect(awayStatus([off('2027-01-10', '2027-01-12')], '2026-11-23')).toEqual({ kind: 'present' });
  });

  describe('back on a working day', () => {
    const fullTime = workCalendar(MONDAY_TO_FRIDAY);
    const calendars = holidayCalendars(async (country) => holidayTable(country));
    it('skips the weekend: an absence ending on Friday is back on Monday', () => {
      // 2026-12-04 is a Friday.
      expect(awayStatus([off('2026-12-01', '2026-12-04')], '2026-12-02', fullTime)).toMatchObject({ until: '2026-12-04', backOn: '2026-12-07' });
    });
    it('skips a German state holiday: Corpus Christi is a holiday in Bavaria, not in Berlin', async () => {
      // Wednesday 3 June 2026 off; Thursday 4 June is Fronleichnam.
      const bavaria = await calendars.calendarFor(MONDAY_TO_FRIDAY, { country: 'DE', state: 'Bayern' });
      const berlin = await calendars.calendarFor(MONDAY_TO_FRIDAY, { country: 'DE', state: 'Berlin' });
      expect(awayStatus([off('2026-06-01', '2026-06-03')], '2026-06-02', bavaria)).toMatchObject({ backOn: '2026-06-05' });
      expect(awayStatus([off('2026-06-01', '2026-06-03')], '2026-06-02', berlin)).toMatchObject({ backOn: '2026-06-04' });
    });
    it('follows a part-time schedule: someone working Monday to Wednesday is back the next Monday', () => {
      const monToWed = workCalendar([480, 480, 240, 0, 0, 0, 0]);
      // Tuesday 1 December 2026 off: Wednesday is a working day for them.
      expect(awayStatus([off('2026-12-01', '2026-12-01')], '2026-12-01', monToWed)).toMatchObject({ backOn: '2026-12-02' });
      // Wednesday 2 December off: Thursday and Friday are not their days.
      expect(awayStatus([off('2026-12-02', '2026-12-02')], '2026-12-02', monToWed)).toMatchObject({ backOn: '2026-12-07' });
    });
    it('joins two absences with only a weekend between them', () => {
      const status = awayStatus([off('2026-11-30', '2026-12-04'), off('2026-12-07', '2026-12-08')], '2026-12-01', fullTime);
      expect(status).toMatchObject({ until: '2026-12-08', backOn: '2026-12-09' });
    });
    it('spans Christmas and New Year in Bavaria', async () => {
      const bavaria = await calendars.calendarFor(MONDAY_TO_FRIDAY, { country: 'DE', state: 'Bayern' });
      // Off until Thursday 24 Dec 2026; 25 and 26 are holidays, then a weekend.
      expect(awayStatus([off('2026-12-21', '2026-12-24')], '2026-12-22', bavaria)).toMatchObject({ backOn: '2026-12-28' });
      // Off until Wednesday 30 Dec 2026: 31 Dec is a working day (not a public holiday).
      expect(awayStatus([off('2026-12-28', '2026-12-30')], '2026-12-29', bavaria)).toMatchObject({ backOn: '2026-12-31' });
    });
  });
});
