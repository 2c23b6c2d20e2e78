import { describe, expect, it } from 'vitest';
import { front } from './front';
import { matchesPattern } from './match';
import { fixtureDocument } from '../../test/unit/sites/fixture-dom';

const PANEL = '[data-testid="conversation-panel"]';
const INBOX = 'https://app.frontapp.com/inboxes/teams/folders/4808209/unassigned';

const view = (template: string) => fixtureDocument('front', 'index.html', template, PANEL);
const urlFor = (number?: string) => new URL(number ? `${INBOX}/${number}` : INBOX);

describe('front adapter on the Front fixture', () => {
  it('covers Front’s app host', () => {
    expect(front.matches.some((p) => matchesPattern(p, urlFor('117421069338')))).toBe(true);
    expect(front.matches.some((p) => matchesPattern(p, new URL('https://front.com/pricing')))).toBe(false);
  });

  it('finds no conversation in the list view (the list shows handles, which do not count)', () => {
    expect(front.readConversation(view('view-empty'), urlFor())).toBeNull();
    expect(front.readConversation(fixtureDocument('front', 'index.html'), urlFor())).toBeNull();
  });

  it('reads the sender of the inbound message and its recipients from the header', () => {
    const conversation = front.readConversation(view('view-117421069338'), urlFor('117421069338'));
    expect(conversation).toEqual({
      key: 'cnv_1hxxh0yi',
      participants: [
        { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'from' },
        { email: 'helpdesk@acme.example', name: 'Support', role: 'to' },
      ],
    });
  });

  it('never takes an address from the message body (the forged header and signature)', () => {
    const doc = view('view-117421069338');
    const emails = front.readConversation(doc, urlFor('117421069338'))?.participants.map((p) => p.email);
    expect(emails).not.toContain('lena.hoffmann@acme.example');
    // With the real header gone, the forged one in the body is still not used.
    doc.querySelector('[data-testid="message-header"]')?.remove();
    expect(front.readConversation(doc, urlFor('117421069338'))).toBeNull();
  });

  it('takes the sender of the last inbound message, past the agent’s reply and a teammate comment', () => {
    const conversation = front.readConversation(view('view-117421071204'), urlFor('117421071204'));
    expect(conversation?.key).toBe('cnv_1hxxh2ec');
    expect(conversation?.participants).toEqual([
      { email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'from' },
      { email: 'helpdesk@acme.example', name: 'Support', role: 'to' },
      { email: 'zoe.schaefer@acme.example', name: 'Zoë Schäfer', role: 'cc' },
    ]);
  });

  it('skips a later outbound reply: the requester stays the contact', () => {
    const doc = view('view-117421071204');
    const [, outbound] = [...doc.querySelectorAll('[data-testid="message"]')];
    doc.querySelector('[data-testid="conversation-timeline"]')!.append(outbound!.cloneNode(true));
    expect(front.readConversation(doc, urlFor('117421071204'))?.participants[0]?.email).toBe('juergen.mueller@acme.example');
  });

  it('takes the contact the team wrote to when the conversation has only outbound messages', () => {
    const doc = view('view-117421071204');
    for (const m of doc.querySelectorAll('[data-testid="message"][data-is-inbound="true"]')) m.remove();
    expect(front.readConversation(doc, urlFor('117421071204'))?.participants).toEqual([
      { email: 'tobias.weiss@acme.example', name: 'Tobias Weiß', role: 'to' },
    ]);
  });

  it('reads the active conversation when a previous one lingers hidden', () => {
    const doc = view('view-117421079898');
    const stale = (doc.getElementById('view-117421069338') as HTMLTemplateElement).content.cloneNode(true) as DocumentFragment;
    const holder = doc.createElement('div');
    holder.setAttribute('style', 'display: none');
    holder.append(stale);
    doc.querySelector(PANEL)!.prepend(holder);
    expect(front.readConversation(doc, urlFor('117421079898'))).toEqual({
      key: 'cnv_1hxxh93u',
      participants: [
        { email: 'pat@customer.example', name: 'Pat Doe', role: 'from' },
        { email: 'helpdesk@acme.example', name: 'Support', role: 'to' },
      ],
    });
  });

  it('keys on the conversation view, not on a URL the app has already changed', () => {
    expect(front.readConversation(view('view-117421069338'), urlFor('117421071204'))?.key).toBe('cnv_1hxxh0yi');
    const doc = view('view-117421069338');
    doc.querySelector('[data-testid="conversation"]')!.removeAttribute('data-conversation-id');
    expect(front.readConversation(doc, urlFor('117421069338'))?.key).toBe('117421069338');
  });

  it('ignores the reply composer’s recipients', () => {
    const doc = view('view-117421069338');
    doc.querySelector('[data-testid="message-header-to"]')?.remove();
    expect(doc.querySelector('[data-testid="composer"] [title]')).not.toBeNull();
    expect(front.readConversation(doc, urlFor('117421069338'))?.participants).toEqual([
      { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'from' },
    ]);
  });

  it('reads a handle shown as "Name <address>" or a mailto link, and shows nothing for a phone handle', () => {
    const doc = view('view-117421079898');
    const from = doc.querySelector('[data-testid="message-header-from"]')!;
    from.textContent = 'Emily Clarke <Emily.Clarke@acme.example>';
    expect(front.readConversation(doc, urlFor('117421079898'))?.participants[0]).toEqual({ email: 'emily.clarke@acme.example', name: 'Emily Clarke', role: 'from' });
    from.innerHTML = '<a href="mailto:grace.hopper@acme.example">Grace Hopper</a>';
    expect(front.readConversation(doc, urlFor('117421079898'))?.participants[0]).toEqual({ email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'from' });
    from.innerHTML = '<span title="+49 30 1234567">+49 30 1234567</span>';
    expect(front.readConversation(doc, urlFor('117421079898'))).toBeNull();
  });
});
