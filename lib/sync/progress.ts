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
