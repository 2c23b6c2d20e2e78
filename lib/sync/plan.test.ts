import { describe, expect, it } from 'vitest';
import type { SyncState } from '../db';
import { FULL_RECONCILE_MS, INCREMENTAL_OVERLAP_MS, newCheckpoint, planRun } from './plan';

const NOW = Date.UTC(2026, 5, 1, 12, 0);
const SCOPE = 'scope-a';
/** Synced an hour ago, fully three hours ago, with the same filters and fields. */
const SYNCED: SyncState = { key: 'state', scopeHash: SCOPE, lastSuccessStartedAt: NOW - 60 * 60_000, lastFullSuccessAt: NOW - 3 * 60 * 60_000 };

describe('planRun', () => {
  it('starts with a full run when nothing was synced yet', () => {
    expect(planRun({ key: 'state' }, SCOPE, NOW, 'auto')).toEqual({ kind: 'full' });
  });

  it('asks only for changes while the last full run is recent', () => {
    expect(planRun(SYNCED, SCOPE, NOW, 'auto')).toEqual({ kind: 'incremental' });
  });

  it('runs in full when asked, when filters or fields changed, or once a day', () => {
    expect(planRun(SYNCED, SCOPE, NOW, 'full').kind).toBe('full');
    expect(planRun(SYNCED, 'scope-b', NOW, 'auto').kind).toBe('full');
    expect(planRun({ ...SYNCED, lastFullSuccessAt: NOW - FULL_RECONCILE_MS }, SCOPE, NOW, 'auto').kind).toBe('full');
  });

  it('resumes an unfinished run of the same scope, and abandons one of another', () => {
    const checkpoint = { ...newCheckpoint('full', SYNCED, NOW - 60_000), nextOffset: 200, pagesDone: 2 };
    expect(planRun({ ...SYNCED, checkpoint }, SCOPE, NOW, 'auto')).toEqual({ kind: 'full', resume: checkpoint });
    expect(planRun({ ...SYNCED, checkpoint }, 'scope-b', NOW, 'auto')).toEqual({ kind: 'full' });
  });
});

describe('newCheckpoint', () => {
  it('overlaps an incremental run with the last successful one, to miss no row', () => {
    expect(newCheckpoint('incremental', SYNCED, NOW).updatedSince).toBe(SYNCED.lastSuccessStartedAt! - INCREMENTAL_OVERLAP_MS);
    expect(newCheckpoint('full', SYNCED, NOW).updatedSince).toBeUndefined();
    expect(newCheckpoint('full', SYNCED, NOW)).toMatchObject({ nextOffset: 0, pagesDone: 0, rowsChanged: 0, requests: 0, startedAt: NOW });
  });
});
