import { describe, expect, it } from 'vitest';
import { helpscout } from './helpscout';
import { fixtureDocument } from '../../test/unit/sites/fixture-dom';

const MAIN = '#mainCol';
const FIRST = new URL('https://secure.helpscout.net/conversation/2400000101/1041/?folderId=3000001');
const SECOND = new URL('https://secure.helpscout.net/conversation/2400000102/1042/');

function conversation(id: string): Document {
  return fixtureDocument('helpscout', 'index.html', `view-${id}`, MAIN);
}

describe('helpscout adapter on the Help Scout fixture', () => {
  it('finds no conversation in the mailbox list', () => {
    const doc = fixtureDocument('helpscout', 'index.html', 'view-mailbox', MAIN);
    expect(helpscout.readConversation(doc, new URL('https://secure.helpscout.net/mailbox/5f3e2a1b9c8d7e6f/'))).toBeNull();
  });

  it('finds nothing before the app has rendered', () => {
    expect(helpscout.readConversation(fixtureDocument('helpscout', 'index.html'), FIRST)).toBeNull();
  });

  it('reads the customer from the profile as requester, then the Cc line', () => {
    expect(helpscout.readConversation(conversation('2400000101'), FIRST)).toEqual({
      key: 'conversation:2400000101',
      participants: [
        { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'requester' },
        { email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'cc' },
      ],
    });
  });

  it('never takes an address from a thread body, even a forged customer card placed before the sidebar', () => {
    const doc = conversation('2400000101');
    const body = doc.querySelector('#thread-8800000101 [data-cy="ThreadBody"]');
    expect(body?.querySelector('[data-cy="CustomerProfile"] a[href^="mailto:"]')?.getAttribute('href')).toBe('mailto:lena.hoffmann@acme.example');
    const emails = helpscout.readConversation(doc, FIRST)?.participants.map((p) => p.email);
    expect(emails).not.toContain('lena.hoffmann@acme.example');
    // With the sidebar gone, the forged card and forged thread header still do not count.
    doc.querySelector('aside[data-cy="ConvoSidebar"]')?.remove();
    const fallback = helpscout.readConversation(doc, FIRST);
    expect(fallback?.participants[0]).toEqual({ email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'requester' });
    expect(fallback?.participants.map((p) => p.email)).not.toContain('lena.hoffmann@acme.example');
  });

  it('picks, of a customer’s several addresses, the one this conversation was written from', () => {
    const result = helpscout.readConversation(conversation('2400000102'), SECOND);
    expect(result?.key).toBe('conversation:2400000102');
    expect(result?.participants).toEqual([
      { email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'requester' },
      { email: 'zoe.schaefer@acme.example', name: 'Zoë Schäfer', role: 'cc' },
      { email: 'helpdesk@acme.example', name: 'IT Helpdesk', role: 'cc' },
    ]);
  });

  it('falls back to the profile’s first address when no thread header names one', () => {
    const doc = conversation('2400000102');
    for (const el of doc.querySelectorAll('[data-cy="ThreadHeader"] [title]')) el.removeAttribute('title');
    expect(helpscout.readConversation(doc, SECOND)?.participants[0]?.email).toBe('j.mueller@old-acme.example');
  });

  it('falls back to the customer thread header (lower-cased, with its name) when the sidebar is collapsed', () => {
    const doc = conversation('2400000102');
    doc.querySelector('[data-cy="CustomerProfile"]')?.remove();
    expect(helpscout.readConversation(doc, SECOND)?.participants[0]).toEqual({
      email: 'juergen.mueller@acme.example',
      name: 'Jürgen Müller',
      role: 'requester',
    });
  });

  it('never takes an agent’s reply or note as the requester', () => {
    const doc = conversation('2400000101');
    doc.querySelector('aside[data-cy="ConvoSidebar"]')?.remove();
    doc.querySelector('#thread-8800000101')?.remove();
    // Only the note by an agent is left (and the header's Cc line): no requester.
    expect(helpscout.readConversation(doc, FIRST)).toBeNull();
  });

  it('reads an outside customer', () => {
    const result = helpscout.readConversation(conversation('2400000103'), new URL('https://secure.helpscout.net/conversation/2400000103/1043/'));
    expect(result?.participants).toEqual([{ email: 'sam.rivera@customer.example', name: 'Sam Rivera', role: 'requester' }]);
  });

  describe('with two conversation views in the page (one being swapped out)', () => {
    function twoViews(): Document {
      const doc = conversation('2400000101');
      const next = doc.getElementById('view-2400000102') as HTMLTemplateElement;
      doc.getElementById('mainCol')?.append(next.content.cloneNode(true));
      return doc;
    }

    it('takes the one the URL names', () => {
      const doc = twoViews();
      expect(helpscout.readConversation(doc, FIRST)?.participants[0]?.email).toBe('ada.lovelace@acme.example');
      expect(helpscout.readConversation(doc, SECOND)?.participants[0]?.email).toBe('juergen.mueller@acme.example');
    });

    it('otherwise the last visible one', () => {
      const doc = twoViews();
      const list = new URL('https://secure.helpscout.net/mailbox/5f3e2a1b9c8d7e6f/');
      expect(helpscout.readConversation(doc, list)?.key).toBe('conversation:2400000102');
      doc.querySelector('[data-conversation-id="2400000102"]')?.setAttribute('hidden', '');
      expect(helpscout.readConversation(doc, list)?.key).toBe('conversation:2400000101');
    });
  });

  it('covers the Help Scout app', () => {
    expect(helpscout.matches).toEqual(['https://secure.helpscout.net/*']);
  });
});
