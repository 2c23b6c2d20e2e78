import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PANEL_PORT } from '@/lib/channels';
import { db, wipeAll } from '@/lib/db';
import { EMPLOYEE_RECORD_VERSION } from '@/lib/employee';
import { SETTINGS_KEY } from '@/lib/settings';
import background from '@/entrypoints/background';

/**
 * The background on a tenant of Zendesk, Freshdesk or Jira: anyone can open one, so on a tenant
 * the admin has not named, the panel gets only an offer and the directory is not consulted.
 */
function fakeEvent<Args extends unknown[]>() {
  const listeners: ((...args: Args) => unknown)[] = [];
  return {
    addListener: (l: (...args: Args) => unknown) => void listeners.push(l),
    removeListener: () => undefined,
    hasListener: () => false,
    fire: (...args: Args) => listeners.map((l) => l(...args)),
  };
}

const id = fakeBrowser.runtime.id;
const optionsPage = { id, url: `chrome-extension://${id}/options.html` };
const zendeskTab = (host: string) => ({ id, url: `https://${host}/agent/tickets/1001`, tab: { id: 5 }, frameId: 0 });
const panelFrame = { id, url: `chrome-extension://${id}/panel.html`, tab: { id: 5 }, frameId: 3 };
const ADA = 'ada.lovelace@acme.example';
const conversation = { key: '1001', participants: [{ email: ADA, name: 'Ada Lovelace', role: 'requester' }] };

async function send(message: unknown, sender: object): Promise<unknown> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
  return reply;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((r) => setTimeout(r, 10));
}

function openPanel() {
  const port = { name: PANEL_PORT, sender: panelFrame, postMessage: vi.fn(), disconnect: vi.fn(), onMessage: fakeEvent<[unknown]>(), onDisconnect: fakeEvent<[]>() };
  onConnect.fire(port);
  return port;
}

const lastModel = (port: ReturnType<typeof openPanel>) => (port.postMessage.mock.lastCall?.[0] as { model: unknown } | undefined)?.model;

let onConnect: ReturnType<typeof fakeEvent<[unknown]>>;
let employeeReads: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  await wipeAll();
  onConnect = fakeEvent<[unknown]>();
  Object.assign(fakeBrowser.runtime, { onConnect, openOptionsPage: vi.fn(async () => undefined) });
  Object.assign(fakeBrowser.tabs, { sendMessage: vi.fn(async () => undefined) });
  Object.assign(fakeBrowser, {
    commands: { onCommand: fakeEvent<[string, { id?: number }]>() },
    scripting: { getRegisteredContentScripts: async () => [], registerContentScripts: vi.fn(), unregisterContentScripts: vi.fn() },
    permissions: { contains: async () => false, remove: async () => true },
  });
  // Connected, with Ada in the directory.
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { clientId: 'client', connectedAt: 1 } });
  await db().employees.put({ v: EMPLOYEE_RECORD_VERSION, id: 1, email: ADA, firstName: 'Ada', lastName: 'Lovelace', position: 'Senior Software Engineer', nameTokens: ['ada', 'lovelace'] });
  await db().syncState.put({ key: 'state', lastSuccessAt: Date.now(), employeeCount: 1 });
  background.main();
  await settle();
  employeeReads = vi.spyOn(db().employees, 'get');
});

describe('a tenant of a multi-tenant site', () => {
  it('that nobody named gets only the offer: no card, no lookup, no address kept', async () => {
    const port = openPanel();
    await settle();
    const whereSpy = vi.spyOn(db().employees, 'where');
    expect(await send({ type: 'requester', site: 'zendesk', conversation }, zendeskTab('evil.zendesk.com'))).toMatchObject({ visible: true });
    await settle();
    expect(lastModel(port)).toEqual({ state: 'offer', host: 'evil.zendesk.com' });
    expect(JSON.stringify(port.postMessage.mock.calls)).not.toContain('Lovelace');
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(ADA);
    expect(employeeReads).not.toHaveBeenCalled();
    expect(whereSpy).not.toHaveBeenCalled();
  });

  it('shows the requester once the admin names it on the options page', async () => {
    expect(await send({ type: 'save-settings', patch: { tenants: ['acme.zendesk.com'] } }, optionsPage)).toEqual({ ok: true });
    const port = openPanel();
    await send({ type: 'requester', site: 'zendesk', conversation }, zendeskTab('acme.zendesk.com'));
    await settle();
    expect(lastModel(port)).toMatchObject({ state: 'conversation', selected: ADA, person: expect.objectContaining({ name: 'Ada Lovelace' }) });
    // Another tenant of the same site still gets the offer.
    await send({ type: 'requester', site: 'zendesk', conversation }, zendeskTab('evil.zendesk.com'));
    await settle();
    expect(lastModel(port)).toEqual({ state: 'offer', host: 'evil.zendesk.com' });
  });

  it('shows the requester when the policy names it', async () => {
    await fakeBrowser.storage.managed.set({ tenants: ['acme.zendesk.com'] });
    const port = openPanel();
    await send({ type: 'requester', site: 'zendesk', conversation }, zendeskTab('acme.zendesk.com'));
    await settle();
    expect(lastModel(port)).toMatchObject({ state: 'conversation', selected: ADA });
  });

  it('gets no answer on Confluence, which shares the Jira host', async () => {
    await send({ type: 'save-settings', patch: { tenants: ['acme.atlassian.net'] } }, optionsPage);
    const wiki = { ...zendeskTab('acme.atlassian.net'), url: 'https://acme.atlassian.net/wiki/spaces/HR/pages/1' };
    expect(await send({ type: 'requester', site: 'jira', conversation }, wiki)).toBeUndefined();
  });
});
