import { describe, expect, it, vi } from 'vitest';
import { freshdesk } from './freshdesk';
import {conversationIn, fixtureDocument, viaApi } from '../../test/unit/sites/fixture-dom';
import { fixtureFile } from '../../test/fixtures/sites/scenario';

const HOST = 'https://acme.freshdesk.com';
const ticketUrl = (id: number) => new URL(`${HOST}/a/tickets/${id}`);
const LIST_URL = new URL(`${HOST}/a/tickets/filters/all_tickets`);

const view = (id: number | 'list'): Document => fixtureDocument('freshdesk', 'index.html', `view-${id}`);
const apiFixture = (id: number): Record<string, unknown> => JSON.parse(fixtureFile('freshdesk', `api-ticket-${id}.json`)) as Record<string, unknown>;

const ADA = { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'requester' };

const CONTACT_EMAIL_HOOK = '[data-test-id="requester-info-contact-email"] .info-details-content';

describe('freshdesk adapter on the Freshdesk fixture', () => {
  it('finds no ticket on the ticket list, nor before the app has rendered', () => {
    expect(conversationIn(freshdesk.read(view('list'), LIST_URL))).toBeNull();
    expect(conversationIn(freshdesk.read(view('list'), new URL(`${HOST}/a/tickets`)))).toBeNull();
    expect(conversationIn(freshdesk.read(fixtureDocument('freshdesk', 'index.html'), ticketUrl(2001)))).toBeNull();
  });

  it('reads the requester (lower-cased, with name) from the contact details widget, keyed by ticket id', () => {
    expect(conversationIn(freshdesk.read(view(2001), ticketUrl(2001)))).toEqual({ key: '2001', participants: [ADA] });
  });

  it('never takes anything from the email body (the spoofed contact card and ticket number)', () => {
    const doc = view(2001);
    const body = doc.getElementById('ticket_original_request');
    expect(body?.querySelector('[data-test-id="requester-info-contact-email"]')?.textContent).toContain('lena.hoffmann@acme.example');
    expect(JSON.stringify(conversationIn(freshdesk.read(doc, ticketUrl(2001))))).not.toContain('lena.hoffmann');
    // With the real widget gone, the forged card in the body still does not count…
    doc.querySelector('aside .widget-requestor-info')?.remove();
    expect(freshdesk.read(doc, ticketUrl(2001))).toEqual({ status: 'reading', key: '2001', waitingFor: CONTACT_EMAIL_HOOK });
    // …nor does the forged ticket number in the body make this page ticket 2003.
    expect(conversationIn(freshdesk.read(doc, ticketUrl(2003)))).toBeNull();
  });

  it('reads the second ticket and the outside requester', () => {
    expect(conversationIn(freshdesk.read(view(2002), ticketUrl(2002)))).toEqual({
      key: '2002',
      participants: [{ email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'requester' }],
    });
    expect(conversationIn(freshdesk.read(view(2003), ticketUrl(2003)))?.participants[0]?.email).toBe('morgan.lee@customer.example');
  });

  it('still reports the open ticket (for the API) when the contact widget is not rendered', () => {
    const doc = view(2002);
    doc.querySelector('[data-test-id="requester-info-contact-email"]')?.remove();
    // Still waiting for the widget (the watcher turns that into "unreadable" later); the API answers meanwhile.
    expect(freshdesk.read(doc, ticketUrl(2002))).toEqual({ status: 'reading', key: '2002', waitingFor: CONTACT_EMAIL_HOOK });
    expect(freshdesk.api?.keyFromUrl(ticketUrl(2002))).toBe('2002');
  });

  it('says which hook failed when the widget shows an email field without an address, and nothing off a ticket', () => {
    const doc = view(2002);
    const field = doc.querySelector('[data-test-id="requester-info-contact-email"] .info-details-content');
    if (field) field.textContent = 'hidden';
    expect(freshdesk.read(doc, ticketUrl(2002))).toEqual({ status: 'unreadable', key: '2002', failed: CONTACT_EMAIL_HOOK });
    expect(freshdesk.read(doc, LIST_URL)).toEqual({ status: 'none' });
  });

  it('reports nothing while the URL already names the next ticket but the previous one is still shown', () => {
    expect(conversationIn(freshdesk.read(view(2001), ticketUrl(2002)))).toBeNull();
  });

  it('ignores a ticket view the app has hidden (Freshdesk has no ticket tabs; a stale view may linger)', () => {
    const doc = view(2002);
    const main = doc.querySelector('[role="main"]')!;
    const stale = doc.createElement('div');
    stale.setAttribute('style', 'display: none');
    stale.append((doc.getElementById('view-2001') as HTMLTemplateElement).content.cloneNode(true));
    main.prepend(stale);
    expect(conversationIn(freshdesk.read(doc, ticketUrl(2002)))?.participants).toEqual([
      { email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'requester' },
    ]);
  });
});

describe('freshdesk resolveViaApi (same-origin /api/v2/tickets/<id>?include=requester)', () => {
  it('asks for the ticket in the URL and returns its requester, then the CCs', async () => {
    const fetchJson = vi.fn(async (_path: string) => apiFixture(2001));
    const people = await viaApi(freshdesk, ticketUrl(2001), fetchJson);
    expect(fetchJson).toHaveBeenCalledWith('/api/v2/tickets/2001?include=requester');
    expect(people).toEqual([ADA, { email: 'grace.hopper@acme.example', role: 'cc' }]);
    // The description quotes the spoofed address: it is never read.
    expect(JSON.stringify(apiFixture(2001))).toContain('lena.hoffmann@acme.example');
    expect(JSON.stringify(people)).not.toContain('lena.hoffmann');
  });

  it('reads "Name <address>" CCs and an outside requester', async () => {
    expect(await viaApi(freshdesk, ticketUrl(2002), async () => apiFixture(2002))).toEqual([
      { email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'requester' },
      { email: 'zoe.schaefer@acme.example', role: 'cc' },
    ]);
    expect(await viaApi(freshdesk, ticketUrl(2003), async () => apiFixture(2003))).toEqual([
      { email: 'morgan.lee@customer.example', name: 'Morgan Lee', role: 'requester' },
    ]);
  });

  it('returns null on malformed or mismatched payloads, never throwing', async () => {
    const good = apiFixture(2001);
    const requester = good.requester as Record<string, unknown>;
    const payloads: unknown[] = [
      null,
      42,
      [],
      {},
      { ...good, requester: undefined },
      { ...good, requester: 'ada.lovelace@acme.example' },
      { ...good, requester: { ...requester, email: null, name: null } },
      // About another ticket, or a requester that is not the ticket's.
      { ...good, id: 2002 },
      { ...good, id: undefined },
      { ...good, requester_id: 77000000999 },
    ];
    for (const payload of payloads) {
      await expect(viaApi(freshdesk, ticketUrl(2001), async () => payload)).resolves.toBeNull();
    }
  });

  it('names a requester Freshdesk knows without a usable address (a phone contact) by name only', async () => {
    const good = apiFixture(2001);
    const requester = good.requester as Record<string, unknown>;
    for (const email of [null, 'Ada Lovelace', ['ada.lovelace@acme.example']]) {
      const people = await viaApi(freshdesk, ticketUrl(2001), async () => ({ ...good, requester: { ...requester, email } }));
      expect(people?.[0]).toEqual({ name: 'Ada Lovelace', role: 'requester' });
    }
  });

  it('keeps the requester when the CC list is odd, and drops a name that is an address', async () => {
    const good = apiFixture(2001);
    const odd = { ...good, cc_emails: [null, 7, 'not an address', { email: 'x@y.example' }, 'grace.hopper@acme.example'], requester: { ...(good.requester as object), name: 'lena.hoffmann@acme.example' } };
    expect(await viaApi(freshdesk, ticketUrl(2001), async () => odd)).toEqual([
      { email: 'ada.lovelace@acme.example', role: 'requester' },
      { email: 'grace.hopper@acme.example', role: 'cc' },
    ]);
    expect(await viaApi(freshdesk, ticketUrl(2001), async () => ({ ...good, cc_emails: 'x' }))).toEqual([ADA]);
  });

  it('returns null when the fetch fails, and does not fetch off a ticket page', async () => {
    await expect(viaApi(freshdesk, ticketUrl(2001), async () => Promise.reject(new Error('401')))).resolves.toBeNull();
    const fetchJson = vi.fn(async () => apiFixture(2001));
    await expect(viaApi(freshdesk, LIST_URL, fetchJson)).resolves.toBeNull();
    expect(fetchJson).not.toHaveBeenCalled();
  });
});
