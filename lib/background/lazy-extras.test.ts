import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, wipeAll } from '../db';
import type { Employee } from '../employee';
import type { PersonioClient } from '../personio/client';
import { PersonioError } from '../personio/errors';
import { defaultSettings } from '../settings';
import { BALANCE_REFRESH_MS, BALANCE_WAIT_MS, LAZY_FETCHES_PER_MINUTE, LAZY_FETCHES_PER_TAB_PER_MINUTE, LAZY_RETRY_AFTER_MS, LazyExtras } from './lazy-extras';
import type { Connection } from './live-connection';
import { nextTask } from '../next-task';

const ada = { v: 1, id: 7, email: 'ada@acme.example', nameTokens: ['ada'], firstName: 'Ada' } as Employee;
const person = (id: number) => ({ ...ada, id, email: `p${id}@acme.example` }) as Employee;
const settings = defaultSettings();
const paid = [{ name: 'Paid vacation', category: 'paid_vacation', available: 12.5 }];

/** A connection whose client answers balances with `balance`. */
function connection(balance: (id: number) => Promise<unknown>, signal = new AbortController().signal): () => Promise<Connection> {
  return async () => ({ client: { balance } as unknown as PersonioClient, signal });
}

/** A card's fetches start in a task of their own: after this, every fetch asked for so far has started. */
const fetchesStarted = nextTask;

const card = (from = 'tab:1', now = 1_000_000, onLate = vi.fn()) => ({ from, now, onLate });

beforeEach(async () => {
  await wipeAll();
});

describe('lazy card extras', () => {
  it('shows the balance as loading, fetches it once, then draws it from the cache', async () => {
    const balance = vi.fn(async () => paid);
    const extras = new LazyExtras(connection(balance));
    const late = vi.fn();
    expect((await extras.forCard(ada, settings, { from: 'tab:1', onLate: late })).vacation).toEqual({ state: 'loading' });
    await vi.waitFor(() => expect(late).toHaveBeenCalledTimes(1));
    expect((await extras.forCard(ada, settings, { from: 'tab:1', onLate: late })).vacation).toMatchObject({ state: 'ready', days: 12.5 });
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(1);
  });

  it('asks Personio only once the card that needs it has been sent, when the caller says when', async () => {
    const balance = vi.fn(async () => paid);
    const extras = new LazyExtras(connection(balance));
    let sent = () => {};
    const cardSent = new Promise<void>((resolve) => (sent = resolve));
    expect((await extras.forCard(ada, settings, { ...card(), startAfter: cardSent })).vacation).toEqual({ state: 'loading' });
    await fetchesStarted();
    await fetchesStarted();
    expect(balance).not.toHaveBeenCalled();
    sent();
    await vi.waitFor(() => expect(balance).toHaveBeenCalledTimes(1));
  });

  it('says "unavailable" after a failed fetch instead of asking Personio on every redraw', async () => {
    const balance = vi.fn(async () => Promise.reject(new Error('forbidden')));
    const extras = new LazyExtras(connection(balance));
    const late = vi.fn();
    await extras.forCard(ada, settings, { from: 'tab:1', onLate: late });
    await vi.waitFor(() => expect(late).toHaveBeenCalledTimes(1));
    expect((await extras.forCard(ada, settings, { from: 'tab:1', onLate: late })).vacation).toEqual({ state: 'unavailable', reason: 'personio' });
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(1);
    extras.forget();
    await extras.forCard(ada, settings, { from: 'tab:1', onLate: late });
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(2);
  });

  it('fetches nothing for fields the admin does not show', async () => {
    const connect = vi.fn(async () => undefined);
    const extras = new LazyExtras(connect);
    const hidden = { ...settings, fields: settings.fields.map((f) => (f.key === 'vacationBalance' ? { ...f, show: false } : f)) };
    expect(await extras.forCard({ ...ada, photoUrl: 'https://x' } as Employee, hidden, { from: 'tab:1', onLate: () => undefined })).toEqual({});
    expect(connect).not.toHaveBeenCalled();
  });

  it('joins a fetch under way instead of asking Personio twice for one card drawn twice', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const balance = vi.fn(() => new Promise((r) => (answer = r)));
    const extras = new LazyExtras(connection(balance));
    const first = card('tab:1');
    const second = card('tab:2');
    await extras.forCard(ada, settings, first);
    expect((await extras.forCard(ada, settings, second)).vacation).toEqual({ state: 'loading' });
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(1);
    answer(paid);
    await vi.waitFor(() => expect(second.onLate).toHaveBeenCalledTimes(1));
    expect(first.onLate).toHaveBeenCalledTimes(1);
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(1);
  });
});

describe('a balance never stays on "loading"', () => {
  it('says why it is not available: no permission, offline, or a Personio error', async () => {
    const cases: [PersonioError, string][] = [
      [new PersonioError('forbidden'), 'not-permitted'],
      [new PersonioError('attribute-not-granted'), 'not-permitted'],
      [new PersonioError('network'), 'offline'],
      [new PersonioError('server', 'HTTP 502'), 'personio'],
      [new PersonioError('malformed'), 'personio'],
    ];
    for (const [error, reason] of cases) {
      const extras = new LazyExtras(connection(async () => Promise.reject(error)));
      await extras.forCard(ada, settings, card());
      await extras.whenIdle();
      expect((await extras.forCard(ada, settings, card())).vacation, error.kind).toEqual({ state: 'unavailable', reason });
    }
  });

  it('turns a slow answer into "not available" after the wait, and shows the balance once it arrives', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const balance = vi.fn(() => new Promise((r) => (answer = r)));
    const extras = new LazyExtras(connection(balance));
    expect((await extras.forCard(ada, settings, card('tab:1', 1_000_000))).vacation).toEqual({ state: 'loading' });
    expect((await extras.forCard(ada, settings, card('tab:1', 1_000_000 + BALANCE_WAIT_MS - 1))).vacation).toEqual({ state: 'loading' });
    const late = card('tab:1', 1_000_000 + BALANCE_WAIT_MS);
    expect((await extras.forCard(ada, settings, late)).vacation).toEqual({ state: 'unavailable', reason: 'slow' });
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(1);
    answer(paid);
    await vi.waitFor(() => expect(late.onLate).toHaveBeenCalled());
    expect((await extras.forCard(ada, settings, card('tab:1', 1_000_000 + BALANCE_WAIT_MS))).vacation).toMatchObject({ state: 'ready', days: 12.5 });
  });

  it('asks again when the agent retries', async () => {
    const balance = vi.fn(async () => Promise.reject(new PersonioError('server')));
    const extras = new LazyExtras(connection(balance));
    await extras.forCard(ada, settings, card());
    await extras.whenIdle();
    await extras.forCard(ada, settings, card());
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(1);
    extras.retryBalance(ada.id);
    expect((await extras.forCard(ada, settings, card())).vacation).toEqual({ state: 'loading' });
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(2);
  });

  it('shows a cached balance at once and refreshes an older one behind it', async () => {
    const balance = vi.fn(async () => paid);
    const extras = new LazyExtras(connection(balance));
    await extras.forCard(ada, settings, card('tab:1', 1_000_000));
    await extras.whenIdle();
    expect((await extras.forCard(ada, settings, card('tab:1', 1_000_000 + BALANCE_REFRESH_MS))).vacation).toMatchObject({ state: 'ready', asOf: 1_000_000 });
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(1);
    const later = card('tab:1', 1_000_001 + BALANCE_REFRESH_MS);
    expect((await extras.forCard(ada, settings, later)).vacation).toMatchObject({ state: 'ready', asOf: 1_000_000 });
    await vi.waitFor(() => expect(later.onLate).toHaveBeenCalled());
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(2);
    expect((await extras.forCard(ada, settings, card('tab:1', 1_000_002 + BALANCE_REFRESH_MS))).vacation).toMatchObject({ asOf: 1_000_001 + BALANCE_REFRESH_MS });
  });
});

describe('lazy fetch caps (a page planting many addresses)', () => {
  it(`starts at most ${LAZY_FETCHES_PER_TAB_PER_MINUTE} fetches a minute for one tab; the rest show "unavailable" and are asked again later`, async () => {
    const balance = vi.fn(async () => paid);
    const extras = new LazyExtras(connection(balance));
    const states: string[] = [];
    for (let id = 1; id <= 25; id += 1) states.push((await extras.forCard(person(id), settings, card('tab:1', 1_000_000 + id))).vacation!.state);
    await extras.whenIdle();
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(LAZY_FETCHES_PER_TAB_PER_MINUTE);
    expect(states.filter((s) => s === 'loading')).toHaveLength(LAZY_FETCHES_PER_TAB_PER_MINUTE);
    expect(states.slice(LAZY_FETCHES_PER_TAB_PER_MINUTE).every((s) => s === 'unavailable')).toBe(true);
    // A minute on, the person the agent comes back to is fetched.
    expect((await extras.forCard(person(25), settings, card('tab:1', 1_000_025 + 60_000))).vacation).toEqual({ state: 'loading' });
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(LAZY_FETCHES_PER_TAB_PER_MINUTE + 1);
  });

  it(`starts at most ${LAZY_FETCHES_PER_MINUTE} fetches a minute for all tabs together`, async () => {
    const balance = vi.fn(async () => paid);
    const extras = new LazyExtras(connection(balance));
    let id = 0;
    for (let tab = 1; tab <= 5; tab += 1) {
      for (let i = 0; i < LAZY_FETCHES_PER_TAB_PER_MINUTE; i += 1) await extras.forCard(person((id += 1)), settings, card(`tab:${tab}`, 1_000_000 + id));
    }
    await extras.forCard(person((id += 1)), settings, card('popup', 1_000_000 + id));
    await extras.whenIdle();
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(LAZY_FETCHES_PER_MINUTE);
  });

  it('after a 429 shows "unavailable" and asks no sooner than a minute later, once', async () => {
    const balance = vi.fn(async () => Promise.reject(new PersonioError('rate-limited', 'HTTP 429')));
    const extras = new LazyExtras(connection(balance));
    await extras.forCard(ada, settings, card('tab:1', 1_000_000));
    await extras.whenIdle();
    for (let t = 1; t < 10; t += 1) expect((await extras.forCard(ada, settings, card('tab:1', 1_000_000 + t * 1000))).vacation).toEqual({ state: 'unavailable', reason: 'busy' });
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(1);
    await extras.forCard(ada, settings, card('tab:1', 1_000_000 + LAZY_RETRY_AFTER_MS + 1));
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(2);
  });
});

describe('lazy fetches and the connection generation', () => {
  it('writes nothing for a fetch whose connection ended while it was under way, and remembers nothing of it', async () => {
    let generation = new AbortController();
    let answer: (value: unknown) => void = () => undefined;
    const balance = vi.fn(() => new Promise((r) => (answer = r)));
    const extras = new LazyExtras(async () => ({ client: { balance } as unknown as PersonioClient, signal: generation.signal }));
    await extras.forCard(ada, settings, card());
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(1);
    generation.abort(new DOMException('disconnected', 'AbortError'));
    answer(paid);
    await extras.whenIdle();
    expect(await db().balances.count()).toBe(0);
    // The next connection asks at once: the aborted fetch did not count as a failure.
    generation = new AbortController();
    expect((await extras.forCard(ada, settings, card())).vacation).toEqual({ state: 'loading' });
    await fetchesStarted();
    expect(balance).toHaveBeenCalledTimes(2);
    answer(paid);
    await extras.whenIdle();
    expect(await db().balances.count()).toBe(1);
  });
});
