import { describe, expect, it } from 'vitest';
import { outlook } from './outlook';
import { matchesPattern } from './match';
import { fixtureDocument } from '../../test/unit/sites/fixture-dom';

const PANE = '#ReadingPaneContainerId';
const VPN = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAKd1XWQ2b0lLm7z1h4vXq3E=';
const ACCESS = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAFq3c8Rn0kJPsm1XoWc2VdY=';
const INVOICE = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAE1x9Tz4n0WQqk3o7yB8fJw=';

const view = (template: string) => fixtureDocument('outlook', 'index.html', template, PANE);
const urlFor = (convid?: string) => new URL(`https://outlook.office.com/mail/inbox${convid ? `/id/${encodeURIComponent(convid)}` : ''}`);

describe('outlook adapter on the Outlook on the web fixture', () => {
  it('covers the three Outlook hosts and nothing else', () => {
    const matches = (u: string) => outlook.matches.some((p) => matchesPattern(p, new URL(u)));
    expect(matches('https://outlook.office.com/mail/inbox')).toBe(true);
    expect(matches('https://outlook.office365.com/mail/')).toBe(true);
    expect(matches('https://outlook.live.com/mail/0/inbox')).toBe(true);
    expect(matches('https://mail.google.com/mail/u/0/')).toBe(false);
  });

  it('finds no conversation in the list view (nothing selected in the reading pane)', () => {
    // The message list carries sender addresses in title attributes: they must not count.
    expect(outlook.readConversation(view('view-empty'), urlFor())).toBeNull();
    const unmounted = fixtureDocument('outlook', 'index.html');
    expect(outlook.readConversation(unmounted, urlFor())).toBeNull();
  });

  it('reads the sender of the open message and its recipients from the header', () => {
    const conversation = outlook.readConversation(view('view-vpn'), urlFor(VPN));
    expect(conversation).toEqual({
      key: VPN,
      participants: [
        { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'from' },
        { email: 'helpdesk@acme.example', name: 'IT Helpdesk', role: 'to' },
      ],
    });
  });

  it('never takes an address from the message body (the forged header and signature)', () => {
    const doc = view('view-vpn');
    expect(doc.querySelector('#x_MSG_forged_FROM')).not.toBeNull();
    const emails = outlook.readConversation(doc, urlFor(VPN))?.participants.map((p) => p.email);
    expect(emails).not.toContain('lena.hoffmann@acme.example');
  });

  it('still ignores the body when the real header is missing (no fallback to the forgery)', () => {
    const doc = view('view-vpn');
    doc.querySelector('[id^="MSG_"][id$="_FROM"]')?.remove();
    expect(outlook.readConversation(doc, urlFor(VPN))).toBeNull();
  });

  it('takes the sender of the last expanded message, lower-cased, with to and cc', () => {
    const conversation = outlook.readConversation(view('view-access'), urlFor(ACCESS));
    expect(conversation?.key).toBe(ACCESS);
    expect(conversation?.participants).toEqual([
      { email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'from' },
      { email: 'helpdesk@acme.example', name: 'IT Helpdesk', role: 'to' },
      { email: 'zoe.schaefer@acme.example', name: 'Zoë Schäfer', role: 'cc' },
    ]);
  });

  it('follows which message is expanded, not which is last', () => {
    const doc = view('view-access');
    const [older, newer] = [...doc.querySelectorAll('[role="listitem"]')];
    const body = newer!.querySelector('[id^="UniqueMessageBody"]')!;
    // The agent expands the earlier message too: the last expanded one still counts.
    const copy = body.cloneNode(true) as Element;
    copy.id = 'UniqueMessageBody_9';
    older!.append(copy);
    expect(outlook.readConversation(doc, urlFor(ACCESS))?.participants[0]?.email).toBe('juergen.mueller@acme.example');
    // … and collapses the newer one: now the earlier message is the one being read.
    body.remove();
    expect(outlook.readConversation(doc, urlFor(ACCESS))?.participants[0]).toEqual({
      email: 'tobias.weiss@acme.example',
      name: 'Tobias Weiß',
      role: 'from',
    });
  });

  it('ignores the agent’s inline reply (its From and To are the helpdesk’s)', () => {
    const doc = view('view-invoice');
    expect(doc.querySelector('#docking_InitVisiblePart_0 [contenteditable="true"]')).not.toBeNull();
    expect(outlook.readConversation(doc, urlFor(INVOICE))).toEqual({
      key: INVOICE,
      participants: [
        { email: 'pat@customer.example', name: 'Pat Doe', role: 'from' },
        { email: 'helpdesk@acme.example', name: 'IT Helpdesk', role: 'to' },
      ],
    });
    // Even with Pat's message collapsed (no rendered body), the reply form never becomes the message.
    doc.querySelector('#UniqueMessageBody_3')?.remove();
    expect(outlook.readConversation(doc, urlFor(INVOICE))?.participants[0]?.email).toBe('pat@customer.example');
  });

  it('reads the active conversation when a previous one is still in the DOM but hidden', () => {
    const doc = view('view-access');
    const stale = (doc.getElementById('view-vpn') as HTMLTemplateElement).content.cloneNode(true) as DocumentFragment;
    const holder = doc.createElement('div');
    holder.setAttribute('aria-hidden', 'true');
    holder.append(stale);
    doc.querySelector(PANE)!.prepend(holder);
    const conversation = outlook.readConversation(doc, urlFor(ACCESS));
    expect(conversation?.key).toBe(ACCESS);
    expect(conversation?.participants[0]?.email).toBe('juergen.mueller@acme.example');
  });

  it('keys on the reading pane, not on a URL the app has already changed', () => {
    // Outlook pushes the new URL before the reading pane is swapped.
    const conversation = outlook.readConversation(view('view-vpn'), urlFor(ACCESS));
    expect(conversation?.key).toBe(VPN);
    // Without a subject id the URL's conversation id is the key.
    const doc = view('view-vpn');
    doc.querySelector('[id^="CONV_"]')?.removeAttribute('id');
    expect(outlook.readConversation(doc, urlFor(VPN))?.key).toBe(VPN);
  });

  it('reads a sender shown only with a mailto link or a title attribute', () => {
    const doc = view('view-vpn');
    const from = doc.querySelector('[id^="MSG_"][id$="_FROM"]')!;
    from.innerHTML = '<a href="mailto:Grace.Hopper@acme.example?subject=x">Grace Hopper</a>';
    expect(outlook.readConversation(doc, urlFor(VPN))?.participants[0]).toEqual({ email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'from' });
    from.innerHTML = '<span title="emily.clarke@acme.example">Emily Clarke</span>';
    expect(outlook.readConversation(doc, urlFor(VPN))?.participants[0]).toEqual({ email: 'emily.clarke@acme.example', name: 'Emily Clarke', role: 'from' });
    from.innerHTML = '<span>Emily Clarke</span>';
    expect(outlook.readConversation(doc, urlFor(VPN))).toBeNull();
  });
});
