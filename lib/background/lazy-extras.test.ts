import { beforeEach, describe, expect, it, vi } from 'vitest';
import { wipeAll } from '../db';
import type { Employee } from '../employee';
import type { PersonioClient } from '../personio/client';
import { defaultSettings } from '../settings';
import { LazyExtras } from './lazy-extras';

const ada = { v: 1, id: 7, email: 'ada@acme.example', nameTokens: ['ada'], firstName: 'Ada' } as Employee;
const settings = defaultSettings();

beforeEach(async () => {
  await wipeAll();
});

describe('lazy card extras', () => {
  it('shows the balance as loading, fetches it once, then draws it from the cache', async () => {
    const balance = vi.fn(async () => [{ category: 'paid_vacation', available: 12.5 }]);
    const extras = new LazyExtras(async () => ({ balance }) as unknown as PersonioClient);
    const late = vi.fn();
    expect((await extras.forCard(ada, settings, late)).vacation).toEqual({ state: 'loading' });
    await vi.waitFor(() => expect(late).toHaveBeenCalledTimes(1));
    expect((await extras.forCard(ada, settings, late)).vacation).toMatchObject({ state: 'ready', days: 12.5 });
    expect(balance).toHaveBeenCalledTimes(1);
  });

  it('says "unavailable" after a failed fetch instead of asking Personio on every redraw', async () => {
    const balance = vi.fn(async () => Promise.reject(new Error('forbidden')));
    const extras = new LazyExtras(async () => ({ balance }) as unknown as PersonioClient);
    const late = vi.fn();
    await extras.forCard(ada, settings, late);
    await vi.waitFor(() => expect(late).toHaveBeenCalledTimes(1));
    expect((await extras.forCard(ada, settings, late)).vacation).toEqual({ state: 'unavailable' });
    expect(balance).toHaveBeenCalledTimes(1);
    extras.forget();
    await extras.forCard(ada, settings, late);
    expect(balance).toHaveBeenCalledTimes(2);
  });

  it('fetches nothing for fields the admin does not show', async () => {
    const clientFor = vi.fn(async () => undefined);
    const extras = new LazyExtras(clientFor);
    const hidden = { ...settings, fields: settings.fields.map((f) => (f.key === 'vacationBalance' ? { ...f, show: false } : f)) };
    expect(await extras.forCard({ ...ada, photoUrl: 'https://x' } as Employee, hidden, () => undefined)).toEqual({});
    expect(clientFor).not.toHaveBeenCalled();
  });
});
