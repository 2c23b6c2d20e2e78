import { isConnected, type Settings } from '../settings';
import { RESUME_ALARM, SYNC_ALARM } from '../sync/schedule';

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

export async function armResumeAlarm(): Promise<void> {
  await browser.alarms.create(RESUME_ALARM, { delayInMinutes: 1, periodInMinutes: 1 });
}

export async function disarmResumeAlarm(): Promise<void> {
  await browser.alarms.clear(RESUME_ALARM);
}
