import type { SimEmployee } from '../personio-sim/company';
import { SOAK_CUSTOM_ATTRIBUTE } from './changes';

/**
 * The soak's judge: the extension's local copy against Personio's truth, person by person and
 * field by field, under the default filters (onboarding, active, on leave) and the minimal
 * record kept for anyone who left after `leaverCutoff`. A field whose attribute the credential
 * may not read (`withheld`) must not be stored at all. Pure, so its rules are unit-tested.
 */
export interface LocalPerson {
  id: number;
  email: string;
  firstName?: string;
  lastName?: string;
  preferredName?: string;
  status?: string;
  position?: string;
  departmentId?: number;
  supervisorId?: number;
  terminationDate?: string;
  custom?: Record<string, { value: unknown }>;
}

export interface Divergence {
  id: number;
  kind: 'missing' | 'extra' | 'stale';
  field?: string;
  expected?: unknown;
  actual?: unknown;
}

const SYNCED_STATUSES = new Set(['onboarding', 'active', 'leave']);

/** Who must be stored: whoever the filters keep, and a minimal record of a recent leaver. */
export function expectedPeople(truth: readonly SimEmployee[], leaverCutoff: string): Map<number, SimEmployee> {
  const kept = new Map<number, SimEmployee>();
  for (const e of truth) {
    if (SYNCED_STATUSES.has(e.status) || (e.status === 'inactive' && e.terminationDate !== null && e.terminationDate >= leaverCutoff)) kept.set(e.id, e);
  }
  return kept;
}

export function compare(truth: readonly SimEmployee[], local: readonly LocalPerson[], leaverCutoff: string, withheld: ReadonlySet<string> = new Set()): Divergence[] {
  const readable = <T>(attribute: string, value: T) => (withheld.has(attribute) ? undefined : value);
  const expected = expectedPeople(truth, leaverCutoff);
  const byId = new Map(local.map((p) => [p.id, p]));
  const out: Divergence[] = [];
  for (const [id, e] of expected) {
    const mine = byId.get(id);
    if (!mine) {
      out.push({ id, kind: 'missing' });
      continue;
    }
    const leaver = e.status === 'inactive';
    const fields: [string, unknown, unknown][] = [
      ['email', e.email.toLowerCase(), mine.email],
      ['firstName', e.firstName, mine.firstName],
      ['lastName', e.lastName, mine.lastName],
      ['position', readable('position', e.position || undefined), mine.position || undefined],
      ['departmentId', readable('department', e.departmentId ?? undefined), mine.departmentId],
      ['status', e.status, mine.status],
      // A leaver's minimal record keeps no supervisor and no custom values (docs/privacy.md).
      ...(leaver
        ? []
        : ([
            ['supervisorId', readable('supervisor', e.supervisorId ?? undefined), mine.supervisorId],
            [SOAK_CUSTOM_ATTRIBUTE, readable(SOAK_CUSTOM_ATTRIBUTE, e.tshirtSize ?? undefined), mine.custom?.[SOAK_CUSTOM_ATTRIBUTE]?.value],
          ] as [string, unknown, unknown][])),
    ];
    for (const [field, want, have] of fields) if (want !== have) out.push({ id, kind: 'stale', field, expected: want, actual: have });
  }
  for (const p of local) if (!expected.has(p.id)) out.push({ id: p.id, kind: 'extra' });
  return out;
}
