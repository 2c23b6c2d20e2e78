import { isConnected, type Settings } from '../settings';
import { RESUME_ALARM, SYNC_ALARM } from '../sync/schedule';
import type { SyncRequest } from '../sync/plan';

/** The periodic sync alarm follows the settings: none while disconnected, else every interval. */
export async function scheduleSync(settings: Settings): Promise<void> {
  if (!isConnected(settings)) {
    await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes !== settings.intervalMinutes) {
    await browser.alarms.create(SYNC_ALARM, { delayInMinutes: settings.intervalMinutes, periodInMinutes: settings.intervalMinutes });
  }
}

/** Alarms that mean "run a sync now": the periodic one, and the resume alarm of an unfinished run. */
export function isSyncAlarm(name: string): boolean {
  return name === SYNC_ALARM || name === RESUME_ALARM;
}

/** The run asked for, kept until it is over: a browser restarted before the run wrote its checkpoint still runs it. */
const RUN_REQUESTED_KEY = 'sync:requested';

/**
 * While a run is under way: an alarm that wakes a stopped worker to resume it, and the request
 * in storage, which outlives a browser restart (alarms need not).
 */
export async function armResumeAlarm(request: SyncRequest): Promise<void> {
  await Promise.all([browser.alarms.create(RESUME_ALARM, { delayInMinutes: 1, periodInMinutes: 1 }), browser.storage.local.set({ [RUN_REQUESTED_KEY]: request })]);
}

export async function disarmResumeAlarm(): Promise<void> {
  await Promise.all([browser.alarms.clear(RESUME_ALARM), browser.storage.local.remove(RUN_REQUESTED_KEY)]);
}

/** The run a worker (or browser) stopped before it was over, if any. */
export async function requestedRun(): Promise<SyncRequest | undefined> {
  const request = (await browser.storage.local.get(RUN_REQUESTED_KEY))[RUN_REQUESTED_KEY];
  return request === 'full' || request === 'auto' ? request : undefined;
}
