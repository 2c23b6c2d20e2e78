import { EMPLOYEE_RECORD_VERSION, EMPLOYEE_STATUSES, type CustomValue, type Employee, type EmployeeStatus, type OrgRef } from '../employee';
import { isCustomField, type FieldKey } from '../fields';
import { cutText, nameTokens } from '../text';
import type { AttributeDefinition, RawEmployee } from './schema';
import { holidayRegionOf, workWeekOf } from './work-week';

type Attrs = RawEmployee['attributes'];
type OrgValue = { attributes: { id: number; name: string } } | null | undefined;

/**
 * The longest text kept from Personio, by kind. Longer text is cut: it is stored, indexed,
 * sent to every panel and drawn, and no real name or position comes near these lengths.
 * An email address is never cut (cut, it would be someone else's): a row whose address is
 * longer than any address can be is dropped. A URL is dropped rather than cut, for the same reason.
 */
export const PERSONIO_TEXT_LIMITS = {
  /** First, last, preferred and supervisor names. */
  name: 200,
  /** 64 characters, "@", a 255-character domain. */
  email: 320,
  /** Position, department, office, team, gender, custom values and their labels. */
  text: 500,
  url: 2048,
  /** Items of a list (cost centres, a multi-select custom attribute). */
  listItems: 100,
} as const;

function text(v: unknown, max: number = PERSONIO_TEXT_LIMITS.text): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = cutText(v.trim(), max).trimEnd();
  return t === '' ? undefined : t;
}

const nameText = (v: unknown) => text(v, PERSONIO_TEXT_LIMITS.name);

/** Personio ids are positive integers; anything else is a malformed row or reference. */
export function isPersonioId(v: unknown): v is number {
  return Number.isSafeInteger(v) && (v as number) > 0;
}

function orgRef(v: OrgValue): OrgRef | undefined {
  if (!v || !isPersonioId(v.attributes.id)) return undefined;
  return { id: v.attributes.id, name: cutText(v.attributes.name, PERSONIO_TEXT_LIMITS.text) };
}

/**
 * Personio sends calendar dates as midnight with an offset ("2021-03-01T00:00:00+01:00"),
 * sometimes without a colon in the offset, sometimes as a bare date. The calendar date is
 * the first ten characters in every case; converting through Date would shift it a day.
 */
export function calendarDate(v: unknown): string | undefined {
  const t = text(v);
  const day = t && /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : undefined;
  return day && isCalendarDay(day) ? day : undefined;
}

/**
 * A `YYYY-MM-DD` of a day that exists. "2024-02-30" or "2024-13-01" would be shown as they are
 * on the card, and compared as strings against real days (who left within the window, who is away).
 * Worked out by arithmetic, without a Date: a sync checks two days per person.
 */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  if (month < 1 || month > 12 || date < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return date <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function status(v: unknown): EmployeeStatus | undefined {
  const t = text(v)?.toLowerCase();
  return EMPLOYEE_STATUSES.find((s) => s === t);
}

function customValue(raw: unknown): CustomValue['value'] {
  const limit = PERSONIO_TEXT_LIMITS.text;
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return cutText(raw, limit);
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (Array.isArray(raw)) return raw.slice(0, PERSONIO_TEXT_LIMITS.listItems).map((x) => cutText(itemText(x), limit));
  return cutText(JSON.stringify(raw), limit);
}

/**
 * An item of a list attribute as text. An object is written as its JSON: `String` would call
 * the payload's own `toString`, and one that is not a function throws.
 */
function itemText(item: unknown): string {
  return item !== null && typeof item === 'object' ? JSON.stringify(item) : String(item);
}

export interface MapOptions {
  /** Fields the admin allowed. Anything else is dropped here, before storage. */
  stored: ReadonlySet<FieldKey>;
  /** Labels for custom attributes from GET /v1/company/employees/attributes. */
  attributeDefinitions?: readonly AttributeDefinition[];
}

/** Facts the sync needs for filtering, whether or not they may be stored. */
export interface FilterFacts {
  status?: EmployeeStatus;
  departmentId?: number;
  subcompanyId?: number;
}

export function filterFacts(raw: RawEmployee): FilterFacts {
  const a = raw.attributes;
  return {
    status: status(a.status?.value),
    departmentId: (a.department?.value as OrgValue)?.attributes.id,
    subcompanyId: (a.subcompany?.value as OrgValue)?.attributes.id,
  };
}

/**
 * Personio employee → Sidecard record, keeping only allowed fields, each text cut to its
 * PERSONIO_TEXT_LIMITS. Pure. Returns null for a malformed row, which is dropped: one without
 * an email (nobody could ever look it up), with an address longer than any address, or with
 * an id that is not a positive integer (-1 or 1.5 would be filed, fetched and linked as a person).
 */
export function mapEmployee(raw: RawEmployee, { stored, attributeDefinitions = [] }: MapOptions): Employee | null {
  const a: Attrs = raw.attributes;
  if (!isPersonioId(a.id.value)) return null;
  const fullEmail = typeof a.email?.value === 'string' ? a.email.value.trim() : '';
  if (fullEmail.length > PERSONIO_TEXT_LIMITS.email) return null;
  const email = text(fullEmail)?.toLowerCase();
  if (!email) return null;
  const has = (k: FieldKey) => stored.has(k);
  const e: Employee = { v: EMPLOYEE_RECORD_VERSION, id: a.id.value, email, nameTokens: [] };

  const first = nameText(a.first_name?.value);
  const last = nameText(a.last_name?.value);
  const preferred = nameText(a.preferred_name?.value);
  if (first) e.firstName = first;
  if (last) e.lastName = last;
  // Personio fills preferred_name with "First Last" when nobody set one; keep it only when it says more.
  if (preferred && preferred !== [first, last].filter(Boolean).join(' ')) e.preferredName = preferred;
  e.nameTokens = nameTokens(first, last, preferred, email.split('@')[0]);

  if (has('position')) { const v = text(a.position?.value); if (v) e.position = v; }
  if (has('department')) {
    const d = orgRef(a.department?.value as OrgValue);
    if (d) { e.department = d; e.departmentId = d.id; }
  }
  if (has('office')) { const v = orgRef(a.office?.value as OrgValue); if (v) e.office = v; }
  if (has('team')) { const v = orgRef(a.team?.value as OrgValue); if (v) e.team = v; }
  if (has('subcompany')) { const v = orgRef(a.subcompany?.value as OrgValue); if (v) e.subcompany = v; }
  if (has('supervisor')) {
    const sup = a.supervisor?.value;
    if (sup && isPersonioId(sup.attributes.id.value)) {
      e.supervisorId = sup.attributes.id.value;
      const name = [nameText(sup.attributes.first_name?.value), nameText(sup.attributes.last_name?.value)].filter(Boolean).join(' ');
      const supName = nameText(sup.attributes.preferred_name?.value) ?? nameText(name);
      if (supName) e.supervisorName = supName;
    }
  }
  if (has('status')) {
    const s = status(a.status?.value);
    if (s) e.status = s;
    const t = calendarDate(a.termination_date?.value);
    if (t) e.terminationDate = t;
  }
  if (has('absence')) {
    // Only what names the day someone is back: their weekly schedule and holiday calendar.
    const week = workWeekOf(a.work_schedule);
    if (week) e.workWeek = week;
    const region = holidayRegionOf(a.holiday_calendar);
    if (region) e.holidayRegion = region;
  }
  if (has('hireDate')) { const v = calendarDate(a.hire_date?.value); if (v) e.hireDate = v; }
  if (has('gender')) { const v = text(a.gender?.value); if (v) e.gender = v; }
  if (has('employmentType')) { const v = text(a.employment_type?.value); if (v) e.employmentType = v; }
  if (has('weeklyHours')) {
    const v = a.weekly_working_hours?.value;
    if (typeof v === 'number') e.weeklyHours = v;
  }
  if (has('costCenters')) {
    const list = (a.cost_centers?.value ?? []).filter((c) => isPersonioId(c.attributes.id)).slice(0, PERSONIO_TEXT_LIMITS.listItems);
    if (list.length) {
      e.costCenters = list.map((c) => ({
        id: c.attributes.id,
        name: cutText(c.attributes.name, PERSONIO_TEXT_LIMITS.text),
        ...(c.attributes.percentage != null ? { percentage: c.attributes.percentage } : {}),
      }));
    }
  }
  if (has('photo')) {
    const v = a.profile_picture?.value?.trim();
    if (v && v.length <= PERSONIO_TEXT_LIMITS.url) e.photoUrl = v;
  }

  // Custom attributes: keyed on the attribute key, never the label (labels are localised).
  // Only the allowed keys are looked at, not every attribute of the person: this runs per person.
  for (const key of stored) {
    if (!isCustomField(key)) continue;
    const wrapper = (a as Record<string, unknown>)[key] as { label?: string; type?: string; value?: unknown } | undefined;
    if (!wrapper || typeof wrapper !== 'object') continue;
    const value = customValue(wrapper.value);
    if (value === null || value === '') continue;
    const label = text(attributeDefinitions.find((d) => d.key === key)?.label) ?? text(wrapper.label) ?? key;
    e.custom ??= {};
    e.custom[key] = { label, type: text(wrapper.type) ?? 'standard', value };
  }
  return e;
}

/** Two records hold the same data: an "updated" row that did not change. */
export function sameEmployee(a: Employee, b: Employee): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );
}
