import { displayName, initials, type Employee } from './employee';
import type { FieldKey } from './fields';
import type { AwayStatus } from './lookup';

/**
 * What a card shows about one person: only the fields the admin chose to show, in their
 * order. Built in the background; the panel and popup receive nothing more than this.
 */
export interface PersonView {
  id: number;
  name: string;
  initials: string;
  email: string;
  /** Field keys to render, in order (name and email are always in the header). */
  shown: FieldKey[];
  position?: string;
  department?: string;
  team?: string;
  office?: string;
  subcompany?: string;
  supervisor?: { id: number; name: string; synced: boolean };
  status?: Employee['status'];
  terminationDate?: string;
  hireDate?: string;
  gender?: string;
  employmentType?: string;
  weeklyHours?: number;
  costCenters?: string[];
  custom?: { key: string; label: string; value: string }[];
  away?: AwayStatus;
  /** A data: URL (blob URLs do not cross extension contexts). */
  photo?: string;
  vacation?: VacationView;
  /** The person's profile in the company's Personio web app, when the admin set its address. */
  profileUrl?: string;
}

/** Why a balance is not on the card: each has its own words and, where it can help, a retry. */
export type BalanceUnavailable = 'none' | 'offline' | 'not-permitted' | 'personio' | 'busy' | 'slow';

export type VacationView =
  | { state: 'loading' }
  | { state: 'unavailable'; reason: BalanceUnavailable }
  | { state: 'ready'; days: number; asOf: number };

export interface PersonExtras {
  supervisor?: Employee;
  away?: AwayStatus;
  photo?: string;
  vacation?: VacationView;
}

export function toPersonView(e: Employee, shown: readonly FieldKey[], extras: PersonExtras = {}): PersonView {
  const on = new Set(shown);
  const view: PersonView = { id: e.id, name: displayName(e), initials: initials(e), email: e.email, shown: [...shown] };
  if (on.has('position') && e.position) view.position = e.position;
  if (on.has('department') && e.department) view.department = e.department.name;
  if (on.has('team') && e.team) view.team = e.team.name;
  if (on.has('office') && e.office) view.office = e.office.name;
  if (on.has('subcompany') && e.subcompany) view.subcompany = e.subcompany.name;
  if (on.has('supervisor') && e.supervisorId !== undefined) {
    const name = extras.supervisor ? displayName(extras.supervisor) : e.supervisorName;
    if (name) view.supervisor = { id: e.supervisorId, name, synced: Boolean(extras.supervisor) };
  }
  // That someone left is shown whatever the panel's fields: it is the first thing a helpdesk needs.
  if (on.has('status') || e.status === 'inactive') {
    if (e.status) view.status = e.status;
    if (e.terminationDate) view.terminationDate = e.terminationDate;
  }
  if (on.has('hireDate') && e.hireDate) view.hireDate = e.hireDate;
  if (on.has('gender') && e.gender) view.gender = e.gender;
  if (on.has('employmentType') && e.employmentType) view.employmentType = e.employmentType;
  if (on.has('weeklyHours') && e.weeklyHours !== undefined) view.weeklyHours = e.weeklyHours;
  if (on.has('costCenters') && e.costCenters?.length) view.costCenters = e.costCenters.map((c) => (c.percentage != null && c.percentage !== 100 ? `${c.name} (${c.percentage} %)` : c.name));
  const custom = shown.flatMap((k) => {
    const c = e.custom?.[k];
    if (!c || c.value === null) return [];
    return [{ key: k, label: c.label, value: Array.isArray(c.value) ? c.value.join(', ') : String(c.value) }];
  });
  if (custom.length) view.custom = custom;
  // Someone who left is not away and has no current balance.
  const employed = e.status !== 'inactive';
  if (on.has('absence') && extras.away && employed) view.away = extras.away;
  if (on.has('photo') && extras.photo) view.photo = extras.photo;
  if (on.has('vacationBalance') && extras.vacation && employed) view.vacation = extras.vacation;
  return view;
}
