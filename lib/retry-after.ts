/**
 * How long a server asked us to wait, from a Retry-After header (seconds, or an HTTP date), in
 * milliseconds and at most two minutes; undefined when it did not say or said nothing readable.
 * Shared by the Personio client and the sites' own APIs (the content script), so it imports nothing.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 120_000) : undefined;
}
