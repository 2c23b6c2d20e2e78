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
  it('hands over full batches even to a consumer faster than the source, the last one with what is left', async () => {
    const batches: number[][] = [];
    for await (const batch of inBatches(produce(11, 2), 4)) batches.push(batch);
    expect(batches).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10]]);
  });

  it('keeps the source producing while a slow consumer works, at most one batch ahead', async () => {
    let produced = 0;
    // Items ready at once: only the one-batch bound stops the source.
    async function* counted() {
      for (let i = 0; i < 12; i += 1) {
        produced += 1;
        yield await Promise.resolve(i);
      }
    }
    const batches: number[][] = [];
    const aheadWhileWorking: number[] = [];
    for await (const batch of inBatches(counted(), 4)) {
      batches.push(batch);
      await tick(30);
      aheadWhileWorking.push(produced - batches.flat().length);
    }
    expect(batches).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]);
    // While the consumer worked on the first two batches, the next one was produced meanwhile, and no more.
    expect(aheadWhileWorking.slice(0, 2)).toEqual([4, 4]);
  });

  it('hands over a source shorter than one batch as soon as it ends', async () => {
    const batches: number[][] = [];
    for await (const batch of inBatches(produce(3, 1), 10)) batches.push(batch);
    expect(batches).toEqual([[0, 1, 2]]);
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
      expect(batch).toEqual([0, 1]);
      break;
    }
    expect(cleanedUp).toBe(true);
  });
});
