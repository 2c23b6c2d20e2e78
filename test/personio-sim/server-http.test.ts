// @vitest-environment node
/** What every response shares: no CORS headers, the 404 envelope, and the request log. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, type Simulator } from './index';
import { control, expectErrorEnvelope, get, withSharedSimulator } from './server-test-helpers';

let sim: Simulator;
let token: string;
withSharedSimulator((shared) => ({ sim, token } = shared));

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
