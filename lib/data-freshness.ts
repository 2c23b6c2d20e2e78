import type { ErrorInfo } from './personio/errors';
import { isStale } from './sync/schedule';

/**
 * How current the directory on an agent's screen is: when it was last synced, and whether that
 * deserves a warning. One rule for the panel: a rejected credential first (nothing will update
 * until an admin reconnects), then a failed last run, then data older than the staleness limit.
 */
export interface DataFreshness {
  /** The last successful sync. */
  at?: number;
  warning?: 'revoked' | 'failed' | 'stale';
}

/** Errors that stop every future sync until an admin acts. */
const REVOKED: ReadonlySet<ErrorInfo['kind']> = new Set(['bad-credentials', 'forbidden']);

export function dataFreshness(state: { lastSuccessAt?: number; lastError?: Pick<ErrorInfo, 'kind'> }, intervalMinutes: number, now: number): DataFreshness {
  const at = state.lastSuccessAt !== undefined ? { at: state.lastSuccessAt } : {};
  if (state.lastError && REVOKED.has(state.lastError.kind)) return { ...at, warning: 'revoked' };
  if (state.lastError) return { ...at, warning: 'failed' };
  if (isStale(state, intervalMinutes, now)) return { ...at, warning: 'stale' };
  return at;
}
