import type { EmployeeStatus } from '../employee';
import type { RawEmployee } from '../personio/schema';
import type { PopulationFilter } from '../settings';
import { keepsEmployee } from './filters';

/**
 * Who is in the company, before filters: counts per (status, department, subcompany), with
 * names. A full run sees every employee anyway (filters apply on our side), so it collects
 * this for free; the options page then says how many people each filter keeps, instantly.
 */
export interface PopulationGroup {
  status?: EmployeeStatus;
  departmentId?: number;
  subcompanyId?: number;
  count: number;
}

export interface Population {
  groups: PopulationGroup[];
  departments: Record<number, string>;
  subcompanies: Record<number, string>;
}

export function emptyPopulation(): Population {
  return { groups: [], departments: {}, subcompanies: {} };
}

type OrgValue = { attributes: { id: number; name: string } } | null | undefined;

/** One group per status, department and subcompany. */
const groupKey = (g: Omit<PopulationGroup, 'count'>) => `${g.status}|${g.departmentId}|${g.subcompanyId}`;

/** Who is among `rows` (a page). Pure. */
export function populationOf(rows: readonly RawEmployee[]): Population {
  const groups = new Map<string, PopulationGroup>();
  const departments: Population['departments'] = {};
  const subcompanies: Population['subcompanies'] = {};
  for (const raw of rows) {
    const a = raw.attributes;
    const status = typeof a.status?.value === 'string' ? (a.status.value.toLowerCase() as EmployeeStatus) : undefined;
    const department = a.department?.value as OrgValue;
    const subcompany = a.subcompany?.value as OrgValue;
    if (department) departments[department.attributes.id] = department.attributes.name;
    if (subcompany) subcompanies[subcompany.attributes.id] = subcompany.attributes.name;
    const key = groupKey({ status, departmentId: department?.attributes.id, subcompanyId: subcompany?.attributes.id });
    const group = groups.get(key) ?? {
      ...(status ? { status } : {}),
      ...(department ? { departmentId: department.attributes.id } : {}),
      ...(subcompany ? { subcompanyId: subcompany.attributes.id } : {}),
      count: 0,
    };
    group.count += 1;
    groups.set(key, group);
  }
  return { groups: [...groups.values()], departments, subcompanies };
}

/** Two counts of different people as one (a run's pages so far, and its next page). Pure. */
export function mergePopulations(a: Population, b: Population): Population {
  const groups = new Map(a.groups.map((g) => [groupKey(g), { ...g }]));
  for (const g of b.groups) {
    const same = groups.get(groupKey(g));
    if (same) same.count += g.count;
    else groups.set(groupKey(g), { ...g });
  }
  return { groups: [...groups.values()], departments: { ...a.departments, ...b.departments }, subcompanies: { ...a.subcompanies, ...b.subcompanies } };
}

/** How many people a filter keeps. Pure. */
export function countKept(population: Population, filter: PopulationFilter): number {
  return population.groups.filter((g) => keepsEmployee({ ...(g.status ? { status: g.status } : {}), ...(g.departmentId !== undefined ? { departmentId: g.departmentId } : {}), ...(g.subcompanyId !== undefined ? { subcompanyId: g.subcompanyId } : {}) }, filter)).reduce((n, g) => n + g.count, 0);
}

export function totalCount(population: Population): number {
  return population.groups.reduce((n, g) => n + g.count, 0);
}
