import { savedClient } from '../connection';
import { readSyncState } from '../sync/run';
import type { PersonioClient } from '../personio/client';
import type { Settings } from '../settings';
import type { SyncProgress } from '../sync/progress';
import type { SyncRequest } from '../sync/run';
import { SyncService } from '../sync/service';
import { PROGRESS_BROADCAST, type ProgressBroadcast } from '../messages';
import { LazyExtras } from './lazy-extras';
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
  /** A Personio client for the saved connection; a policy-provided secret wins over the saved one. */
  clientFor(settings: Settings): Promise<PersonioClient | undefined>;
  /** Start a sync (or join the running one); failures are in the sync log, not thrown. */
  startSync(request?: SyncRequest): Promise<void>;
  /** The toolbar badge, after the sync state or settings changed. */
  refreshBadge(): Promise<void>;
}

export function createServices(): BackgroundServices {
  const policy = new PolicySource(() => browser.storage.managed.get());
  const settings = new SettingsSource(policy, browser.storage.local);
  const sessions = new PanelSessions(browser.storage.session);
  const clientFor = async (current: Settings) => savedClient(current, {}, (await policy.settled()).clientSecret);
  const extras = new LazyExtras(clientFor);

  const refreshBadge = async () => {
    const [{ settings: current }, state] = await Promise.all([settings.now(), readSyncState()]);
    await showAttention(needsAttention(current, state, Date.now()));
  };

  const sync: SyncService = new SyncService({
    connection: async () => {
      const { settings: current } = await settings.settled();
      return { settings: current, client: await clientFor(current) };
    },
    armResume: armResumeAlarm,
    disarmResume: disarmResumeAlarm,
    onProgress: (progress: SyncProgress) => {
      const broadcast: ProgressBroadcast = { type: PROGRESS_BROADCAST, progress };
      browser.runtime.sendMessage(broadcast).catch(() => undefined);
      if (progress.stage === 'starting' || progress.stage === 'done') void panels.pushAll();
    },
    onRunOver: () => {
      void refreshBadge();
      void panels.pushAll();
    },
  });
  const panels = new PanelHub({ sessions, settings, extras, progress: () => sync.progress });

  return {
    policy,
    settings,
    sessions,
    panels,
    extras,
    sync,
    clientFor,
    startSync: (request = 'auto') => sync.request(request).then(
      () => undefined,
      () => undefined,
    ),
    refreshBadge,
  };
}
