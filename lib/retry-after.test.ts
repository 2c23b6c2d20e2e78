import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './retry-after';

describe('Retry-After', () => {
  const now = Date.parse('2026-12-03T10:00:00Z');
  it('reads seconds and HTTP dates, capped at two minutes', () => {
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Thu, 03 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('86400', now)).toBe(120_000);
    expect(retryAfterMs('Thu, 03 Dec 2026 09:00:00 GMT', now)).toBe(0);
  });
  it('says nothing for a missing or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
