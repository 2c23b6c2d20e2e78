/**
 * The fixed cast: the first eight employees, the same in every company, whom fixtures and
 * end-to-end tests refer to by name and email.
 */
import type { Context, Draft } from './employee-generator';
import { dept, office, team, type Org } from './reference-data';
import { addDays } from './time';

/** The fixed cast: ids 100001–100008, the same in every company. */
export function castDrafts(ctx: Context): Draft[] {
  const { org, today } = ctx;
  const at = (days: number) => addDays(today, days);
  const d = (name: string) => dept(org, name).id;
  return [
    { firstName: 'Lena', lastName: 'Hoffmann', gender: 'female', position: 'Chief Executive Officer', departmentId: d('Management'), teamId: null, officeId: office('Munich').id, supervisorId: null, status: 'active', hireDate: at(-3500), hasPhoto: true },
    { firstName: 'Jürgen', lastName: 'Müller', gender: 'male', position: 'Head of People', departmentId: d('People & Culture'), teamId: null, officeId: office('Munich').id, supervisorId: 100001, status: 'active', hireDate: at(-3000), hasPhoto: true },
    { firstName: 'Ada', lastName: 'Lovelace', gender: 'female', position: 'Senior Software Engineer', departmentId: d('Engineering'), teamId: team(org, 'Engineering', 'Platform'), officeId: office('Berlin').id, supervisorId: 100004, status: 'active', hireDate: at(-2400), hasPhoto: true },
    { firstName: 'Grace', lastName: 'Hopper', gender: 'female', position: 'VP Engineering', departmentId: d('Engineering'), teamId: null, officeId: office('Berlin').id, supervisorId: 100001, status: 'active', hireDate: at(-3300), hasPhoto: true },
    { firstName: 'Zoë', lastName: 'Schäfer', gender: 'female', position: 'HR Business Partner', departmentId: d('People & Culture'), teamId: team(org, 'People & Culture', 'People Operations'), officeId: office('Hamburg').id, supervisorId: 100002, status: 'leave', hireDate: at(-1900), hasPhoto: false },
    { firstName: 'Tobias', lastName: 'Weiß', gender: 'male', position: 'IT Support Specialist', departmentId: d('IT'), teamId: team(org, 'IT', 'Workplace IT'), officeId: office('Munich').id, supervisorId: 100004, status: 'onboarding', hireDate: at(14), createdOn: at(-10), hasPhoto: true },
    { firstName: 'Emily', lastName: 'Clarke', gender: 'female', position: 'Account Executive', departmentId: d('Sales'), teamId: team(org, 'Sales', 'UK & Ireland'), officeId: office('London').id, supervisorId: 100001, status: 'active', hireDate: at(-1500), terminationDate: at(30), terminationType: 'employee', terminationReason: 'Relocation', hasPhoto: true },
    // Max has no supervisor: one of the few, and a former employee.
    { firstName: 'Max', lastName: 'Mustermann', gender: 'male', position: 'Accountant', departmentId: d('Finance'), teamId: team(org, 'Finance', 'Accounting'), officeId: office('Munich').id, supervisorId: null, status: 'inactive', hireDate: at(-2200), terminationDate: at(-120), terminationType: 'employee', terminationReason: 'Career change', hasPhoto: true },
  ];
}

/** The cast's heads: Lena leads Management, Jürgen People & Culture, Grace Engineering and IT. */
export function assignCastHeads(org: Org): void {
  dept(org, 'Management').headId = 100001;
  dept(org, 'People & Culture').headId = 100002;
  dept(org, 'Engineering').headId = 100004;
  dept(org, 'IT').headId = 100004;
}
