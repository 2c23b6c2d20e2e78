// @vitest-environment node
/**
 * Conformance: real simulator responses validated against Personio's own OpenAPI files
 * (copied into spec/ beside this file, provenance in spec/SOURCE.md) with
 * openapi-response-validator (Ajv).
 *
 * The spec is used as published, except where it is known to be stale or self-contradictory.
 * Each exception is made in `applyKnownExceptions` below, as narrowly as possible, and a test
 * checks that the spec still has the flaw, so an exception disappears when the spec is fixed.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import OpenAPIResponseValidatorModule, { type OpenAPIResponseValidatorArgs } from 'openapi-response-validator';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from './index';

// The package is CommonJS with __esModule: depending on the loader, the default import is the
// class itself or the module object holding it.
const OpenAPIResponseValidator = ((OpenAPIResponseValidatorModule as unknown as { default?: unknown }).default ??
  OpenAPIResponseValidatorModule) as typeof OpenAPIResponseValidatorModule;

const SPEC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'spec');

type JsonObject = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown; examples?: Record<string, { value: unknown }> }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonObject>; responses: Record<string, Operation['responses'][string]>; examples: Record<string, { value: unknown }> };
}

const loadSpec = (file: string) => YAML.parse(readFileSync(resolve(SPEC_DIR, file), 'utf8')) as Spec;
const personnel = loadSpec('personio-personnel-data-api-oa3.yaml');
const authSpec = loadSpec('personio-auth-api.yaml');

/** Schemas composed as allOf [Response, {data: array}]: the base says `data` is an object. */
function listSchemasOnResponse(spec: Spec): string[] {
  return Object.entries(spec.components.schemas)
    .filter(([, schema]) => {
      const parts = (schema.allOf ?? []) as JsonObject[];
      const onResponse = parts.some((p) => p.$ref === '#/components/schemas/Response');
      const arrayData = parts.some((p) => ((p.properties as JsonObject | undefined)?.data as JsonObject | undefined)?.type === 'array');
      return onResponse && arrayData;
    })
    .map(([name]) => name);
}

/**
 * The known problems of the personnel-data spec, fixed in a copy:
 *
 * 1. `Response` (the base of every success envelope) declares `data: {type: object}`, while the
 *    list envelopes built on it (`EmployeesResponse`, `AbsencePeriodsResponse`, and the
 *    attendance / hourly-absence ones we do not serve) declare `data: {type: array}`; allOf makes
 *    both unsatisfiable at once. The two list schemas we serve get a copy of `Response` without
 *    the object type on `data`; their own branch still requires an array. Every other use of
 *    `Response` is untouched.
 * 2. Empty single references are `null` in Personio's payloads (docs/personio-api-notes.md §2.1: supervisor,
 *    team, … are null when not set; personio-py fixtures), but the spec types `value` as a plain
 *    object. Only the two the simulator actually sends as null get `nullable`: `Supervisor.value`
 *    (the CEO has none) and `Team.value` (heads have no team). Office, Department and Subcompany
 *    stay strict because every simulated employee has them.
 *
 * Not exceptions, but checked below: `weekly_working_hours` is a string ("40") in Personio's
 * payloads and the schema's `value` has no type (only `example: 40`), so it validates as is;
 * `vacation_day_balance` (removed 2024, docs/personio-api-notes.md §2.2) is in an example only, not in the schema;
 * the limit maximum of 100 (docs/personio-api-notes.md §2.1; the spec has no maximum and no 422) concerns request
 * parameters, which response validation does not read; our 422 body is validated against the
 * spec's generic `ErrorResponse`.
 */
function applyKnownExceptions(spec: Spec): Spec {
  const copy = structuredClone(spec);
  const schemas = copy.components.schemas;
  const base = structuredClone(schemas.Response!) as { properties: { data: JsonObject } };
  delete base.properties.data.type;
  schemas.ResponseWithListData = base;
  for (const name of SERVED_LIST_SCHEMAS) {
    schemas[name]!.allOf = (schemas[name]!.allOf as JsonObject[]).map((p) =>
      p.$ref === '#/components/schemas/Response' ? { $ref: '#/components/schemas/ResponseWithListData' } : p,
    );
  }
  const supervisor = schemas.Supervisor!.properties as JsonObject;
  supervisor.value = { nullable: true, allOf: [supervisor.value] };
  ((schemas.Team!.properties as JsonObject).value as JsonObject).nullable = true;
  return copy;
}

/** The list envelopes the simulator serves (attendances and hourly absence periods share the flaw but are not served). */
const SERVED_LIST_SCHEMAS = ['EmployeesResponse', 'AbsencePeriodsResponse'];
const spec = applyKnownExceptions(personnel);

function validator(responses: Operation['responses'], components: Spec['components'] = spec.components) {
  return new OpenAPIResponseValidator({
    responses: responses as unknown as OpenAPIResponseValidatorArgs['responses'],
    components: components as unknown as OpenAPIResponseValidatorArgs['components'],
  });
}

/** Validation errors of `body` as a `status` response of `method path` in the personnel spec. */
function errorsFor(path: string, status: number, body: unknown, method = 'get'): unknown[] {
  const operation = spec.paths[path]?.[method];
  if (!operation) throw new Error(`no ${method} ${path} in the spec`);
  if (!operation.responses[String(status)]) throw new Error(`the spec has no ${status} for ${method} ${path}`);
  return validator(operation.responses).validateResponse(status, body)?.errors ?? [];
}

/** Errors of an error envelope against the spec's generic `ErrorResponse` schema. */
function errorEnvelopeErrors(status: number, body: unknown): unknown[] {
  const responses = { [String(status)]: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } } };
  const errors = validator(responses).validateResponse(status, body)?.errors ?? [];
  // ErrorResponse requires nothing; the envelope must still be one.
  const envelope = body as { success?: unknown; error?: { code?: unknown; message?: unknown } };
  if (envelope.success !== false || !Number.isInteger(envelope.error?.code) || typeof envelope.error?.message !== 'string') errors.push('not an error envelope');
  return errors;
}

let sim: Simulator;
let token: string;

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${sim.url}${path}`, init);
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.startsWith('application/json') ? await response.json() : Buffer.from(await response.arrayBuffer());
  return { status: response.status, type, body };
}
const authed = (path: string) => call(path, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'X-Personio-App-ID': 'CONFORMANCE' } });

beforeAll(async () => {
  sim = await startSimulator({ employees: 300, seed: 8, today: '2025-06-18' });
  const response = await call('/v1/auth', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: DEFAULT_CREDENTIAL.clientId, client_secret: DEFAULT_CREDENTIAL.clientSecret }),
  });
  token = (response.body as { data: { token: string } }).data.token;
});
afterAll(async () => {
  await sim.close();
});

describe('the spec files and their known flaws', () => {
  it('are found beside the repository and still have the flaws we work around', () => {
    expect(Object.keys(personnel.paths)).toContain('/company/employees');
    expect(listSchemasOnResponse(personnel)).toEqual(expect.arrayContaining(SERVED_LIST_SCHEMAS));
    expect(((personnel.components.schemas.Response!.properties as JsonObject).data as JsonObject).type).toBe('object');
    expect((personnel.components.schemas.Supervisor!.properties as JsonObject).value).toEqual({ $ref: '#/components/schemas/ShortEmployee' });
    expect(((personnel.components.schemas.Team!.properties as JsonObject).value as JsonObject).nullable).toBeUndefined();
    // Not exceptions: these validate as published.
    const weekly = (personnel.components.schemas.Employee!.properties as Record<string, { properties: { value: JsonObject } }>).weekly_working_hours!;
    expect(weekly.properties.value.type).toBeUndefined();
    expect(Object.keys(personnel.components.schemas.Employee!.properties as JsonObject)).not.toContain('vacation_day_balance');
  });

  it('still catch real deviations after the exceptions (the validator is not vacuous)', async () => {
    const { body } = await authed('/v1/company/employees?limit=5');
    expect(errorsFor('/company/employees', 200, body)).toEqual([]);
    const broken = (mutate: (page: { data: { attributes: Record<string, JsonObject> }[]; metadata: JsonObject }) => void) => {
      const copy = structuredClone(body) as Parameters<typeof mutate>[0];
      mutate(copy);
      return errorsFor('/company/employees', 200, copy);
    };
    expect(broken((p) => (p.data[0]!.attributes.first_name!.type = 'text'))).not.toEqual([]);
    expect(broken((p) => delete ((p.data[0]!.attributes.department!.value as JsonObject).attributes as JsonObject).name)).not.toEqual([]);
    expect(broken((p) => delete p.metadata.total_pages)).not.toEqual([]);
    expect(broken((p) => (p.data[0]!.attributes.office!.value = null))).not.toEqual([]);
    expect(broken((p) => ((p as unknown as JsonObject).data = { type: 'Employee' }))).not.toEqual([]);
    const timeOffs = (await authed('/v1/company/time-offs?limit=5&offset=1')).body as { data: { attributes: JsonObject }[] };
    timeOffs.data[0]!.attributes.days_count = '3';
    expect(errorsFor('/company/time-offs', 200, timeOffs)).not.toEqual([]);
  });
});

describe('success responses conform', () => {
  it('POST /v1/auth (auth spec, AuthenticationTokenResponse)', async () => {
    const { status, type, body } = await call('/v1/auth', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: DEFAULT_CREDENTIAL.clientId, client_secret: DEFAULT_CREDENTIAL.clientSecret }).toString(),
    });
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    const operation = authSpec.paths['/auth']!.post!;
    expect(validator(operation.responses, authSpec.components).validateResponse(200, body)?.errors ?? []).toEqual([]);
  });

  it('GET /company/employees: a full page, a projected page and an updated_since page', async () => {
    const full = await authed('/v1/company/employees?limit=100&offset=100');
    expect(full.status).toBe(200);
    expect((full.body as { data: unknown[] }).data).toHaveLength(100);
    expect(errorsFor('/company/employees', 200, full.body)).toEqual([]);
    // The spec's example still shows the removed vacation_day_balance; we never send it.
    expect(JSON.stringify(full.body)).not.toContain('vacation_day_balance');
    const first = await authed('/v1/company/employees?limit=20');
    expect(errorsFor('/company/employees', 200, first.body)).toEqual([]);
    const projected = await authed('/v1/company/employees?limit=50&attributes[]=first_name&attributes[]=supervisor&attributes[]=team');
    expect(errorsFor('/company/employees', 200, projected.body)).toEqual([]);
    sim.updateEmployee(100003, { position: 'Principal Engineer' });
    const since = await authed(`/v1/company/employees?updated_since=${new Date(Date.now() - 5000).toISOString().slice(0, 19)}`);
    expect((since.body as { data: unknown[] }).data.length).toBeGreaterThan(0);
    expect(errorsFor('/company/employees', 200, since.body)).toEqual([]);
  });

  it('GET /company/employees/{employee_id}, including the CEO (no supervisor) and a person without photo', async () => {
    for (const id of [100001, 100003, 100005, 100006, 100008, 100150]) {
      const { status, body } = await authed(`/v1/company/employees/${id}`);
      expect(status).toBe(200);
      expect(errorsFor('/company/employees/{employee_id}', 200, body)).toEqual([]);
    }
  });

  it('GET /company/employees/attributes (the spec has an example, no schema: checked against a schema derived from it)', async () => {
    // Derived from the spec's example: every item has exactly key, label, type, universal_id, options.
    const derived = {
      type: 'object',
      required: ['success', 'data'],
      properties: {
        success: { type: 'boolean', enum: [true] },
        data: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['key', 'label', 'type', 'universal_id', 'options'],
            properties: {
              key: { type: 'string' },
              label: { type: 'string' },
              type: { $ref: '#/components/schemas/TypeEnum' },
              universal_id: { type: 'string', nullable: true },
              options: { type: 'array', items: { type: 'string' } },
            },
          },
        },
      },
    };
    const v = validator({ '200': { content: { 'application/json': { schema: derived } } } });
    const example = personnel.paths['/company/employees/attributes']!.get!.responses['200']!.content!['application/json']!.examples!.response!.value;
    expect(v.validateResponse(200, structuredClone(example))?.errors ?? []).toEqual([]);
    const { status, body } = await authed('/v1/company/employees/attributes');
    expect(status).toBe(200);
    expect(v.validateResponse(200, body)?.errors ?? []).toEqual([]);
  });

  it('GET /company/employees/{employee_id}/absences/balance', async () => {
    const { status, body } = await authed('/v1/company/employees/100003/absences/balance');
    expect(status).toBe(200);
    expect(errorsFor('/company/employees/{employee_id}/absences/balance', 200, body)).toEqual([]);
  });

  it('GET /company/employees/{employee_id}/profile-picture/{width}: the content type the spec names', async () => {
    const { status, type } = await authed('/v1/company/employees/100001/profile-picture/64');
    expect(status).toBe(200);
    expect(Object.keys(personnel.paths['/company/employees/{employee_id}/profile-picture/{width}']!.get!.responses['200']!.content!)).toContain(type);
  });

  it('GET /company/time-offs (every page) and /company/time-offs/{id}', async () => {
    for (let page = 1; ; page += 1) {
      const { status, body } = await authed(`/v1/company/time-offs?limit=50&offset=${page}`);
      expect(status).toBe(200);
      expect(errorsFor('/company/time-offs', 200, body)).toEqual([]);
      const { metadata } = body as { metadata: { total_pages: number } };
      if (page >= metadata.total_pages) break;
    }
    const first = sim.company.timeOffs[0]!;
    const one = await authed(`/v1/company/time-offs/${first.id}`);
    expect(errorsFor('/company/time-offs/{id}', 200, one.body)).toEqual([]);
  });

  it('GET /company/time-off-types', async () => {
    const { status, body } = await authed('/v1/company/time-off-types');
    expect(status).toBe(200);
    expect(errorsFor('/company/time-off-types', 200, body)).toEqual([]);
  });
});

describe('error envelopes conform', () => {
  it('401 and 403 match the spec’s 401/403 responses, word for word', async () => {
    const { responses, examples } = spec.components;
    const v = validator({ '401': responses['401UnauthorizedResponse']!, '403': responses['403ForbiddenResponse']! });
    const missing = await call('/v1/company/employees');
    expect(missing.status).toBe(401);
    expect(v.validateResponse(401, missing.body)?.errors ?? []).toEqual([]);
    expect(missing.body).toEqual(examples['401UnauthorizedErrorExample']!.value);
    const invalid = await call('/v1/company/employees', { headers: { Authorization: 'Bearer papi-nonsense' } });
    expect(invalid.status).toBe(403);
    expect(v.validateResponse(403, invalid.body)?.errors ?? []).toEqual([]);
    expect(invalid.body).toEqual(examples['403ForbiddenErrorExample']!.value);
  });

  it('404s for a missing employee, balance, picture and time-off match the spec’s 404 schemas', async () => {
    expect(errorsFor('/company/employees/{employee_id}', 404, (await authed('/v1/company/employees/1')).body)).toEqual([]);
    expect(errorsFor('/company/employees/{employee_id}/absences/balance', 404, (await authed('/v1/company/employees/1/absences/balance')).body)).toEqual([]);
    const picture = await authed('/v1/company/employees/100005/profile-picture/64');
    expect(picture.status).toBe(404);
    expect(errorsFor('/company/employees/{employee_id}/profile-picture/{width}', 404, picture.body)).toEqual([]);
    expect(errorsFor('/company/time-offs/{id}', 404, (await authed('/v1/company/time-offs/1')).body)).toEqual([]);
  });

  it('errors the spec does not list (auth failures, 422 limit, 429, unknown path) are the generic ErrorResponse', async () => {
    const post = (body: unknown) => call('/v1/auth', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const wrongSecret = await post({ client_id: DEFAULT_CREDENTIAL.clientId, client_secret: 'wrong' });
    expect(wrongSecret.status).toBe(403);
    expect(errorEnvelopeErrors(403, wrongSecret.body)).toEqual([]);
    const unknown = await post({ client_id: 'nobody', client_secret: 'x' });
    expect(unknown.status).toBe(401);
    expect(errorEnvelopeErrors(401, unknown.body)).toEqual([]);
    const limit = await authed('/v1/company/employees?limit=101');
    expect(limit.status).toBe(422);
    expect(errorEnvelopeErrors(422, limit.body)).toEqual([]);
    const nowhere = await authed('/v1/company/nowhere');
    expect(nowhere.status).toBe(404);
    expect(errorEnvelopeErrors(404, nowhere.body)).toEqual([]);
    sim.setRateLimit({ employeesPerMinute: 1 });
    try {
      await authed('/v1/company/employees?limit=1');
      const limited = await authed('/v1/company/employees?limit=1');
      expect(limited.status).toBe(429);
      expect(errorEnvelopeErrors(429, limited.body)).toEqual([]);
    } finally {
      sim.setRateLimit(false);
    }
  });
});
