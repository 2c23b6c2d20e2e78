import type { SyncCheckpoint, SyncKind, SyncState } from '../db';

/**
 * `updated_since` overlaps the previous run by this much: Personio's clock and ours differ,
 * and a row written while the last run was paging must not fall between two runs.
 */
export const INCREMENTAL_OVERLAP_MS = 5 * 60_000;
/** A full reconciliation this often catches deletions, which v1 has no feed for. */
export const FULL_RECONCILE_MS = 24 * 60 * 60_000;

export type SyncRequest = 'auto' | 'full';

/** Which run comes next: resume an unfinished one, else full or incremental. Pure. */
export function planRun(state: SyncState, scope: string, now: number, request: SyncRequest): { kind: SyncKind; resume?: SyncCheckpoint } {
  if (state.checkpoint && state.scopeHash === scope) return { kind: state.checkpoint.kind, resume: state.checkpoint };
  const needsFull =
    request === 'full' ||
    state.lastSuccessStartedAt === undefined ||
    state.scopeHash !== scope ||
    state.lastFullSuccessAt === undefined ||
    now - state.lastFullSuccessAt >= FULL_RECONCILE_MS;
  return { kind: needsFull ? 'full' : 'incremental' };
}

/** The checkpoint a new run starts from; an incremental one asks for what changed since the last success. */
export function newCheckpoint(kind: SyncKind, state: SyncState, now: number): SyncCheckpoint {
  return {
    runId: now,
    kind,
    startedAt: now,
    nextOffset: 0,
    pagesDone: 0,
    rowsChanged: 0,
    requests: 0,
    ...(kind === 'incremental' && state.lastSuccessStartedAt !== undefined ? { updatedSince: state.lastSuccessStartedAt - INCREMENTAL_OVERLAP_MS } : {}),
  };
}
