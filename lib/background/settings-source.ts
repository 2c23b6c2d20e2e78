import { applyPolicy, type ManagedPolicy } from '../managed';
import { parseSettings, SETTINGS_KEY, type LockName, type Settings } from '../settings';
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

/** Settings as the background uses them: stored in `storage.local`, the policy on top. */
export class SettingsSource {
  constructor(
    private readonly policy: PolicySource,
    private readonly storage: StorageArea,
  ) {}

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
  }

  private async snapshot(policy: ManagedPolicy): Promise<SettingsSnapshot> {
    const own = parseSettings((await this.storage.get(SETTINGS_KEY))[SETTINGS_KEY]);
    const { settings, locked } = applyPolicy(own, policy);
    return { settings, locked, own, policy };
  }
}
