/**
 * The one line that says how the sync stands, for the options page and the popup alike. One
 * state, one line: never "Synced just now" beside "The last sync failed". Pure.
 */
export interface SyncState {
  connected: boolean;
  lastSuccessAt?: number;
  /** The last success is older than the background thinks acceptable. */
  stale: boolean;
  running?: { pagesDone: number; totalPages?: number; stage: string };
  /** `kind`: a PersonioErrorKind, 'storage' or 'unknown'. With `at`, an error older than the last success is over. */
  error?: { kind: string; at?: number };
}

export type SyncHeadline =
  | { kind: 'not-connected' }
  | { kind: 'running'; stage: string; pagesDone: number; totalPages?: number }
  | { kind: 'failed'; error: string; lastSuccessAt?: number }
  | { kind: 'stale'; lastSuccessAt?: number }
  | { kind: 'synced'; lastSuccessAt: number }
  | { kind: 'never' };

/** Running beats a failure (the run may mend it), a failure beats staleness (it says why), staleness beats "synced". */
export function syncHeadline(state: SyncState): SyncHeadline {
  if (!state.connected) return { kind: 'not-connected' };
  const running = state.running && state.running.stage !== 'done' && state.running.stage !== 'failed' ? state.running : undefined;
  if (running) return { kind: 'running', stage: running.stage, pagesDone: running.pagesDone, ...(running.totalPages ? { totalPages: running.totalPages } : {}) };
  const last = state.lastSuccessAt;
  const { error } = state;
  const errorIsLatest = error && !(error.at !== undefined && last !== undefined && last > error.at);
  if (error && errorIsLatest) return { kind: 'failed', error: error.kind, ...(last !== undefined ? { lastSuccessAt: last } : {}) };
  if (state.stale) return { kind: 'stale', ...(last !== undefined ? { lastSuccessAt: last } : {}) };
  return last !== undefined ? { kind: 'synced', lastSuccessAt: last } : { kind: 'never' };
}
