import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_KEY } from '@/lib/settings';
import { db, wipeAll } from '@/lib/db';
import { EMPLOYEE_RECORD_VERSION } from '@/lib/employee';
import background from '@/entrypoints/background';
import { contentScriptAt, fakePort, optionsPage, panelFrame, send, settle, stubMissingApis } from './background-harness';

const gmailTab = contentScriptAt('https://mail.google.com/mail/u/0/#inbox/FMfcg');
const conversation = { key: 'k', participants: [{ email: 'ada@acme.example', name: 'Ada Lovelace', role: 'from' }] };

let onConnect: ReturnType<typeof stubMissingApis>;

beforeEach(async () => {
  await wipeAll();
  onConnect = stubMissingApis();
  background.main();
  await settle();
});

describe('background wiring', () => {
  it('answers the options page with the status of a fresh install', async () => {
    const status = (await send({ type: 'status' }, optionsPage)) as { connected: boolean; employeeCount: number; settings: { language: string } };
    expect(status.connected).toBe(false);
    expect(status.employeeCount).toBe(0);
    expect(status.settings.language).toBe('auto');
  });

  it('gives no answer to malformed requests, web pages, or page requests from the panel', async () => {
    expect(await send({ type: 'drop-tables' }, optionsPage)).toBeUndefined();
    expect(await send({ type: 'search', query: 5 }, optionsPage)).toBeUndefined();
    expect(await send({ type: 'status' }, { url: 'https://evil.example/', tab: { id: 9 }, frameId: 0 })).toBeUndefined();
    expect(await send({ type: 'status' }, panelFrame)).toBeUndefined();
  });

  it('shows the panel for a conversation on a supported site, and hides it without one', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { clientId: 'sim-client-id', connectedAt: 1 } });
    expect(await send({ type: 'requester', site: 'gmail', page: { status: 'found', conversation } }, gmailTab)).toEqual({ visible: true, layout: { collapsed: false, width: 340 } });
    expect(await fakeBrowser.storage.session.get('tab:5')).toHaveProperty('tab:5.selected', 'ada@acme.example');
    expect(await send({ type: 'requester', site: 'gmail', page: { status: 'none' } }, gmailTab)).toMatchObject({ visible: false });
    expect(await fakeBrowser.storage.session.get('tab:5')).toEqual({});
  });

  it('shows the panel on a conversation it is still reading or cannot read, and says which hook failed', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { clientId: 'sim-client-id', connectedAt: 1 } });
    expect(await send({ type: 'requester', site: 'gmail', page: { status: 'reading', key: 'thread-1' } }, gmailTab)).toMatchObject({ visible: true });
    expect(await fakeBrowser.storage.session.get('tab:5')).toHaveProperty('tab:5.page', { key: 'thread-1' });
    await send({ type: 'requester', site: 'gmail', page: { status: 'unreadable', key: 'thread-1', failed: 'span.gD[email] (sender)' } }, gmailTab);
    expect(await fakeBrowser.storage.session.get('tab:5')).toHaveProperty('tab:5.page', { key: 'thread-1', failed: 'span.gD[email] (sender)' });
    // Found after all: the conversation replaces the page state.
    await send({ type: 'requester', site: 'gmail', page: { status: 'found', conversation } }, gmailTab);
    expect(await fakeBrowser.storage.session.get('tab:5')).not.toHaveProperty('tab:5.page');
  });

  it('keeps no addresses from the page while not connected, and still shows the panel (to say so)', async () => {
    expect(await send({ type: 'requester', site: 'gmail', page: { status: 'found', conversation } }, gmailTab)).toMatchObject({ visible: true });
    expect(await fakeBrowser.storage.session.get('tab:5')).toEqual({});
  });

  it('ignores content-script messages from sites it does not support', async () => {
    const elsewhere = { ...gmailTab, url: 'https://mail.example.org/inbox' };
    expect(await send({ type: 'requester', site: 'gmail', page: { status: 'found', conversation } }, elsewhere)).toBeUndefined();
  });

  it('keeps the panel hidden on a site the admin switched off', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: ['gmail'] } });
    expect(await send({ type: 'requester', site: 'gmail', page: { status: 'found', conversation } }, gmailTab)).toMatchObject({ visible: false });
  });

  it('feeds a panel Port its model and layout, and refuses Ports from anyone else', async () => {
    const port = fakePort(panelFrame);
    onConnect.fire(port);
    await settle();
    expect(port.postMessage).toHaveBeenCalledWith({ model: { state: 'not-connected' }, layout: { collapsed: false, width: 340 }, language: 'auto' });

    const stranger = fakePort({ url: 'https://evil.example/', tab: { id: 9 }, frameId: 0 });
    onConnect.fire(stranger);
    expect(stranger.disconnect).toHaveBeenCalled();
  });

  it('shows a panel that shows no one before its card comes, and sends one that shows someone the next card first', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { clientId: 'sim-client-id', connectedAt: 1 } });
    await db().employees.bulkPut([
      { v: EMPLOYEE_RECORD_VERSION, id: 1, email: 'ada@acme.example', firstName: 'Ada', lastName: 'Lovelace', status: 'active', nameTokens: ['ada', 'lovelace'] },
      { v: EMPLOYEE_RECORD_VERSION, id: 2, email: 'grace@acme.example', firstName: 'Grace', lastName: 'Hopper', status: 'active', nameTokens: ['grace', 'hopper'] },
    ]);
    const port = fakePort(panelFrame);
    onConnect.fire(port);
    await settle();
    // In order: what the frame was sent (who its card is about), and when the page was told to show it.
    const events: string[] = [];
    // A card is sent again when its photo or balance comes in: the same card, once here.
    let lastSent = '';
    port.postMessage.mockImplementation((push: { model: { state: string; person?: { name: string } } }) => {
      const about = push.model.person?.name ?? push.model.state;
      if (about !== lastSent) events.push(about);
      lastSent = about;
    });
    const open = async (email: string, name: string) => {
      const reply = await send({ type: 'requester', site: 'gmail', page: { status: 'found', conversation: { key: email, participants: [{ email, name, role: 'from' }] } } }, gmailTab);
      events.push(`shown: ${(reply as { visible: boolean }).visible}`);
      await settle();
    };

    // The frame shows no one yet: the page shows it at once, and Ada's card follows.
    await open('ada@acme.example', 'Ada Lovelace');
    expect(events).toEqual(['shown: true', 'Ada Lovelace']);
    // It shows Ada: Grace's card is sent before the page is told.
    await open('grace@acme.example', 'Grace Hopper');
    expect(events.slice(2)).toEqual(['Grace Hopper', 'shown: true']);
    // Back to the inbox: the hidden frame lets go of Grace, so the next conversation is shown at once again.
    await send({ type: 'requester', site: 'gmail', page: { status: 'none' } }, gmailTab);
    await settle();
    expect(events.slice(4)).toEqual(['idle']);
    await open('ada@acme.example', 'Ada Lovelace');
    expect(events.slice(5)).toEqual(['shown: true', 'Ada Lovelace']);
  });

  it("remembers the panel's width per site when the panel asks for it", async () => {
    await send({ type: 'requester', site: 'gmail', page: { status: 'found', conversation } }, gmailTab);
    const port = fakePort(panelFrame);
    onConnect.fire(port);
    await settle();
    port.onMessage.fire({ type: 'wider' });
    await settle();
    expect(port.postMessage).toHaveBeenLastCalledWith(expect.objectContaining({ layout: { collapsed: false, width: 420 } }));
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(5, { type: 'panel-layout', layout: { collapsed: false, width: 420 } });
    expect(await fakeBrowser.storage.local.get('layout')).toEqual({ layout: { sites: { gmail: { collapsed: false, width: 420 } } } });
  });

  it("saves the admin's settings and reports them in the status", async () => {
    expect(await send({ type: 'save-settings', patch: { intervalMinutes: 30, language: 'de' } }, optionsPage)).toEqual({ ok: true });
    const status = (await send({ type: 'status' }, optionsPage)) as { settings: { intervalMinutes: number; language: string } };
    expect(status.settings).toMatchObject({ intervalMinutes: 30, language: 'de' });
  });

  it('refuses settings that would be invalid, keeping the saved ones', async () => {
    expect(await send({ type: 'save-settings', patch: { intervalMinutes: 30 } }, optionsPage)).toEqual({ ok: true });
    expect(await send({ type: 'save-settings', patch: { intervalMinutes: 2 } }, optionsPage)).toBeUndefined();
    const status = (await send({ type: 'status' }, optionsPage)) as { settings: { intervalMinutes: number } };
    expect(status.settings.intervalMinutes).toBe(30);
  });
});
