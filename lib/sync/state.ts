import { db as defaultDb, SYNC_LOG_LIMIT, type SidecardDB, type SyncLogEntry, type SyncState } from '../db';
import { getByKey } from '../db-reads';

/** The one row of the syncState table. */
export const STATE_KEY = 'state' as const;

export async function readSyncState(database: SidecardDB = defaultDb()): Promise<SyncState> {
  return (await getByKey(database.syncState, STATE_KEY)) ?? { key: STATE_KEY };
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
