/**
 * The simulator's data model: a company, its employees and time-offs as the simulator stores them
 * (camelCase, ids for references), and the bounds of a generated company.
 */

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
