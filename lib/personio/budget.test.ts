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

describe('RequestBudget lanes', () => {
  it('keeps any 60 seconds at the per-minute limit, bursts included', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget(300, 15, clock);
    const at: number[] = [];
    while (clock.now() < 120_000) {
      await budget.take();
      at.push(clock.now());
    }
    for (const start of at) expect(at.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(300);
  });

  it('lets an on-demand request out only while a third of the minute is unused', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget(300, 300, clock);
    let lazy = 0;
    while (budget.tryTakeLazy()) lazy += 1;
    expect(lazy).toBe(200);
    // The sync still has the rest of the minute, without waiting.
    for (let i = 0; i < 100; i += 1) await budget.take();
    expect(clock.slept).toEqual([]);
  });

  it('never lets an on-demand request ahead of a waiting sync request', async () => {
    const clock = fakeClock();
    let release: () => void = () => undefined;
    // A clock whose sleep does not return until released: the sync request stays waiting.
    const held: Clock = { now: clock.now, sleep: () => new Promise((r) => (release = () => r(undefined))) };
    const budget = new RequestBudget(300, 1, held);
    await budget.take();
    const waiting = budget.take();
    await Promise.resolve();
    expect(budget.tryTakeLazy()).toBe(false);
    void clock.sleep(200);
    release();
    await waiting;
    void clock.sleep(200);
    expect(budget.tryTakeLazy()).toBe(true);
  });

  it('holds every lane off after a 429 for as long as Personio asked', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget(300, 15, clock);
    budget.holdOff(5000);
    expect(budget.tryTakeLazy()).toBe(false);
    await budget.take();
    expect(clock.now()).toBe(5000);
    expect(budget.tryTakeLazy()).toBe(true);
  });

  it('lets an aborted request leave the queue without spending the budget', async () => {
    const clock = fakeClock();
    const budget = new RequestBudget(60, 1, clock);
    await budget.take();
    const controller = new AbortController();
    controller.abort(new DOMException('disconnected', 'AbortError'));
    await expect(budget.take(controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await budget.take();
    expect(clock.slept).toEqual([1000]);
  });
});
