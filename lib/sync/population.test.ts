import { describe, expect, it } from 'vitest';
import { rawEmployeeSchema } from '../personio/schema';
import { populationFilterSchema } from '../settings';
import { countKept, mergePopulations, populationOf, totalCount } from './population';

const a = (value: unknown) => ({ label: 'x', value, type: 'standard', universal_id: null });
const raw = (id: number, status: string, dept: [number, string], sub: [number, string]) =>
  rawEmployeeSchema.parse({
    attributes: {
      id: a(id),
      email: a(`p${id}@acme.example`),
      status: a(status),
      department: a({ type: 'Department', attributes: { id: dept[0], name: dept[1] } }),
      subcompany: a({ type: 'Subcompany', attributes: { id: sub[0], name: sub[1] } }),
    },
  });

describe('population summary', () => {
  const firstPage = populationOf([raw(1, 'active', [10, 'IT'], [1, 'Acme GmbH']), raw(2, 'inactive', [10, 'IT'], [1, 'Acme GmbH'])]);
  const population = mergePopulations(firstPage, populationOf([raw(3, 'active', [20, 'Sales'], [2, 'Acme Ltd']), raw(4, 'active', [10, 'IT'], [1, 'Acme GmbH'])]));

  it('counts everyone across pages, with names for the pickers', () => {
    expect(totalCount(population)).toBe(4);
    // One group per status, department and subcompany, counted across both pages.
    expect(population.groups).toHaveLength(3);
    expect(population.groups.find((g) => g.status === 'active' && g.departmentId === 10)?.count).toBe(2);
    // Merging counts anew: the page's own count is left as it was.
    expect(totalCount(firstPage)).toBe(2);
    expect(population.departments).toEqual({ 10: 'IT', 20: 'Sales' });
    expect(population.subcompanies).toEqual({ 1: 'Acme GmbH', 2: 'Acme Ltd' });
  });

  it('says how many people a filter keeps', () => {
    const defaults = populationFilterSchema.parse({});
    expect(countKept(population, defaults)).toBe(3);
    expect(countKept(population, { ...defaults, departmentIds: [10] })).toBe(2);
    expect(countKept(population, { ...defaults, subcompanyIds: [2] })).toBe(1);
    expect(countKept(population, { ...defaults, statuses: ['active', 'inactive'], departmentIds: [10] })).toBe(3);
  });
});
