/** What an open options page or popup shows while a run is under way. */
/** `retrying`: Personio did not answer a request, which is tried again after a short wait. */
export type SyncStage = 'starting' | 'retrying' | 'employees' | 'time-offs' | 'sweeping' | 'done' | 'failed';

export interface SyncProgress {
  stage: SyncStage;
  kind: 'full' | 'incremental';
  pagesDone: number;
  /** Unknown until the first page reports total_elements. */
  totalPages?: number;
  rows: number;
}

/**
 * The least time between two broadcasts of one stage. Every broadcast makes each open
 * extension page draw again (on the options page that is the whole page), and a full sync
 * makes progress with every page of a hundred people; a bar that moves four times a second
 * still looks continuous.
 */
export const PROGRESS_INTERVAL_MS = 250;

/**
 * Hands a run's progress on at most once per PROGRESS_INTERVAL_MS while its stage stays the
 * same, and a new stage at once. What was held back goes out when the interval is over, so the
 * latest word always arrives.
 */
export class ProgressThrottle {
  private sentAt = -Infinity;
  private lastStage: SyncStage | undefined;
  private held: SyncProgress | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly send: (progress: SyncProgress) => void) {}

  push(progress: SyncProgress): void {
    const now = Date.now();
    if (progress.stage !== this.lastStage || now - this.sentAt >= PROGRESS_INTERVAL_MS) {
      this.sendNow(progress, now);
      return;
    }
    this.held = progress;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const held = this.held;
      if (held) this.sendNow(held, Date.now());
    }, PROGRESS_INTERVAL_MS - (now - this.sentAt));
  }

  private sendNow(progress: SyncProgress, now: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.held = undefined;
    this.sentAt = now;
    this.lastStage = progress.stage;
    this.send(progress);
  }
}
