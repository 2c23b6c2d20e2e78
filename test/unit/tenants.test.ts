import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db, wipeAll } from '@/lib/db';
import { EMPLOYEE_RECORD_VERSION } from '@/lib/employee';
import { SETTINGS_KEY } from '@/lib/settings';
import background from '@/entrypoints/background';
import { contentScriptAt, fakePort, optionsPage, panelFrame, send, settle, stubMissingApis } from './background-harness';

/**
 * The background on a tenant of Zendesk, Freshdesk or Jira: anyone can open one, so on a tenant
 * the admin has not named, the panel gets only an offer and the directory is not consulted.
 */
const zendeskTab = (host: string) => contentScriptAt(`https://${host}/agent/tickets/1001`);
const ADA = 'ada.lovelace@acme.example';
const conversation = { key: '1001', participants: [{ email: ADA, name: 'Ada Lovelace', role: 'requester' }] };

function openPanel() {
  const port = fakePort(panelFrame);
  onConnect.fire(port);
  return port;
}

const lastModel = (port: ReturnType<typeof openPanel>) => (port.postMessage.mock.lastCall?.[0] as { model: unknown } | undefined)?.model;

let onConnect: ReturnType<typeof stubMissingApis>;
let employeeReads: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  await wipeAll();
  onConnect = stubMissingApis();
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
    expect(await send({ type: 'requester', site: 'zendesk', page: { status: 'found', conversation } }, zendeskTab('evil.zendesk.com'))).toMatchObject({ visible: true });
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
    await send({ type: 'requester', site: 'zendesk', page: { status: 'found', conversation } }, zendeskTab('acme.zendesk.com'));
    await settle();
    expect(lastModel(port)).toMatchObject({ state: 'conversation', selected: ADA, person: expect.objectContaining({ name: 'Ada Lovelace' }) });
    // Another tenant of the same site still gets the offer.
    await send({ type: 'requester', site: 'zendesk', page: { status: 'found', conversation } }, zendeskTab('evil.zendesk.com'));
    await settle();
    expect(lastModel(port)).toEqual({ state: 'offer', host: 'evil.zendesk.com' });
  });

  it('shows the requester when the policy names it', async () => {
    await fakeBrowser.storage.managed.set({ tenants: ['acme.zendesk.com'] });
    const port = openPanel();
    await send({ type: 'requester', site: 'zendesk', page: { status: 'found', conversation } }, zendeskTab('acme.zendesk.com'));
    await settle();
    expect(lastModel(port)).toMatchObject({ state: 'conversation', selected: ADA });
  });

  it('gets no answer on Confluence, which shares the Jira host', async () => {
    await send({ type: 'save-settings', patch: { tenants: ['acme.atlassian.net'] } }, optionsPage);
    const wiki = { ...zendeskTab('acme.atlassian.net'), url: 'https://acme.atlassian.net/wiki/spaces/HR/pages/1' };
    expect(await send({ type: 'requester', site: 'jira', page: { status: 'found', conversation } }, wiki)).toBeUndefined();
  });
});
