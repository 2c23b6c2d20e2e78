import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PANEL_PORT } from '@/lib/channels';

/**
 * The background under WXT's fakeBrowser, for wiring tests: the events the fake lacks (Ports,
 * commands) and the APIs it does not mock (scripting, permissions, tabs.sendMessage) stubbed.
 */

/** An event with a way to fire it. */
export function fakeEvent<Args extends unknown[]>() {
  const listeners: ((...args: Args) => unknown)[] = [];
  return {
    addListener: (l: (...args: Args) => unknown) => void listeners.push(l),
    removeListener: () => undefined,
    hasListener: () => false,
    fire: (...args: Args) => listeners.map((l) => l(...args)),
  };
}

export const extensionId = fakeBrowser.runtime.id;
export const optionsPage = { id: extensionId, url: `chrome-extension://${extensionId}/options.html` };
/** The panel frame inside tab 5. */
export const panelFrame = { id: extensionId, url: `chrome-extension://${extensionId}/panel.html`, tab: { id: 5 }, frameId: 3 };
/** Our content script in tab 5's top frame at `url`. */
export const contentScriptAt = (url: string) => ({ id: extensionId, url, tab: { id: 5 }, frameId: 0 });

/** Stub what the fake browser lacks; returns the runtime.onConnect event to open Ports with. */
export function stubMissingApis() {
  const onConnect = fakeEvent<[unknown]>();
  Object.assign(fakeBrowser.runtime, { onConnect, openOptionsPage: vi.fn(async () => undefined) });
  Object.assign(fakeBrowser.tabs, { sendMessage: vi.fn(async () => undefined) });
  Object.assign(fakeBrowser, {
    commands: { onCommand: fakeEvent<[string, { id?: number }]>() },
    scripting: { getRegisteredContentScripts: async () => [], registerContentScripts: vi.fn(), unregisterContentScripts: vi.fn() },
    permissions: { contains: async () => false, remove: async () => true },
  });
  return onConnect;
}

/** What the background answers a message from `sender` (undefined: no answer). */
export async function send(message: unknown, sender: object): Promise<unknown> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
  return reply;
}

/** A Port from `sender`, as runtime.onConnect hands it to the background. */
export function fakePort(sender: object) {
  return { name: PANEL_PORT, sender, postMessage: vi.fn(), disconnect: vi.fn(), onMessage: fakeEvent<[unknown]>(), onDisconnect: fakeEvent<[]>() };
}

/** Let the background's chained storage and database work finish. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((r) => setTimeout(r, 10));
}
