import { describe, expect, it } from 'vitest';
import { POPUP_RESULTS, warmUpResults } from './popup-warm-up';

describe('the made-up results a fresh popup draws out of sight', () => {
  it('fills a whole list, each result with every detail, each with its own id that no person has', () => {
    const results = warmUpResults();
    expect(results).toHaveLength(POPUP_RESULTS);
    expect(new Set(results.map((r) => r.id)).size).toBe(POPUP_RESULTS);
    for (const r of results) {
      expect(r.id).toBeLessThan(0);
      expect(r.details.filter(Boolean)).toHaveLength(2);
    }
  });
});
