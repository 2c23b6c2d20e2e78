// @vitest-environment node
/** The /__sim control endpoints. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, startSimulator } from './index';
import { TODAY, auth, control, get, ids, type EmployeeJson } from './server-test-helpers';

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
