/** Generates the company's approved time-offs around `today`, counted in working days. */
import { CAST_SIZE, FIRST_EMPLOYEE_ID, type SimEmployee, type SimTimeOff } from './company-types';
import { stampOn, type Context } from './employee-generator';
import { PARENTAL, SICK, VACATION } from './reference-data';
import { DAY_MS, addDays, parseDate } from './time';

/** Personio counts days_count in working days (Mon–Fri), half days as 0.5. */
export function workingDays(start: string, end: string, halfDayStart: boolean, halfDayEnd: boolean): number {
  const first = parseDate(start) / DAY_MS;
  const total = parseDate(end) / DAY_MS - first + 1;
  // Whole weeks have five working days each; walk only the remainder.
  let days = Math.floor(total / 7) * 5;
  const startWeekday = new Date(parseDate(start)).getUTCDay();
  for (let i = 0; i < total % 7; i += 1) {
    const wd = (startWeekday + i) % 7;
    if (wd !== 0 && wd !== 6) days += 1;
  }
  if (halfDayStart) days -= 0.5;
  if (halfDayEnd && end !== start) days -= 0.5;
  return Math.max(days, 0.5);
}

function addTimeOff(list: SimTimeOff[], ctx: Context, employeeId: number, typeId: number, start: string, end: string, half = false): void {
  const { rng } = ctx;
  const halfDayEnd = half && start === end ? false : half && rng.chance(0.5);
  const halfDayStart = half && !halfDayEnd;
  const sick = typeId === SICK;
  const created = stampOn(ctx, sick ? start : addDays(start, -rng.int(5, 60)));
  list.push({
    id: 0, // numbered once all are generated
    employeeId,
    typeId,
    status: 'approved',
    startDate: start,
    endDate: end,
    halfDayStart,
    halfDayEnd,
    daysCount: workingDays(start, end, halfDayStart, halfDayEnd),
    createdAt: created,
    updatedAt: Math.min(created + rng.int(0, 3) * DAY_MS, ctx.refMs - 1000),
    createdBy: sick ? 'API' : 'Jürgen Müller',
  });
}

/**
 * Time-offs around today: some people are away now (back in a few days), some have leave
 * planned within 60 days, some were away last week; everyone on "leave" is on parental leave.
 */
export function generateTimeOffs(ctx: Context, employees: SimEmployee[]): SimTimeOff[] {
  const { rng, today } = ctx;
  const list: SimTimeOff[] = [];
  const at = (days: number) => addDays(today, days);
  // The cast, fixed: Ada is away now, Zoë on parental leave, Lena and Jürgen have leave planned / just had it.
  addTimeOff(list, ctx, 100003, VACATION, at(-1), at(2));
  addTimeOff(list, ctx, 100005, PARENTAL, at(-60), at(120));
  addTimeOff(list, ctx, 100001, VACATION, at(20), at(24));
  addTimeOff(list, ctx, 100002, VACATION, at(-5), at(-3));
  for (const e of employees) {
    if (e.id < FIRST_EMPLOYEE_ID + CAST_SIZE) continue;
    if (e.status === 'leave') {
      addTimeOff(list, ctx, e.id, PARENTAL, at(-rng.int(14, 240)), at(rng.int(14, 300)));
      continue;
    }
    if (e.status !== 'active') continue;
    let busyUntil = -8; // day offsets already covered, so periods of one person never overlap
    if (rng.chance(0.06)) {
      // Away now; back in a few days.
      const start = -rng.int(0, 4);
      const end = rng.int(0, 6);
      addTimeOff(list, ctx, e.id, rng.chance(0.25) ? SICK : VACATION, at(start), at(end));
      busyUntil = end;
    } else if (rng.chance(0.08)) {
      // Away last week.
      const end = -rng.int(1, 7);
      const start = end - rng.int(0, 6);
      addTimeOff(list, ctx, e.id, rng.chance(0.3) ? SICK : VACATION, at(start), at(end), rng.chance(0.1));
      busyUntil = end;
    }
    if (rng.chance(0.2)) {
      // Leave planned within the next 60 days.
      const start = Math.max(busyUntil + 2, rng.int(2, 55));
      const end = Math.min(start + rng.int(0, 10), 60);
      if (start <= end) addTimeOff(list, ctx, e.id, rng.chance(0.9) ? VACATION : 113404, at(start), at(end), rng.chance(0.1));
    }
  }
  list.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.employeeId - b.employeeId);
  list.forEach((t, i) => (t.id = 4_000_001 + i));
  return list;
}
