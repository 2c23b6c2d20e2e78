import { pause } from '../next-task';

/**
 * A client-side request budget, so Sidecard stays under Personio's limits instead of
 * discovering them through 429s: 300 requests a minute on employees (bursts of 15 a second),
 * 60 a minute on auth. A token bucket paces requests; a record of the last minute's requests
 * keeps any 60 seconds at the per-minute limit, as Personio counts them. Time is injected so
 * tests need no real waiting.
 *
 * Two lanes share it. The sync waits its turn, in order. On-demand details (a balance, a
 * photo for the card on screen) are the lazy lane: they go out only at once or not at all,
 * while no sync request is waiting, Personio has not asked us to slow down, and at least
 * `LAZY_HEADROOM` of the minute's budget is unused. So however many cards a page makes us
 * draw, the sync keeps the budget it needs.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: pause,
};

/** The share of the per-minute budget the lazy lane leaves unused. */
export const LAZY_HEADROOM = 1 / 3;

const WINDOW_MS = 60_000;

export class RequestBudget {
  private tokens: number;
  private updatedAt: number;
  private queue: Promise<void> = Promise.resolve();
  /** Sync requests queued or waiting for their turn. */
  private waiting = 0;
  /** When each request of the last minute went out, oldest first. */
  private readonly sent: number[] = [];
  /** Personio answered 429: nothing goes out before this instant. */
  private heldUntil = 0;

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly clock: Clock = realClock,
  ) {
    this.tokens = burst;
    this.updatedAt = clock.now();
  }

  /**
   * Wait (if needed) until one request may go out, then spend it. Callers are served in
   * order; an aborted caller leaves the queue with the signal's reason.
   */
  take(signal?: AbortSignal): Promise<void> {
    this.waiting += 1;
    const turn = this.queue
      .then(async () => {
        for (;;) {
          signal?.throwIfAborted();
          const wait = this.waitNeeded();
          if (wait <= 0) break;
          await untilAborted(this.clock.sleep(wait), signal);
        }
        this.spend();
      })
      .finally(() => {
        this.waiting -= 1;
      });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** The lazy lane: spend one request now if the sync can spare it; false if not (never waits). */
  tryTakeLazy(): boolean {
    if (this.waiting > 0 || this.waitNeeded() > 0) return false;
    if (this.sentInWindow() + 1 > this.perMinute * (1 - LAZY_HEADROOM)) return false;
    this.spend();
    return true;
  }

  /** Personio asked us to slow down (429): every lane holds off for `ms`. */
  holdOff(ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, this.clock.now() + ms);
  }

  /** Milliseconds until a request may go out (≤ 0: now). */
  private waitNeeded(): number {
    const now = this.clock.now();
    this.refill(now);
    const perMs = this.perMinute / 60_000;
    const forToken = this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / perMs);
    const forWindow = this.sentInWindow() >= this.perMinute ? this.sent[0]! + WINDOW_MS - now : 0;
    return Math.max(forToken, forWindow, this.heldUntil - now);
  }

  private sentInWindow(): number {
    const since = this.clock.now() - WINDOW_MS;
    while (this.sent.length > 0 && this.sent[0]! <= since) this.sent.shift();
    return this.sent.length;
  }

  private spend(): void {
    this.tokens -= 1;
    this.sent.push(this.clock.now());
  }

  private refill(now: number): void {
    const perMs = this.perMinute / 60_000;
    this.tokens = Math.min(this.burst, this.tokens + (now - this.updatedAt) * perMs);
    this.updatedAt = now;
  }
}

/** `work`, or the signal's reason as soon as it is aborted. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
