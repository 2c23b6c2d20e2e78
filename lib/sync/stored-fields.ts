import type { Employee } from '../employee';
import { isCustomField, type FieldKey } from '../fields';
import type { SidecardDB } from '../db';

/** Which record properties each field owns: turning the field off deletes exactly these. */
const PROPERTIES: Partial<Record<FieldKey, (keyof Employee)[]>> = {
  position: ['position'],
  department: ['department', 'departmentId'],
  team: ['team'],
  office: ['office'],
  subcompany: ['subcompany'],
  supervisor: ['supervisorId', 'supervisorName'],
  status: ['status', 'terminationDate'],
  hireDate: ['hireDate'],
  photo: ['photoUrl'],
  gender: ['gender'],
  costCenters: ['costCenters'],
  weeklyHours: ['weeklyHours'],
  employmentType: ['employmentType'],
  absence: ['workWeek', 'holidayRegion'],
};

/** Remove a field's data from one record. Pure; returns whether anything was removed. */
export function stripFields(e: Employee, stored: ReadonlySet<FieldKey>): boolean {
  let changed = false;
  for (const [field, props] of Object.entries(PROPERTIES) as [FieldKey, (keyof Employee)[]][]) {
    if (stored.has(field)) continue;
    for (const prop of props) {
      if (prop in e) {
        delete e[prop];
        changed = true;
      }
    }
  }
  if (e.custom) {
    for (const key of Object.keys(e.custom)) {
      if (isCustomField(key) && !stored.has(key)) {
        delete e.custom[key];
        changed = true;
      }
    }
    if (Object.keys(e.custom).length === 0) delete e.custom;
  }
  return changed;
}

/**
 * Turning "Store" off for a field deletes it from every stored record at once, and the
 * caches that belong to it (photos, balances, absences), in one transaction. Returns the ids
 * of the records it changed.
 */
export async function applyStoredFields(database: SidecardDB, stored: ReadonlySet<FieldKey>): Promise<number[]> {
  return database.transaction('rw', [database.employees, database.photos, database.balances, database.timeOffBuckets], async () => {
    const ids: number[] = [];
    await database.employees.toCollection().modify((e) => {
      if (stripFields(e, stored)) ids.push(e.id);
    });
    if (!stored.has('photo')) await database.photos.clear();
    if (!stored.has('vacationBalance')) await database.balances.clear();
    if (!stored.has('absence')) await database.timeOffBuckets.clear();
    return ids;
  });
}
