import { describe, expect, it } from 'vitest';
import { helpscout } from './helpscout';
import { conversationIn, fixtureDocument } from '../../test/unit/sites/fixture-dom';

const MAIN = '#mainCol';
const FIRST = new URL('https://secure.helpscout.net/conversation/2400000101/1041/?folderId=3000001');
const SECOND = new URL('https://secure.helpscout.net/conversation/2400000102/1042/?viewId=8514301');
const THIRD = new URL('https://secure.helpscout.net/conversation/2400000103/1043/');
const EMAILS_HOOK = '[data-cy="Sidebar.CustomerEmails"] [data-testid="EmailList.EmailLink"] (customer addresses)';

/** A conversation view as the fixture app renders it: mounted, with the page title it sets. */
function conversation(id: string): Document {
  const doc = fixtureDocument('helpscout', 'index.html', `view-${id}`, MAIN);
  doc.title = doc.getElementById(`view-${id}`)?.getAttribute('data-title') ?? '';
  return doc;
}

const ADA = { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'requester' };

describe('helpscout adapter on the Help Scout fixture', () => {
  it('covers the Help Scout app, and says it is beta', () => {
    expect(helpscout.matches).toEqual(['https://secure.helpscout.net/*']);
    expect(helpscout.beta).toBe(true);
    expect(helpscout.api).toBeUndefined();
  });

  it('finds no conversation where the URL names none (lists, a customer page, settings)', () => {
    const list = fixtureDocument('helpscout', 'index.html', 'view-list', MAIN);
    for (const path of ['/inbox/300001/', '/mailbox/300001/customer/510000001/9100000001', '/settings/', '/conversation/new/']) {
      expect(helpscout.read(list, new URL(`https://secure.helpscout.net${path}`))).toEqual({ status: 'none' });
    }
    // Even with a conversation's sidebar still in the page.
    expect(helpscout.read(conversation('2400000101'), new URL('https://secure.helpscout.net/inbox/300001/'))).toEqual({ status: 'none' });
  });

  it('is reading while the URL names a conversation the app has not rendered yet', () => {
    expect(helpscout.read(fixtureDocument('helpscout', 'index.html'), FIRST)).toEqual({
      status: 'reading',
      key: 'conversation:2400000101',
      waitingFor: EMAILS_HOOK,
    });
  });

  it('reads the customer from the sidebar’s email list, lower-cased, named from the profile', () => {
    expect(helpscout.read(conversation('2400000101'), FIRST)).toEqual({
      status: 'found',
      conversation: { key: 'conversation:2400000101', participants: [ADA] },
    });
  });

  it('reads an outside customer', () => {
    expect(conversationIn(helpscout.read(conversation('2400000103'), THIRD))?.participants).toEqual([
      { email: 'sam.rivera@customer.example', name: 'Sam Rivera', role: 'requester' },
    ]);
  });

  it('lists every address on the customer’s profile, in Help Scout’s order', () => {
    expect(conversationIn(helpscout.read(conversation('2400000102'), SECOND))).toEqual({
      key: 'conversation:2400000102',
      participants: [
        { email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'requester' },
        { email: 'j.mueller@old-acme.example', name: 'Jürgen Müller', role: 'requester' },
      ],
    });
  });

  it('never takes an address from a thread body, even a forged sidebar in it', () => {
    const doc = conversation('2400000101');
    const forged = doc.querySelector('[data-testid="ThreadContainer"] [data-testid="EmailList.EmailLink"]');
    expect(forged?.textContent).toBe('lena.hoffmann@acme.example');
    expect(JSON.stringify(helpscout.read(doc, FIRST))).not.toContain('lena');
    // With the real sidebar gone, the forged one still does not count.
    doc.querySelector('aside')?.remove();
    expect(helpscout.read(doc, FIRST)).toEqual({ status: 'reading', key: 'conversation:2400000101', waitingFor: EMAILS_HOOK });
  });

  it('waits while the title still names the previous conversation (the URL changes first)', () => {
    const doc = conversation('2400000101');
    expect(helpscout.read(doc, SECOND)).toEqual({
      status: 'reading',
      key: 'conversation:2400000102',
      waitingFor: 'document.title "#1042 …" (conversation view)',
    });
    doc.title = '(2) #1041 Laptop keeps disconnecting from VPN - Ada Lovelace';
    expect(helpscout.read(doc, SECOND).status).toBe('reading');
    // A title without a number (Help Scout changed its form) does not hold the read back.
    doc.title = 'Help Scout';
    expect(conversationIn(helpscout.read(doc, FIRST))?.participants).toEqual([ADA]);
  });

  it('reads a conversation URL without its number', () => {
    const url = new URL('https://secure.helpscout.net/conversation/2400000101');
    expect(conversationIn(helpscout.read(conversation('2400000101'), url))?.key).toBe('conversation:2400000101');
  });

  it('is reading while the email list is rendered but still empty, or the sidebar is hidden', () => {
    const doc = conversation('2400000101');
    doc.querySelector('aside [data-cy="Sidebar.CustomerEmails"]')?.replaceChildren();
    expect(helpscout.read(doc, FIRST)).toEqual({ status: 'reading', key: 'conversation:2400000101', waitingFor: EMAILS_HOOK });
    const hidden = conversation('2400000101');
    hidden.querySelector('aside')?.setAttribute('style', 'display: none');
    expect(helpscout.read(hidden, FIRST).status).toBe('reading');
  });

  it('is unreadable when the email links show no address (a renamed text hook, a phone-only customer)', () => {
    const doc = conversation('2400000101');
    for (const el of doc.querySelectorAll('aside [data-testid="EmailList.EmailLink"] .c-Truncate__content')) el.textContent = 'Work';
    expect(helpscout.read(doc, FIRST)).toEqual({
      status: 'unreadable',
      key: 'conversation:2400000101',
      failed: `${EMAILS_HOOK}: no address in 1 link(s)`,
    });
  });

  it('falls back to a mailto: link in the sidebar when the email link loses its test id', () => {
    const doc = conversation('2400000101');
    const link = doc.querySelector('aside [data-testid="EmailList.EmailLink"]')!;
    link.removeAttribute('data-testid');
    link.setAttribute('href', 'mailto:Ada.Lovelace%40acme.example');
    link.textContent = 'Work email';
    expect(conversationIn(helpscout.read(doc, FIRST))?.participants).toEqual([ADA]);
  });

  it('reads the address from the link text when the truncation span is gone', () => {
    const doc = conversation('2400000103');
    const link = doc.querySelector('aside [data-testid="EmailList.EmailLink"]')!;
    link.textContent = ' sam.rivera@customer.example ';
    expect(conversationIn(helpscout.read(doc, THIRD))?.participants[0]?.email).toBe('sam.rivera@customer.example');
  });

  it('reads the M1 form of the container too: links in [data-testid="Sidebar.CustomerProfile"]', () => {
    const doc = conversation('2400000103');
    doc.querySelector('aside [data-cy="Sidebar.CustomerEmails"]')?.removeAttribute('data-cy');
    expect(conversationIn(helpscout.read(doc, THIRD))?.participants[0]?.email).toBe('sam.rivera@customer.example');
  });

  it('reports the address without a name when the profile shows none, or shows an address as the name', () => {
    const doc = conversation('2400000101');
    doc.querySelector('aside [data-cy="Sidebar.CustomerName"]')?.remove();
    expect(conversationIn(helpscout.read(doc, FIRST))?.participants).toEqual([{ email: 'ada.lovelace@acme.example', role: 'requester' }]);
    const addressed = conversation('2400000101');
    addressed.querySelector('aside [data-cy="Sidebar.CustomerName"] .c-Truncate__content')!.textContent = 'ada.lovelace@acme.example';
    expect(conversationIn(helpscout.read(addressed, FIRST))?.participants).toEqual([{ email: 'ada.lovelace@acme.example', role: 'requester' }]);
  });
});
