import { describe, expect, it } from 'vitest';
import { front } from './front';
import { matchesPattern } from './match';
import { conversationIn, fixtureDocument } from '../../test/unit/sites/fixture-dom';

const PANEL = '[data-testid="conversation-panel"]';
const HOST = 'https://app.frontapp.com';
const INBOX = `${HOST}/inboxes/teams/folders/4808209/unassigned`;
const FROM_HOOK = '[data-testid="message-header-from"] (sender; unconfirmed)';

const view = (template: string) => fixtureDocument('front', 'index.html', template, PANEL);
const urlFor = (number?: string) => new URL(number ? `${INBOX}/${number}` : INBOX);

const ADA = { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'from' };
const SUPPORT = { email: 'helpdesk@acme.example', name: 'Support', role: 'to' };

describe('front adapter on the Front fixture', () => {
  it('covers Front’s app host, says it is beta, and has no API', () => {
    expect(front.matches.some((p) => matchesPattern(p, urlFor('117421069338')))).toBe(true);
    expect(front.matches.some((p) => matchesPattern(p, new URL('https://front.com/pricing')))).toBe(false);
    expect(front.beta).toBe(true);
    expect(front.api).toBeUndefined();
  });

  it('finds no conversation where the URL names none', () => {
    const doc = view('view-117421069338');
    for (const path of [
      '/inboxes/teams/folders/4808209/unassigned', // a list
      '/inboxes/teammates/20999898/inbox/all',
      '/inboxes/teams/folders/4808209', // a number that is an inbox
      '/inboxes/teams/views/15931074',
      '/inboxes/teams/assigned/13337420/inbox/open/0', // Front's "nothing selected"
      '/inboxes/teams/folders/4808209/unassigned/117421069338,117421071204', // several selected
      '/inboxes/shared/intercom/open/latest',
      '/settings/company/117421069338',
      '/open/tea_12ab',
    ]) {
      expect(front.read(doc, new URL(`${HOST}${path}`)), path).toEqual({ status: 'none' });
    }
  });

  it('keys a conversation as Front’s API id, from each documented URL form', () => {
    const doc = view('view-117421069338');
    for (const path of [
      '/inboxes/teams/folders/4808209/unassigned/117421069338',
      '/inboxes/teammates/20999898/inbox/all/117421069338',
      '/inboxes/shared/support/open/117421069338',
      '/inboxes/teams/4808209/search/workspace/vpn/117421069338',
      '/open/cnv_1hxxh0yi',
      '/conversations/cnv_1hxxh0yi',
    ]) {
      expect(conversationIn(front.read(doc, new URL(`${HOST}${path}`)))?.key, path).toBe('cnv_1hxxh0yi');
    }
    // A deep-linked message: its own id (the view's conversation id cannot be compared with it).
    expect(conversationIn(front.read(doc, new URL(`${HOST}/open/msg_1pq9k2a`)))?.key).toBe('msg_1pq9k2a');
  });

  it('is reading while the URL names a conversation whose view is not rendered yet', () => {
    for (const doc of [view('view-empty'), fixtureDocument('front', 'index.html')]) {
      expect(front.read(doc, urlFor('117421069338'))).toEqual({
        status: 'reading',
        key: 'cnv_1hxxh0yi',
        waitingFor: '[data-testid="conversation"] (conversation view)',
      });
    }
  });

  it('waits while the view still shows the previous conversation (the URL changes first)', () => {
    const doc = view('view-117421069338');
    expect(front.read(doc, urlFor('117421071204'))).toEqual({
      status: 'reading',
      key: 'cnv_1hxxh2ec',
      waitingFor: '[data-testid="conversation"][data-conversation-id="cnv_1hxxh2ec"]',
    });
    // Without that (unconfirmed) attribute the view cannot be told apart: the URL's key stands.
    doc.querySelector('[data-testid="conversation"]')!.removeAttribute('data-conversation-id');
    expect(conversationIn(front.read(doc, urlFor('117421069338')))?.key).toBe('cnv_1hxxh0yi');
  });

  it('reads the sender of the inbound message and its recipients from the header', () => {
    expect(front.read(view('view-117421069338'), urlFor('117421069338'))).toEqual({
      status: 'found',
      conversation: { key: 'cnv_1hxxh0yi', participants: [ADA, SUPPORT] },
    });
  });

  it('never takes an address from the message body (the forged header and signature)', () => {
    const doc = view('view-117421069338');
    expect(JSON.stringify(front.read(doc, urlFor('117421069338')))).not.toContain('lena');
    // With the real header gone, the forged one in the body is still not used.
    doc.querySelector('[data-testid="message-header"]')?.remove();
    expect(front.read(doc, urlFor('117421069338'))).toEqual({ status: 'reading', key: 'cnv_1hxxh0yi', waitingFor: FROM_HOOK });
  });

  it('takes the sender of the last inbound message, past the agent’s reply and a teammate comment', () => {
    expect(conversationIn(front.read(view('view-117421071204'), urlFor('117421071204')))).toEqual({
      key: 'cnv_1hxxh2ec',
      participants: [
        { email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'from' },
        SUPPORT,
        { email: 'zoe.schaefer@acme.example', name: 'Zoë Schäfer', role: 'cc' },
      ],
    });
  });

  it('skips a later outbound reply: the requester stays the contact', () => {
    const doc = view('view-117421071204');
    const [, outbound] = [...doc.querySelectorAll('[data-testid="message"]')];
    doc.querySelector('[data-testid="conversation-timeline"]')!.append(outbound!.cloneNode(true));
    expect(conversationIn(front.read(doc, urlFor('117421071204')))?.participants[0]?.email).toBe('juergen.mueller@acme.example');
  });

  it('takes the contact the team wrote to when the conversation has only outbound messages', () => {
    const doc = view('view-117421071204');
    for (const m of doc.querySelectorAll('[data-testid="message"][data-is-inbound="true"]')) m.remove();
    expect(conversationIn(front.read(doc, urlFor('117421071204')))?.participants).toEqual([
      { email: 'tobias.weiss@acme.example', name: 'Tobias Weiß', role: 'to' },
    ]);
    const outbound = doc.querySelector('[data-testid="message"]')!;
    outbound.querySelector('[data-testid="message-header-to"] span')!.setAttribute('title', '+49 30 1234567');
    expect(front.read(doc, urlFor('117421071204'))).toEqual({
      status: 'unreadable',
      key: 'cnv_1hxxh2ec',
      failed: '[data-testid="message-header-to"] (recipient; unconfirmed): no address',
    });
    outbound.querySelector('[data-testid="message-header-to"]')!.remove();
    expect(front.read(doc, urlFor('117421071204'))).toEqual({
      status: 'reading',
      key: 'cnv_1hxxh2ec',
      waitingFor: '[data-testid="message-header-to"] (recipient; unconfirmed)',
    });
  });

  it('is reading while the view has no messages yet', () => {
    const doc = view('view-117421069338');
    doc.querySelector('[data-testid="conversation-timeline"]')!.replaceChildren();
    expect(front.read(doc, urlFor('117421069338'))).toEqual({
      status: 'reading',
      key: 'cnv_1hxxh0yi',
      waitingFor: '[data-testid="message"] (message; unconfirmed)',
    });
  });

  it('reads the active conversation when a previous one lingers hidden', () => {
    const doc = view('view-117421079898');
    const stale = (doc.getElementById('view-117421069338') as HTMLTemplateElement).content.cloneNode(true) as DocumentFragment;
    const holder = doc.createElement('div');
    holder.setAttribute('style', 'display: none');
    holder.append(stale);
    doc.querySelector(PANEL)!.prepend(holder);
    expect(conversationIn(front.read(doc, urlFor('117421079898')))).toEqual({
      key: 'cnv_1hxxh93u',
      participants: [{ email: 'pat@customer.example', name: 'Pat Doe', role: 'from' }, SUPPORT],
    });
  });

  it('ignores the reply composer’s recipients', () => {
    const doc = view('view-117421069338');
    doc.querySelector('[data-testid="message-header-to"]')?.remove();
    expect(doc.querySelector('[data-testid="composer"] [title]')).not.toBeNull();
    expect(conversationIn(front.read(doc, urlFor('117421069338')))?.participants).toEqual([ADA]);
  });

  it('reads a handle shown as "Name <address>" or a mailto link; a phone handle is unreadable', () => {
    const doc = view('view-117421079898');
    const from = doc.querySelector('[data-testid="message-header-from"]')!;
    from.textContent = 'Emily Clarke <Emily.Clarke@acme.example>';
    expect(conversationIn(front.read(doc, urlFor('117421079898')))?.participants[0]).toEqual({ email: 'emily.clarke@acme.example', name: 'Emily Clarke', role: 'from' });
    from.innerHTML = '<a href="mailto:grace.hopper@acme.example">Grace Hopper</a>';
    expect(conversationIn(front.read(doc, urlFor('117421079898')))?.participants[0]).toEqual({ email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'from' });
    from.innerHTML = '<span title="+49 30 1234567">+49 30 1234567</span>';
    expect(front.read(doc, urlFor('117421079898'))).toEqual({ status: 'unreadable', key: 'cnv_1hxxh93u', failed: `${FROM_HOOK}: no address` });
  });
});
