// @vitest-environment node
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ATTRIBUTES, DEFAULT_CREDENTIAL, generateCompany, startSimulator, type SimCredential, type Simulator } from './index';

const TODAY = '2025-06-18'; // a Wednesday
const NO_DEPARTMENT: SimCredential = {
  clientId: 'no-department',
  clientSecret: 'no-department-secret',
  attributes: ALL_ATTRIBUTES.filter((a) => a !== 'department'),
};
const NO_PICTURES: SimCredential = {
  clientId: 'no-pictures',
  clientSecret: 'no-pictures-secret',
  attributes: ALL_ATTRIBUTES.filter((a) => a !== 'profile_picture'),
};

interface Json {
  success: boolean;
  data?: unknown;
  error?: { code: number; message: string };
  metadata?: { total_elements: number; current_page: number; total_pages: number };
  offset?: number;
  limit?: number;
}
interface EmployeeJson {
  type: string;
  attributes: Record<string, { label: string; value: unknown; type: string; universal_id: string | null }>;
}
interface TimeOffJson {
  type: string;
  attributes: { id: number; start_date: string; end_date: string; employee: EmployeeJson };
}

async function auth(sim: Simulator, credential: Pick<SimCredential, 'clientId' | 'clientSecret'> = DEFAULT_CREDENTIAL): Promise<string> {
  const response = await fetch(`${sim.url}/v1/auth`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: credential.clientId, client_secret: credential.clientSecret }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { token: string } }).data.token;
}

async function get(sim: Simulator, path: string, token?: string): Promise<{ status: number; headers: Headers; json: Json }> {
  const response = await fetch(`${sim.url}${path}`, {
    headers: { Accept: 'application/json', 'X-Personio-App-ID': 'SIM_TEST', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Json };
}

const employees = (json: Json) => json.data as EmployeeJson[];
const ids = (json: Json) => employees(json).map((e) => e.attributes.id?.value as number);
const control = (sim: Simulator, method: string, path: string, body?: unknown) =>
  fetch(`${sim.url}/__sim${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

function expectErrorEnvelope(json: Json, message?: string | RegExp): void {
  expect(json.success).toBe(false);
  expect(typeof json.error?.code).toBe('number');
  expect(typeof json.error?.message).toBe('string');
  if (message !== undefined) expect(json.error?.message).toMatch(message);
}

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await startSimulator({ employees: 250, seed: 3, today: TODAY, credentials: [DEFAULT_CREDENTIAL, NO_DEPARTMENT, NO_PICTURES] });
  token = await auth(sim);
});
afterAll(async () => {
  await sim.close();
});

describe('POST /v1/auth', () => {
  it('issues a papi- token for a JSON body, and the same token again for a form body while it is valid', async () => {
    const response = await fetch(`${sim.url}/v1/auth`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_id: DEFAULT_CREDENTIAL.clientId, client_secret: DEFAULT_CREDENTIAL.clientSecret }),
    });
    const body = (await response.json()) as { success: boolean; data: { token: string; expires_in: number; scope: string } };
    expect(body.success).toBe(true);
    expect(body.data.token).toMatch(/^papi-/);
    expect(body.data.token).toBe(token);
    expect(body.data.expires_in).toBeGreaterThan(86_000);
    expect(body.data.expires_in).toBeLessThanOrEqual(86_400);
    expect(body.data.scope).toBe('employees:read absences:read');

    const form = await fetch(`${sim.url}/v1/auth`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: DEFAULT_CREDENTIAL.clientId, client_secret: DEFAULT_CREDENTIAL.clientSecret }).toString(),
    });
    expect(form.status).toBe(200);
    expect(((await form.json()) as { data: { token: string } }).data.token).toBe(token);
  });

  it('gives each credential its own token', async () => {
    expect(await auth(sim, NO_DEPARTMENT)).not.toBe(token);
  });

  it('answers a wrong secret with 403, an unknown client or missing fields with 401, in the error envelope', async () => {
    const post = (body: Record<string, string>) =>
      fetch(`${sim.url}/v1/auth`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const wrong = await post({ client_id: DEFAULT_CREDENTIAL.clientId, client_secret: 'nope' });
    expect(wrong.status).toBe(403);
    expectErrorEnvelope((await wrong.json()) as Json);
    const unknown = await post({ client_id: 'who', client_secret: 'nope' });
    expect(unknown.status).toBe(401);
    expectErrorEnvelope((await unknown.json()) as Json);
    const missing = await post({ client_id: DEFAULT_CREDENTIAL.clientId });
    expect(missing.status).toBe(401);
    expectErrorEnvelope((await missing.json()) as Json);
  });

  it('rejects credentials in the query string with 403, even valid ones', async () => {
    const query = new URLSearchParams({ client_id: DEFAULT_CREDENTIAL.clientId, client_secret: DEFAULT_CREDENTIAL.clientSecret });
    const response = await fetch(`${sim.url}/v1/auth?${query}`, { method: 'POST' });
    expect(response.status).toBe(403);
    expectErrorEnvelope((await response.json()) as Json, /query string/);
  });

  it('expires tokens after tokenTtlSeconds and then issues a new one', async () => {
    const short = await startSimulator({ employees: 10, today: TODAY, tokenTtlSeconds: 1 });
    try {
      const first = await auth(short);
      expect((await get(short, '/v1/company/employees', first)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      const expired = await get(short, '/v1/company/employees', first);
      expect(expired.status).toBe(403);
      expectErrorEnvelope(expired.json, 'Provided authorization is not valid');
      const second = await auth(short);
      expect(second).not.toBe(first);
      expect((await get(short, '/v1/company/employees', second)).status).toBe(200);
    } finally {
      await short.close();
    }
  });
});

describe('bearer authorization', () => {
  it('answers a missing Authorization header with 401 and a bad token with 403, with the documented messages', async () => {
    const missing = await get(sim, '/v1/company/employees');
    expect(missing.status).toBe(401);
    expectErrorEnvelope(missing.json, 'Authorization is not provided');
    const bad = await get(sim, '/v1/company/employees', 'papi-not-a-token');
    expect(bad.status).toBe(403);
    expectErrorEnvelope(bad.json, 'Provided authorization is not valid');
  });

  it('echoes the same token in the Authorization response header of successful responses', async () => {
    const page = await get(sim, '/v1/company/employees?limit=1', token);
    expect(page.headers.get('authorization')).toBe(`Bearer ${token}`);
    const missing = await get(sim, '/v1/company/employees/999', token);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('authorization')).toBeNull();
  });
});

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

describe('credential allow-list', () => {
  it('leaves attributes the credential may not read out of every response (absent, not null)', async () => {
    const t = await auth(sim, NO_DEPARTMENT);
    const page = await get(sim, '/v1/company/employees?limit=100', t);
    expect(employees(page.json).length).toBe(100);
    for (const e of employees(page.json)) {
      expect(e.attributes).not.toHaveProperty('department');
      expect(e.attributes).toHaveProperty('office');
    }
    const asked = await get(sim, '/v1/company/employees?limit=5&attributes[]=department&attributes[]=first_name', t);
    for (const e of employees(asked.json)) expect(Object.keys(e.attributes).sort()).toEqual(['first_name', 'id']);
    const one = await get(sim, '/v1/company/employees/100003', t);
    expect((one.json.data as EmployeeJson).attributes).not.toHaveProperty('department');

    const defs = (await get(sim, '/v1/company/employees/attributes', t)).json.data as { key: string }[];
    expect(defs.map((d) => d.key)).not.toContain('department');
    expect(defs.map((d) => d.key)).toContain('office');
    const full = (await get(sim, '/v1/company/employees/attributes', token)).json.data as { key: string }[];
    expect(full.map((d) => d.key)).toContain('department');
  });

  it('lists attribute definitions with labels, types and options (custom ones too)', async () => {
    const defs = (await get(sim, '/v1/company/employees/attributes', token)).json.data as { key: string; label: string; type: string; universal_id: string | null; options: string[] }[];
    expect(defs.find((d) => d.key === 'first_name')).toEqual({ key: 'first_name', label: 'First name', type: 'standard', universal_id: 'first_name', options: [] });
    expect(defs.find((d) => d.label === 'T-shirt size')).toMatchObject({ type: 'list', options: ['XS', 'S', 'M', 'L', 'XL', 'XXL'] });
    expect(defs.find((d) => d.label === 'Personnel number')).toMatchObject({ type: 'standard', universal_id: null });
    expect(defs.find((d) => d.label === 'Birthday')).toMatchObject({ type: 'date' });
    expect(defs.find((d) => d.label === 'Phone (work)')).toMatchObject({ type: 'standard' });
    expect((await get(sim, '/v1/company/employees/custom-attributes', token)).json.data).toEqual(defs);
  });

  it('applies setAllowedAttributes at once, also to the supervisor short form', async () => {
    const own = await startSimulator({ employees: 20, today: TODAY });
    try {
      const t = await auth(own);
      own.setAllowedAttributes(DEFAULT_CREDENTIAL.clientId, ['first_name', 'supervisor']);
      const ada = (await get(own, '/v1/company/employees/100003', t)).json.data as EmployeeJson;
      expect(Object.keys(ada.attributes).sort()).toEqual(['first_name', 'id', 'supervisor']);
      expect(Object.keys((ada.attributes.supervisor?.value as EmployeeJson).attributes).sort()).toEqual(['first_name', 'id']);
    } finally {
      await own.close();
    }
  });

  it('labels in the company language', async () => {
    const own = await startSimulator({ employees: 10, today: TODAY, language: 'de' });
    try {
      const defs = (await get(own, '/v1/company/employees/attributes', await auth(own))).json.data as { key: string; label: string }[];
      const labels = defs.map((d) => d.label);
      expect(labels).toEqual(expect.arrayContaining(['Personalnummer', 'Geburtstag', 'Vorname']));
    } finally {
      await own.close();
    }
  });
});

describe('single employee and balance', () => {
  it('returns one employee, or the 404 envelope', async () => {
    const one = await get(sim, '/v1/company/employees/100004', token);
    expect(one.status).toBe(200);
    expect((one.json.data as EmployeeJson).attributes.email?.value).toBe('grace.hopper@acme.example');
    const missing = await get(sim, '/v1/company/employees/1', token);
    expect(missing.status).toBe(404);
    expectErrorEnvelope(missing.json);
  });

  it('returns deterministic absence balances in halves', async () => {
    const first = await get(sim, '/v1/company/employees/100003/absences/balance', token);
    const again = await get(sim, '/v1/company/employees/100003/absences/balance', token);
    expect(first.json).toEqual(again.json);
    const rows = first.json.data as { id: number; name: string; category: string; balance: number; available_balance: number }[];
    const vacation = rows.find((r) => r.category === 'paid_vacation')!;
    expect(vacation.name).toBe('Paid vacation');
    expect(Number.isInteger(vacation.balance * 2)).toBe(true);
    // Ada is away until Friday: Thursday and Friday are still to come, deducted from what is available.
    expect(vacation.available_balance).toBe(vacation.balance - 2);
    expect((await get(sim, '/v1/company/employees/1/absences/balance', token)).status).toBe(404);
  });
});

describe('profile pictures', () => {
  async function picture(path: string, t = token) {
    const response = await fetch(`${sim.url}${path}`, { headers: { Authorization: `Bearer ${t}` } });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }
  const ihdr = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

  it('serves a real PNG at the asked width, clamped to 16..512, without an Authorization echo', async () => {
    const { status, headers, bytes } = await picture('/v1/company/employees/100001/profile-picture/64');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('image/png');
    expect(headers.get('authorization')).toBeNull();
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(ihdr(bytes)).toEqual({ width: 64, height: 64 });
    expect(ihdr((await picture('/v1/company/employees/100001/profile-picture/4')).bytes).width).toBe(16);
    expect(ihdr((await picture('/v1/company/employees/100001/profile-picture/4000')).bytes).width).toBe(512);
    expect(ihdr((await picture('/v1/company/employees/100001/profile-picture')).bytes).width).toBe(256);
    // The pixel data inflates to exactly one filter byte plus RGB per row.
    const idatLength = bytes.readUInt32BE(33);
    expect(bytes.subarray(37, 41).toString('latin1')).toBe('IDAT');
    expect(inflateSync(bytes.subarray(41, 41 + idatLength)).length).toBe((64 * 3 + 1) * 64);
  });

  it('answers 404 JSON for no photo, an unknown employee, or a credential without profile_picture', async () => {
    const zoe = await picture('/v1/company/employees/100005/profile-picture/64');
    expect(zoe.status).toBe(404);
    expectErrorEnvelope(JSON.parse(zoe.bytes.toString('utf8')) as Json);
    expect((await picture('/v1/company/employees/1/profile-picture/64')).status).toBe(404);
    const t = await auth(sim, NO_PICTURES);
    expect((await picture('/v1/company/employees/100001/profile-picture/64', t)).status).toBe(404);
    const lena = (await get(sim, '/v1/company/employees/100001', t)).json.data as EmployeeJson;
    expect(lena.attributes).not.toHaveProperty('profile_picture');
  });
});

describe('GET /v1/company/time-offs', () => {
  it('reads offset as a 1-based page number, with 0 treated as 1 (so 0 and 1 return the same page)', async () => {
    const zero = await get(sim, '/v1/company/time-offs?limit=5&offset=0', token);
    const one = await get(sim, '/v1/company/time-offs?limit=5&offset=1', token);
    const two = await get(sim, '/v1/company/time-offs?limit=5&offset=2', token);
    expect(zero.json.data).toEqual(one.json.data);
    expect(zero.json.metadata?.current_page).toBe(1);
    expect(one.json.metadata?.current_page).toBe(1);
    expect(two.json.metadata?.current_page).toBe(2);
    const idsOf = (json: Json) => (json.data as TimeOffJson[]).map((t) => t.attributes.id);
    expect(idsOf(two.json)).not.toEqual(idsOf(one.json));
    expect(one.json.limit).toBe(5);
  });

  it('walks pages 1..total_pages to every time-off exactly once; limit max 200', async () => {
    const seen: number[] = [];
    const first = await get(sim, '/v1/company/time-offs?limit=7&offset=1', token);
    const pages = first.json.metadata!.total_pages;
    for (let page = 1; page <= pages; page += 1) {
      const { json } = await get(sim, `/v1/company/time-offs?limit=7&offset=${page}`, token);
      seen.push(...(json.data as TimeOffJson[]).map((t) => t.attributes.id));
    }
    expect(seen.sort()).toEqual(sim.company.timeOffs.map((t) => t.id).sort());
    expect((await get(sim, '/v1/company/time-offs', token)).json.limit).toBe(200);
    expect((await get(sim, '/v1/company/time-offs?limit=201', token)).status).toBe(422);
  });

  it('filters by overlap with start_date..end_date (inclusive) and by employees[] (repeat form only)', async () => {
    const today = await get(sim, `/v1/company/time-offs?start_date=${TODAY}&end_date=${TODAY}`, token);
    const list = today.json.data as TimeOffJson[];
    expect(list.length).toBeGreaterThan(1);
    for (const t of list) {
      expect(t.attributes.start_date.slice(0, 10) <= TODAY).toBe(true);
      expect(t.attributes.end_date.slice(0, 10) >= TODAY).toBe(true);
    }
    const ada = await get(sim, `/v1/company/time-offs?start_date=${TODAY}&end_date=${TODAY}&employees[]=100003`, token);
    const adas = ada.json.data as TimeOffJson[];
    expect(adas).toHaveLength(1);
    expect(adas[0]?.attributes).toMatchObject({ start_date: '2025-06-17T00:00:00+02:00', end_date: '2025-06-20T00:00:00+02:00', days_count: 4 });
    expect(adas[0]?.attributes.employee.attributes.email?.value).toBe('ada.lovelace@acme.example');
    const both = await get(sim, '/v1/company/time-offs?employees[]=100003&employees[]=100005', token);
    expect(new Set((both.json.data as TimeOffJson[]).map((t) => t.attributes.employee.attributes.id?.value))).toEqual(new Set([100003, 100005]));
    expect((await get(sim, '/v1/company/time-offs?employees[]=100003,100005', token)).status).toBe(422);
  });
});

describe('rate limits', () => {
  it('answers 429 with an integer Retry-After once the per-minute budget is spent, and not on /__sim', async () => {
    const own = await startSimulator({ employees: 10, today: TODAY, rateLimit: { employeesPerMinute: 5, authPerMinute: 3 } });
    try {
      const t = await auth(own);
      for (let i = 0; i < 5; i += 1) expect((await get(own, '/v1/company/employees', t)).status).toBe(200);
      const limited = await get(own, '/v1/company/employees/100001', t);
      expect(limited.status).toBe(429);
      expect(limited.json).toEqual({ success: false, error: { code: 429, message: 'Too many requests' } });
      const retryAfter = limited.headers.get('retry-after');
      expect(retryAfter).toMatch(/^\d+$/);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
      // Time-offs are outside the employees budget; control endpoints are never limited.
      expect((await get(own, '/v1/company/time-offs', t)).status).toBe(200);
      expect((await control(own, 'GET', '/stats')).status).toBe(200);

      // Auth: 3 per minute (one used above), then a 60 s cool-down.
      await auth(own);
      await auth(own);
      const auth429 = await fetch(`${own.url}/v1/auth`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ client_id: DEFAULT_CREDENTIAL.clientId, client_secret: DEFAULT_CREDENTIAL.clientSecret }) });
      expect(auth429.status).toBe(429);
      expect(auth429.headers.get('retry-after')).toBe('60');

      own.setRateLimit(false);
      expect((await get(own, '/v1/company/employees', t)).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});

describe('fault injection', () => {
  it('answers the next matching requests with an injected status, by path prefix, then recovers', async () => {
    sim.injectFault({ kind: 'status', status: 503, path: '/v1/company/employees', count: 2, retryAfterSeconds: 3 });
    const other = await get(sim, '/v1/company/time-offs?limit=1', token);
    expect(other.status).toBe(200);
    const a = await get(sim, '/v1/company/employees/100001', token);
    const b = await get(sim, '/v1/company/employees', token);
    expect([a.status, b.status]).toEqual([503, 503]);
    expect(a.headers.get('retry-after')).toBe('3');
    expectErrorEnvelope(a.json);
    expect(sim.requests.at(-1)).toMatchObject({ status: 503, fault: 'status' });
    expect((await get(sim, '/v1/company/employees', token)).status).toBe(200);
  });

  it('with a final $, only the whole path: the employee list, not its attributes', async () => {
    sim.injectFault({ kind: 'status', status: 500, path: '/v1/company/employees$' });
    expect((await get(sim, '/v1/company/employees/attributes', token)).status).toBe(200);
    expect((await get(sim, '/v1/company/employees?limit=1', token)).status).toBe(500);
    expect((await get(sim, '/v1/company/employees?limit=1', token)).status).toBe(200);
  });

  it('serves a malformed 200 page: an object where a string belongs, or an employee without id, or cut-off JSON', async () => {
    sim.injectFault({ kind: 'malformed', path: '/v1/company/employees' });
    const wrong = await get(sim, '/v1/company/employees?limit=10', token);
    expect(wrong.status).toBe(200);
    expect(employees(wrong.json)[3]?.attributes.email?.value).toEqual(expect.any(Object));

    sim.injectFault({ kind: 'malformed', path: '/v1/company/employees', variant: 'missing-id' });
    const noId = await get(sim, '/v1/company/employees?limit=10', token);
    expect(employees(noId.json).some((e) => !('id' in e.attributes))).toBe(true);

    sim.injectFault({ kind: 'malformed', path: '/v1/company/employees', variant: 'truncated' });
    const cut = await fetch(`${sim.url}/v1/company/employees`, { headers: { Authorization: `Bearer ${token}` } });
    expect(cut.status).toBe(200);
    await expect(cut.json()).rejects.toThrow();
  });

  it('drops the connection without a response, once', async () => {
    sim.injectFault({ kind: 'drop', path: '/v1/company/employees' });
    await expect(fetch(`${sim.url}/v1/company/employees`, { headers: { Authorization: `Bearer ${token}` } })).rejects.toThrow();
    expect(sim.requests.at(-1)).toMatchObject({ status: 0, fault: 'drop' });
    expect((await get(sim, '/v1/company/employees', token)).status).toBe(200);
  });

  it('delays a response by the slow fault, then answers normally', async () => {
    sim.injectFault({ kind: 'slow', ms: 300 });
    const started = performance.now();
    const slow = await get(sim, '/v1/company/employees?limit=1', token);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(slow.status).toBe(200);
    const quick = performance.now();
    await get(sim, '/v1/company/employees?limit=1', token);
    expect(performance.now() - quick).toBeLessThan(280);
  });

  it('clears pending faults', async () => {
    sim.injectFault({ kind: 'status', status: 500, count: 10 });
    sim.clearFaults();
    expect((await get(sim, '/v1/company/employees?limit=1', token)).status).toBe(200);
  });
});

describe('no CORS', () => {
  it('sends no Access-Control-* header on any response, preflights included', async () => {
    const origin = { Origin: 'https://mail.example' };
    const responses = await Promise.all([
      fetch(`${sim.url}/v1/auth`, { method: 'POST', headers: { ...origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ client_id: DEFAULT_CREDENTIAL.clientId, client_secret: DEFAULT_CREDENTIAL.clientSecret }) }),
      fetch(`${sim.url}/v1/company/employees?limit=1`, { headers: { ...origin, Authorization: `Bearer ${token}` } }),
      fetch(`${sim.url}/v1/company/employees`, { headers: origin }),
      fetch(`${sim.url}/v1/company/employees/100001/profile-picture/32`, { headers: { ...origin, Authorization: `Bearer ${token}` } }),
      fetch(`${sim.url}/v1/nowhere`, { headers: origin }),
      fetch(`${sim.url}/v1/company/employees`, { method: 'OPTIONS', headers: { ...origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } }),
      fetch(`${sim.url}/v1/auth`, { method: 'OPTIONS', headers: { ...origin, 'Access-Control-Request-Method': 'POST' } }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 401, 200, 404, 204, 204]);
    for (const r of responses) expect([...r.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
  });

  it('answers unknown paths with the 404 envelope', async () => {
    const { status, json } = await get(sim, '/v1/company/nothing-here', token);
    expect(status).toBe(404);
    expectErrorEnvelope(json);
  });
});

describe('request log', () => {
  it('records method, path, query, status, time and the X-Personio-App-ID header, but not /__sim', async () => {
    sim.resetRequestLog();
    const before = Date.now();
    await get(sim, '/v1/company/employees?limit=2&offset=4', token);
    await control(sim, 'GET', '/stats');
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]).toMatchObject({ method: 'GET', path: '/v1/company/employees', query: { limit: '2', offset: '4' }, status: 200, appId: 'SIM_TEST' });
    expect(sim.requests[0]!.at).toBeGreaterThanOrEqual(before);
  });
});

describe('/__sim control endpoints', () => {
  it('adds, updates, touches and removes employees, and the API follows', async () => {
    const own = await startSimulator({ employees: 30, today: TODAY });
    try {
      const t = await auth(own);
      const added = await control(own, 'POST', '/employees', { firstName: 'Søren', lastName: 'Weiß', position: 'Data Engineer' });
      expect(added.status).toBe(201);
      const employee = ((await added.json()) as { data: { id: number; email: string } }).data;
      expect(employee.email).toBe('soren.weiss@acme.example');
      expect(ids((await get(own, `/v1/company/employees?email=${employee.email}`, t)).json)).toEqual([employee.id]);

      expect((await control(own, 'PATCH', `/employees/${employee.id}`, { position: 'CTO' })).status).toBe(200);
      const one = (await get(own, `/v1/company/employees/${employee.id}`, t)).json.data as EmployeeJson;
      expect(one.attributes.position?.value).toBe('CTO');

      const modified = own.company.byId.get(employee.id)!.lastModifiedAt;
      expect((await control(own, 'POST', `/employees/${employee.id}/touch`)).status).toBe(200);
      expect(own.company.byId.get(employee.id)!.lastModifiedAt).toBeGreaterThan(modified);

      expect((await control(own, 'DELETE', `/employees/${employee.id}`)).status).toBe(200);
      expect((await get(own, `/v1/company/employees/${employee.id}`, t)).status).toBe(404);
      expect((await control(own, 'PATCH', '/employees/1', { position: 'x' })).status).toBe(404);
      expect((await control(own, 'POST', '/employees', { email: 'ada.lovelace@acme.example' })).status).toBe(409);
      expect((await fetch(`${own.url}/__sim/employees`, { method: 'POST', body: '{not json' })).status).toBe(400);
    } finally {
      await own.close();
    }
  });

  it('injects and clears faults, sets rate limits, revokes credentials and reports stats', async () => {
    const own = await startSimulator({ employees: 30, today: TODAY });
    try {
      const t = await auth(own);
      expect((await control(own, 'POST', '/faults', { kind: 'status', status: 500, path: '/v1/company/employees', count: 2 })).status).toBe(201);
      expect((await get(own, '/v1/company/employees', t)).status).toBe(500);
      expect((await control(own, 'DELETE', '/faults')).status).toBe(200);
      expect((await get(own, '/v1/company/employees', t)).status).toBe(200);
      expect((await control(own, 'POST', '/faults', { kind: 'explode' })).status).toBe(400);

      expect((await control(own, 'POST', '/rate-limit', { employeesPerMinute: 1 })).status).toBe(200);
      expect((await get(own, '/v1/company/employees', t)).status).toBe(200);
      expect((await get(own, '/v1/company/employees', t)).status).toBe(429);
      expect((await control(own, 'POST', '/rate-limit', false)).status).toBe(200);
      expect((await get(own, '/v1/company/employees', t)).status).toBe(200);

      const stats = ((await (await control(own, 'GET', '/stats')).json()) as { data: { requests: number; byRoute: Record<string, number>; byStatus: Record<string, number> } }).data;
      expect(stats.requests).toBe(own.requests.length);
      expect(stats.byRoute['GET /v1/company/employees']).toBe(5);
      expect(stats.byStatus['429']).toBe(1);

      expect((await control(own, 'POST', '/revoke', { clientId: DEFAULT_CREDENTIAL.clientId })).status).toBe(200);
      expect((await get(own, '/v1/company/employees', t)).status).toBe(403);
      const reauth = await fetch(`${own.url}/v1/auth`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ client_id: DEFAULT_CREDENTIAL.clientId, client_secret: DEFAULT_CREDENTIAL.clientSecret }) });
      expect(reauth.status).toBe(401);
      expect((await control(own, 'POST', '/revoke', { clientId: 'nobody' })).status).toBe(404);
    } finally {
      await own.close();
    }
  });
});

describe('determinism', () => {
  it('generates the identical company for the same seed, and a different one for another seed', () => {
    const a = generateCompany({ employees: 500, seed: 9, today: TODAY });
    const b = generateCompany({ employees: 500, seed: 9, today: TODAY });
    const c = generateCompany({ employees: 500, seed: 10, today: TODAY });
    expect(b).toEqual(a);
    expect(JSON.stringify(b.employees)).toBe(JSON.stringify(a.employees));
    expect(c.employees.slice(8).map((e) => e.email)).not.toEqual(a.employees.slice(8).map((e) => e.email));
    // The cast is the same in every company.
    expect(c.employees.slice(0, 8).map((e) => e.email)).toEqual(a.employees.slice(0, 8).map((e) => e.email));
  });

  it('serves identical responses from two simulators with the same options', async () => {
    const other = await startSimulator({ employees: 250, seed: 3, today: TODAY });
    try {
      const mine = await get(sim, '/v1/company/employees?limit=100&offset=100&attributes[]=first_name&attributes[]=email&attributes[]=hire_date', token);
      const theirs = await get(other, '/v1/company/employees?limit=100&offset=100&attributes[]=first_name&attributes[]=email&attributes[]=hire_date', await auth(other));
      expect(theirs.json).toEqual(mine.json);
    } finally {
      await other.close();
    }
  });

  it('generates 50,000 employees well under 2 seconds', () => {
    const started = performance.now();
    const company = generateCompany({ employees: 50_000, seed: 1, today: TODAY });
    const ms = performance.now() - started;
    console.log(`generated 50,000 employees in ${ms.toFixed(0)} ms`);
    expect(company.employees).toHaveLength(50_000);
    expect(new Set(company.employees.map((e) => e.email)).size).toBe(50_000);
    expect(ms).toBeLessThan(2000);
  });
});
