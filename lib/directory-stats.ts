import { db as defaultDb, SYNC_LOG_LIMIT, type SidecardDB, type SyncLogEntry } from './db';

/** How many people the local copy holds (a full count: use the sync state's figure where it has one). */
export function countEmployees(database: SidecardDB = defaultDb()): Promise<number> {
  return database.employees.count();
}

/** The sync log, newest first. */
export function recentSyncLog(database: SidecardDB = defaultDb(), limit = SYNC_LOG_LIMIT): Promise<SyncLogEntry[]> {
  return database.syncLog.orderBy('startedAt').reverse().limit(limit).toArray();
}

/** Which of these ids the directory still holds. */
export async function existingEmployeeIds(ids: readonly number[], database: SidecardDB = defaultDb()): Promise<Set<number>> {
  const keys = await database.employees.bulkGet([...ids]);
  return new Set(keys.flatMap((e, i) => (e ? [ids[i]!] : [])));
}
