import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, SETTINGS_KEY } from '../settings';
import { PolicySource } from './policy';
import { SettingsSource } from './settings-source';

function source() {
  const get = vi.spyOn(fakeBrowser.storage.local, 'get');
  const settings = new SettingsSource(new PolicySource(async () => ({})), fakeBrowser.storage.local, fakeBrowser.storage.onChanged);
  return { settings, get };
}

describe('the settings the background reads', () => {
  it('are read from storage once, then from memory, each caller getting its own copy', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), intervalMinutes: 30 } });
    const { settings, get } = source();
    const first = await settings.now();
    first.settings.intervalMinutes = 5; // a caller changing its copy
    const second = await settings.now();
    expect(second.settings.intervalMinutes).toBe(30);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('are read again after they are stored, after another context wrote them, and after a wipe', async () => {
    fakeBrowser.reset();
    const { settings } = source();
    expect((await settings.now()).settings.intervalMinutes).toBe(defaultSettings().intervalMinutes);
    await settings.store({ ...defaultSettings(), intervalMinutes: 60 });
    expect((await settings.now()).settings.intervalMinutes).toBe(60);

    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), intervalMinutes: 30 } });
    await vi.waitFor(async () => expect((await settings.now()).settings.intervalMinutes).toBe(30));

    await fakeBrowser.storage.local.clear();
    settings.forget();
    expect((await settings.now()).settings.intervalMinutes).toBe(defaultSettings().intervalMinutes);
  });
});
