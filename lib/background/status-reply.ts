import { databaseTooNew } from '../db';
import { recentSyncLog, countEmployees } from '../directory-stats';
import { isConnected } from '../settings';
import type { StatusReply } from '../status';
import { readSyncState } from '../sync/run';
import { knownEmployeeCount } from '../sync/state';
import { isStale, SYNC_ALARM } from '../sync/schedule';
import type { SyncService } from '../sync/service';
import type { SettingsSnapshot } from './settings-source';

/** What the options page and the popup show about the connection and the sync. */
export async function statusReply(snapshot: SettingsSnapshot, sync: SyncService, now = Date.now()): Promise<StatusReply> {
  if (await databaseTooNew()) return tooNewReply(snapshot);
  const { settings, locked } = snapshot;
  const state = await readSyncState();
  const log = await recentSyncLog();
  const storageBytes = await navigator.storage?.estimate?.().then((e) => e.usage).catch(() => undefined);
  const alarm = await browser.alarms.get(SYNC_ALARM);
  return {
    connected: isConnected(settings),
    clientId: settings.clientId,
    secretHint: settings.secretHint,
    baseUrl: settings.baseUrl,
    // Counted only when the sync state cannot tell: counting 50,000 rows in IndexedDB takes
    // tens of milliseconds, on every status request (the popup waits for it, and the options
    // page asks every few seconds, through a first sync too).
    employeeCount: knownEmployeeCount(state) ?? (await countEmployees()),
    lastSuccessAt: state.lastSuccessAt,
    lastError: state.lastError,
    stale: isStale(state, settings.intervalMinutes, now),
    running: sync.isRunning ? (sync.progress ?? null) : null,
    log,
    settings: shownSettings(settings),
    locked: [...locked],
    ...(state.population ? { population: state.population } : {}),
    ...(storageBytes !== undefined ? { storageBytes } : {}),
    ...(alarm ? { nextSyncAt: alarm.scheduledTime } : {}),
  };
}

/** The connection and settings, and nothing read from a database a newer build wrote. */
function tooNewReply({ settings, locked }: SettingsSnapshot): StatusReply {
  return {
    connected: isConnected(settings),
    clientId: settings.clientId,
    secretHint: settings.secretHint,
    baseUrl: settings.baseUrl,
    employeeCount: 0,
    stale: false,
    running: null,
    log: [],
    settings: shownSettings(settings),
    locked: [...locked],
    databaseTooNew: true,
  };
}

function shownSettings(settings: SettingsSnapshot['settings']): StatusReply['settings'] {
  return {
    fields: settings.fields,
    filters: settings.filters,
    intervalMinutes: settings.intervalMinutes,
    disabledSites: settings.disabledSites,
    language: settings.language,
    customDomains: settings.customDomains,
    tenants: settings.tenants,
    personioWebUrl: settings.personioWebUrl,
    leaverMonths: settings.leaverMonths,
  };
}
