import type { Employee } from '../employee';
import { cachedPhoto, cachedVacation, fetchPhoto, fetchVacation } from '../extras';
import { shownFields } from '../fields';
import { isPersonioError } from '../personio/errors';
import type { BalanceUnavailable, PersonExtras } from '../person-view';
import type { Settings } from '../settings';
import type { Connection } from './live-connection';
import { nextTask, pause } from '../next-task';

export type CardExtras = Pick<PersonExtras, 'photo' | 'vacation'>;

/**
 * On-demand fetches (a balance or a photo, one request each) one tab, or the popup, may
 * start in a minute: enough for an agent going through a queue (five people with photo and
 * balance), too few for a page that plants addresses to matter.
 */
export const LAZY_FETCHES_PER_TAB_PER_MINUTE = 10;
/** On-demand fetches all tabs together may start in a minute: a tenth of Personio's 300. */
export const LAZY_FETCHES_PER_MINUTE = 30;
/** After a 429, or when the budget was kept for the sync, a detail is asked for again no sooner than this. */
export const LAZY_RETRY_AFTER_MS = 60_000;
/** How long a card says "loading" for a balance before it says why there is none. */
export const BALANCE_WAIT_MS = 5_000;
/** A cached balance older than this is shown, and fetched again behind it. */
export const BALANCE_REFRESH_MS = 30 * 60_000;

const MINUTE_MS = 60_000;

/** Who a card is drawn for: a tab's panel (`tab:<id>`) or the popup. */
export interface CardRequest {
  from: string;
  /** Called once what was missing has arrived (or failed), so the card can be drawn again. */
  onLate: () => void;
  now?: number;
  /**
   * Fetches start once this settles (the card that asked has been sent): their token and
   * request work would otherwise hold up the card's own reads and its sending.
   */
  startAfter?: Promise<unknown>;
}

/**
 * A person's photo and vacation balance for a card: what is cached now, and what is missing
 * fetched from Personio, calling `onLate` once it has arrived. Only cards on screen ask, and
 * fetches are capped per tab and per minute; beyond the caps the card shows the balance as
 * unavailable, and asks again when the agent comes back to it later.
 *
 * A fetch that failed is not retried in this worker's life (a 429: not for a minute): a card
 * drawn again must not fetch again (no loop). A fetch of an ended connection (disconnect)
 * is aborted and leaves nothing behind.
 */
export class LazyExtras {
  /** Failed fetches: when they may be tried again, and why they failed. */
  private readonly failed = new Map<string, { until: number; reason: BalanceUnavailable }>();
  /** Fetches under way, with when they started. */
  private readonly pending = new Map<string, { done: Promise<unknown>; startedAt: number }>();
  private readonly started = new SlidingCount();

  constructor(private readonly connect: (settings: Settings) => Promise<Connection | undefined>) {}

  async forCard(employee: Employee, settings: Settings, request: CardRequest): Promise<CardExtras> {
    const now = request.now ?? Date.now();
    const shown = shownFields(settings.fields);
    const extras: CardExtras = {};
    const late: Promise<unknown>[] = [];
    /** Start (or join) a fetch; false when the caps or an earlier failure say not now. */
    const fetchOnce = (key: string, work: (connection: Connection) => Promise<unknown>): boolean => {
      const running = this.pending.get(key);
      if (running) {
        late.push(running.done);
        return true;
      }
      if ((this.failed.get(key)?.until ?? 0) > now) return false;
      if (!this.started.allow(request.from, now)) return false;
      this.failed.delete(key);
      const done = this.fetch(key, settings, work, now, request.startAfter).finally(() => this.pending.delete(key));
      this.pending.set(key, { done, startedAt: now });
      late.push(done);
      return true;
    };
    const wantsPhoto = shown.includes('photo') && employee.photoUrl;
    // Someone who left has no current balance to show.
    const wantsBalance = shown.includes('vacationBalance') && employee.status !== 'inactive';
    // Both cached copies are read at once: each read waits on the database.
    const [photo, cached] = await Promise.all([wantsPhoto ? cachedPhoto(employee, now) : undefined, wantsBalance ? cachedVacation(employee.id, now) : undefined]);
    if (wantsPhoto) {
      if (photo) extras.photo = photo;
      else if (photo === undefined) fetchOnce(`photo:${employee.id}`, (c) => fetchPhoto(c.client, employee, now, undefined, c.signal));
    }
    if (wantsBalance) {
      const key = balanceKey(employee.id);
      const fetchBalance = () => fetchOnce(key, (c) => fetchVacation(c.client, employee.id, now, undefined, c.signal));
      if (cached) {
        // Shown at once with its "as of"; an older one is refreshed behind it.
        extras.vacation = cached;
        if (cached.state === 'ready' && now - cached.asOf > BALANCE_REFRESH_MS) fetchBalance();
      } else {
        extras.vacation = this.balanceState(key, now, fetchBalance);
        const running = this.pending.get(key);
        if (running) {
          late.push(running.done);
          // A slow answer turns into "not available" within the bound, not "loading" for ever.
          if (extras.vacation.state === 'loading') void pause(running.startedAt + BALANCE_WAIT_MS - now).then(request.onLate);
        }
      }
    }
    if (late.length) void Promise.allSettled(late).then(request.onLate);
    return extras;
  }

  /** The agent asked again: a failed or slow balance is fetched anew at the next card. */
  retryBalance(employeeId: number): void {
    this.failed.delete(balanceKey(employeeId));
  }

  /** Once every fetch under way has ended (a disconnect waits for them before its last wipe). */
  async whenIdle(): Promise<void> {
    await Promise.allSettled([...this.pending.values()].map((p) => p.done));
  }

  /** Disconnect: a new connection may be allowed what this one was not. */
  forget(): void {
    this.failed.clear();
  }

  private balanceState(key: string, now: number, fetchBalance: () => boolean): NonNullable<CardExtras['vacation']> {
    const failure = this.failed.get(key);
    if (failure && failure.until > now) return { state: 'unavailable', reason: failure.reason };
    const running = this.pending.get(key);
    if (running) return now - running.startedAt >= BALANCE_WAIT_MS ? { state: 'unavailable', reason: 'slow' } : { state: 'loading' };
    if (!fetchBalance()) return { state: 'unavailable', reason: 'busy' };
    return { state: 'loading' };
  }

  private async fetch(key: string, settings: Settings, work: (connection: Connection) => Promise<unknown>, now: number, startAfter?: Promise<unknown>): Promise<void> {
    let connection: Connection | undefined;
    // Started in a task of its own, and after the card was sent when the caller says when:
    // the card that asked is drawn from the database first, and the token and request this
    // needs would otherwise queue before its reads.
    await Promise.all([nextTask(), startAfter?.catch(() => undefined)]);
    try {
      connection = await this.connect(settings);
      if (connection) await work(connection);
      else this.failed.set(key, { until: now + LAZY_RETRY_AFTER_MS, reason: 'not-permitted' }); // no client (yet): not again at once
    } catch (error) {
      if (connection?.signal.aborted) return; // disconnected: nothing of it is remembered
      const rateLimited = isPersonioError(error) && error.kind === 'rate-limited';
      this.failed.set(key, { until: rateLimited ? now + LAZY_RETRY_AFTER_MS : Infinity, reason: this.reasonOf(error) });
    }
  }

  /** A network failure reads as offline: from the agent's seat the two look the same. */
  private reasonOf(error: unknown): BalanceUnavailable {
    if (!isPersonioError(error)) return 'personio';
    switch (error.kind) {
      case 'bad-credentials':
      case 'forbidden':
      case 'attribute-not-granted':
        return 'not-permitted';
      case 'rate-limited':
        return 'busy';
      case 'network':
        return 'offline';
      default:
        return 'personio';
    }
  }
}

function balanceKey(employeeId: number): string {
  return `balance:${employeeId}`;
}

/** Fetches started in the last minute, per requester and in all. */
class SlidingCount {
  private readonly all: number[] = [];
  private readonly byFrom = new Map<string, number[]>();

  allow(from: string, now: number): boolean {
    const since = now - MINUTE_MS;
    prune(this.all, since);
    for (const [key, times] of this.byFrom) if (prune(times, since) === 0) this.byFrom.delete(key);
    const mine = this.byFrom.get(from) ?? [];
    if (this.all.length >= LAZY_FETCHES_PER_MINUTE || mine.length >= LAZY_FETCHES_PER_TAB_PER_MINUTE) return false;
    this.all.push(now);
    mine.push(now);
    this.byFrom.set(from, mine);
    return true;
  }
}

/** Drop times at or before `since` (oldest first); returns how many are left. */
function prune(times: number[], since: number): number {
  while (times.length > 0 && times[0]! <= since) times.shift();
  return times.length;
}
