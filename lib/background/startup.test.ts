import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { wipeAll } from '../db';
import { defaultSettings, SETTINGS_KEY } from '../settings';
import { PolicySource } from './policy';
import type { BackgroundServices } from './services';
import { SettingsSource } from './settings-source';
import { onWorkerStart } from './startup';
import { armResumeAlarm, disarmResumeAlarm } from './sync-alarms';

function services() {
  const settings = new SettingsSource(new PolicySource(async () => ({})), fakeBrowser.storage.local);
  return { settings, startSync: vi.fn(async () => undefined), refreshBadge: vi.fn(async () => undefined) } as unknown as BackgroundServices & { startSync: ReturnType<typeof vi.fn> };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await wipeAll();
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), clientId: 'sim-client-id', connectedAt: 1 } });
  // No custom domains to register here.
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([] as never);
});

describe('a worker (or browser) that starts again', () => {
  it('runs the sync it was stopped in, even one that had not written its checkpoint yet', async () => {
    await armResumeAlarm('full'); // a Sync now; the browser closed before the run wrote anything
    const background = services();
    await onWorkerStart(background, async () => undefined);
    expect(background.startSync).toHaveBeenCalledWith('full');
  });
  it('starts nothing when no run was under way', async () => {
    await armResumeAlarm('auto');
    await disarmResumeAlarm(); // the run ended
    const background = services();
    await onWorkerStart(background, async () => undefined);
    expect(background.startSync).not.toHaveBeenCalled();
  });
});
