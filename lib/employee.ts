import type { HolidayRegion, WorkWeek } from './working-days';

/**
 * The one record Sidecard stores per person. Flat, versioned, and holding only the
 * fields the admin allowed: every optional field below may be missing for that reason.
 */
export const EMPLOYEE_RECORD_VERSION = 1;

export type EmployeeStatus = 'onboarding' | 'active' | 'leave' | 'inactive';
export const EMPLOYEE_STATUSES: readonly EmployeeStatus[] = ['onboarding', 'active', 'leave', 'inactive'];

export interface OrgRef {
  id: number;
  name: string;
}

export interface CostCenter extends OrgRef {
  percentage?: number;
}

export interface CustomValue {
  label: string;
  type: string;
  value: string | number | boolean | string[] | null;
}

export interface Employee {
  v: typeof EMPLOYEE_RECORD_VERSION;
  id: number;
  /** Lower-cased; the lookup key. Always stored: without it nobody can be found. */
  email: string;
  firstName?: string;
  lastName?: string;
  preferredName?: string;
  status?: EmployeeStatus;
  gender?: string;
  position?: string;
  department?: OrgRef;
  office?: OrgRef;
  team?: OrgRef;
  subcompany?: OrgRef;
  supervisorId?: number;
  supervisorName?: string;
  costCenters?: CostCenter[];
  employmentType?: string;
  weeklyHours?: number;
  /** Calendar dates as YYYY-MM-DD (Personio sends midnight with an offset). */
  hireDate?: string;
  terminationDate?: string;
  /** Personio's auth-protected picture URL: never usable as <img src> directly. */
  photoUrl?: string;
  /** Minutes of work per weekday, Monday first; with the holiday region it names the day someone is back. */
  workWeek?: WorkWeek;
  holidayRegion?: HolidayRegion;
  /** Custom `dynamic_<n>` attributes, keyed by attribute key, labelled as Personio labels them. */
  custom?: Record<string, CustomValue>;
  /** Accent-folded lower-case name parts, for the multi-entry index and search. */
  nameTokens: string[];
  /** Department id copied to the top level so Dexie can index it. */
  departmentId?: number;
}

/** The name to show: the preferred name when Personio has one, else first and last, else the email. */
export function displayName(e: Pick<Employee, 'preferredName' | 'firstName' | 'lastName' | 'email'>): string {
  const full = [e.firstName, e.lastName].filter(Boolean).join(' ').trim();
  return e.preferredName?.trim() || full || e.email;
}

export function initials(e: Pick<Employee, 'preferredName' | 'firstName' | 'lastName' | 'email'>): string {
  const parts = displayName(e).split(/[\s.@_-]+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
