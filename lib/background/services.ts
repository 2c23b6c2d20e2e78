import { QuietTrigger, SETTINGS_QUIET_MS } from './quiet-trigger';
import { savedClient } from '../connection';
import { db } from '../db';
import { existingEmployeeIds } from '../directory-stats';
import { readSyncState } from '../sync/run';
import type { PersonioClient } from '../personio/client';
import type { Settings } from '../settings';
import { ProgressThrottle, type SyncProgress } from '../sync/progress';
import type { SyncRequest } from '../sync/run';
import { SyncService } from '../sync/service';
import { PROGRESS_BROADCAST, type ProgressBroadcast } from '../messages';
import { LazyExtras } from './lazy-extras';
import { LiveConnection } from './live-connection';
import { soakClock } from './soak-clock';
import { installSoakQuotaFault } from './soak-faults';
import { PanelHub } from './panel-hub';
import { PanelSessions } from './panel-sessions';
import { PolicySource } from './policy';
import { SettingsSource } from './settings-source';
import { armResumeAlarm, disarmResumeAlarm } from './sync-alarms';
import { needsAttention, showAttention } from './toolbar-badge';

/** The background's long-lived parts, made once per worker life and shared by every handler. */
export interface BackgroundServices {
  policy: PolicySource;
  settings: SettingsSource;
  sessions: PanelSessions;
  panels: PanelHub;
  extras: LazyExtras;
  sync: SyncService;
  /**
   * The Personio client of the saved connection (a policy-provided secret wins over the saved
   * one): one for the worker's life, shared by the sync and on-demand fetches, made again
   * only when the base URL, client id or secret change.
   */
  clientFor(settings: Settings): Promise<PersonioClient | undefined>;
  /**
   * End the connection: abort the running sync and every on-demand fetch, drop the client
   * with its token and secret, and run `wipe` at once and again once the aborted work has
   * settled (nothing of it commits after the abort either way).
   */
  disconnect(wipe: () => Promise<void>): Promise<void>;
  /** Start a sync (or join the running one); failures are in the sync log, not thrown. */
  startSync(request?: SyncRequest): Promise<void>;
  /** Settings changed what is synced: one full sync once they stop changing (see QuietTrigger). */
  syncWhenSettled(): void;
  /** The toolbar badge, after the sync state or settings changed. */
  refreshBadge(): Promise<void>;
  /**
   * The time a card is drawn for. The sync's clock: the soak build moves it ahead as its
   * simulated rounds pass, and a card must judge "away now" by the day the absences were
   * fetched for.
   */
  now(): Promise<number>;
}

export function createServices(): BackgroundServices {
  if (import.meta.env.SIDECARD_SOAK) installSoakQuotaFault(db());
  const policy = new PolicySource(() => browser.storage.managed.get());
  const settings = new SettingsSource(policy, browser.storage.local, browser.storage.onChanged);
  const sessions = new PanelSessions(browser.storage.session);
  const connection = new LiveConnection({
    make: async (current) => savedClient(current, {}, (await policy.settled()).clientSecret),
    // What the client is made of; `connectedAt` changes with every Connect, so a new secret
    // saved for the same base URL and client id makes a new client too.
    keyOf: async (current) => JSON.stringify([current.baseUrl, current.clientId, current.connectedAt ?? null, current.secretHint, (await policy.settled()).clientSecret ?? null]),
  });
  const clientFor = async (current: Settings) => (await connection.open(current))?.client;
  const extras = new LazyExtras((current) => connection.open(current));

  const refreshBadge = async () => {
    const [{ settings: current }, state] = await Promise.all([settings.now(), readSyncState()]);
    await showAttention(needsAttention(current, state, Date.now()));
  };

  const progressOut = new ProgressThrottle((progress) => {
    const broadcast: ProgressBroadcast = { type: PROGRESS_BROADCAST, progress };
    browser.runtime.sendMessage(broadcast).catch(() => undefined);
  });
  const sync: SyncService = new SyncService({
    connection: async () => {
      const { settings: current } = await settings.settled();
      const live = await connection.open(current);
      return { settings: current, client: live?.client, signal: live?.signal ?? connection.signal };
    },
    armResume: armResumeAlarm,
    disarmResume: disarmResumeAlarm,
    onProgress: (progress: SyncProgress) => {
      progressOut.push(progress);
      if (progress.stage === 'starting' || progress.stage === 'done') void panels.pushAll();
    },
    // No copy of a person the run removed stays in a panel's session.
    forgetRemoved: () => sessions.forgetMissingPeople((ids) => existingEmployeeIds(ids)),
    onRunOver: () => {
      void refreshBadge();
      void panels.pushAll();
    },
    ...(import.meta.env.SIDECARD_SOAK ? { clock: soakClock } : {}),
  });
  const now = import.meta.env.SIDECARD_SOAK ? async () => (await soakClock())() : async () => Date.now();
  const panels = new PanelHub({ sessions, settings, extras, progress: () => sync.progress, now });
  const settledSync = new QuietTrigger(() => void sync.request('full').catch(() => undefined), SETTINGS_QUIET_MS);

  return {
    policy,
    settings,
    sessions,
    panels,
    extras,
    sync,
    clientFor,
    now,
    disconnect: (wipe) => {
      settledSync.cancel();
      return connection.end(wipe, () => Promise.all([sync.whenIdle(), extras.whenIdle()]));
    },
    startSync: (request = 'auto') => sync.request(request).then(
      () => undefined,
      () => undefined,
    ),
    syncWhenSettled: () => settledSync.poke(),
    refreshBadge,
  };
}
