import { describe, expect, it } from 'vitest';
import { RequestBudget, type Clock } from './budget';

function fakeClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('RequestBudget', () => {
  it('lets a burst through, then paces requests at the per-minute rate', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget(300, 15, clock);
    for (let i = 0; i < 15; i += 1) await budget.take();
    expect(clock.slept).toEqual([]);
    await budget.take();
    await budget.take();
    // 300 a minute is one every 200 ms.
    expect(clock.slept).toEqual([200, 200]);
  });

  it('never exceeds the budget over a minute', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget(60, 5, clock);
    let sent = 0;
    while (clock.now() < 60_000) {
      await budget.take();
      if (clock.now() < 60_000) sent += 1;
    }
    expect(sent).toBeLessThanOrEqual(60 + 5);
    expect(sent).toBeGreaterThanOrEqual(60);
  });
});
