// @vitest-environment node
/** Injected faults: statuses, malformed pages, dropped connections, delays. */
import { describe, expect, it } from 'vitest';
import type { Simulator } from './index';
import { employees, expectErrorEnvelope, get, withSharedSimulator } from './server-test-helpers';

let sim: Simulator;
let token: string;
withSharedSimulator((shared) => ({ sim, token } = shared));

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
    await get(sim, '/v1/company/employees?limit=1', token);
    expect(sim.requests.at(-2)).toMatchObject({ fault: 'slow' });
    expect(sim.requests.at(-1)?.fault).toBeUndefined();
  });

  it('clears pending faults', async () => {
    sim.injectFault({ kind: 'status', status: 500, count: 10 });
    sim.clearFaults();
    expect((await get(sim, '/v1/company/employees?limit=1', token)).status).toBe(200);
  });
});
