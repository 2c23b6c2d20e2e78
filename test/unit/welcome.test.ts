import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_KEY } from '@/lib/settings';
import { wipeAll } from '@/lib/db';
import background from '@/entrypoints/background';
import { settle, stubMissingApis } from './background-harness';

/** What the browser reports at install, update and restart, and what the admin sees then. */
describe('first install', () => {
  let openOptionsPage: ReturnType<typeof vi.fn>;

  async function start(): Promise<void> {
    stubMissingApis();
    openOptionsPage = fakeBrowser.runtime.openOptionsPage as unknown as ReturnType<typeof vi.fn>;
    background.main();
    await settle();
  }

  beforeEach(async () => {
    await wipeAll();
  });

  it('opens the options page once, on a new install', async () => {
    await start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    expect(openOptionsPage).toHaveBeenCalledTimes(1);
  });

  it('leaves the admin alone on an update or a browser update (chrome_update)', async () => {
    await start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    await settle();
    expect(openOptionsPage).not.toHaveBeenCalled();
  });

  it('does not open it where Sidecard is already connected', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { clientId: 'sim-client-id', connectedAt: 1 } });
    await start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    expect(openOptionsPage).not.toHaveBeenCalled();
  });

  it("does not open it where the organisation's policy brings the credentials", async () => {
    await fakeBrowser.storage.managed.set({ clientId: 'sim-client-id', clientSecret: 'sim-client-secret' });
    // The policy connects by itself (here to nowhere: the test only needs no page opened).
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
    await start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    expect(openOptionsPage).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
