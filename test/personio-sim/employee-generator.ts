/**
 * Generates employees: a draft (name, department, office, supervisor, status and its dates) is
 * drawn from the seeded stream, then completed with everything else an employee record holds.
 */
import { FIRST_EMPLOYEE_ID, type EmployeeStatus, type Gender, type SimCostCenterShare, type SimEmployee } from './company-types';
import { pickName, type EmailRegistry } from './names';
import type { Rng } from './random';
import {
  DEPARTMENT_WEIGHTS,
  HOURS_DE,
  HOURS_UK,
  LTD,
  OFFICE_WEIGHTS,
  OFFICES,
  PHONE_PREFIX,
  STATUS_WEIGHTS,
  TERMINATIONS,
  TSHIRT_WEIGHTS,
  dept,
  office,
  scheduleFor,
  type DepartmentDef,
  type Org,
} from './reference-data';
import { DAY_MS, addDays, berlinWallTime } from './time';

function salaryFor(position: string, rng: Rng, hours: number, currency: 'EUR' | 'GBP'): number {
  const base = /Chief/.test(position)
    ? 16_000
    : /^(Head|VP)|General Counsel/.test(position)
      ? 11_000
      : /Manager|Lead|Staff/.test(position)
        ? 7_500
        : /Senior/.test(position)
          ? 6_500
          : /Assistant|Representative|Student|Coordinator/.test(position)
            ? 3_600
            : 4_800;
  const amount = base * (0.85 + rng.float() * 0.3) * (hours / 40) * (currency === 'GBP' ? 0.86 : 1);
  return Math.round(amount / 50) * 50;
}

export interface Context {
  rng: Rng;
  org: Org;
  today: string;
  /** 00:00 UTC of `today`: every generated timestamp lies before it. */
  refMs: number;
  emails: EmailRegistry;
}

/** A timestamp at a working-hours time of day on `date`, never at or after `refMs`. */
export function stampOn(ctx: Context, date: string): number {
  const ms = berlinWallTime(date, ctx.rng.int(8, 18), ctx.rng.int(0, 59), ctx.rng.int(0, 59));
  return Math.min(ms, ctx.refMs - ctx.rng.int(60, 3600) * 1000);
}

export interface Draft {
  firstName: string;
  lastName: string;
  gender: Gender;
  position: string;
  departmentId: number;
  teamId: number | null;
  officeId: number;
  supervisorId: number | null;
  status: EmployeeStatus;
  hireDate: string;
  terminationDate?: string | null;
  terminationType?: string;
  terminationReason?: string;
  hasPhoto: boolean;
  weeklyHours?: number;
  employmentType?: 'internal' | 'external';
  email?: string;
  createdOn?: string | undefined;
}

/** Completes a draft into an employee: dates, salary, references and custom attributes. */
export function complete(ctx: Context, id: number, d: Draft): SimEmployee {
  const { rng, org, today } = ctx;
  const off = OFFICES.find((o) => o.id === d.officeId) ?? OFFICES[0]!;
  const uk = off.subcompanyId === LTD;
  const currency = uk ? 'GBP' : 'EUR';
  const hours = d.weeklyHours ?? (uk ? 37.5 : 40);
  const employmentType = d.employmentType ?? 'internal';
  const department = org.departments.find((x) => x.id === d.departmentId) ?? org.departments[0]!;
  const email = d.email ?? ctx.emails.allocate(d.firstName, d.lastName);
  if (d.email) ctx.emails.reserve(d.email);

  const createdOn = d.createdOn ?? addDays(d.hireDate, -rng.int(7, 60));
  const createdAt = stampOn(ctx, createdOn < today ? createdOn : addDays(today, -1));
  // last_modified_at: somewhere in the past year, not before creation.
  const yearAgo = ctx.refMs - 365 * DAY_MS;
  const from = Math.max(createdAt, yearAgo);
  const lastModifiedAt = Math.floor((from + rng.float() * (ctx.refMs - 60_000 - from)) / 1000) * 1000;

  const terminationDate = d.terminationDate ?? null;
  const [terminationType, terminationReason] = terminationDate
    ? [d.terminationType ?? rng.pick(TERMINATIONS)[0], d.terminationReason ?? rng.pick(TERMINATIONS)[1]]
    : ['', ''];
  const contractEndDate =
    employmentType === 'external' ? addDays(d.hireDate, rng.pick([365, 548, 730])) : rng.chance(0.04) ? addDays(d.hireDate, 730) : null;
  const ageYears = rng.int(22, 63);
  const birthday = rng.chance(0.05) ? null : `${Number(today.slice(0, 4)) - ageYears}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const costCenters: SimCostCenterShare[] = rng.chance(0.03)
    ? []
    : rng.chance(0.1)
      ? [
          { id: department.costCenterId, percentage: 80 },
          { id: rng.pick(org.costCenters.filter((c) => c.id !== department.costCenterId)).id, percentage: 20 },
        ]
      : [{ id: department.costCenterId, percentage: 100 }];

  return {
    id,
    firstName: d.firstName,
    lastName: d.lastName,
    preferredName: `${d.firstName} ${d.lastName}`,
    email,
    gender: d.gender,
    status: d.status,
    position: d.position,
    supervisorId: d.supervisorId,
    employmentType,
    weeklyHours: hours,
    hireDate: d.hireDate,
    contractEndDate,
    terminationDate,
    terminationType,
    terminationReason,
    probationPeriodEnd: addDays(d.hireDate, uk ? 91 : 182),
    lastWorkingDay: terminationDate,
    createdAt,
    lastModifiedAt: Math.max(lastModifiedAt, createdAt),
    subcompanyId: off.subcompanyId,
    officeId: off.id,
    departmentId: department.id,
    teamId: d.teamId,
    costCenters,
    holidayCalendarId: off.holidayCalendarId,
    workScheduleId: scheduleFor(hours).id,
    vacationEntitlement: uk ? 25 : rng.pick([28, 30, 30]),
    fixSalary: employmentType === 'external' ? 0 : salaryFor(d.position, rng, hours, currency),
    currency,
    fixSalaryInterval: employmentType === 'external' ? '' : 'monthly',
    hourlySalary: employmentType === 'external' ? rng.int(70, 130) : 0,
    hasPhoto: d.hasPhoto,
    personnelNumber: String(id - 90_000),
    birthday,
    tshirtSize: rng.chance(0.1) ? null : rng.weighted(TSHIRT_WEIGHTS),
    workPhone: rng.chance(0.15) ? null : `${PHONE_PREFIX[off.id] ?? '+49 89 2154'} ${rng.int(100, 999)}`,
  };
}

function statusDates(rng: Rng, today: string, status: EmployeeStatus): Pick<Draft, 'hireDate' | 'terminationDate' | 'createdOn'> {
  switch (status) {
    case 'onboarding': {
      const hireDate = addDays(today, rng.int(1, 60));
      return { hireDate, createdOn: addDays(today, -rng.int(3, 45)) };
    }
    case 'inactive': {
      const terminationDate = addDays(today, -rng.int(1, 1100));
      return { hireDate: addDays(terminationDate, -rng.int(120, 2500)), terminationDate };
    }
    case 'leave':
      return { hireDate: addDays(today, -rng.int(300, 3000)) };
    case 'active': {
      const hireDate = addDays(today, -rng.int(1, 3000));
      // Some active employees are leaving soon: termination date ahead.
      return rng.chance(0.03) ? { hireDate, terminationDate: addDays(today, rng.int(5, 90)) } : { hireDate };
    }
  }
}

export function generatedDraft(ctx: Context, leaders: Map<number, number[]>, pendingHead: DepartmentDef | undefined): { draft: Draft; isLeader: boolean } {
  const { rng, org, today } = ctx;
  if (pendingHead) {
    const department = dept(org, pendingHead.name);
    const off = pendingHead.name === 'Sales' ? office('London') : rng.weighted(OFFICE_WEIGHTS.filter(([o]) => o.name !== 'Remote' && o.name !== 'London'));
    const gender: Gender = rng.chance(0.5) ? 'female' : 'male';
    return {
      draft: {
        ...pickName(rng, off.name === 'London', gender),
        gender,
        position: pendingHead.headTitle,
        departmentId: department.id,
        teamId: null,
        officeId: off.id,
        supervisorId: FIRST_EMPLOYEE_ID,
        status: 'active',
        hireDate: addDays(today, -rng.int(900, 3200)),
        hasPhoto: true,
      },
      isLeader: true,
    };
  }
  const def = rng.weighted(DEPARTMENT_WEIGHTS);
  const department = dept(org, def.name);
  const off = rng.weighted(OFFICE_WEIGHTS);
  const gender: Gender = rng.chance(0.02) ? 'diverse' : rng.chance(0.5) ? 'female' : 'male';
  const status: EmployeeStatus = rng.weighted(STATUS_WEIGHTS);
  const isManager = def.name !== 'Management' && rng.chance(0.08);
  const position = isManager ? def.managerTitle : rng.weighted(def.positions);
  const pool = leaders.get(department.id) ?? [];
  let supervisorId: number | null;
  if (rng.chance(0.01)) supervisorId = null;
  else if (pool.length === 0) supervisorId = FIRST_EMPLOYEE_ID;
  // Managers report to the head or an earlier manager (biased to the top); others to a
  // manager below the head once there is one, so the head does not collect everyone.
  else if (isManager || pool.length === 1) supervisorId = pool[Math.floor(rng.float() ** 2 * pool.length)]!;
  else supervisorId = pool[1 + Math.floor(rng.float() * (pool.length - 1))]!;
  const teams = org.teamsOf.get(department.id) ?? [];
  const hours = rng.weighted(off.subcompanyId === LTD ? HOURS_UK : HOURS_DE);
  const name = pickName(rng, off.subcompanyId === LTD, gender);
  const dates = statusDates(rng, today, status);
  return {
    draft: {
      firstName: name.firstName,
      lastName: name.lastName,
      gender,
      position,
      departmentId: department.id,
      teamId: teams.length > 0 && !rng.chance(0.05) ? rng.pick(teams).id : null,
      officeId: off.id,
      supervisorId,
      status,
      hireDate: dates.hireDate,
      terminationDate: dates.terminationDate ?? null,
      createdOn: dates.createdOn,
      hasPhoto: !rng.chance(0.15),
      weeklyHours: hours,
      employmentType: rng.chance(0.05) ? 'external' : 'internal',
    },
    isLeader: isManager && (status === 'active' || status === 'leave'),
  };
}
