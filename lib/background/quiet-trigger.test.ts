import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietTrigger, SETTINGS_QUIET_MS } from './quiet-trigger';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('QuietTrigger', () => {
  it('runs once after six changes in a minute, when they stop', () => {
    const run = vi.fn();
    const trigger = new QuietTrigger(run, SETTINGS_QUIET_MS);
    for (let i = 0; i < 6; i += 1) {
      trigger.poke();
      vi.advanceTimersByTime(5_000);
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SETTINGS_QUIET_MS);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs again for a later change, and not at all once cancelled', () => {
    const run = vi.fn();
    const trigger = new QuietTrigger(run, 1_000);
    trigger.poke();
    vi.advanceTimersByTime(1_000);
    trigger.poke();
    expect(trigger.pending).toBe(true);
    trigger.cancel();
    vi.advanceTimersByTime(5_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(trigger.pending).toBe(false);
  });
});
