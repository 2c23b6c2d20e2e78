import type { SyncLogEntry } from '../db';
import { isCustomField } from '../fields';
import type { PersonioClient } from '../personio/client';
import { markSearchIndexBehind, TableChanges, updateSearchIndex } from '../search';
import type { Settings } from '../settings';
import type { SyncProgress } from './progress';
import { runSync, type SyncContext, type SyncRequest } from './run';
import { SyncCoordinator } from './schedule';

export interface SyncServiceDeps {
  /**
   * Settings and the client for the saved connection, read as each run starts, with the
   * connection's signal (aborted at a disconnect: the run then stops and leaves no trace).
   */
  connection: () => Promise<{ settings: Settings; client: PersonioClient | undefined; signal?: AbortSignal }>;
  /** A wake-up alarm while a run is under way, so a stopped worker resumes it (and the request, kept). */
  armResume: (request: SyncRequest) => Promise<void>;
  disarmResume: () => Promise<void>;
  onProgress: (progress: SyncProgress) => void;
  /**
   * Take people the directory no longer holds out of the copies of them kept beside it (the
   * panels' sessions). Awaited after the index follows the run and before the run is over:
   * whoever asks once it is over finds no copy of someone it removed.
   */
  forgetRemoved?: () => Promise<void>;
  /** After every run, whatever its outcome (the index is up to date by then). */
  onRunOver: () => void;
  /** The sync itself: `runSync`, replaceable in tests. */
  run?: (ctx: SyncContext, request: SyncRequest) => Promise<SyncLogEntry>;
  /** How the search index follows a run: `updateSearchIndex` (without the database), replaceable in tests. */
  updateIndex?: (ids: Iterable<number> | 'all', written: TableChanges['written']) => Promise<void>;
  /** Said before a run writes: `markSearchIndexBehind`, replaceable in tests. */
  markIndexBehind?: () => Promise<void>;
  /** The clock a run reads, fetched as it starts: Date.now unless a soak build moves it. */
  clock?: () => Promise<() => number>;
}

/**
 * The background's sync: one run at a time (a second request joins the running one), with
 * what every run needs around `runSync`: custom attribute labels when custom fields are
 * stored, the resume alarm while it runs, and the search index brought up to date after it.
 */
export class SyncService {
  private readonly coordinator = new SyncCoordinator((request) => this.start(request));
  private current: SyncProgress | undefined;

  constructor(private readonly deps: SyncServiceDeps) {}

  /** Start a run, or join the one under way. Rejects when the run fails. */
  request(request: SyncRequest = 'auto'): Promise<SyncLogEntry> {
    return this.coordinator.request(request);
  }

  get isRunning(): boolean {
    return this.coordinator.isRunning;
  }

  /** Once the run under way (if any) is over, its tail included. */
  whenIdle(): Promise<void> {
    return this.coordinator.whenIdle();
  }

  /** The running run's latest progress. */
  get progress(): SyncProgress | undefined {
    return this.coordinator.isRunning ? this.current : undefined;
  }

  /** The connection, custom attribute labels when custom fields are stored, and the clock. */
  private async prepare() {
    const { settings, client, signal } = await this.deps.connection();
    if (!client) throw new Error('not connected');
    const hasCustomFields = settings.fields.some((f) => f.store && isCustomField(f.key));
    // Without labels, custom fields still sync, under their keys.
    const attributeDefinitions = hasCustomFields ? await client.attributes({ signal }).catch(() => []) : [];
    signal?.throwIfAborted();
    const now = await this.deps.clock?.();
    return { settings, client, signal, attributeDefinitions, now };
  }

  private async start(request: SyncRequest): Promise<SyncLogEntry> {
    // Armed first: a worker stopped before the run has written its checkpoint (while the
    // custom attributes' labels are fetched, say) is woken to run it all the same.
    await this.deps.armResume(request);
    let prepared: Awaited<ReturnType<typeof this.prepare>>;
    try {
      prepared = await this.prepare();
    } catch (error) {
      await this.deps.disarmResume();
      throw error;
    }
    const { settings, client, signal, attributeDefinitions, now } = prepared;
    const changes = new TableChanges();
    let resumed = false;
    try {
      // Until the index has followed this run, a worker woken in between must not trust its snapshot.
      await (this.deps.markIndexBehind ?? markSearchIndexBehind)();
      const run = this.deps.run ?? runSync;
      const context: SyncContext = {
        client,
        settings,
        attributeDefinitions,
        ...(signal ? { signal } : {}),
        onProgress: (p) => {
          this.current = p;
          this.deps.onProgress(p);
        },
        onRowsChanged: (ids, rows) => changes.add(ids, rows),
        ...(now ? { now } : {}),
      };
      let log = await run(context, request);
      resumed = log.resumed === true;
      // The credential grants an attribute again: rows this run did not fetch lack it.
      if (log.regranted && !log.error) log = await run(context, 'full');
      return log;
    } finally {
      // Search follows the rows this run changed. A resumed run changed rows before the
      // worker stopped too, which no one counted: the index is rebuilt whole. After a
      // disconnect there is nothing to follow (the index was forgotten with the data).
      const updateIndex = this.deps.updateIndex ?? ((ids, written) => updateSearchIndex(ids, undefined, written));
      if (!signal?.aborted) await updateIndex(resumed ? 'all' : changes.ids, changes.written).catch(() => undefined);
      // A failed run may have removed people too, in the batches it committed.
      if (!signal?.aborted) await this.deps.forgetRemoved?.().catch(() => undefined);
      await this.deps.disarmResume();
      this.current = undefined;
      this.deps.onRunOver();
    }
  }
}
