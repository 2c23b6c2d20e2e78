/**
 * Deterministic company generator for the Personio simulator. Pure: the same options give the
 * same company (no Math.random, no clock; only `today` anchors the dates). The first eight
 * employees are a fixed cast that fixtures and end-to-end tests refer to by name and email.
 */
import { assignCastHeads, castDrafts } from './cast';
import {
  CAST_SIZE,
  EMAIL_DOMAIN,
  FIRST_EMPLOYEE_ID,
  MAX_EMPLOYEES,
  MIN_EMPLOYEES,
  type Company,
  type CompanyOptions,
  type Gender,
  type SimEmployee,
} from './company-types';
import { complete, generatedDraft, type Context } from './employee-generator';
import { EmailRegistry, emailSlug, pickName } from './names';
import { Rng, hash32 } from './random';
import {
  CUSTOM_ATTRIBUTES,
  DEPARTMENT_DEFS,
  HOLIDAY_CALENDARS,
  OFFICES,
  SUBCOMPANIES,
  TIME_OFF_TYPES,
  WORK_SCHEDULES,
  buildOrg,
  dept,
  office,
  type Org,
} from './reference-data';
import { generateTimeOffs } from './time-off-generator';
import { parseDate } from './time';

// Other modules and tests import all of these from here.
export type {
  Company,
  CompanyLanguage,
  CompanyOptions,
  CustomField,
  EmployeeStatus,
  Gender,
  Localized,
  OrgUnit,
  SimCostCenterShare,
  SimCustomAttribute,
  SimDepartment,
  SimEmployee,
  SimHolidayCalendar,
  SimOffice,
  SimTeam,
  SimTimeOff,
  SimTimeOffType,
  SimWorkSchedule,
} from './company-types';
export { CAST_SIZE, EMAIL_DOMAIN, FIRST_EMPLOYEE_ID, MAX_EMPLOYEES, MIN_EMPLOYEES } from './company-types';
export { EmailRegistry, emailSlug } from './names';
export { Rng, hash32, mulberry32 } from './random';
export { CUSTOM_ATTRIBUTES, TIME_OFF_TYPES, TSHIRT_SIZES } from './reference-data';
export { workingDays } from './time-off-generator';

function checkOptions(options: CompanyOptions): Required<CompanyOptions> {
  const employees = options.employees ?? 200;
  if (!Number.isInteger(employees) || employees < MIN_EMPLOYEES || employees > MAX_EMPLOYEES) {
    throw new RangeError(`employees must be an integer from ${MIN_EMPLOYEES} to ${MAX_EMPLOYEES}, got ${employees}`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  parseDate(today);
  const language = options.language ?? 'en';
  if (language !== 'en' && language !== 'de') throw new RangeError(`language must be 'en' or 'de', got ${String(language)}`);
  return { employees, seed, today, language };
}

/** Generates a company. Deterministic in (employees, seed, today, language). */
export function generateCompany(options: CompanyOptions = {}): Company {
  const { employees: count, seed, today, language } = checkOptions(options);
  const org = buildOrg();
  const ctx: Context = { rng: new Rng(hash32(seed, 0x5eed)), org, today, refMs: parseDate(today), emails: new EmailRegistry() };
  const cast = castDrafts(ctx);
  // Reserve the cast's addresses first: generated people never get them.
  for (const c of cast) ctx.emails.reserve(`${emailSlug(c.firstName)}.${emailSlug(c.lastName)}@${EMAIL_DOMAIN}`);

  const employees: SimEmployee[] = cast.map((draft, i) => complete(ctx, FIRST_EMPLOYEE_ID + i, { ...draft, email: `${emailSlug(draft.firstName)}.${emailSlug(draft.lastName)}@${EMAIL_DOMAIN}` }));
  assignCastHeads(org);
  const leaders = new Map<number, number[]>();
  for (const d of org.departments) leaders.set(d.id, d.headId ? [d.headId] : []);
  const headsToGenerate = DEPARTMENT_DEFS.filter((def) => dept(org, def.name).headId === null);

  for (let id = FIRST_EMPLOYEE_ID + CAST_SIZE, i = 0; id < FIRST_EMPLOYEE_ID + count; id += 1, i += 1) {
    const pendingHead = headsToGenerate[i];
    const { draft, isLeader } = generatedDraft(ctx, leaders, pendingHead);
    const employee = complete(ctx, id, draft);
    employees.push(employee);
    if (pendingHead) dept(org, pendingHead.name).headId = id;
    if (isLeader) leaders.get(draft.departmentId)?.push(id);
  }

  const timeOffs = generateTimeOffs(ctx, employees);
  return {
    name: 'Acme',
    seed,
    today,
    language,
    employees,
    byId: new Map(employees.map((e) => [e.id, e])),
    subcompanies: SUBCOMPANIES.map((s) => ({ ...s })),
    offices: OFFICES.map((o) => ({ ...o })),
    departments: org.departments,
    teams: org.teams,
    costCenters: org.costCenters,
    holidayCalendars: HOLIDAY_CALENDARS.map((h) => ({ ...h })),
    workSchedules: WORK_SCHEDULES.map((w) => ({ ...w })),
    timeOffTypes: TIME_OFF_TYPES.map((t) => ({ ...t, name: { ...t.name } })),
    customAttributes: CUSTOM_ATTRIBUTES.map((c) => ({ ...c, label: { ...c.label }, options: [...c.options] })),
    timeOffs,
    nextEmployeeId: FIRST_EMPLOYEE_ID + count,
    nextTimeOffId: 4_000_001 + timeOffs.length,
  };
}

/**
 * A new employee for `addEmployee`: defaults derived from (seed, id), so adding is
 * deterministic too, then the caller's fields on top. Joins Engineering under its head
 * unless told otherwise. Timestamps are set by the caller (the simulator's clock).
 */
export function draftNewEmployee(company: Company, id: number, emails: EmailRegistry, partial: Partial<SimEmployee>): SimEmployee {
  const org: Org = {
    departments: company.departments,
    teams: company.teams,
    costCenters: company.costCenters,
    deptByName: new Map(company.departments.map((d) => [d.name, d])),
    teamsOf: new Map(company.departments.map((d) => [d.id, company.teams.filter((t) => t.departmentId === d.id)])),
  };
  const ctx: Context = { rng: new Rng(hash32(company.seed, id)), org, today: company.today, refMs: parseDate(company.today), emails };
  const department = company.departments.find((d) => d.id === partial.departmentId) ?? dept(org, 'Engineering');
  const gender: Gender = partial.gender ?? (ctx.rng.chance(0.5) ? 'female' : 'male');
  const name = pickName(ctx.rng, false, gender);
  const firstName = partial.firstName ?? name.firstName;
  const lastName = partial.lastName ?? name.lastName;
  const base = complete(ctx, id, {
    firstName,
    lastName,
    gender,
    position: partial.position ?? 'Software Engineer',
    departmentId: department.id,
    teamId: org.teamsOf.get(department.id)?.[0]?.id ?? null,
    officeId: partial.officeId ?? office('Munich').id,
    supervisorId: department.headId,
    status: 'active',
    hireDate: company.today,
    hasPhoto: true,
    ...(partial.email ? { email: partial.email.toLowerCase() } : {}),
  });
  return { ...base, ...partial, id, email: base.email };
}
