import type { SyncLogEntry } from './db';
import type { ErrorInfo } from './personio/errors';
import type { SyncProgress } from './sync/progress';
import type { ConnectionTest } from './connection';
import type { LockName } from './settings';
import type { Settings } from './settings';
import type { Population } from './sync/population';

/**
 * What the background keeps in `storage.session` for the popup's first moments, while the
 * worker may still be waking: its last status reply, and the results of one-letter
 * searches. Session storage is memory only and readable by extension pages only. Also
 * spelled out in public/early-status.js, which reads them.
 */
export const LAST_STATUS_KEY = 'lastStatus';
export const FIRST_LETTERS_KEY = 'firstLetters';

/** The background's answer to `status`: what options and popup show about the connection and sync. */
export interface StatusReply {
  connected: boolean;
  clientId: string;
  secretHint: string;
  baseUrl: string;
  employeeCount: number;
  lastSuccessAt?: number;
  lastError?: ErrorInfo & { at: number };
  stale: boolean;
  running: SyncProgress | null;
  log: SyncLogEntry[];
  settings: Pick<Settings, 'fields' | 'filters' | 'intervalMinutes' | 'disabledSites' | 'language' | 'customDomains' | 'tenants' | 'personioWebUrl' | 'leaverMonths'>;
  locked: LockName[];
  population?: Population;
  /** Bytes the extension's storage uses (navigator.storage.estimate). */
  storageBytes?: number;
  nextSyncAt?: number;
  /**
   * The database on disk was written by a newer Sidecard (the user went back to an older build):
   * it stays closed and untouched, and the numbers above say nothing of it.
   */
  databaseTooNew?: true;
}

export type ConnectReply = ConnectionTest;

/**
 * The run in progress. The background broadcasts every change of stage, so the latest
 * broadcast, while it is not a finished run's, is newer than a status asked for earlier in the
 * run (which would otherwise keep "Starting the sync…" up through a retry). Without a
 * broadcast yet (the page opened mid-run), the status says.
 */
export function runningSync(status: StatusReply, progress?: SyncProgress): SyncProgress | undefined {
  const live = progress && progress.stage !== 'done' && progress.stage !== 'failed' ? progress : undefined;
  return live ?? status.running ?? undefined;
}

/** What the sync status line shows, for the options page and the popup alike. */
export function syncStateOf(status: StatusReply, progress?: SyncProgress) {
  const running = runningSync(status, progress);
  return {
    connected: status.connected,
    stale: status.stale,
    ...(status.lastSuccessAt !== undefined ? { lastSuccessAt: status.lastSuccessAt } : {}),
    ...(running ? { running } : {}),
    ...(status.lastError ? { error: status.lastError } : {}),
  };
}
