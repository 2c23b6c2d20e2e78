import { describe, expect, it } from 'vitest';
import { generateCompany } from '../personio-sim/company';
import { SOAK_CUSTOM_ATTRIBUTE } from './changes';
import { compare, type LocalPerson } from './oracle';

const company = generateCompany({ employees: 40, seed: 3 });
const cutoff = '2000-01-01';
/** The local copy a correct sync would hold. */
const perfect = (): LocalPerson[] =>
  company.employees
    .filter((e) => e.status !== 'inactive' || (e.terminationDate !== null && e.terminationDate >= cutoff))
    .map((e) => ({
      id: e.id, email: e.email.toLowerCase(), firstName: e.firstName, lastName: e.lastName, status: e.status, position: e.position || undefined, departmentId: e.departmentId ?? undefined,
      ...(e.status !== 'inactive' && e.supervisorId !== null ? { supervisorId: e.supervisorId } : {}),
      ...(e.status !== 'inactive' && e.tshirtSize !== null ? { custom: { [SOAK_CUSTOM_ATTRIBUTE]: { value: e.tshirtSize } } } : {}),
    }));

describe('the soak oracle', () => {
  it('finds nothing wrong with a correct copy', () => {
    expect(compare(company.employees, perfect(), cutoff)).toEqual([]);
  });
  it('names a missing person, an extra one, and a stale field', () => {
    const local = perfect();
    const [gone, changed] = local;
    local.splice(0, 1);
    changed!.position = 'Old title';
    local.push({ id: 999_999, email: 'ghost@acme.example' });
    expect(compare(company.employees, local, cutoff)).toEqual([
      { id: gone!.id, kind: 'missing' },
      { id: changed!.id, kind: 'stale', field: 'position', expected: company.byId.get(changed!.id)!.position || undefined, actual: 'Old title' },
      { id: 999_999, kind: 'extra' },
    ]);
  });
  it('expects no leaver from before the cutoff', () => {
    const leaver = company.employees.find((e) => e.status === 'inactive' && e.terminationDate)!;
    const local = perfect();
    expect(compare(company.employees, local, '2999-01-01')).toContainEqual({ id: leaver.id, kind: 'extra' });
  });
  it('expects no value of an attribute the credential may not read, and names one still stored', () => {
    const local = perfect();
    const withPosition = local.find((p) => p.position)!;
    for (const p of local) if (p !== withPosition) delete p.position;
    expect(compare(company.employees, local, cutoff, new Set(['position']))).toEqual([{ id: withPosition.id, kind: 'stale', field: 'position', expected: undefined, actual: withPosition.position }]);
  });
});
