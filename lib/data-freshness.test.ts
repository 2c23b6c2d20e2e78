import { describe, expect, it } from 'vitest';
import { dataFreshness } from './data-freshness';

const NOW = Date.UTC(2026, 11, 3, 10, 42);
const MIN = 60_000;

describe('how current the directory on screen is', () => {
  it('gives the time of the last sync, without a warning while syncs succeed', () => {
    expect(dataFreshness({ lastSuccessAt: NOW - 5 * MIN }, 15, NOW)).toEqual({ at: NOW - 5 * MIN });
  });

  it('warns once the data is older than the staleness limit', () => {
    expect(dataFreshness({ lastSuccessAt: NOW - 50 * MIN }, 15, NOW)).toEqual({ at: NOW - 50 * MIN, warning: 'stale' });
  });

  it('warns when the last run failed, even with recent data', () => {
    expect(dataFreshness({ lastSuccessAt: NOW - 5 * MIN, lastError: { kind: 'network' } }, 15, NOW)).toEqual({ at: NOW - 5 * MIN, warning: 'failed' });
  });

  it('says the credential was rejected before anything else: nothing will update until an admin acts', () => {
    for (const kind of ['bad-credentials', 'forbidden'] as const) {
      expect(dataFreshness({ lastSuccessAt: NOW - 3 * 24 * 60 * MIN, lastError: { kind } }, 15, NOW).warning).toBe('revoked');
    }
  });
});
