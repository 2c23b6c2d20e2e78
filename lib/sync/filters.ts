import type { FieldSetting } from '../fields';
import type { FilterFacts } from '../personio/map';
import type { PopulationFilter, Settings } from '../settings';

/** Whether the admin's population filter keeps this employee. Pure. */
export function keepsEmployee(facts: FilterFacts, filter: PopulationFilter): boolean {
  // A row whose status the credential cannot read is kept: we cannot tell, and hiding
  // everyone because of a missing grant would be worse. The options page warns about it.
  if (facts.status && !filter.statuses.includes(facts.status)) return false;
  if (filter.subcompanyIds.length && (facts.subcompanyId === undefined || !filter.subcompanyIds.includes(facts.subcompanyId))) return false;
  if (filter.departmentIds.length && (facts.departmentId === undefined || !filter.departmentIds.includes(facts.departmentId))) return false;
  return true;
}

/**
 * A fingerprint of what decides which rows and fields are stored. When it changes, the
 * next run is a full one, so rows and fields outside the new scope are swept.
 */
export function scopeHash({ filters, fields, leaverMonths }: Pick<Settings, 'filters' | 'fields' | 'leaverMonths'>): string {
  const stored = fields.filter((f: FieldSetting) => f.store).map((f) => f.key).sort();
  return JSON.stringify({ s: [...filters.statuses].sort(), c: [...filters.subcompanyIds].sort(), d: [...filters.departmentIds].sort(), f: stored, l: leaverMonths });
}
