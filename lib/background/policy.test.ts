import { afterEach, describe, expect, it, vi } from 'vitest';
import { PolicyUnavailableError } from '../personio/errors';
import { PolicySource } from './policy';

afterEach(() => vi.useRealTimers());

describe('organisation policy', () => {
  it('is empty until the browser answers, then kept', async () => {
    let answer: (raw: unknown) => void = () => undefined;
    const read = vi.fn(() => new Promise<unknown>((r) => (answer = r)));
    const policy = new PolicySource(read);
    expect(policy.now).toEqual({});
    answer({ intervalMinutes: 60, unknownKey: 1 });
    expect(await policy.settled()).toEqual({ intervalMinutes: 60 });
    expect(policy.now).toEqual({ intervalMinutes: 60 });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('is empty where the browser has no managed storage', async () => {
    const policy = new PolicySource(() => Promise.reject(new Error('managed storage unavailable')));
    expect(await policy.settled()).toEqual({});
  });

  it('fails what depends on it when the browser never answers, and asks again next time', async () => {
    vi.useFakeTimers();
    const read = vi.fn(() => new Promise<unknown>(() => undefined));
    const policy = new PolicySource(read, 1000);
    const first = policy.settled();
    const failed = expect(first).rejects.toBeInstanceOf(PolicyUnavailableError);
    await vi.advanceTimersByTimeAsync(1001);
    await failed;
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('takes a changed policy on reload', async () => {
    let current: unknown = { disabledSites: ['front'] };
    const policy = new PolicySource(async () => current);
    expect(await policy.settled()).toEqual({ disabledSites: ['front'] });
    current = {};
    await policy.reload();
    expect(policy.now).toEqual({});
  });
});
