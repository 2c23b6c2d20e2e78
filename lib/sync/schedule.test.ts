import { describe, expect, it } from 'vitest';
import type { SyncLogEntry } from '../db';
import { isStale, SyncCoordinator } from './schedule';

describe('SyncCoordinator', () => {
  it('joins a "Sync now" to the run in progress instead of starting a second one', async () => {
    let started = 0;
    let finish: (entry: SyncLogEntry) => void = () => undefined;
    const coordinator = new SyncCoordinator(() => {
      started += 1;
      return new Promise<SyncLogEntry>((resolve) => (finish = resolve));
    });
    const first = coordinator.request('auto');
    const second = coordinator.request('full');
    expect(started).toBe(1);
    expect(coordinator.isRunning).toBe(true);
    finish({ kind: 'full', startedAt: 1, requests: 1, rowsChanged: 0, rowsRemoved: 0 });
    expect(await first).toBe(await second);
    expect(coordinator.isRunning).toBe(false);
    void coordinator.request('auto');
    expect(started).toBe(2);
  });
});

describe('isStale', () => {
  it('is stale after three intervals without success, or a day', () => {
    const now = 10 * 60 * 60_000;
    expect(isStale({ lastSuccessAt: now - 44 * 60_000 }, 15, now)).toBe(false);
    expect(isStale({ lastSuccessAt: now - 46 * 60_000 }, 15, now)).toBe(true);
    expect(isStale({ lastSuccessAt: now - 23 * 60 * 60_000 }, 24 * 60, 24 * 60 * 60_000 + now)).toBe(true);
    expect(isStale({}, 15, now)).toBe(false);
  });
});
