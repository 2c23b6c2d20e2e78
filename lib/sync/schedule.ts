import type { SyncState } from '../db';
import type { SyncLogEntry } from '../db';
import type { SyncRequest } from './run';

export const SYNC_ALARM = 'sidecard-sync';
export const RESUME_ALARM = 'sidecard-resume';
const DAY_MS = 24 * 60 * 60_000;

/** Stale: no successful run for three intervals, or for a day, whichever comes first. */
export function isStale(state: Pick<SyncState, 'lastSuccessAt'>, intervalMinutes: number, now: number): boolean {
  if (state.lastSuccessAt === undefined) return false;
  return now - state.lastSuccessAt > Math.min(3 * intervalMinutes * 60_000, DAY_MS);
}

/**
 * At most one run at a time. "Sync now" during a run joins it rather than starting a
 * second one that would race the first over the same checkpoint.
 */
export class SyncCoordinator {
  private running: Promise<SyncLogEntry> | undefined;

  constructor(private readonly start: (request: SyncRequest) => Promise<SyncLogEntry>) {}

  request(request: SyncRequest = 'auto'): Promise<SyncLogEntry> {
    this.running ??= this.start(request).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Once the run under way (if any) is over, whatever its outcome. */
  async whenIdle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}
