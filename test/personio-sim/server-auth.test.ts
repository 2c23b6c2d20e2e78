// @vitest-environment node
/** Token issuing (`POST /v1/auth`) and bearer authorization of API requests. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from './index';
import { NO_DEPARTMENT, TODAY, auth, expectErrorEnvelope, get, withSharedSimulator, type Json } from './server-test-helpers';

let sim: Simulator;
let token: string;
withSharedSimulator((shared) => ({ sim, token } = shared));

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
