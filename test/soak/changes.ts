import { DEFAULT_CREDENTIAL, type Simulator } from '../personio-sim';
import { TSHIRT_SIZES, type SimEmployee } from '../personio-sim/company';
import { SimError } from '../personio-sim/state';
import type { Random } from './random';

/**
 * One round of a changing company, as HR enters it in Personio: hires (one of them reusing a
 * leaver's address), leavers, returns from leave, transfers, renames with umlauts, address
 * changes, new supervisors (now and then a chain that loops for a round), time-offs added and
 * cancelled, custom attribute values, and the credential's allow-list ticked and unticked. Every change goes through the simulator, which moves `last_modified_at` as
 * Personio does.
 */
export type ChangeKind = 'hire' | 'rehire-address' | 'leave' | 'return' | 'transfer' | 'rename' | 'email' | 'supervisor' | 'cycle' | 'time-off' | 'cancel-time-off' | 'allow-list' | 'custom-value';

/** The custom attribute the soak stores (T-shirt size, a list). */
export const SOAK_CUSTOM_ATTRIBUTE = 'dynamic_24411';
/** Attributes the admin may untick for the credential in Personio (and tick again) between rounds. */
export const WITHHOLDABLE = ['position', 'department', 'supervisor', SOAK_CUSTOM_ATTRIBUTE];

const FIRST = ['Jürgen', 'Zoë', 'Åsa', 'Bjørn', 'Chloé', 'Özlem', 'Maël', 'Ines', 'Sören', 'Léa'];
const LAST = ['Müller', 'Schäfer', 'Groß', 'Nuñez', 'Łukasz', 'Dvořák', 'Öztürk', 'Weiß', 'Brandt', 'Kühn'];

function todayPlus(today: string, days: number): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Apply `count` random changes; returns what was done, by kind. `withheld` holds the
 * attributes the credential may not read at the moment; an allow-list change updates it.
 */
export function applyRandomChanges(sim: Simulator, rng: Random, count: number, today: string, withheld: Set<string>): Map<ChangeKind, number> {
  const done = new Map<ChangeKind, number>();
  const note = (kind: ChangeKind) => done.set(kind, (done.get(kind) ?? 0) + 1);
  const company = sim.company;
  const current = () => company.employees.filter((e) => e.status !== 'inactive');
  const uniqueEmail = (first: string, last: string) => `${first}.${last}.${company.nextEmployeeId}@acme.example`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9.@]/g, '');

  for (let i = 0; i < count; i += 1) {
    const kind = rng.pick<ChangeKind>(['hire', 'hire', 'rehire-address', 'leave', 'return', 'transfer', 'transfer', 'rename', 'email', 'supervisor', 'supervisor', 'cycle', 'time-off', 'time-off', 'cancel-time-off', 'allow-list', 'custom-value']);
    if (applyOne(kind)) note(kind);
  }
  return done;

  /** One change; false when the company offers no occasion for it or the API refuses it. */
  function applyOne(kind: ChangeKind): boolean {
    const people = current();
    const someone = rng.pick(people);
    try {
      return change(kind, people, someone);
    } catch (error) {
      if (error instanceof SimError) return false; // refused as Personio would (a loop, a taken address)
      throw error;
    }
  }

  function change(kind: ChangeKind, people: SimEmployee[], someone: SimEmployee): boolean {
    switch (kind) {
      case 'hire': {
        const first = rng.pick(FIRST);
        const last = rng.pick(LAST);
        sim.addEmployee({ firstName: first, lastName: last, email: uniqueEmail(first, last), status: rng.chance(0.3) ? 'onboarding' : 'active', supervisorId: someone.id, departmentId: someone.departmentId, position: someone.position });
        return true;
      }
      case 'rehire-address': {
        // A new person gets an address a former employee had (Personio frees it on leaving).
        const former = company.employees.find((e) => e.status === 'inactive' && !e.email.endsWith('@former.acme.example'));
        if (!former) return false;
        const freed = former.email;
        sim.updateEmployee(former.id, { email: `left.${former.id}@former.acme.example` });
        sim.addEmployee({ firstName: rng.pick(FIRST), lastName: rng.pick(LAST), email: freed, status: 'active', supervisorId: someone.id, departmentId: someone.departmentId });
        return true;
      }
      case 'leave':
        sim.updateEmployee(someone.id, { status: 'inactive', terminationDate: todayPlus(today, -rng.int(0, 20)), lastWorkingDay: todayPlus(today, -rng.int(0, 20)) });
        return true;
      case 'return': {
        const away = people.filter((e) => e.status === 'leave');
        if (!away.length) return false;
        sim.updateEmployee(rng.pick(away).id, { status: 'active' });
        return true;
      }
      case 'transfer':
        sim.updateEmployee(someone.id, { departmentId: rng.pick(company.departments).id, subcompanyId: rng.chance(0.5) ? rng.pick(company.subcompanies).id : someone.subcompanyId });
        return true;
      case 'rename':
        sim.updateEmployee(someone.id, { lastName: rng.pick(LAST), ...(rng.chance(0.3) ? { preferredName: rng.pick(FIRST) } : {}) });
        return true;
      case 'email':
        sim.updateEmployee(someone.id, { email: uniqueEmail(someone.firstName, `${someone.lastName}.new`) });
        return true;
      case 'supervisor': {
        const other = rng.pick(people);
        if (other.id === someone.id) return false;
        try {
          sim.updateEmployee(someone.id, { supervisorId: other.id });
        } catch {
          return false; // it would close a loop: the API refuses it, as Personio's would
        }
        return true;
      }
      case 'cycle': {
        // Data entry in progress in Personio's own UI: A reports to B while B still reports to
        // A, for one round. The simulator's API refuses a loop, so A's line is lifted for the
        // moment B's changes (a recorded change of B), then put back as it was.
        const b = someone.supervisorId !== null ? company.byId.get(someone.supervisorId) : undefined;
        if (!b || b.status === 'inactive') return false;
        someone.supervisorId = null;
        try {
          sim.updateEmployee(b.id, { supervisorId: someone.id });
        } finally {
          someone.supervisorId = b.id;
        }
        return true;
      }
      case 'time-off': {
        const start = todayPlus(today, rng.int(-3, 10));
        company.timeOffs.push({ id: company.nextTimeOffId++, employeeId: someone.id, typeId: company.timeOffTypes[0]!.id, status: 'approved', startDate: start, endDate: todayPlus(start, rng.int(0, 5)), halfDayStart: false, halfDayEnd: false, daysCount: 1, createdAt: Date.now(), updatedAt: Date.now(), createdBy: 'soak' });
        return true;
      }
      case 'allow-list': {
        // Now and then only: each change of the allow-list costs the extension a full run.
        if (!rng.chance(0.4)) return false;
        const attribute = rng.pick(WITHHOLDABLE);
        if (withheld.has(attribute)) withheld.delete(attribute);
        else withheld.add(attribute);
        sim.setAllowedAttributes(DEFAULT_CREDENTIAL.clientId, DEFAULT_CREDENTIAL.attributes.filter((a) => !withheld.has(a)));
        return true;
      }
      case 'custom-value':
        sim.updateEmployee(someone.id, { tshirtSize: rng.chance(0.1) ? null : rng.pick(TSHIRT_SIZES) });
        return true;
      case 'cancel-time-off': {
        if (!company.timeOffs.length) return false;
        company.timeOffs.splice(rng.int(0, company.timeOffs.length - 1), 1);
        return true;
      }
    }
  }
}

/** Supervisor loops left by the round (the chain is fixed again in the next one). */
export function breakCycles(sim: Simulator): void {
  for (const e of sim.company.employees) {
    const seen = new Set<number>([e.id]);
    let boss: SimEmployee | undefined = e.supervisorId !== null ? sim.company.byId.get(e.supervisorId) : undefined;
    while (boss) {
      if (seen.has(boss.id)) {
        sim.updateEmployee(e.id, { supervisorId: null });
        break;
      }
      seen.add(boss.id);
      boss = boss.supervisorId !== null ? sim.company.byId.get(boss.supervisorId) : undefined;
    }
  }
}
