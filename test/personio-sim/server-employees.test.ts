// @vitest-environment node
/** The employee list: paging, filters, projection, rendering, cached pages and `updated_since`. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from './index';
import { TODAY, auth, employees, expectErrorEnvelope, get, ids, withSharedSimulator, type EmployeeJson } from './server-test-helpers';

let sim: Simulator;
let token: string;
withSharedSimulator((shared) => ({ sim, token } = shared));

describe('GET /v1/company/employees', () => {
  it('pages 50 by default with a 0-based current_page', async () => {
    const { status, json } = await get(sim, '/v1/company/employees', token);
    expect(status).toBe(200);
    expect(json.success).toBe(true);
    expect(json.limit).toBe(50);
    expect(json.offset).toBe(0);
    expect(json.metadata).toEqual({ total_elements: 250, current_page: 0, total_pages: 5 });
    expect(ids(json)).toEqual(sim.company.employees.slice(0, 50).map((e) => e.id));
    expect(employees(json)[0]?.type).toBe('Employee');
  });

  it('reads offset as a record offset', async () => {
    const { json } = await get(sim, '/v1/company/employees?offset=120&limit=40', token);
    expect(ids(json)).toEqual(sim.company.employees.slice(120, 160).map((e) => e.id));
    expect(json.metadata?.current_page).toBe(3);
    expect((await get(sim, '/v1/company/employees?offset=5000', token)).json.data).toEqual([]);
  });

  it('rejects a limit above 100 or below 1 with 422', async () => {
    for (const limit of ['101', '0', 'ten']) {
      const { status, json } = await get(sim, `/v1/company/employees?limit=${limit}`, token);
      expect(status).toBe(422);
      expectErrorEnvelope(json, 'The limit must be between 1 and 100.');
    }
    expect((await get(sim, '/v1/company/employees?limit=100', token)).status).toBe(200);
  });

  it('yields every employee exactly once when walking all pages, sorted by id', async () => {
    const seen: number[] = [];
    for (let offset = 0; ; offset += 100) {
      const { json } = await get(sim, `/v1/company/employees?limit=100&offset=${offset}`, token);
      seen.push(...ids(json));
      if (offset + 100 >= (json.metadata?.total_elements ?? 0)) break;
    }
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen).toEqual(sim.company.employees.map((e) => e.id));
  });

  it('filters by email, exactly and case-insensitively, still as a list', async () => {
    const { json } = await get(sim, `/v1/company/employees?email=${encodeURIComponent('ADA.Lovelace@acme.example')}`, token);
    expect(ids(json)).toEqual([100003]);
    expect(json.metadata?.total_elements).toBe(1);
    const none = await get(sim, '/v1/company/employees?email=ada@acme.example', token);
    expect(none.json.data).toEqual([]);
    expect(none.json.metadata?.total_elements).toBe(0);
  });

  it('projects attributes[] (repeat form), always keeping id', async () => {
    const { json } = await get(sim, '/v1/company/employees?limit=3&attributes[]=first_name&attributes[]=email', token);
    for (const e of employees(json)) expect(Object.keys(e.attributes).sort()).toEqual(['email', 'first_name', 'id']);
    expect(sim.requests.at(-1)?.query['attributes[]']).toEqual(['first_name', 'email']);
  });

  it('renders attributes as {label, value, type, universal_id} with Personio quirks', async () => {
    const ada = employees((await get(sim, '/v1/company/employees?email=ada.lovelace@acme.example', token)).json)[0]!;
    const a = ada.attributes;
    for (const attribute of Object.values(a)) expect(Object.keys(attribute)).toEqual(expect.arrayContaining(['label', 'value', 'type', 'universal_id']));
    expect(a.first_name?.value).toBe('Ada');
    expect(a.weekly_working_hours?.value).toEqual(expect.any(String));
    expect(a.hire_date?.value).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+0[12]:00$/);
    expect(a.last_modified_at?.value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    expect(a.department?.value).toEqual({ type: 'Department', attributes: { id: expect.any(Number), name: 'Engineering' } });
    expect(a.team?.value).toEqual({ type: 'Team', attributes: { id: expect.any(Number), name: 'Platform' } });
    expect(a.office?.value).toEqual({ type: 'Office', attributes: { id: expect.any(Number), name: 'Berlin' } });
    expect(a.subcompany?.value).toEqual({ type: 'Subcompany', attributes: { id: expect.any(Number), name: 'Acme GmbH' } });
    const supervisor = a.supervisor?.value as EmployeeJson;
    expect(supervisor.type).toBe('Employee');
    expect(supervisor.attributes.id?.value).toBe(100004);
    expect(supervisor.attributes.first_name?.value).toBe('Grace');
    expect(a.profile_picture?.value).toBe(`${sim.url}/v1/company/employees/100003/profile-picture`);
    expect(a.dynamic_33401).toMatchObject({ label: 'Personnel number', universal_id: null });
    expect(a.fix_salary).toMatchObject({ type: 'decimal', currency: 'EUR' });
    const lena = (await get(sim, '/v1/company/employees/100001', token)).json.data as EmployeeJson;
    expect(lena.attributes.supervisor?.value).toBeNull();
    const zoe = (await get(sim, '/v1/company/employees/100005', token)).json.data as EmployeeJson;
    expect(zoe.attributes.profile_picture?.value).toBeNull();
    expect(zoe.attributes.status?.value).toBe('leave');
  });
});

describe('rendered pages', () => {
  it('answers the same page query again with what changed since: a mutation, a removal, a narrower grant', async () => {
    const own = await startSimulator({ employees: 30, today: TODAY });
    try {
      const t = await auth(own);
      const page = '/v1/company/employees?limit=10&offset=0';
      const positionOf = async (id: number) => employees((await get(own, page, t)).json).find((e) => e.attributes.id?.value === id)?.attributes.position?.value;
      expect(await positionOf(100002)).not.toBe('Chief Happiness Officer');
      own.updateEmployee(100002, { position: 'Chief Happiness Officer' });
      expect(await positionOf(100002)).toBe('Chief Happiness Officer');
      own.removeEmployee(100002);
      expect(ids((await get(own, page, t)).json)).not.toContain(100002);
      own.setAllowedAttributes(DEFAULT_CREDENTIAL.clientId, ['first_name']);
      expect(Object.keys(employees((await get(own, page, t)).json)[0]!.attributes).sort()).toEqual(['first_name', 'id']);
    } finally {
      await own.close();
    }
  });
});

describe('updated_since', () => {
  it('returns exactly the employees mutated since then (touched ones too), paginated, ignoring email', async () => {
    const own = await startSimulator({ employees: 100, seed: 4, today: TODAY });
    try {
      const t = await auth(own);
      const since = new Date(Date.now() - 1000).toISOString().slice(0, 19);
      const before = own.company.byId.get(100020)!.lastModifiedAt;
      own.updateEmployee(100020, { position: 'Principal Engineer' });
      own.touchEmployee(100021);
      const added = own.addEmployee({ firstName: 'Nora', lastName: 'Brandt' });
      own.removeEmployee(100022);
      expect(own.company.byId.get(100020)!.lastModifiedAt).toBeGreaterThan(before);

      const all = await get(own, `/v1/company/employees?updated_since=${since}`, t);
      expect(ids(all.json).sort()).toEqual([100020, 100021, added.id].sort());
      const changed = employees(all.json).find((e) => e.attributes.id?.value === 100020)!;
      expect(changed.attributes.position?.value).toBe('Principal Engineer');

      // With attributes[], only employees where one of those attributes changed are selected.
      const byPosition = await get(own, `/v1/company/employees?updated_since=${since}&attributes[]=position`, t);
      expect(ids(byPosition.json).sort()).toEqual([100020, added.id].sort());
      const byName = await get(own, `/v1/company/employees?updated_since=${since}&attributes[]=first_name`, t);
      expect(ids(byName.json)).toEqual([added.id]);

      const paged = await get(own, `/v1/company/employees?updated_since=${since}&limit=1&offset=1&email=nobody@acme.example`, t);
      expect(paged.json.metadata?.total_elements).toBe(3);
      expect(paged.json.data).toHaveLength(1);

      const later = new Date(Math.max(...own.company.employees.map((e) => e.lastModifiedAt))).toISOString().slice(0, 19);
      expect((await get(own, `/v1/company/employees?updated_since=${later}`, t)).json.data).toEqual([]);
      expect((await get(own, '/v1/company/employees?updated_since=2025-01-01', t)).status).toBe(200);
      const invalid = await get(own, '/v1/company/employees?updated_since=yesterday', t);
      expect(invalid.status).toBe(422);
    } finally {
      await own.close();
    }
  });

  it('moves last_modified_at on a strictly increasing clock, even for back-to-back mutations', async () => {
    const own = await startSimulator({ employees: 10, today: TODAY });
    try {
      const stamps: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        own.touchEmployee(100001);
        stamps.push(own.company.byId.get(100001)!.lastModifiedAt);
      }
      for (let i = 1; i < stamps.length; i += 1) expect(stamps[i]!).toBeGreaterThan(stamps[i - 1]!);
    } finally {
      await own.close();
    }
  });
});
