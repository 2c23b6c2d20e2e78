// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CREDENTIAL, startSimulator, type Simulator } from '../../test/personio-sim';
import { PersonioClient, type PersonioClientOptions } from './client';
import { PersonioError } from './errors';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ employees: 120, seed: 2 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.clearFaults();
  sim.resetRequestLog();
});

const make = (extra: Partial<PersonioClientOptions> = {}) =>
  new PersonioClient({ baseUrl: sim.url, clientId: DEFAULT_CREDENTIAL.clientId, clientSecret: DEFAULT_CREDENTIAL.clientSecret, budgets: false, retryLimit: 1, ...extra });

const authCalls = () => sim.requests.filter((r) => r.path === '/v1/auth');

describe('PersonioClient auth', () => {
  it('authenticates once however many callers ask at the same time, sending credentials in the body', async () => {
    const c = make();
    const tokens = await Promise.all([c.authenticate(), c.authenticate(), c.authenticate()]);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toMatch(/^papi-/);
    expect(authCalls()).toHaveLength(1);
    expect(authCalls()[0]?.query).toEqual({});
    expect(sim.requests.every((r) => r.appId === 'SIDECARD')).toBe(true);
  });

  it('refreshes the token before it expires, not after a failure', async () => {
    let now = Date.now();
    const c = make({ clock: { now: () => now, sleep: async () => undefined } });
    await c.employeesPage(0);
    now += 23 * 60 * 60_000;
    await c.employeesPage(0);
    expect(authCalls()).toHaveLength(1);
    now += 55 * 60_000; // 10 minutes before the 24 h are up
    await c.employeesPage(0);
    expect(authCalls()).toHaveLength(2);
  });

  it('adopts a different token a response carries, and never requires one', async () => {
    const seen: string[] = [];
    const c = make({
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.url.includes('/employees?')) seen.push(request.headers.get('authorization') ?? '');
        const response = await fetch(request);
        if (!request.url.includes('/employees?')) return response;
        const headers = new Headers(response.headers);
        headers.set('authorization', 'Bearer papi-rotated');
        return new Response(await response.arrayBuffer(), { status: response.status, headers });
      },
    });
    await c.employeesPage(0);
    await c.employeesPage(100);
    // The request after the rotation carries the new token (the simulator, not knowing it,
    // answers 403; the client then authenticates again and carries on).
    expect(seen[0]).toMatch(/^Bearer papi-(?!rotated)/);
    expect(seen[1]).toBe('Bearer papi-rotated');
  });

  it('maps a wrong secret to bad-credentials', async () => {
    const c = make({ clientSecret: 'nope' });
    await expect(c.authenticate()).rejects.toMatchObject({ kind: 'bad-credentials' });
  });

  it('authenticates again once on a 403 and carries on', async () => {
    const c = make();
    await c.employeesPage(0);
    sim.injectFault({ kind: 'status', status: 403, path: '/v1/company/employees', count: 1 });
    const page = await c.employeesPage(0);
    expect(page.data.length).toBeGreaterThan(0);
    expect(authCalls()).toHaveLength(2);
  });
});

describe('PersonioClient pages', () => {
  it('walks record offsets to the end and stops on total_elements', async () => {
    const c = make();
    const offsets: number[] = [];
    let rows = 0;
    for await (const { offset, page } of c.employeePages((p) => p)) {
      offsets.push(offset);
      rows += page.data.length;
    }
    expect(offsets).toEqual([0, 100]);
    expect(rows).toBe(120);
  });

  it('rides out a dropped connection and a 502', async () => {
    const c = make({ retryLimit: 2 });
    sim.injectFault({ kind: 'drop', path: '/v1/company/employees', count: 1 });
    expect((await c.employeesPage(0)).data.length).toBe(100);
    sim.injectFault({ kind: 'status', status: 502, path: '/v1/company/employees', count: 1 });
    expect((await c.employeesPage(0)).data.length).toBe(100);
  });

  it('fails a malformed page with the field named', async () => {
    const c = make();
    sim.injectFault({ kind: 'malformed', path: '/v1/company/employees', count: 1 });
    const error = await c.employeesPage(0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PersonioError);
    expect((error as PersonioError).kind).toBe('malformed');
    expect((error as PersonioError).detail).toMatch(/^data\[\d+\]\.attributes/);
  });

  it('maps an unreachable host to a network error', async () => {
    const c = make({ baseUrl: 'http://127.0.0.1:9', retryLimit: 0 });
    await expect(c.authenticate()).rejects.toMatchObject({ kind: 'network' });
  });

  it('returns null for a person without a photo and PNG bytes otherwise', async () => {
    const c = make();
    const withPhoto = sim.company.employees.find((e) => e.hasPhoto)!;
    const without = sim.company.employees.find((e) => !e.hasPhoto)!;
    const blob = await c.photo(withPhoto.id, 64);
    expect(blob?.type).toBe('image/png');
    expect(await c.photo(without.id, 64)).toBeNull();
  });

  it('reads a vacation balance', async () => {
    const balance = await make().balance(100003);
    expect(balance.find((b) => b.category === 'paid_vacation')?.available).toEqual(expect.any(Number));
  });
});

describe('PersonioClient lanes and abort', () => {
  const balancePath = '/v1/company/employees/100003/absences/balance';
  const calls = (path: string) => sim.requests.filter((r) => r.path === path).length;

  it('close() ends a request under way, and refuses every later call without sending anything', async () => {
    const c = make();
    await c.authenticate();
    sim.injectFault({ kind: 'slow', ms: 5000, path: '/v1/company/employees', count: 1 });
    const pending = c.employeesPage(0);
    await vi.waitFor(() => expect(calls('/v1/company/employees')).toBe(1));
    const closedAt = Date.now();
    c.close();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - closedAt).toBeLessThan(1000);
    const sent = sim.requests.length;
    await expect(c.employeesPage(0)).rejects.toMatchObject({ name: 'AbortError' });
    await expect(c.authenticate(true)).rejects.toMatchObject({ name: 'AbortError' });
    await expect(c.balance(100003)).rejects.toMatchObject({ name: 'AbortError' });
    expect(sim.requests.length).toBe(sent);
  });

  it("a caller's signal ends its own request, and only that one", async () => {
    const c = make();
    sim.injectFault({ kind: 'slow', ms: 5000, path: balancePath, count: 1 });
    const controller = new AbortController();
    const pending = c.balance(100003, { signal: controller.signal });
    await vi.waitFor(() => expect(calls(balancePath)).toBe(1));
    controller.abort(new DOMException('disconnected', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect((await c.employeesPage(0)).data.length).toBe(100);
  });

  it('gives up on a balance at the first 429, without waiting for Retry-After', async () => {
    const c = make({ retryLimit: 5 });
    sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 2, path: balancePath, count: 5 });
    const started = Date.now();
    await expect(c.balance(100003)).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(calls(balancePath)).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('retries a balance once at most on a server error', async () => {
    const c = make({ retryLimit: 5 });
    sim.injectFault({ kind: 'status', status: 502, path: balancePath, count: 5 });
    await expect(c.balance(100003)).rejects.toMatchObject({ kind: 'server' });
    expect(calls(balancePath)).toBe(2);
  });

  it('lets a balance spend the shared budget only while a third of the minute is unused', async () => {
    const busy = make({ budgets: { employeesPerMinute: 6, authPerMinute: 60 } });
    for (let i = 0; i < 4; i += 1) await busy.employeesPage(0);
    await expect(busy.balance(100003)).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(calls(balancePath)).toBe(0);

    const idle = make({ budgets: { employeesPerMinute: 6, authPerMinute: 60 } });
    for (let i = 0; i < 3; i += 1) await idle.employeesPage(0);
    expect((await idle.balance(100003)).length).toBeGreaterThan(0);
  });

  it('holds balances off after Personio answered the sync with a 429', async () => {
    const c = make({ retryLimit: 0, budgets: { employeesPerMinute: 300, authPerMinute: 60 } });
    sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 30, path: '/v1/company/employees', count: 1 });
    await expect(c.employeesPage(0)).rejects.toMatchObject({ kind: 'rate-limited' });
    await expect(c.balance(100003)).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(calls(balancePath)).toBe(0);
  });
});

describe('PersonioClient when Personio does not answer', () => {
  const credentials = { baseUrl: 'https://api.personio.de', clientId: 'id', clientSecret: 'secret', budgets: false as const };

  it('gives up on a refused connection after one more try, within seconds', async () => {
    const fetch = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')));
    const c = new PersonioClient({ ...credentials, fetch });
    const started = Date.now();
    await expect(c.authenticate()).rejects.toMatchObject({ kind: 'network' });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('gives up on a host that never answers after the first-contact timeout, not the sync’s 30 s', async () => {
    const fetch = vi.fn(
      (_input: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error))),
    );
    const c = new PersonioClient({ ...credentials, fetch, firstContactTimeoutMs: 200 });
    const started = Date.now();
    await expect(c.authenticate()).rejects.toMatchObject({ kind: 'network' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('after an answer, tries a failed request once more, and answers again once Personio does', async () => {
    let calls = 0;
    const fetch = vi.fn(async () => {
      calls += 1;
      if (calls === 1) return new Response(JSON.stringify({ success: true, data: { token: 't', expires_in: 3600 } }), { headers: { 'content-type': 'application/json' } });
      if (calls <= 3) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ success: true, metadata: { total_elements: 0 }, data: [] }), { headers: { 'content-type': 'application/json' } });
    });
    const c = new PersonioClient({ ...credentials, fetch, clock: { now: () => Date.now(), sleep: async () => undefined } });
    await c.authenticate();
    // One blip after an answer is retried; a second in a row means Personio is gone again.
    await expect(c.employeesPage(0)).rejects.toMatchObject({ kind: 'network' });
    expect(calls).toBe(3);
    await expect(c.employeesPage(0)).resolves.toMatchObject({ data: [] });
  });

  it('announces a retry of a sync request that got no answer, and none of a card detail', async () => {
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('/v1/auth')) return new Response(JSON.stringify({ success: true, data: { token: 't', expires_in: 3600 } }), { headers: { 'content-type': 'application/json' } });
      throw new TypeError('Failed to fetch');
    });
    const c = new PersonioClient({ ...credentials, fetch, retryLimit: 3, clock: { now: () => Date.now(), sleep: async () => undefined } });
    const heard = vi.fn();
    const stop = c.onNoAnswerRetry(heard);
    await c.authenticate();
    await expect(c.balance(1)).rejects.toMatchObject({ kind: 'network' });
    expect(heard).not.toHaveBeenCalled();
    await expect(c.employeesPage(0)).rejects.toMatchObject({ kind: 'network' });
    // Personio had not answered since the failed detail: one more try, announced.
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    await expect(c.employeesPage(0)).rejects.toMatchObject({ kind: 'network' });
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
