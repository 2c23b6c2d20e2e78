// @vitest-environment node
/** Personio's rate limits on employees and auth. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, startSimulator } from './index';
import { TODAY, auth, control, get } from './server-test-helpers';

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
