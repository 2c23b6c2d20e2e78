/**
 * The fields an admin can allow ("Store") and show in the panel ("Show in panel"),
 * and which Personio attributes each needs. Defaults follow data minimisation: what an
 * agent needs to recognise a colleague is on; personal details are off.
 */
export type StandardFieldKey =
  | 'name'
  | 'email'
  | 'position'
  | 'department'
  | 'team'
  | 'office'
  | 'subcompany'
  | 'supervisor'
  | 'status'
  | 'hireDate'
  | 'vacationBalance'
  | 'absence'
  | 'photo'
  | 'gender'
  | 'costCenters'
  | 'weeklyHours'
  | 'employmentType';

/** Custom Personio attributes are fields too, keyed by their attribute key (`dynamic_123`). */
export type FieldKey = StandardFieldKey | `dynamic_${number}`;

export interface FieldDefinition {
  key: StandardFieldKey;
  /** Personio attribute keys this field reads. Empty: it comes from another endpoint. */
  attributes: readonly string[];
  /** Name and email identify a person; they cannot be turned off. */
  required?: boolean;
  defaultOn: boolean;
}

export const STANDARD_FIELDS: readonly FieldDefinition[] = [
  { key: 'name', attributes: ['first_name', 'last_name', 'preferred_name'], required: true, defaultOn: true },
  { key: 'email', attributes: ['email'], required: true, defaultOn: true },
  { key: 'position', attributes: ['position'], defaultOn: true },
  { key: 'department', attributes: ['department'], defaultOn: true },
  { key: 'team', attributes: ['team'], defaultOn: true },
  { key: 'office', attributes: ['office'], defaultOn: true },
  { key: 'supervisor', attributes: ['supervisor'], defaultOn: true },
  { key: 'status', attributes: ['status', 'termination_date'], defaultOn: true },
  { key: 'hireDate', attributes: ['hire_date'], defaultOn: true },
  { key: 'vacationBalance', attributes: [], defaultOn: true },
  // Time-offs come from their own endpoint; the schedule and holiday calendar say when someone is back.
  { key: 'absence', attributes: ['work_schedule', 'holiday_calendar'], defaultOn: true },
  { key: 'subcompany', attributes: ['subcompany'], defaultOn: false },
  { key: 'photo', attributes: ['profile_picture'], defaultOn: false },
  { key: 'gender', attributes: ['gender'], defaultOn: false },
  { key: 'costCenters', attributes: ['cost_centers'], defaultOn: false },
  { key: 'weeklyHours', attributes: ['weekly_working_hours'], defaultOn: false },
  { key: 'employmentType', attributes: ['employment_type'], defaultOn: false },
];

export interface FieldSetting {
  key: FieldKey;
  store: boolean;
  show: boolean;
}

export function defaultFieldSettings(): FieldSetting[] {
  return STANDARD_FIELDS.map((f) => ({ key: f.key, store: f.defaultOn, show: f.defaultOn }));
}

export function isCustomField(key: string): key is `dynamic_${number}` {
  return /^dynamic_\d+$/.test(key);
}

/** Fields whose data may be stored: required ones always, others when the admin allowed them. */
export function storedFields(settings: readonly FieldSetting[]): Set<FieldKey> {
  const set = new Set<FieldKey>(STANDARD_FIELDS.filter((f) => f.required).map((f) => f.key));
  for (const s of settings) if (s.store) set.add(s.key);
  return set;
}

/** Fields shown in the panel, in the admin's order (a field must be stored to be shown). */
export function shownFields(settings: readonly FieldSetting[]): FieldKey[] {
  return settings.filter((s) => s.store && s.show).map((s) => s.key);
}

/**
 * The Personio attributes a sync asks for: what stored fields need, plus what the sync
 * itself needs (id and last_modified_at to sync, status/department/subcompany to filter).
 * Attributes fetched only for filtering are never stored unless their field is allowed.
 */
export function attributesToRequest(stored: ReadonlySet<FieldKey>): string[] {
  // termination_date too: it decides whether someone who left keeps a minimal record (lib/sync/leavers.ts).
  const attrs = new Set<string>(['id', 'last_modified_at', 'created_at', 'status', 'termination_date', 'department', 'subcompany']);
  for (const f of STANDARD_FIELDS) if (stored.has(f.key)) f.attributes.forEach((a) => attrs.add(a));
  for (const key of stored) if (isCustomField(key)) attrs.add(key);
  return [...attrs];
}
