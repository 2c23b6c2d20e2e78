/** What an open options page or popup shows while a run is under way. */
export type SyncStage = 'starting' | 'employees' | 'time-offs' | 'sweeping' | 'done' | 'failed';

export interface SyncProgress {
  stage: SyncStage;
  kind: 'full' | 'incremental';
  pagesDone: number;
  /** Unknown until the first page reports total_elements. */
  totalPages?: number;
  rows: number;
}
