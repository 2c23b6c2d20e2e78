import type { SyncLogEntry } from './db';
import type { ErrorInfo } from './personio/errors';
import type { SyncProgress } from './sync/progress';
import type { ConnectionTest } from './connection';

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
}

export type ConnectReply = ConnectionTest;
