/**
 * Deterministic company generator for the Personio simulator. Pure: the same options give the
 * same company (no Math.random, no clock; only `today` anchors the dates). The first eight
 * employees are a fixed cast that fixtures and end-to-end tests refer to by name and email.
 */
import { DAY_MS, addDays, berlinWallTime, parseDate } from './time';

export type EmployeeStatus = 'onboarding' | 'active' | 'leave' | 'inactive';
export type Gender = 'male' | 'female' | 'diverse';
export type CompanyLanguage = 'en' | 'de';
export type Localized = Record<CompanyLanguage, string>;

export interface OrgUnit {
  id: number;
  name: string;
}
export interface SimDepartment extends OrgUnit {
  /** The department head; employees of the department report up to them. */
  headId: number | null;
  costCenterId: number;
}
export interface SimTeam extends OrgUnit {
  departmentId: number;
}
export interface SimOffice extends OrgUnit {
  subcompanyId: number;
  holidayCalendarId: number;
}
export interface SimHolidayCalendar extends OrgUnit {
  country: string;
  state: string | null;
}
export interface SimWorkSchedule extends OrgUnit {
  weeklyHours: number;
  /** 'HH:MM' for Monday to Friday; weekends are '00:00'. */
  daily: string;
}
export interface SimTimeOffType {
  id: number;
  name: Localized;
  category: 'paid_vacation' | 'sick_leave' | 'maternity_parental_leave' | 'other' | 'offsite_work';
}
/** Which SimEmployee field a custom (dynamic_<n>) attribute reads. */
export type CustomField = 'personnelNumber' | 'birthday' | 'tshirtSize' | 'workPhone';
export interface SimCustomAttribute {
  key: string;
  field: CustomField;
  label: Localized;
  type: 'standard' | 'date' | 'list';
  universalId: string | null;
  options: string[];
}
export interface SimCostCenterShare {
  id: number;
  percentage: number;
}

/**
 * One employee as the simulator stores it (camelCase, ids for references). The server renders
 * it into Personio's `{label, value, type, universal_id}` attributes. Dates are 'YYYY-MM-DD';
 * `createdAt` / `lastModifiedAt` are epoch milliseconds (whole seconds).
 */
export interface SimEmployee {
  id: number;
  firstName: string;
  lastName: string;
  preferredName: string;
  email: string;
  gender: Gender;
  status: EmployeeStatus;
  position: string;
  supervisorId: number | null;
  employmentType: 'internal' | 'external';
  weeklyHours: number;
  hireDate: string;
  contractEndDate: string | null;
  terminationDate: string | null;
  /** '' when not terminated (Personio sends empty strings for empty text enums). */
  terminationType: string;
  terminationReason: string;
  probationPeriodEnd: string | null;
  lastWorkingDay: string | null;
  createdAt: number;
  lastModifiedAt: number;
  subcompanyId: number | null;
  officeId: number | null;
  departmentId: number | null;
  teamId: number | null;
  costCenters: SimCostCenterShare[];
  holidayCalendarId: number | null;
  workScheduleId: number | null;
  /** Paid vacation days per year (absence_entitlement). */
  vacationEntitlement: number;
  fixSalary: number;
  currency: 'EUR' | 'GBP';
  fixSalaryInterval: string;
  hourlySalary: number;
  /** ~15% have none: profile_picture is null and the picture endpoint answers 404. */
  hasPhoto: boolean;
  personnelNumber: string;
  birthday: string | null;
  tshirtSize: string | null;
  workPhone: string | null;
}

export interface SimTimeOff {
  id: number;
  employeeId: number;
  typeId: number;
  status: 'approved';
  startDate: string;
  endDate: string;
  halfDayStart: boolean;
  halfDayEnd: boolean;
  daysCount: number;
  createdAt: number;
  updatedAt: number;
  createdBy: string;
}

export interface Company {
  name: string;
  seed: number;
  /** 'YYYY-MM-DD': time-offs and statuses are generated around it. */
  today: string;
  /** Labels of attributes (and time-off type names) are in this language. */
  language: CompanyLanguage;
  /** Sorted by id. */
  employees: SimEmployee[];
  /** Index of `employees` by id (kept in step by the simulator's mutations). */
  byId: Map<number, SimEmployee>;
  subcompanies: OrgUnit[];
  offices: SimOffice[];
  departments: SimDepartment[];
  teams: SimTeam[];
  costCenters: OrgUnit[];
  holidayCalendars: SimHolidayCalendar[];
  workSchedules: SimWorkSchedule[];
  timeOffTypes: SimTimeOffType[];
  customAttributes: SimCustomAttribute[];
  /** Sorted by id. */
  timeOffs: SimTimeOff[];
  /** The id the next added employee gets (ids are never reused). */
  nextEmployeeId: number;
  nextTimeOffId: number;
}

export interface CompanyOptions {
  employees?: number;
  seed?: number;
  today?: string;
  language?: CompanyLanguage;
}

export const MIN_EMPLOYEES = 10;
export const MAX_EMPLOYEES = 50_000;
export const FIRST_EMPLOYEE_ID = 100001;
export const CAST_SIZE = 8;
export const EMAIL_DOMAIN = 'acme.example';

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny, fast 32-bit seeded PRNG; plenty for test data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A 32-bit hash of integers, for values derived from (seed, id) without a running stream. */
export function hash32(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    // Indexed loops: this runs several times per generated employee.
    let total = 0;
    for (let i = 0; i < items.length; i += 1) total += items[i]![1];
    let r = this.next() * total;
    for (let i = 0; i < items.length; i += 1) {
      const entry = items[i]!;
      r -= entry[1];
      if (r < 0) return entry[0];
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }
}

// ---------------------------------------------------------------------------------------------
// Names and emails

const GERMAN_FEMALE = [
  'Anna', 'Lena', 'Laura', 'Julia', 'Sarah', 'Lisa', 'Katharina', 'Johanna', 'Sophie', 'Marie', 'Hannah', 'Lea', 'Mia',
  'Emma', 'Clara', 'Charlotte', 'Franziska', 'Sabine', 'Petra', 'Claudia', 'Birgit', 'Ute', 'Jana', 'Miriam', 'Annika',
  'Theresa', 'Verena', 'Carina', 'Nadine', 'Zoë', 'Jördis', 'Bärbel', 'Aylin', 'Elif', 'Ayşe', 'Małgorzata', 'Renée',
  'Anaïs', 'Friederike', 'Maren', 'Svenja', 'Tülay',
];
const GERMAN_MALE = [
  'Jürgen', 'Tobias', 'Max', 'Lukas', 'Jonas', 'Felix', 'Paul', 'Leon', 'Finn', 'Niklas', 'Julian', 'Alexander',
  'Sebastian', 'Florian', 'Stefan', 'Thomas', 'Michael', 'Andreas', 'Matthias', 'Markus', 'Christian', 'Daniel', 'Jan',
  'Tim', 'Moritz', 'Jörg', 'Björn', 'Sören', 'Günter', 'Uwe', 'Klaus', 'Dieter', 'Ralf', 'Malte', 'Henrik', 'Emre',
  'Mehmet', 'Can', 'Lars', 'Jérôme', 'Noël', 'Bogdan',
];
const ENGLISH_FEMALE = [
  'Emily', 'Olivia', 'Amelia', 'Isla', 'Ava', 'Grace', 'Sophia', 'Jessica', 'Eleanor', 'Harriet', 'Imogen', 'Poppy',
  'Rebecca', 'Siobhán', 'Niamh', 'Aoife', 'Chloé', 'Ruby', 'Freya', 'Priya', 'Aisha', 'Megan', 'Lucy', 'Zoë',
];
const ENGLISH_MALE = [
  'Oliver', 'George', 'Harry', 'Jack', 'Jacob', 'Noah', 'Charlie', 'Oscar', 'William', 'James', 'Henry', 'Alfie',
  'Edward', 'Samuel', 'Rhys', 'Seán', 'Arjun', 'Mohammed', 'Callum', 'Ethan', 'Liam', 'Owen', 'Toby', 'Rory',
];
const GERMAN_LAST = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer',
  'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger',
  'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schulze',
  'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz',
  'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger',
  'Winkler', 'Roth', 'Beck', 'Lorenz', 'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm',
  'Winter', 'Kraus', 'Schumacher', 'Krämer', 'Vogt', 'Stein', 'Jäger', 'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich',
  'Brandt', 'Haas', 'Schreiber', 'Graf', 'Schulte', 'Dietrich', 'Ziegler', 'Kuhn', 'Kühn', 'Pohl', 'Engel', 'Horn',
  'Busch', 'Bergmann', 'Voigt', 'Sauer', 'Arnold', 'Wolff', 'Pfeiffer', 'Özdemir', 'Yılmaz', 'Kaya', 'Demir', 'Şahin',
  'Nowak', 'Kowalski', 'Popović', 'Nguyen', 'Müller-Lüdenscheidt', 'von Bülow', 'Straßer', 'Große', 'Düring',
];
const ENGLISH_LAST = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts',
  'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris',
  'Clarke', 'Patel', 'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark',
  'Lee', 'King', 'Baker', 'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker',
  'Price', 'Bennett', 'Young', 'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins',
  'Bell', 'Shaw', 'Murphy', 'Miller', 'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams',
  'Singh', 'Begum', 'Wilkinson', 'Foster', 'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Ali', 'Hunt',
  'Hussain', 'Campbell', "O'Brien", "O'Connor", 'McDonald', 'Brontë',
];

/** Letters the NFD decomposition does not take apart. */
const EXTRA_LETTERS: Record<string, string> = { ß: 'ss', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ı: 'i' };

/**
 * Email local-part from a name: German umlauts as ae/oe/ue, ß as ss, other accents dropped
 * (ë → e, é → e, ş → s), spaces and apostrophes removed, hyphens kept.
 */
const slugs = new Map<string, string>();
export function emailSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = slugify(name);
    if (slugs.size > 10_000) slugs.clear();
    slugs.set(name, slug);
  }
  return slug;
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/[ßłøæœđı]/g, (c) => EXTRA_LETTERS[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9-]/g, '');
}

/** Hands out unique lower-case emails, `first.last@…`, then `first.last2@…`, `first.last3@…`. */
export class EmailRegistry {
  private readonly used = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();
  has(email: string): boolean {
    return this.used.has(email.toLowerCase());
  }
  reserve(email: string): void {
    this.used.add(email.toLowerCase());
  }
  release(email: string): void {
    this.used.delete(email.toLowerCase());
  }
  allocate(firstName: string, lastName: string): string {
    const base = `${emailSlug(firstName)}.${emailSlug(lastName)}`;
    let email = `${base}@${EMAIL_DOMAIN}`;
    let n = this.nextSuffix.get(base) ?? 2;
    while (this.used.has(email)) {
      email = `${base}${n}@${EMAIL_DOMAIN}`;
      n += 1;
    }
    this.nextSuffix.set(base, n);
    this.used.add(email);
    return email;
  }
}

// ---------------------------------------------------------------------------------------------
// Organisation

interface DepartmentDef {
  name: string;
  teams: string[];
  /** Title of the department head, when the head is generated (not one of the cast). */
  headTitle: string;
  managerTitle: string;
  positions: (readonly [string, number])[];
  /** Share of generated employees. */
  weight: number;
}

const DEPARTMENT_DEFS: DepartmentDef[] = [
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

const DEPARTMENT_WEIGHTS = DEPARTMENT_DEFS.map((d) => [d, d.weight] as const);
const STATUS_WEIGHTS = [['active', 80], ['onboarding', 5], ['leave', 5], ['inactive', 10]] as const;
const HOURS_UK = [[37.5, 90], [20, 10]] as const;
const HOURS_DE = [[40, 80], [32, 10], [30, 6], [20, 4]] as const;

const SUBCOMPANIES: OrgUnit[] = [
  { id: 7031, name: 'Acme GmbH' },
  { id: 7032, name: 'Acme Ltd' },
];
const GMBH = 7031;
const LTD = 7032;

const HOLIDAY_CALENDARS: SimHolidayCalendar[] = [
  { id: 901, name: 'DE (Bayern) Feiertage', country: 'DE', state: 'Bayern' },
  { id: 902, name: 'DE (Berlin) Feiertage', country: 'DE', state: 'Berlin' },
  { id: 903, name: 'DE (Hamburg) Feiertage', country: 'DE', state: 'Hamburg' },
  { id: 904, name: 'UK (England and Wales) Bank Holidays', country: 'GB', state: 'England' },
  { id: 905, name: 'DE Feiertage (bundesweit)', country: 'DE', state: null },
];

const OFFICES: SimOffice[] = [
  { id: 131001, name: 'Munich', subcompanyId: GMBH, holidayCalendarId: 901 },
  { id: 131002, name: 'Berlin', subcompanyId: GMBH, holidayCalendarId: 902 },
  { id: 131003, name: 'Hamburg', subcompanyId: GMBH, holidayCalendarId: 903 },
  { id: 131004, name: 'London', subcompanyId: LTD, holidayCalendarId: 904 },
  { id: 131005, name: 'Remote', subcompanyId: GMBH, holidayCalendarId: 905 },
];
const OFFICE_WEIGHTS: (readonly [SimOffice, number])[] = OFFICES.map((o, i) => [o, [35, 25, 15, 15, 10][i] ?? 1] as const);
const PHONE_PREFIX: Record<number, string> = {
  131001: '+49 89 2154',
  131002: '+49 30 6098',
  131003: '+49 40 3357',
  131004: '+44 20 7946',
  131005: '+49 89 2154',
};

const WORK_SCHEDULES: SimWorkSchedule[] = [
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
const VACATION = 113401;
const SICK = 113402;
const PARENTAL = 113403;

export const TSHIRT_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const TSHIRT_WEIGHTS = TSHIRT_SIZES.map((size, i) => [size, [1, 4, 6, 5, 3, 1][i] ?? 1] as const);

/** Custom attributes. Keys look like a real tenant's (dynamic_<number>). */
export const CUSTOM_ATTRIBUTES: SimCustomAttribute[] = [
  // A "standard" custom attribute without a universal id: the personnel number in most tenants.
  { key: 'dynamic_33401', field: 'personnelNumber', label: { en: 'Personnel number', de: 'Personalnummer' }, type: 'standard', universalId: null, options: [] },
  { key: 'dynamic_180883', field: 'birthday', label: { en: 'Birthday', de: 'Geburtstag' }, type: 'date', universalId: 'date_of_birth', options: [] },
  { key: 'dynamic_24411', field: 'tshirtSize', label: { en: 'T-shirt size', de: 'T-Shirt-Größe' }, type: 'list', universalId: null, options: TSHIRT_SIZES },
  { key: 'dynamic_21830', field: 'workPhone', label: { en: 'Phone (work)', de: 'Telefon (geschäftlich)' }, type: 'standard', universalId: 'work_phone', options: [] },
];

const TERMINATIONS: (readonly [string, string])[] = [
  ['employee', 'Career change'],
  ['employee', 'Relocation'],
  ['employer', 'Restructuring'],
  ['contract_expired', 'End of fixed-term contract'],
  ['agreement', 'Mutual agreement'],
  ['retirement', 'Retirement'],
];

// ---------------------------------------------------------------------------------------------
// Generation

interface Org {
  departments: SimDepartment[];
  teams: SimTeam[];
  costCenters: OrgUnit[];
  deptByName: Map<string, SimDepartment>;
  teamsOf: Map<number, SimTeam[]>;
}

function buildOrg(): Org {
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

function dept(org: Org, name: string): SimDepartment {
  const d = org.deptByName.get(name);
  if (!d) throw new Error(`unknown department ${name}`);
  return d;
}
function team(org: Org, departmentName: string, teamName: string): number {
  const t = org.teamsOf.get(dept(org, departmentName).id)?.find((x) => x.name === teamName);
  if (!t) throw new Error(`unknown team ${teamName}`);
  return t.id;
}
function office(name: string): SimOffice {
  const o = OFFICES.find((x) => x.name === name);
  if (!o) throw new Error(`unknown office ${name}`);
  return o;
}

function scheduleFor(hours: number): SimWorkSchedule {
  return WORK_SCHEDULES.find((s) => s.weeklyHours === hours) ?? WORK_SCHEDULES[0]!;
}

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

interface Context {
  rng: Rng;
  org: Org;
  today: string;
  /** 00:00 UTC of `today`: every generated timestamp lies before it. */
  refMs: number;
  emails: EmailRegistry;
}

/** A timestamp at a working-hours time of day on `date`, never at or after `refMs`. */
function stampOn(ctx: Context, date: string): number {
  const ms = berlinWallTime(date, ctx.rng.int(8, 18), ctx.rng.int(0, 59), ctx.rng.int(0, 59));
  return Math.min(ms, ctx.refMs - ctx.rng.int(60, 3600) * 1000);
}

interface Draft {
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
function complete(ctx: Context, id: number, d: Draft): SimEmployee {
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

/** The fixed cast: ids 100001–100008, the same in every company. */
function castDrafts(ctx: Context): Draft[] {
  const { org, today } = ctx;
  const at = (days: number) => addDays(today, days);
  const d = (name: string) => dept(org, name).id;
  return [
    { firstName: 'Lena', lastName: 'Hoffmann', gender: 'female', position: 'Chief Executive Officer', departmentId: d('Management'), teamId: null, officeId: office('Munich').id, supervisorId: null, status: 'active', hireDate: at(-3500), hasPhoto: true },
    { firstName: 'Jürgen', lastName: 'Müller', gender: 'male', position: 'Head of People', departmentId: d('People & Culture'), teamId: null, officeId: office('Munich').id, supervisorId: 100001, status: 'active', hireDate: at(-3000), hasPhoto: true },
    { firstName: 'Ada', lastName: 'Lovelace', gender: 'female', position: 'Senior Software Engineer', departmentId: d('Engineering'), teamId: team(org, 'Engineering', 'Platform'), officeId: office('Berlin').id, supervisorId: 100004, status: 'active', hireDate: at(-2400), hasPhoto: true },
    { firstName: 'Grace', lastName: 'Hopper', gender: 'female', position: 'VP Engineering', departmentId: d('Engineering'), teamId: null, officeId: office('Berlin').id, supervisorId: 100001, status: 'active', hireDate: at(-3300), hasPhoto: true },
    { firstName: 'Zoë', lastName: 'Schäfer', gender: 'female', position: 'HR Business Partner', departmentId: d('People & Culture'), teamId: team(org, 'People & Culture', 'People Operations'), officeId: office('Hamburg').id, supervisorId: 100002, status: 'leave', hireDate: at(-1900), hasPhoto: false },
    { firstName: 'Tobias', lastName: 'Weiß', gender: 'male', position: 'IT Support Specialist', departmentId: d('IT'), teamId: team(org, 'IT', 'Workplace IT'), officeId: office('Munich').id, supervisorId: 100004, status: 'onboarding', hireDate: at(14), createdOn: at(-10), hasPhoto: true },
    { firstName: 'Emily', lastName: 'Clarke', gender: 'female', position: 'Account Executive', departmentId: d('Sales'), teamId: team(org, 'Sales', 'UK & Ireland'), officeId: office('London').id, supervisorId: 100001, status: 'active', hireDate: at(-1500), terminationDate: at(30), terminationType: 'employee', terminationReason: 'Relocation', hasPhoto: true },
    // Max has no supervisor: one of the few, and a former employee.
    { firstName: 'Max', lastName: 'Mustermann', gender: 'male', position: 'Accountant', departmentId: d('Finance'), teamId: team(org, 'Finance', 'Accounting'), officeId: office('Munich').id, supervisorId: null, status: 'inactive', hireDate: at(-2200), terminationDate: at(-120), terminationType: 'employee', terminationReason: 'Career change', hasPhoto: true },
  ];
}

function pickName(rng: Rng, english: boolean, gender: Gender): { firstName: string; lastName: string } {
  const female = english ? ENGLISH_FEMALE : GERMAN_FEMALE;
  const male = english ? ENGLISH_MALE : GERMAN_MALE;
  const firstName = gender === 'female' ? rng.pick(female) : gender === 'male' ? rng.pick(male) : rng.pick(rng.chance(0.5) ? female : male);
  // A German office still has some English names and vice versa.
  const lastName = rng.pick(english !== rng.chance(0.15) ? ENGLISH_LAST : GERMAN_LAST);
  return { firstName, lastName };
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

function generatedDraft(ctx: Context, leaders: Map<number, number[]>, pendingHead: DepartmentDef | undefined): { draft: Draft; isLeader: boolean } {
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
function generateTimeOffs(ctx: Context, employees: SimEmployee[]): SimTimeOff[] {
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
  // The cast's heads: Lena leads Management, Jürgen People & Culture, Grace Engineering and IT.
  dept(org, 'Management').headId = 100001;
  dept(org, 'People & Culture').headId = 100002;
  dept(org, 'Engineering').headId = 100004;
  dept(org, 'IT').headId = 100004;
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
