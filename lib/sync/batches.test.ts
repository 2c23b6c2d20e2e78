import { describe, expect, it } from 'vitest';
import { inBatches } from './batches';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function* produce(count: number, everyMs: number, failAt?: number, cleanup?: () => void) {
  try {
    for (let i = 0; i < count; i += 1) {
      await tick(everyMs);
      if (i === failAt) throw new Error(`page ${i} is malformed`);
      yield i;
    }
  } finally {
    cleanup?.();
  }
}

describe('inBatches', () => {
  it('hands over each item at once when the consumer keeps up', async () => {
    const batches: number[][] = [];
    for await (const batch of inBatches(produce(5, 5), 10)) batches.push(batch);
    expect(batches).toEqual([[0], [1], [2], [3], [4]]);
  });

  it('gathers what arrives while a slow consumer works, up to the maximum', async () => {
    const batches: number[][] = [];
    for await (const batch of inBatches(produce(12, 1), 4)) {
      batches.push(batch);
      await tick(20);
    }
    expect(batches.flat()).toEqual([...Array(12).keys()]);
    expect(batches.length).toBeLessThan(12);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(4);
  });

  it('delivers every item before a failure, then throws it', async () => {
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const batch of inBatches(produce(10, 1, 6), 3)) {
          seen.push(...batch);
          await tick(5);
        }
      })(),
    ).rejects.toThrow('page 6 is malformed');
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('stops the source when the consumer stops early', async () => {
    let cleanedUp = false;
    for await (const batch of inBatches(produce(100, 1, undefined, () => (cleanedUp = true)), 2)) {
      expect(batch).toEqual([0]);
      break;
    }
    expect(cleanedUp).toBe(true);
  });
});
