/**
 * The simulator's live company and its mutations. Every mutation moves the touched employee's
 * `last_modified_at` to "now" on a clock that is strictly increasing in whole seconds (the
 * resolution Personio prints), so `updated_since` after a mutation always finds it.
 */
import { attributeFingerprint } from './attributes';
import { EmailRegistry, draftNewEmployee, type Company, type SimEmployee } from './company';

/** A mutation or control request that cannot be done; `status` is what /__sim answers. */
export class SimError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

/**
 * Keys that never count as "changed" for the `updated_since` + `attributes[]` selection:
 * `last_modified_at` is the change marker itself, not data.
 */
const NOT_DATA = new Set(['last_modified_at']);

export class SimState {
  private clockMs: number;
  /** Moves with every mutation: what was rendered before it may be stale. */
  version = 0;
  private readonly emails = new EmailRegistry();
  /**
   * When each attribute of an employee last changed. Absent for employees never mutated:
   * then every attribute counts as changed at their `lastModifiedAt`.
   */
  private readonly stamps = new Map<number, Map<string, number>>();

  constructor(readonly company: Company) {
    let latest = 0;
    for (const e of company.employees) {
      this.emails.reserve(e.email);
      latest = Math.max(latest, e.lastModifiedAt, e.createdAt);
    }
    for (const t of company.timeOffs) latest = Math.max(latest, t.updatedAt);
    this.clockMs = Math.floor(latest / 1000) * 1000;
  }

  /** How far the company's clock runs ahead of the real one (a soak's simulated time). */
  aheadMs = 0;

  /** "Now" for a mutation: the company's time in whole seconds, but always after the previous one. */
  now(): number {
    this.clockMs = Math.max(Math.floor((Date.now() + this.aheadMs) / 1000) * 1000, this.clockMs + 1000);
    return this.clockMs;
  }

  get(id: number): SimEmployee {
    const e = this.company.byId.get(id);
    if (!e) throw new SimError(404, `no employee with id ${id}`);
    return e;
  }

  /** Did any of `keys` change after `since`? (The `updated_since` + `attributes[]` selection.) */
  changedSince(e: SimEmployee, keys: Iterable<string>, since: number): boolean {
    const stamps = this.stamps.get(e.id);
    for (const key of keys) {
      if (NOT_DATA.has(key)) continue;
      if ((stamps ? (stamps.get(key) ?? 0) : e.lastModifiedAt) > since) return true;
    }
    return false;
  }

  private stampsOf(e: SimEmployee): Map<string, number> {
    let stamps = this.stamps.get(e.id);
    if (!stamps) {
      stamps = new Map();
      for (const key of attributeFingerprint(e, this.company).keys()) stamps.set(key, e.lastModifiedAt);
      this.stamps.set(e.id, stamps);
    }
    return stamps;
  }

  private checkReferences(e: Partial<SimEmployee>, selfId?: number): void {
    const c = this.company;
    const check = (id: number | null | undefined, list: readonly { id: number }[], what: string) => {
      if (id !== undefined && id !== null && !list.some((x) => x.id === id)) throw new SimError(400, `unknown ${what} id ${id}`);
    };
    check(e.departmentId, c.departments, 'department');
    check(e.officeId, c.offices, 'office');
    check(e.teamId, c.teams, 'team');
    check(e.subcompanyId, c.subcompanies, 'subcompany');
    check(e.holidayCalendarId, c.holidayCalendars, 'holiday calendar');
    check(e.workScheduleId, c.workSchedules, 'work schedule');
    for (const share of e.costCenters ?? []) check(share.id, c.costCenters, 'cost center');
    if (e.supervisorId !== undefined && e.supervisorId !== null) {
      if (!c.byId.has(e.supervisorId)) throw new SimError(400, `unknown supervisor id ${e.supervisorId}`);
      // Walk up from the new supervisor: meeting ourselves would make a cycle.
      for (let s: number | null | undefined = e.supervisorId, steps = 0; s != null; s = c.byId.get(s)?.supervisorId, steps += 1) {
        if (s === selfId || steps > c.employees.length) throw new SimError(400, `supervisor ${e.supervisorId} would create a cycle`);
      }
    }
  }

  add(partial: Partial<SimEmployee> = {}): SimEmployee {
    this.version += 1;
    const { id: _ignored, ...fields } = partial;
    if (fields.email !== undefined && this.emails.has(fields.email)) throw new SimError(409, `email ${fields.email} is already used`);
    this.checkReferences(fields);
    const id = this.company.nextEmployeeId;
    const e = draftNewEmployee(this.company, id, this.emails, fields);
    this.company.nextEmployeeId += 1;
    const now = this.now();
    e.createdAt = now;
    e.lastModifiedAt = now;
    // Ids only grow, so appending keeps the list sorted by id.
    this.company.employees.push(e);
    this.company.byId.set(id, e);
    this.stamps.set(id, new Map([...attributeFingerprint(e, this.company).keys()].map((k) => [k, now])));
    return e;
  }

  update(id: number, changes: Partial<SimEmployee>): SimEmployee {
    this.version += 1;
    const e = this.get(id);
    if (changes.id !== undefined && changes.id !== id) throw new SimError(400, 'an employee id cannot change');
    const { id: _same, ...fields } = changes;
    const email = fields.email?.toLowerCase();
    if (email !== undefined && email !== e.email && this.emails.has(email)) throw new SimError(409, `email ${email} is already used`);
    this.checkReferences(fields, id);

    const stamps = this.stampsOf(e);
    const before = attributeFingerprint(e, this.company);
    const oldFullName = `${e.firstName} ${e.lastName}`;
    const oldEmail = e.email;
    Object.assign(e, fields);
    if (email !== undefined) {
      this.emails.release(oldEmail);
      this.emails.reserve(email);
      e.email = email;
    }
    // A renamed person's preferred name follows, unless it was set apart from the name.
    if (fields.preferredName === undefined && (fields.firstName !== undefined || fields.lastName !== undefined) && e.preferredName === oldFullName) {
      e.preferredName = `${e.firstName} ${e.lastName}`;
    }
    const now = this.now();
    e.lastModifiedAt = now;
    for (const [key, value] of attributeFingerprint(e, this.company)) {
      if (before.get(key) !== value) stamps.set(key, now);
    }
    return e;
  }

  /** Moves last_modified_at without changing any data (Personio reports such phantom updates). */
  touch(id: number): SimEmployee {
    this.version += 1;
    const e = this.get(id);
    this.stampsOf(e);
    e.lastModifiedAt = this.now();
    return e;
  }

  /**
   * Deletes an employee and their time-offs. People who reported to them are left without a
   * supervisor; that is not counted as a change to them (v1 has no deletion feed either).
   */
  remove(id: number): void {
    this.version += 1;
    const e = this.get(id);
    const list = this.company.employees;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = list[mid]!.id;
      if (at === id) {
        list.splice(mid, 1);
        break;
      }
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    this.company.byId.delete(id);
    this.emails.release(e.email);
    this.stamps.delete(id);
    this.company.timeOffs = this.company.timeOffs.filter((t) => t.employeeId !== id);
    for (const other of list) if (other.supervisorId === id) other.supervisorId = null;
    for (const d of this.company.departments) if (d.headId === id) d.headId = null;
  }
}
