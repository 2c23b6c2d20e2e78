/**
 * The employee endpoints: the paginated list (`updated_since`, `email`, `attributes[]`), one
 * employee, absence balances and profile pictures. Rendered pages and pictures are cached.
 */
import { renderEmployee, type RenderContext } from './attributes';
import { hash32, workingDays, type Company, type SimEmployee } from './company';
import { clampAvatarWidth, renderAvatar } from './png';
import { EMPLOYEE_NOT_FOUND, INVALID, envelope, ok, type Reply } from './replies';
import { intParam } from './request-parsing';
import type { SimState } from './state';
import { addDays, parseTimestamp } from './time';

const EMPLOYEES_MAX_LIMIT = 100;
const EMPLOYEES_DEFAULT_LIMIT = 50;

export class EmployeeEndpoints {
  private readonly pictures = new Map<string, Buffer>();
  /**
   * Employee pages already rendered, by company version, credential scope and query, with
   * their JSON text. Personio's servers are not on the client's machine; re-rendering the
   * same 20 MB of JSON for every sync made the simulator, not the extension, the busiest
   * process in benchmarks on a two-core machine.
   */
  private readonly employeePages = new Map<string, unknown>();
  private employeePagesVersion = -1;

  /** `serialized` receives the JSON text of each cached page, which the reply sends as it is. */
  constructor(
    private readonly state: SimState,
    private readonly serialized: WeakMap<object, Buffer>,
  ) {}

  private get company(): Company {
    return this.state.company;
  }

  private listEmployees(ctx: RenderContext, params: URLSearchParams): Reply {
    const limit = intParam(params, 'limit', EMPLOYEES_DEFAULT_LIMIT);
    if (limit === null || limit < 1 || limit > EMPLOYEES_MAX_LIMIT) return INVALID(`The limit must be between 1 and ${EMPLOYEES_MAX_LIMIT}.`);
    // A RECORD offset on this endpoint (unlike time-offs, where it is a page number).
    const offset = intParam(params, 'offset', 0);
    if (offset === null) return INVALID('The offset must be a non-negative integer.');
    const requested = params.getAll('attributes[]');
    const projection = requested.length > 0 ? new Set(requested) : undefined;
    const updatedSince = params.get('updated_since');
    let list: readonly SimEmployee[] = this.company.employees;
    if (updatedSince !== null && updatedSince !== '') {
      const since = parseTimestamp(updatedSince);
      if (since === null) return INVALID('The updated_since parameter must be an ISO 8601 date-time (2022-12-24T08:15:30) or a date (YYYY-MM-DD).');
      // With attributes[], updated_since also selects: only employees where one of those (readable) attributes changed.
      const selecting = projection ? [...projection].filter((k) => k === 'id' || ctx.allowed.has(k)) : undefined;
      list = list.filter((e) => e.lastModifiedAt > since && (!selecting || this.state.changedSince(e, selecting, since)));
      // The email filter is ignored together with updated_since (spec); pagination still applies (changelog 2023-11).
    } else {
      const email = params.get('email')?.trim().toLowerCase();
      if (email) list = list.filter((e) => e.email === email);
    }
    const total = list.length;
    return ok({
      success: true,
      metadata: { total_elements: total, current_page: Math.floor(offset / limit), total_pages: Math.ceil(total / limit) },
      offset,
      limit,
      data: list.slice(offset, offset + limit).map((e) => renderEmployee(e, ctx, projection)),
    });
  }

  /** `listEmployees`, rendered once per company version, scope and query (the JSON is never mutated: faults copy it). */
  cachedEmployeesList(ctx: RenderContext, params: URLSearchParams): Reply {
    if (this.employeePagesVersion !== this.state.version) {
      this.employeePages.clear();
      this.employeePagesVersion = this.state.version;
    }
    const key = `${ctx.baseUrl}|${[...ctx.allowed].sort().join(',')}|${params.toString()}`;
    const cached = this.employeePages.get(key);
    if (cached !== undefined) return ok(cached);
    const reply = this.listEmployees(ctx, params);
    if (reply.status === 200 && typeof reply.json === 'object' && reply.json !== null) {
      if (this.employeePages.size >= 2_000) this.employeePages.clear();
      this.employeePages.set(key, reply.json);
      this.serialized.set(reply.json, Buffer.from(JSON.stringify(reply.json)));
    }
    return reply;
  }

  oneEmployee(ctx: RenderContext, id: number, params: URLSearchParams): Reply {
    const e = this.company.byId.get(id);
    if (!e) return EMPLOYEE_NOT_FOUND();
    const requested = params.getAll('attributes[]');
    return ok({ success: true, data: renderEmployee(e, ctx, requested.length > 0 ? new Set(requested) : undefined) });
  }

  /**
   * Absence balances: `balance` is what is left after what has been taken so far;
   * `available_balance` also deducts approved upcoming periods. Halves, deterministic per employee.
   */
  balance(id: number): Reply {
    const e = this.company.byId.get(id);
    if (!e) return EMPLOYEE_NOT_FOUND();
    const company = this.company;
    const h = hash32(company.seed, id, 0xba1);
    const rows = company.timeOffTypes
      .filter((t) => t.category === 'paid_vacation' || t.category === 'other')
      .map((t) => {
        const entitlement = t.category === 'paid_vacation' ? e.vacationEntitlement : 5;
        const taken = ((h >>> (t.category === 'paid_vacation' ? 0 : 8)) % (entitlement + 1)) / 2 + (h & 1 ? 0.5 : 0);
        const balance = Math.max(0, entitlement - taken);
        // Upcoming: the working days of approved periods from tomorrow on (an ongoing one counts its rest).
        const tomorrow = addDays(company.today, 1);
        const upcoming = company.timeOffs
          .filter((p) => p.employeeId === id && p.typeId === t.id && p.endDate >= tomorrow)
          .reduce((sum, p) => sum + (p.startDate >= tomorrow ? p.daysCount : workingDays(tomorrow, p.endDate, false, p.halfDayEnd)), 0);
        return { id: t.id, name: t.name[company.language], category: t.category, balance, available_balance: balance - upcoming };
      });
    return ok({ success: true, data: rows });
  }

  picture(ctx: RenderContext, id: number, width: number): Reply {
    const e = this.company.byId.get(id);
    // 404 when the employee is missing, has no picture, or the credential may not read pictures.
    if (!e || !e.hasPhoto || !ctx.allowed.has('profile_picture')) return envelope(404, 404, 'Etwas ist schiefgelaufen ...');
    const size = clampAvatarWidth(width);
    const key = `${id}:${size}`;
    let png = this.pictures.get(key);
    if (!png) {
      png = renderAvatar(hash32(this.company.seed, id), size);
      if (this.pictures.size > 500) this.pictures.clear();
      this.pictures.set(key, png);
    }
    return { status: 200, raw: { body: png, contentType: 'image/png' } };
  }
}
