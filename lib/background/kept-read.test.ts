import { describe, expect, it } from 'vitest';
import { KeptRead } from './kept-read';

describe('a value read once and kept', () => {
  it('reads once, answers from memory, takes what is set, and reads again once forgotten', async () => {
    let reads = 0;
    const kept = new KeptRead(async () => `stored ${(reads += 1)}`);
    expect(await Promise.all([kept.get(), kept.get()])).toEqual(['stored 1', 'stored 1']);
    kept.set('written');
    expect(await kept.get()).toBe('written');
    kept.forget();
    expect(await kept.get()).toBe('stored 2');
    expect(reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const kept = new KeptRead(async () => {
      if (fail) throw new Error('storage unavailable');
      return 'stored';
    });
    await expect(kept.get()).rejects.toThrow('unavailable');
    fail = false;
    expect(await kept.get()).toBe('stored');
  });
});
