import { applyPolicy, type ManagedPolicy } from '../managed';
import { parseSettings, SETTINGS_KEY, type LockName, type Settings } from '../settings';
import { KeptRead } from './kept-read';
import type { PolicySource } from './policy';

/** One read of the settings, used for a whole request. */
export interface SettingsSnapshot {
  /** The admin's settings with the organisation's policy applied on top. */
  settings: Settings;
  /** What the policy locks. */
  locked: ReadonlySet<LockName>;
  /** The admin's own settings as stored, before the policy. */
  own: Settings;
  policy: ManagedPolicy;
}

type StorageArea = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
/** `storage.onChanged`: told when another context wrote the settings. */
type ChangeEvents = { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void };

/**
 * Settings as the background uses them: stored in `storage.local`, the policy on top. The
 * stored part is kept in memory between requests (every panel update reads the settings, and
 * a storage read costs milliseconds), dropped when the storage says they changed or when the
 * background wipes it, and copied for each caller.
 */
export class SettingsSource {
  private readonly own: KeptRead<Settings>;

  constructor(
    private readonly policy: PolicySource,
    private readonly storage: StorageArea,
    changes?: ChangeEvents,
  ) {
    this.own = new KeptRead(() => this.storage.get(SETTINGS_KEY).then((items) => parseSettings(items[SETTINGS_KEY])));
    changes?.addListener((changed, area) => {
      if (area === 'local' && SETTINGS_KEY in changed) this.forget();
    });
  }

  /** Read the stored settings again at the next request (after a wipe of the storage). */
  forget(): void {
    this.own.forget();
  }

  /** With the policy as known now: for answering the panel and status without waiting. */
  async now(): Promise<SettingsSnapshot> {
    return this.snapshot(this.policy.now);
  }

  /** Waiting for the policy; throws `PolicyUnavailableError` when the browser will not give it. */
  async settled(): Promise<SettingsSnapshot> {
    return this.snapshot(await this.policy.settled());
  }

  /** Store the admin's own settings (the policy is never written into them). */
  async store(own: Settings): Promise<void> {
    await this.storage.set({ [SETTINGS_KEY]: own });
    this.own.set(structuredClone(own));
  }

  private async snapshot(policy: ManagedPolicy): Promise<SettingsSnapshot> {
    const own = structuredClone(await this.own.get());
    const { settings, locked } = applyPolicy(own, policy);
    return { settings, locked, own, policy };
  }
}
