/**
 * Personio's v1 attribute catalogue and the rendering of stored employees / time-offs into
 * Personio's JSON: every attribute is `{label, value, type, universal_id}` (+ `currency` on
 * salaries), labels are in the company language, single references are `null` when empty and
 * lists `[]` (docs/personio-api-notes.md §2.1–2.2).
 */
import { CUSTOM_ATTRIBUTES, type Company, type CustomField, type Localized, type SimEmployee, type SimTimeOff } from './company';
import { formatDateAttribute, formatTimestamp } from './time';

export type AttributeType = 'standard' | 'date' | 'integer' | 'decimal' | 'list' | 'link' | 'tags' | 'multiline';

export interface AttributeJson {
  label: string;
  value: unknown;
  type: AttributeType;
  universal_id: string | null;
  currency?: string;
}

export interface EmployeeJson {
  type: 'Employee';
  attributes: Record<string, AttributeJson>;
}

export interface RenderContext {
  company: Company;
  /** 'http://127.0.0.1:PORT': profile_picture URLs point at the simulator. */
  baseUrl: string;
  /** Attribute keys the credential may read; others are absent (never null). */
  allowed: ReadonlySet<string>;
}

interface AttributeDef {
  key: string;
  label: Localized;
  type: AttributeType;
  universalId: string | null;
  options: readonly string[];
  value(e: SimEmployee, ctx: RenderContext): unknown;
  currency?(e: SimEmployee): string;
}

const en = (label: string, de: string): Localized => ({ en: label, de });
const date = (d: string | null) => (d === null ? null : formatDateAttribute(d));

function ref(type: string, id: number | null, units: readonly { id: number; name: string }[]) {
  if (id === null) return null;
  const unit = units.find((u) => u.id === id);
  return unit ? { type, attributes: { id: unit.id, name: unit.name } } : null;
}

function wrap(key: string, label: Localized, type: AttributeType, value: unknown, ctx: RenderContext, universalId: string | null = key): AttributeJson {
  return { label: label[ctx.company.language], value, type, universal_id: universalId };
}

const ID_LABEL = en('ID', 'ID');
const FIRST_NAME_LABEL = en('First name', 'Vorname');
const LAST_NAME_LABEL = en('Last name', 'Nachname');
const EMAIL_LABEL = en('Email', 'E-Mail');

/**
 * The supervisor's short form. Personio's spec example shows only `id`; the ShortEmployee
 * schema also has names and email. We send the ones this credential may read (id always).
 */
function supervisorValue(e: SimEmployee, ctx: RenderContext) {
  if (e.supervisorId === null) return null;
  const s = ctx.company.byId.get(e.supervisorId);
  // A supervisor that was removed reads as no supervisor.
  if (!s) return null;
  const attributes: Record<string, AttributeJson> = { id: wrap('id', ID_LABEL, 'integer', s.id, ctx) };
  if (ctx.allowed.has('first_name')) attributes.first_name = wrap('first_name', FIRST_NAME_LABEL, 'standard', s.firstName, ctx);
  if (ctx.allowed.has('last_name')) attributes.last_name = wrap('last_name', LAST_NAME_LABEL, 'standard', s.lastName, ctx);
  if (ctx.allowed.has('email')) attributes.email = wrap('email', EMAIL_LABEL, 'standard', s.email, ctx);
  return { type: 'Employee', attributes };
}

const STANDARD: AttributeDef[] = [
  { key: 'id', label: ID_LABEL, type: 'integer', universalId: 'id', options: [], value: (e) => e.id },
  { key: 'first_name', label: FIRST_NAME_LABEL, type: 'standard', universalId: 'first_name', options: [], value: (e) => e.firstName },
  { key: 'last_name', label: LAST_NAME_LABEL, type: 'standard', universalId: 'last_name', options: [], value: (e) => e.lastName },
  { key: 'preferred_name', label: en('Name (preferred)', 'Rufname'), type: 'standard', universalId: 'preferred_name', options: [], value: (e) => e.preferredName },
  { key: 'email', label: EMAIL_LABEL, type: 'standard', universalId: 'email', options: [], value: (e) => e.email },
  { key: 'gender', label: en('Gender', 'Geschlecht'), type: 'standard', universalId: 'gender', options: [], value: (e) => e.gender },
  { key: 'status', label: en('Status', 'Status'), type: 'standard', universalId: 'status', options: [], value: (e) => e.status },
  { key: 'position', label: en('Position', 'Position'), type: 'standard', universalId: 'position', options: [], value: (e) => e.position },
  { key: 'supervisor', label: en('Supervisor', 'Vorgesetzte*r'), type: 'standard', universalId: 'supervisor', options: [], value: supervisorValue },
  { key: 'employment_type', label: en('Employment type', 'Beschäftigungsart'), type: 'standard', universalId: 'employment_type', options: [], value: (e) => e.employmentType },
  // A string, as in Personio's examples ("40"), although the spec's example shows a number.
  { key: 'weekly_working_hours', label: en('Weekly hours', 'Wochenstunden'), type: 'standard', universalId: 'weekly_working_hours', options: [], value: (e) => String(e.weeklyHours) },
  { key: 'hire_date', label: en('Hire date', 'Eintrittsdatum'), type: 'date', universalId: 'hire_date', options: [], value: (e) => date(e.hireDate) },
  { key: 'contract_end_date', label: en('Contract ends', 'Vertragsende'), type: 'date', universalId: 'contract_end_date', options: [], value: (e) => date(e.contractEndDate) },
  { key: 'termination_date', label: en('Termination date', 'Kündigungsdatum'), type: 'date', universalId: 'termination_date', options: [], value: (e) => date(e.terminationDate) },
  { key: 'termination_type', label: en('Termination type', 'Kündigungsart'), type: 'standard', universalId: 'termination_type', options: [], value: (e) => e.terminationType },
  { key: 'termination_reason', label: en('Termination reason', 'Kündigungsgrund'), type: 'standard', universalId: 'termination_reason', options: [], value: (e) => e.terminationReason },
  { key: 'probation_period_end', label: en('Probation period end', 'Ende der Probezeit'), type: 'date', universalId: 'probation_period_end', options: [], value: (e) => date(e.probationPeriodEnd) },
  { key: 'last_working_day', label: en('Last day of work', 'Letzter Arbeitstag'), type: 'date', universalId: 'last_working_day', options: [], value: (e) => date(e.lastWorkingDay) },
  // Personio's label for created_at is literally "created_at".
  { key: 'created_at', label: en('created_at', 'created_at'), type: 'date', universalId: 'created_at', options: [], value: (e) => formatTimestamp(e.createdAt) },
  { key: 'last_modified_at', label: en('Last modified', 'Zuletzt geändert'), type: 'date', universalId: 'last_modified_at', options: [], value: (e) => formatTimestamp(e.lastModifiedAt) },
  { key: 'subcompany', label: en('Subcompany', 'Subunternehmen'), type: 'standard', universalId: 'subcompany', options: [], value: (e, c) => ref('Subcompany', e.subcompanyId, c.company.subcompanies) },
  { key: 'office', label: en('Office', 'Standort'), type: 'standard', universalId: 'office', options: [], value: (e, c) => ref('Office', e.officeId, c.company.offices) },
  { key: 'department', label: en('Department', 'Abteilung'), type: 'standard', universalId: 'department', options: [], value: (e, c) => ref('Department', e.departmentId, c.company.departments) },
  { key: 'team', label: en('Team', 'Team'), type: 'standard', universalId: 'team', options: [], value: (e, c) => ref('Team', e.teamId, c.company.teams) },
  {
    key: 'cost_centers', label: en('Cost center', 'Kostenstelle'), type: 'standard', universalId: 'cost_centers', options: [],
    value: (e, c) =>
      e.costCenters.flatMap((share) => {
        const cc = c.company.costCenters.find((x) => x.id === share.id);
        return cc ? [{ type: 'CostCenter', attributes: { id: cc.id, name: cc.name, percentage: share.percentage } }] : [];
      }),
  },
  {
    key: 'holiday_calendar', label: en('Public holidays', 'Feiertage'), type: 'standard', universalId: 'holiday_calendar', options: [],
    value: (e, c) => {
      const h = c.company.holidayCalendars.find((x) => x.id === e.holidayCalendarId);
      return h ? { type: 'HolidayCalendar', attributes: { id: h.id, name: h.name, country: h.country, state: h.state } } : null;
    },
  },
  {
    key: 'absence_entitlement', label: en('Absence entitlement', 'Abwesenheitsanspruch'), type: 'standard', universalId: 'absence_entitlement', options: [],
    value: (e, c) =>
      c.company.timeOffTypes
        .filter((t) => t.category === 'paid_vacation')
        .map((t) => ({ type: 'TimeOffType', attributes: { id: t.id, name: t.name[c.company.language], category: t.category, entitlement: e.vacationEntitlement } })),
  },
  {
    key: 'work_schedule', label: en('Work schedule', 'Arbeitszeitmodell'), type: 'standard', universalId: 'work_schedule', options: [],
    value: (e, c) => {
      const w = c.company.workSchedules.find((x) => x.id === e.workScheduleId);
      if (!w) return null;
      const d = w.daily;
      return {
        type: 'WorkSchedule',
        attributes: { id: w.id, name: w.name, valid_from: null, monday: d, tuesday: d, wednesday: d, thursday: d, friday: d, saturday: '00:00', sunday: '00:00' },
      };
    },
  },
  { key: 'fix_salary', label: en('Fix salary', 'Fixgehalt'), type: 'decimal', universalId: 'fix_salary', options: [], value: (e) => e.fixSalary, currency: (e) => e.currency },
  { key: 'fix_salary_interval', label: en('Salary interval', 'Gehaltsintervall'), type: 'standard', universalId: 'fix_salary_interval', options: [], value: (e) => e.fixSalaryInterval },
  { key: 'hourly_salary', label: en('Hourly salary', 'Stundenlohn'), type: 'decimal', universalId: 'hourly_salary', options: [], value: (e) => e.hourlySalary, currency: (e) => e.currency },
  {
    key: 'profile_picture', label: en('Profile Picture', 'Profilbild'), type: 'standard', universalId: 'profile_picture', options: [],
    value: (e, c) => (e.hasPhoto ? `${c.baseUrl}/v1/company/employees/${e.id}/profile-picture` : null),
  },
];

const CUSTOM_VALUE: Record<CustomField, (e: SimEmployee) => unknown> = {
  personnelNumber: (e) => e.personnelNumber,
  // Custom date attributes come as ISO with offset in real tenants (docs/personio-api-notes.md §2.2).
  birthday: (e) => date(e.birthday),
  tshirtSize: (e) => e.tshirtSize,
  workPhone: (e) => e.workPhone,
};

/** Every attribute key the simulator knows, standard first, then custom (dynamic_<n>). */
export const ALL_ATTRIBUTES: string[] = [...STANDARD.map((a) => a.key), ...CUSTOM_ATTRIBUTES.map((a) => a.key)];

const catalogues = new WeakMap<Company, AttributeDef[]>();

/** The attribute definitions of a company: standard ones plus its custom attributes. */
function catalogue(company: Company): AttributeDef[] {
  let list = catalogues.get(company);
  if (!list) {
    list = [
      ...STANDARD,
      ...company.customAttributes.map(
        (c): AttributeDef => ({ key: c.key, label: c.label, type: c.type, universalId: c.universalId, options: c.options, value: CUSTOM_VALUE[c.field] }),
      ),
    ];
    catalogues.set(company, list);
  }
  return list;
}

/**
 * One employee as Personio renders it. `id` is always present (Personio returns it even to a
 * credential that may read nothing else); other keys only when allowed and, if a projection
 * (`attributes[]`) is given, requested.
 */
export function renderEmployee(e: SimEmployee, ctx: RenderContext, projection?: ReadonlySet<string>): EmployeeJson {
  const attributes: Record<string, AttributeJson> = {};
  for (const def of catalogue(ctx.company)) {
    if (def.key !== 'id' && (!ctx.allowed.has(def.key) || (projection && !projection.has(def.key)))) continue;
    const json = wrap(def.key, def.label, def.type, def.value(e, ctx), ctx, def.universalId);
    if (def.currency) json.currency = def.currency(e);
    attributes[def.key] = json;
  }
  return { type: 'Employee', attributes };
}

/** Every attribute value as JSON text, keyed by attribute: for detecting which ones a mutation changed. */
export function attributeFingerprint(e: SimEmployee, company: Company): Map<string, string> {
  const ctx: RenderContext = { company, baseUrl: '', allowed: new Set(ALL_ATTRIBUTES) };
  const out = new Map<string, string>();
  for (const def of catalogue(company)) out.set(def.key, JSON.stringify(def.value(e, ctx) ?? null));
  return out;
}

/** `GET /company/employees/attributes`: the definitions this credential may read. */
export function attributeDefinitions(company: Company, allowed: ReadonlySet<string>) {
  return catalogue(company)
    .filter((def) => def.key === 'id' || allowed.has(def.key))
    .map((def) => ({ key: def.key, label: def.label[company.language], type: def.type, universal_id: def.universalId, options: [...def.options] }));
}

/** The short employee form used inside time-offs (always id, names and email). */
export function shortEmployee(e: SimEmployee | undefined, id: number, company: Company) {
  const ctx: RenderContext = { company, baseUrl: '', allowed: new Set() };
  const attributes: Record<string, AttributeJson> = { id: wrap('id', ID_LABEL, 'integer', id, ctx) };
  if (e) {
    attributes.first_name = wrap('first_name', FIRST_NAME_LABEL, 'standard', e.firstName, ctx);
    attributes.last_name = wrap('last_name', LAST_NAME_LABEL, 'standard', e.lastName, ctx);
    attributes.email = wrap('email', EMAIL_LABEL, 'standard', e.email, ctx);
  }
  return { type: 'Employee', attributes };
}

export function renderTimeOff(t: SimTimeOff, company: Company) {
  const type = company.timeOffTypes.find((x) => x.id === t.typeId);
  return {
    type: 'TimeOffPeriod',
    attributes: {
      id: t.id,
      status: t.status,
      start_date: formatDateAttribute(t.startDate),
      end_date: formatDateAttribute(t.endDate),
      days_count: t.daysCount,
      half_day_start: t.halfDayStart,
      half_day_end: t.halfDayEnd,
      time_off_type: {
        type: 'TimeOffType',
        attributes: { id: t.typeId, name: type ? type.name[company.language] : 'Unknown', category: type?.category ?? null },
      },
      employee: shortEmployee(company.byId.get(t.employeeId), t.employeeId, company),
      certificate: { status: 'not-required' },
      created_at: formatTimestamp(t.createdAt),
      created_by: t.createdBy,
      updated_at: formatTimestamp(t.updatedAt),
    },
  };
}

export function renderTimeOffType(t: Company['timeOffTypes'][number], company: Company) {
  return {
    type: 'TimeOffType',
    attributes: { id: t.id, name: t.name[company.language], category: t.category, unit: 'day', approval_required: t.category !== 'sick_leave' },
  };
}
