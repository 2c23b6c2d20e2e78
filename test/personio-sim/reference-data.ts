/**
 * The company's fixed reference data: departments with their teams, positions and cost centres,
 * subcompanies, offices, holiday calendars, work schedules, time-off types, custom attributes,
 * the weights the generator draws from, and lookups into the organisation built from them.
 */
import type { OrgUnit, SimCustomAttribute, SimDepartment, SimHolidayCalendar, SimOffice, SimTeam, SimTimeOffType, SimWorkSchedule } from './company-types';

export interface DepartmentDef {
  name: string;
  teams: string[];
  /** Title of the department head, when the head is generated (not one of the cast). */
  headTitle: string;
  managerTitle: string;
  positions: (readonly [string, number])[];
  /** Share of generated employees. */
  weight: number;
}

export const DEPARTMENT_DEFS: DepartmentDef[] = [
  {
    // Tiny weight: the board does not grow with the company (everyone here reports to the CEO).
    name: 'Management', teams: ['Executive Office'], headTitle: 'Chief Executive Officer', managerTitle: 'Chief of Staff', weight: 0.05,
    positions: [['Chief Operating Officer', 1], ['Chief Financial Officer', 1], ['Executive Assistant', 3], ['Chief of Staff', 1]],
  },
  {
    name: 'People & Culture', teams: ['Recruiting', 'People Operations'], headTitle: 'Head of People', managerTitle: 'People Lead', weight: 5,
    positions: [['HR Business Partner', 3], ['Recruiter', 4], ['People Operations Specialist', 3], ['Talent Acquisition Manager', 2], ['Payroll Specialist', 2]],
  },
  {
    name: 'Engineering', teams: ['Platform', 'Frontend', 'Mobile', 'Data'], headTitle: 'VP Engineering', managerTitle: 'Engineering Manager', weight: 30,
    positions: [['Software Engineer', 10], ['Senior Software Engineer', 8], ['Staff Engineer', 2], ['QA Engineer', 3], ['Data Engineer', 3], ['DevOps Engineer', 3], ['Working Student Software Engineering', 1]],
  },
  {
    name: 'IT', teams: ['Workplace IT', 'Security'], headTitle: 'Head of IT', managerTitle: 'IT Team Lead', weight: 6,
    positions: [['IT Support Specialist', 5], ['Systems Administrator', 3], ['Security Engineer', 2]],
  },
  {
    name: 'Sales', teams: ['DACH', 'UK & Ireland', 'Enterprise'], headTitle: 'Head of Sales', managerTitle: 'Sales Manager', weight: 18,
    positions: [['Account Executive', 6], ['Sales Development Representative', 5], ['Senior Account Executive', 3], ['Sales Operations Analyst', 1]],
  },
  {
    name: 'Marketing', teams: ['Brand', 'Growth'], headTitle: 'Head of Marketing', managerTitle: 'Marketing Lead', weight: 8,
    positions: [['Content Marketing Manager', 3], ['Performance Marketing Manager', 3], ['Designer', 2], ['Marketing Coordinator', 2]],
  },
  {
    name: 'Finance', teams: ['Accounting', 'Controlling'], headTitle: 'Head of Finance', managerTitle: 'Finance Manager', weight: 6,
    positions: [['Accountant', 4], ['Controller', 2], ['Financial Analyst', 2], ['Accounts Payable Specialist', 2]],
  },
  {
    name: 'Customer Success', teams: ['Support', 'Onboarding'], headTitle: 'Head of Customer Success', managerTitle: 'Team Lead Customer Success', weight: 15,
    positions: [['Customer Success Manager', 5], ['Support Specialist', 6], ['Implementation Consultant', 3]],
  },
  {
    name: 'Legal', teams: ['Legal & Compliance'], headTitle: 'General Counsel', managerTitle: 'Senior Legal Counsel', weight: 3,
    positions: [['Legal Counsel', 3], ['Compliance Officer', 2], ['Paralegal', 2]],
  },
  {
    name: 'Operations', teams: ['Facilities', 'Procurement'], headTitle: 'Head of Operations', managerTitle: 'Operations Manager', weight: 7,
    positions: [['Office Manager', 3], ['Procurement Specialist', 2], ['Facility Coordinator', 2], ['Operations Analyst', 2]],
  },
];

export const DEPARTMENT_WEIGHTS = DEPARTMENT_DEFS.map((d) => [d, d.weight] as const);
export const STATUS_WEIGHTS = [['active', 80], ['onboarding', 5], ['leave', 5], ['inactive', 10]] as const;
export const HOURS_UK = [[37.5, 90], [20, 10]] as const;
export const HOURS_DE = [[40, 80], [32, 10], [30, 6], [20, 4]] as const;

export const SUBCOMPANIES: OrgUnit[] = [
  { id: 7031, name: 'Acme GmbH' },
  { id: 7032, name: 'Acme Ltd' },
];
const GMBH = 7031;
export const LTD = 7032;

export const HOLIDAY_CALENDARS: SimHolidayCalendar[] = [
  { id: 901, name: 'DE (Bayern) Feiertage', country: 'DE', state: 'Bayern' },
  { id: 902, name: 'DE (Berlin) Feiertage', country: 'DE', state: 'Berlin' },
  { id: 903, name: 'DE (Hamburg) Feiertage', country: 'DE', state: 'Hamburg' },
  { id: 904, name: 'UK (England and Wales) Bank Holidays', country: 'GB', state: 'England' },
  { id: 905, name: 'DE Feiertage (bundesweit)', country: 'DE', state: null },
];

export const OFFICES: SimOffice[] = [
  { id: 131001, name: 'Munich', subcompanyId: GMBH, holidayCalendarId: 901 },
  { id: 131002, name: 'Berlin', subcompanyId: GMBH, holidayCalendarId: 902 },
  { id: 131003, name: 'Hamburg', subcompanyId: GMBH, holidayCalendarId: 903 },
  { id: 131004, name: 'London', subcompanyId: LTD, holidayCalendarId: 904 },
  { id: 131005, name: 'Remote', subcompanyId: GMBH, holidayCalendarId: 905 },
];
export const OFFICE_WEIGHTS: (readonly [SimOffice, number])[] = OFFICES.map((o, i) => [o, [35, 25, 15, 15, 10][i] ?? 1] as const);
export const PHONE_PREFIX: Record<number, string> = {
  131001: '+49 89 2154',
  131002: '+49 30 6098',
  131003: '+49 40 3357',
  131004: '+44 20 7946',
  131005: '+49 89 2154',
};

export const WORK_SCHEDULES: SimWorkSchedule[] = [
  { id: 97101, name: 'Full-time 40h', weeklyHours: 40, daily: '08:00' },
  { id: 97102, name: 'Full-time 37.5h (UK)', weeklyHours: 37.5, daily: '07:30' },
  { id: 97103, name: 'Part-time 32h', weeklyHours: 32, daily: '06:24' },
  { id: 97104, name: 'Part-time 30h', weeklyHours: 30, daily: '06:00' },
  { id: 97105, name: 'Part-time 20h', weeklyHours: 20, daily: '04:00' },
];

export const TIME_OFF_TYPES: SimTimeOffType[] = [
  { id: 113401, name: { en: 'Paid vacation', de: 'Urlaub' }, category: 'paid_vacation' },
  { id: 113402, name: { en: 'Sick leave', de: 'Krankheit' }, category: 'sick_leave' },
  { id: 113403, name: { en: 'Parental leave', de: 'Elternzeit' }, category: 'maternity_parental_leave' },
  { id: 113404, name: { en: 'Training', de: 'Fortbildung' }, category: 'other' },
  { id: 113405, name: { en: 'Business trip', de: 'Dienstreise' }, category: 'offsite_work' },
];
export const VACATION = 113401;
export const SICK = 113402;
export const PARENTAL = 113403;

export const TSHIRT_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
export const TSHIRT_WEIGHTS = TSHIRT_SIZES.map((size, i) => [size, [1, 4, 6, 5, 3, 1][i] ?? 1] as const);

/** Custom attributes. Keys look like a real tenant's (dynamic_<number>). */
export const CUSTOM_ATTRIBUTES: SimCustomAttribute[] = [
  // A "standard" custom attribute without a universal id: the personnel number in most tenants.
  { key: 'dynamic_33401', field: 'personnelNumber', label: { en: 'Personnel number', de: 'Personalnummer' }, type: 'standard', universalId: null, options: [] },
  { key: 'dynamic_180883', field: 'birthday', label: { en: 'Birthday', de: 'Geburtstag' }, type: 'date', universalId: 'date_of_birth', options: [] },
  { key: 'dynamic_24411', field: 'tshirtSize', label: { en: 'T-shirt size', de: 'T-Shirt-Größe' }, type: 'list', universalId: null, options: TSHIRT_SIZES },
  { key: 'dynamic_21830', field: 'workPhone', label: { en: 'Phone (work)', de: 'Telefon (geschäftlich)' }, type: 'standard', universalId: 'work_phone', options: [] },
];

export const TERMINATIONS: (readonly [string, string])[] = [
  ['employee', 'Career change'],
  ['employee', 'Relocation'],
  ['employer', 'Restructuring'],
  ['contract_expired', 'End of fixed-term contract'],
  ['agreement', 'Mutual agreement'],
  ['retirement', 'Retirement'],
];

export interface Org {
  departments: SimDepartment[];
  teams: SimTeam[];
  costCenters: OrgUnit[];
  deptByName: Map<string, SimDepartment>;
  teamsOf: Map<number, SimTeam[]>;
}

export function buildOrg(): Org {
  const departments: SimDepartment[] = [];
  const teams: SimTeam[] = [];
  const costCenters: OrgUnit[] = [];
  const deptByName = new Map<string, SimDepartment>();
  const teamsOf = new Map<number, SimTeam[]>();
  let teamId = 59001;
  DEPARTMENT_DEFS.forEach((def, i) => {
    const costCenter = { id: 82901 + i, name: `CC-${1000 + i * 100} ${def.name}` };
    costCenters.push(costCenter);
    const dept: SimDepartment = { id: 281501 + i, name: def.name, headId: null, costCenterId: costCenter.id };
    departments.push(dept);
    deptByName.set(def.name, dept);
    const own = def.teams.map((name) => ({ id: teamId++, name, departmentId: dept.id }));
    teams.push(...own);
    teamsOf.set(dept.id, own);
  });
  return { departments, teams, costCenters, deptByName, teamsOf };
}

export function dept(org: Org, name: string): SimDepartment {
  const d = org.deptByName.get(name);
  if (!d) throw new Error(`unknown department ${name}`);
  return d;
}
export function team(org: Org, departmentName: string, teamName: string): number {
  const t = org.teamsOf.get(dept(org, departmentName).id)?.find((x) => x.name === teamName);
  if (!t) throw new Error(`unknown team ${teamName}`);
  return t.id;
}
export function office(name: string): SimOffice {
  const o = OFFICES.find((x) => x.name === name);
  if (!o) throw new Error(`unknown office ${name}`);
  return o;
}

export function scheduleFor(hours: number): SimWorkSchedule {
  return WORK_SCHEDULES.find((s) => s.weeklyHours === hours) ?? WORK_SCHEDULES[0]!;
}
