import { describe, expect, it } from 'vitest';
import { SidecardDB } from '../db';
import { EMPLOYEE_RECORD_VERSION, type Employee } from '../employee';
import { PERSONIO_TEXT_LIMITS } from '../personio/map';
import type { TimeOffsPage } from '../personio/schema';
import { storeTimeOffs, timeOffsFromPage } from './time-offs';

const page = (typeName: string, start_date = '2026-12-07T00:00:00+01:00', end_date = '2026-12-11T00:00:00+01:00'): TimeOffsPage =>
  ({
    success: true,
    data: [
      {
        type: 'TimeOffPeriod',
        attributes: {
          id: 1,
          status: 'approved',
          start_date,
          end_date,
          employee: { type: 'Employee', attributes: { id: { label: 'ID', value: 7 } } },
          time_off_type: { type: 'TimeOffType', attributes: { id: 3, name: typeName, category: 'paid_vacation' } },
        },
      },
    ],
  }) as unknown as TimeOffsPage;

describe('time-offs from a Personio page', () => {
  it('keeps the type name as Personio writes it', () => {
    expect(timeOffsFromPage(page('Urlaub'))).toEqual([
      { id: 1, employeeId: 7, startDate: '2026-12-07', endDate: '2026-12-11', typeName: 'Urlaub', category: 'paid_vacation' },
    ]);
  });

  it('cuts an absurdly long type name instead of storing and rendering it whole', () => {
    const [timeOff] = timeOffsFromPage(page('x'.repeat(100_000)));
    expect(timeOff?.typeName?.length).toBeLessThanOrEqual(PERSONIO_TEXT_LIMITS.text);
  });

  // Found by lib/personio/parse.property.test.ts: "2024-02-30" was stored as a day.
  it('drops an absence whose start or end is not a real day, rather than keep someone away for good', () => {
    expect(timeOffsFromPage(page('Urlaub', '2024-02-30', '2024-02-30'))).toEqual([]);
    expect(timeOffsFromPage(page('Urlaub', '2026-12-07', 'zzzz'))).toEqual([]);
    expect(timeOffsFromPage(page('Urlaub', '', '2026-12-11'))).toEqual([]);
  });
});

describe('storing time-offs', () => {
  it('keeps the absences of stored people only, not of someone who left or is not stored, and replaces the last ones', async () => {
    const database = new SidecardDB(`time-offs-${Math.random()}`);
    const person = (id: number, status: 'active' | 'inactive'): Employee => ({ v: EMPLOYEE_RECORD_VERSION, id, email: `p${id}@acme.example`, status, nameTokens: [] });
    await database.employees.bulkPut([person(1, 'active'), person(2, 'inactive'), person(4, 'active')]);
    const absence = (id: number, employeeId: number) => ({ id, employeeId, startDate: '2026-12-07', endDate: '2026-12-11' });
    await storeTimeOffs(database, [absence(10, 4)]);
    await storeTimeOffs(database, [absence(1, 1), absence(2, 2), absence(3, 3), absence(5, 1)]);
    const stored = (await database.timeOffBuckets.toArray()).flatMap((b) => b.timeOffs);
    expect(stored.map((t) => t.id).sort()).toEqual([1, 5]);
    await storeTimeOffs(database, []);
    expect((await database.timeOffBuckets.toArray()).flatMap((b) => b.timeOffs)).toEqual([]);
    database.close();
  });
});
