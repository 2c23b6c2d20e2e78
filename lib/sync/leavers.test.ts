import { describe, expect, it } from 'vitest';
import { SidecardDB } from '../db';
import type { Employee } from '../employee';
import { defaultFieldSettings, storedFields } from '../fields';
import { filterFacts } from '../personio/map';
import { rawEmployeeSchema } from '../personio/schema';
import { defaultSettings } from '../settings';
import { dropExpiredLeavers, keepsLeaverRecords, leaverCutoff, leaverRecord } from './leavers';

const attr = (value: unknown, type = 'standard') => ({ label: 'x', value, type, universal_id: null });
const TODAY = '2026-12-04';

function raw(status: string, terminationDate: string | null, departmentId = 281521) {
  return rawEmployeeSchema.parse({
    attributes: {
      id: attr(2040614, 'integer'),
      first_name: attr('Max'),
      last_name: attr('Mustermann'),
      email: attr('Max.Mustermann@acme.example'),
      status: attr(status),
      position: attr('Accountant'),
      hire_date: attr('2019-03-01T00:00:00+01:00', 'date'),
      termination_date: attr(terminationDate ? `${terminationDate}T00:00:00+02:00` : null, 'date'),
      department: attr({ type: 'Department', attributes: { id: departmentId, name: 'Finance' } }),
      office: attr({ type: 'Office', attributes: { id: 131001, name: 'Munich' } }),
      supervisor: attr({ type: 'Employee', attributes: { id: attr(100001, 'integer'), first_name: attr('Lena'), last_name: attr('Hoffmann') } }),
      profile_picture: attr('https://api.personio.de/v1/company/employees/2040614/profile-picture'),
      work_schedule: attr({ type: 'WorkSchedule', attributes: { monday: '08:00' } }),
      created_at: attr('2019-01-10T09:00:00+01:00', 'date'),
      last_modified_at: attr('2026-08-06T10:00:00+02:00', 'date'),
      dynamic_33401: { label: 'Personalnummer', value: '10482', type: 'standard', universal_id: null },
    },
  });
}

const settings = defaultSettings();
const allFields = storedFields(defaultFieldSettings().map((f) => ({ ...f, store: true })));
const recordOf = (status: string, terminationDate: string | null, s = settings, stored = allFields) => {
  const r = raw(status, terminationDate);
  return leaverRecord(r, filterFacts(r), s, stored, TODAY);
};

describe('leavers', () => {
  it('counts the window back by calendar months', () => {
    expect(leaverCutoff(TODAY, 12)).toBe('2025-12-04');
    expect(leaverCutoff('2026-03-31', 1)).toBe('2026-02-28');
    expect(leaverCutoff('2026-01-15', 2)).toBe('2025-11-15');
  });

  it('keeps only name, email, last position and department, and the termination date', () => {
    const record = recordOf('inactive', '2026-08-05');
    expect(record).toEqual({
      v: 1,
      id: 2040614,
      email: 'max.mustermann@acme.example',
      firstName: 'Max',
      lastName: 'Mustermann',
      nameTokens: expect.any(Array) as unknown as string[],
      status: 'inactive',
      terminationDate: '2026-08-05',
      position: 'Accountant',
      department: { id: 281521, name: 'Finance' },
      departmentId: 281521,
    } satisfies Employee);
  });

  it('keeps position and department only when the admin stores them', () => {
    const nameOnly = storedFields(defaultFieldSettings().map((f) => (f.key === 'position' || f.key === 'department' ? { ...f, store: false } : f)));
    const record = recordOf('inactive', '2026-08-05', settings, nameOnly);
    expect(record).not.toHaveProperty('position');
    expect(record).not.toHaveProperty('department');
    expect(record).toMatchObject({ status: 'inactive', terminationDate: '2026-08-05' });
  });

  it('keeps someone who left on the first day of the window, not the day before', () => {
    expect(recordOf('inactive', '2025-12-04')).not.toBeNull();
    expect(recordOf('inactive', '2025-12-03')).toBeNull();
    expect(recordOf('inactive', null)).toBeNull();
  });

  it('keeps no leaver record for people still employed, when none are wanted, or outside the filters', () => {
    expect(recordOf('active', '2026-08-05')).toBeNull();
    expect(recordOf('inactive', '2026-08-05', { ...settings, leaverMonths: 0 })).toBeNull();
    // Inactive people synced in full: they are not leaver records but ordinary rows.
    const all = { ...settings, filters: { ...settings.filters, statuses: ['onboarding', 'active', 'leave', 'inactive'] as const } };
    expect(keepsLeaverRecords({ ...all, filters: { ...all.filters, statuses: [...all.filters.statuses] } })).toBe(false);
    const otherDepartment = { ...settings, filters: { ...settings.filters, departmentIds: [1] } };
    expect(recordOf('inactive', '2026-08-05', otherDepartment)).toBeNull();
  });
});

describe('dropExpiredLeavers', () => {
  const person = (id: number, status: Employee['status'], terminationDate?: string): Employee => ({
    v: 1, id, email: `p${id}@acme.example`, nameTokens: [], ...(status ? { status } : {}), ...(terminationDate ? { terminationDate } : {}),
  });

  async function seeded() {
    const database = new SidecardDB(`leavers-${Math.random()}`);
    await database.employees.bulkPut([person(1, 'active'), person(2, 'inactive', '2026-08-05'), person(3, 'inactive', '2025-10-01'), person(4, 'active', '2027-01-02')]);
    await database.balances.put({ employeeId: 3, fetchedAt: 1, entries: [{ name: 'Paid vacation', balance: 4 }] });
    return database;
  }
  const ids = async (database: SidecardDB) => (await database.employees.toCollection().primaryKeys()).sort();

  it('removes records past the window, and what was kept about those people', async () => {
    const database = await seeded();
    expect(await database.balances.get(3)).toBeDefined();
    expect(await dropExpiredLeavers(database, settings, TODAY)).toEqual([3]);
    expect(await ids(database)).toEqual([1, 2, 4]);
    expect(await database.balances.get(3)).toBeUndefined();
  });

  it('removes more when the window is shortened, and every leaver when none are kept', async () => {
    const database = await seeded();
    await dropExpiredLeavers(database, { ...settings, leaverMonths: 3 }, TODAY);
    expect(await ids(database)).toEqual([1, 4]);
    const again = await seeded();
    await dropExpiredLeavers(again, { ...settings, leaverMonths: 0 }, TODAY);
    expect(await ids(again)).toEqual([1, 4]);
  });

  it('leaves inactive people alone when the admin syncs them in full', async () => {
    const database = await seeded();
    expect(await dropExpiredLeavers(database, { ...settings, filters: { ...settings.filters, statuses: ['active', 'inactive'] } }, TODAY)).toEqual([]);
    expect(await ids(database)).toEqual([1, 2, 3, 4]);
  });
});
