import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressThrottle, type SyncProgress } from './progress';

const at = (stage: SyncProgress['stage'], pagesDone: number): SyncProgress => ({ stage, kind: 'full', pagesDone, totalPages: 100, rows: pagesDone * 100 });

describe('the progress an open page is sent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('moves at most four times a second within a stage, and ends on the latest page done', () => {
    const sent: SyncProgress[] = [];
    const throttle = new ProgressThrottle((p) => sent.push(p));
    // A page every 20 ms for one second.
    for (let page = 1; page <= 50; page += 1) {
      throttle.push(at('employees', page));
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(250);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(sent.length).toBeLessThanOrEqual(6);
    expect(sent.at(-1)?.pagesDone).toBe(50);
    const pages = sent.map((p) => p.pagesDone);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
  });

  it('passes a new stage on at once, and nothing held back of the stage before comes after it', () => {
    const sent: SyncProgress[] = [];
    const throttle = new ProgressThrottle((p) => sent.push(p));
    throttle.push(at('starting', 0));
    throttle.push(at('employees', 1));
    throttle.push(at('employees', 2));
    throttle.push(at('done', 2));
    expect(sent.map((p) => p.stage)).toEqual(['starting', 'employees', 'done']);
    vi.advanceTimersByTime(1000);
    expect(sent.map((p) => p.stage)).toEqual(['starting', 'employees', 'done']);
  });
});
