import { db as defaultDb, SYNC_LOG_LIMIT, type SidecardDB, type SyncLogEntry, type SyncState } from '../db';
import { getByKey } from '../db-reads';

/** The one row of the syncState table. */
export const STATE_KEY = 'state' as const;

export async function readSyncState(database: SidecardDB = defaultDb()): Promise<SyncState> {
  return (await getByKey(database.syncState, STATE_KEY)) ?? { key: STATE_KEY };
}

/**
 * How many people are stored, when the sync state can tell without counting rows (counting
 * is a walk over the whole table in IndexedDB): as of the last run that ended, or, during a
 * first run into an empty table, the rows it has written so far.
 */
export function knownEmployeeCount(state: SyncState): number | undefined {
  return state.employeeCount ?? (state.checkpoint?.intoEmptyTable ? state.checkpoint.rowsChanged : undefined);
}

/** Add a run to the sync log, which keeps the latest `SYNC_LOG_LIMIT`. */
export async function appendLog(database: SidecardDB, entry: SyncLogEntry): Promise<void> {
  await database.syncLog.add(entry);
  const count = await database.syncLog.count();
  if (count > SYNC_LOG_LIMIT) {
    const oldest = await database.syncLog.orderBy('startedAt').limit(count - SYNC_LOG_LIMIT).primaryKeys();
    await database.syncLog.bulkDelete(oldest);
  }
}
