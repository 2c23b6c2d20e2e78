/** Personio's rate limits: per credential, sliding 60-second windows for employees and auth. */
import type { SimRateLimit } from './simulator-types';

const PERSONIO_EMPLOYEES_PER_MINUTE = 300;
const PERSONIO_AUTH_PER_MINUTE = 60;
const WINDOW_MS = 60_000;

/** Sliding 60-second windows per key (a credential), with an optional cool-down after a breach. */
class RateWindow {
  private readonly hits = new Map<string, number[]>();
  private readonly coolDownUntil = new Map<string, number>();
  constructor(
    private readonly perMinute: number,
    private readonly coolDown: boolean,
  ) {}
  /** Counts a request; returns null when allowed, else the seconds to wait. */
  take(key: string, now: number): number | null {
    const blockedUntil = this.coolDownUntil.get(key) ?? 0;
    if (now < blockedUntil) return Math.max(1, Math.ceil((blockedUntil - now) / 1000));
    let hits = this.hits.get(key);
    if (!hits) this.hits.set(key, (hits = []));
    while (hits.length > 0 && hits[0]! <= now - WINDOW_MS) hits.shift();
    if (hits.length >= this.perMinute) {
      if (this.coolDown) {
        // Personio's auth endpoint: exceeding 60/min triggers a 60 s cool-down.
        this.coolDownUntil.set(key, now + WINDOW_MS);
        return WINDOW_MS / 1000;
      }
      return Math.max(1, Math.ceil((hits[0]! + WINDOW_MS - now) / 1000));
    }
    hits.push(now);
    return null;
  }
}

export interface RateLimits {
  employees: RateWindow;
  auth: RateWindow;
  config: { employeesPerMinute: number; authPerMinute: number };
}

export function normalizeRateLimit(limit: SimRateLimit | undefined): RateLimits | null {
  if (!limit) return null;
  const config = {
    employeesPerMinute: limit.employeesPerMinute ?? PERSONIO_EMPLOYEES_PER_MINUTE,
    authPerMinute: limit.authPerMinute ?? PERSONIO_AUTH_PER_MINUTE,
  };
  for (const [name, value] of Object.entries(config)) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  }
  return { employees: new RateWindow(config.employeesPerMinute, false), auth: new RateWindow(config.authPerMinute, true), config };
}
