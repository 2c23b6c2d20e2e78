import { describe, expect, it } from 'vitest';
import { syncHeadline, type SyncState } from './sync-headline';

const base: SyncState = { connected: true, stale: false };
const running = { pagesDone: 2, totalPages: 9, stage: 'employees' };

describe('syncHeadline', () => {
  it.each<[string, SyncState, ReturnType<typeof syncHeadline>['kind']]>([
    ['not connected, whatever else', { connected: false, stale: true, running, error: { kind: 'network' }, lastSuccessAt: 5 }, 'not-connected'],
    ['never synced', base, 'never'],
    ['synced', { ...base, lastSuccessAt: 10 }, 'synced'],
    ['stale', { ...base, stale: true, lastSuccessAt: 10 }, 'stale'],
    ['stale, never synced', { ...base, stale: true }, 'stale'],
    ['failed after a success', { ...base, lastSuccessAt: 10, error: { kind: 'network', at: 20 } }, 'failed'],
    ['failed, and stale: the failure says why', { ...base, stale: true, lastSuccessAt: 10, error: { kind: 'network', at: 20 } }, 'failed'],
    ['failed before the last success: it is over', { ...base, lastSuccessAt: 30, error: { kind: 'network', at: 20 } }, 'synced'],
    ['failed, no time given', { ...base, lastSuccessAt: 30, error: { kind: 'server' } }, 'failed'],
    ['failed, never synced', { ...base, error: { kind: 'bad-credentials', at: 20 } }, 'failed'],
    ['running beats a failure', { ...base, lastSuccessAt: 10, error: { kind: 'network', at: 20 }, running }, 'running'],
    ['running beats staleness', { ...base, stale: true, running }, 'running'],
    ['a finished run is not running', { ...base, lastSuccessAt: 10, running: { ...running, stage: 'done' } }, 'synced'],
    ['a failed run is not running', { ...base, lastSuccessAt: 10, error: { kind: 'network', at: 20 }, running: { ...running, stage: 'failed' } }, 'failed'],
  ])('%s', (_name, state, kind) => {
    expect(syncHeadline(state).kind).toBe(kind);
  });

  it('keeps what each line needs: the error and the time of the data still shown', () => {
    expect(syncHeadline({ ...base, lastSuccessAt: 10, error: { kind: 'network', at: 20 } })).toEqual({ kind: 'failed', error: 'network', lastSuccessAt: 10 });
    expect(syncHeadline({ ...base, running })).toEqual({ kind: 'running', stage: 'employees', pagesDone: 2, totalPages: 9 });
  });
});
