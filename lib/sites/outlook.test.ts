import { describe, expect, it } from 'vitest';
import { comparableTimes, outlook, parseShownDate } from './outlook';
import { matchesPattern } from './match';
import { conversationIn, fixtureDocument } from '../../test/unit/sites/fixture-dom';

const PANE = '#ReadingPaneContainerId';
const SENDER = '[id^="MSG_"][id$="_FROM"]';
const VPN = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAKd1XWQ2b0lLm7z1h4vXq3E=';
const ACCESS = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAFq3c8Rn0kJPsm1XoWc2VdY=';
const INVOICE = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAE1x9Tz4n0WQqk3o7yB8fJw=';
const LAPTOP = 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAG8rKv1c3UVNnY2mXo4pQ0s=';

const view = (template: string) => fixtureDocument('outlook', 'index.html', template, PANE);
const urlFor = (convid?: string) => new URL(`https://outlook.office.com/mail/inbox${convid ? `/id/${encodeURIComponent(convid)}` : ''}`);
const read = (doc: Document, convid?: string) => outlook.read(doc, urlFor(convid));
const requester = (doc: Document, convid?: string) => conversationIn(read(doc, convid))?.participants[0];
const ADA = { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'from' };
const JUERGEN = { email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'from' };

/** The message card (div[aria-label="Email message"]) around a sender. */
const cardOf = (doc: Document, itemSuffix: string) => doc.querySelector(`[id$="${itemSuffix}_FROM"]`)!.closest('.aVla3')!;
const senderIn = (doc: Document) => doc.querySelector(SENDER)!;

describe('outlook: pages and statuses', () => {
  it('covers the Outlook hosts and nothing else', () => {
    const matches = (u: string) => outlook.matches.some((p) => matchesPattern(p, new URL(u)));
    expect(matches('https://outlook.office.com/mail/inbox')).toBe(true);
    expect(matches('https://outlook.office365.com/mail/')).toBe(true);
    expect(matches('https://outlook.live.com/mail/0/inbox')).toBe(true);
    expect(matches('https://outlook.cloud.microsoft/mail/')).toBe(true);
    expect(matches('https://mail.google.com/mail/u/0/')).toBe(false);
  });

  it('none: the list view, whose rows carry addresses in titles, and the page before the pane mounts', () => {
    expect(read(view('view-empty'))).toEqual({ status: 'none' });
    expect(read(fixtureDocument('outlook', 'index.html'))).toEqual({ status: 'none' });
  });

  it('reading: the URL names a conversation the pane has not rendered yet', () => {
    expect(read(view('view-empty'), ACCESS)).toEqual({ status: 'reading', key: ACCESS, waitingFor: `[id^="CONV_"][id$="_SUBJECT"], ${SENDER} (conversation)` });
    const hiddenPane = view('view-empty');
    hiddenPane.querySelector(PANE)!.setAttribute('style', 'display: none');
    expect(read(hiddenPane, ACCESS)).toEqual({ status: 'reading', key: ACCESS, waitingFor: PANE });
    expect(read(hiddenPane)).toEqual({ status: 'none' });
  });

  it('reading: the subject is there, the messages not yet', () => {
    const doc = view('view-vpn');
    doc.querySelector('[data-app-section="ConversationContainer"]')!.replaceChildren();
    expect(read(doc, VPN)).toEqual({ status: 'reading', key: VPN, waitingFor: `${SENDER} (sender)` });
  });

  it('found: the sender of the open message, from its header', () => {
    expect(read(view('view-vpn'), VPN)).toEqual({ status: 'found', conversation: { key: VPN, participants: [ADA] } });
  });

  it('unreadable: a message header that shows neither an address nor a name', () => {
    const doc = view('view-vpn');
    senderIn(doc).innerHTML = '<span class="lpc-hoverTarget"><img alt="" src="data:,"></span>';
    expect(read(doc, VPN)).toEqual({ status: 'unreadable', key: VPN, failed: `${SENDER}: no address or name` });
  });

  it('none: a draft on its own is the agent’s mail, not a conversation', () => {
    const doc = view('view-access');
    for (const id of ['r8', 'r7']) cardOf(doc, id).remove();
    expect(read(doc, ACCESS)).toEqual({ status: 'none' });
  });
});

describe('outlook: which message counts', () => {
  it('the latest by date in a newest-first conversation, skipping the draft on top', () => {
    const doc = view('view-access');
    const senders = [...doc.querySelectorAll(SENDER)].map((el) => el.textContent);
    expect(senders).toEqual(['IT Helpdesk', 'Jürgen Müller<Juergen.Mueller@acme.example>', 'Tobias Weiß<tobias.weiss@acme.example>']);
    expect(conversationIn(read(doc, ACCESS))).toEqual({ key: ACCESS, participants: [JUERGEN] });
  });

  it('the latest by date in any order: newest on the bottom, or a later date further down', () => {
    const doc = view('view-access');
    const container = doc.querySelector('[data-app-section="ConversationContainer"]')!;
    container.append(...[...container.children].reverse());
    expect(requester(doc, ACCESS)).toEqual(JUERGEN);
    const tobiasDate = cardOf(doc, 'r7').querySelector('[data-testid="SentReceivedSavedTime"]')!;
    tobiasDate.setAttribute('title', 'Mo 23.11.2026 10:30');
    expect(requester(doc, ACCESS)?.email).toBe('tobias.weiss@acme.example');
  });

  it('reads the date from the text when the title has none, and 12-hour times in order', () => {
    const doc = view('view-laptop');
    for (const el of doc.querySelectorAll('[data-testid="SentReceivedSavedTime"]')) el.removeAttribute('title');
    // 1:10 PM is after 8:05 AM on the same day.
    expect(requester(doc, LAPTOP)).toEqual({ name: 'Grace Hopper', role: 'from' });
    const container = doc.querySelector('[data-app-section="ConversationContainer"]')!;
    container.append(container.firstElementChild!);
    expect(requester(doc, LAPTOP)).toEqual({ name: 'Grace Hopper', role: 'from' });
  });

  it('without a readable date: the first expanded message, else the first one (Outlook lists newest first)', () => {
    const doc = view('view-access');
    for (const el of doc.querySelectorAll('[data-testid="SentReceivedSavedTime"]')) el.remove();
    const container = doc.querySelector('[data-app-section="ConversationContainer"]')!;
    container.append(cardOf(doc, 'r8'));
    expect(requester(doc, ACCESS)).toEqual(JUERGEN);
    doc.querySelector('#UniqueMessageBody_2')!.remove();
    expect(requester(doc, ACCESS)?.email).toBe('tobias.weiss@acme.example');
  });

  it('skips a draft marked by an editor in its card, even with the latest date', () => {
    const doc = view('view-access');
    const draft = cardOf(doc, 'r9');
    draft.querySelector('.kKvYf')!.remove();
    expect(requester(doc, ACCESS)).toEqual({ name: 'IT Helpdesk', role: 'from' });
    draft.insertAdjacentHTML('beforeend', '<div contenteditable="true" aria-label="Message body"><p>Hallo</p></div>');
    expect(requester(doc, ACCESS)).toEqual(JUERGEN);
  });

  it('a "[Draft]" in the sender’s name or in the body does not hide a message', () => {
    const doc = view('view-access');
    const juergen = cardOf(doc, 'r8');
    juergen.querySelector('#UniqueMessageBody_2 p')!.insertAdjacentHTML('beforeend', '<span>[Entwurf]</span>');
    expect(requester(doc, ACCESS)).toEqual(JUERGEN);
    cardOf(doc, 'r9').remove();
    const tobias = cardOf(doc, 'r7');
    tobias.querySelector('[data-testid="SentReceivedSavedTime"]')!.setAttribute('title', 'Mo 23.11.2026 11:00');
    tobias.querySelector('.OZZZK')!.innerHTML = '<span>[Draft]</span>';
    expect(requester(doc, ACCESS)?.email).toBe('tobias.weiss@acme.example');
  });

  it('ignores the agent’s inline reply below a single message, expanded or not', () => {
    const doc = view('view-invoice');
    expect(doc.querySelector('[id^="docking_InitVisiblePart_"] [contenteditable="true"]')).not.toBeNull();
    expect(conversationIn(read(doc, INVOICE))).toEqual({ key: INVOICE, participants: [{ email: 'pat@customer.example', name: 'Pat Doe', role: 'from' }] });
    doc.querySelector('#UniqueMessageBody_3')!.remove();
    expect(requester(doc, INVOICE)?.email).toBe('pat@customer.example');
  });

  it('skips a stale conversation that is hidden, not one behind a Fluent dialog’s aria-hidden', () => {
    const doc = view('view-access');
    const stale = (doc.getElementById('view-vpn') as HTMLTemplateElement).content.cloneNode(true) as DocumentFragment;
    const holder = doc.createElement('div');
    holder.hidden = true;
    holder.append(stale);
    doc.querySelector(PANE)!.prepend(holder);
    expect(conversationIn(read(doc, ACCESS))).toEqual({ key: ACCESS, participants: [JUERGEN] });

    const dialog = (doc.getElementById('dialog-categorize') as HTMLTemplateElement).content.cloneNode(true);
    doc.body.append(dialog);
    doc.getElementById('appRoot')!.setAttribute('aria-hidden', 'true');
    expect(doc.querySelector('[role="dialog"][aria-modal="true"]')).not.toBeNull();
    expect(conversationIn(read(doc, ACCESS))).toEqual({ key: ACCESS, participants: [JUERGEN] });
  });
});

describe('outlook: the sender', () => {
  it('never takes anything from the body: forged header, persona, later date', () => {
    const doc = view('view-vpn');
    expect(doc.querySelector('#x_MSG_forged_FROM')).not.toBeNull();
    expect(JSON.stringify(read(doc, VPN))).not.toContain('lena');
    senderIn(doc).remove();
    expect(read(doc, VPN)).toEqual({ status: 'reading', key: VPN, waitingFor: `${SENDER} (sender)` });
  });

  it('1. the "Name<address>" text of the sender', () => {
    expect(requester(view('view-vpn'), VPN)).toEqual(ADA);
  });

  it('2. an address in an aria-label ("From: Name <address>") or a title inside the sender', () => {
    const doc = view('view-vpn');
    const from = senderIn(doc);
    from.innerHTML = '<span class="lpc-hoverTarget" aria-label="From: Grace Hopper <Grace.Hopper@acme.example>"><span class="OZZZK">Grace Hopper</span></span>';
    expect(requester(doc, VPN)).toEqual({ email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'from' });
    from.innerHTML = '<span class="lpc-hoverTarget" aria-label="From: Emily Clarke"><span title="emily.clarke@acme.example">Emily Clarke</span></span>';
    expect(requester(doc, VPN)).toEqual({ email: 'emily.clarke@acme.example', name: 'Emily Clarke', role: 'from' });
    // The text comes first.
    from.insertAdjacentHTML('beforeend', '<span>&lt;emily@other.example&gt;</span>');
    expect(requester(doc, VPN)?.email).toBe('emily@other.example');
  });

  it('3. the sender persona of the same message, never one in a recipient field or the body', () => {
    const doc = view('view-laptop');
    const header = cardOf(doc, 't2').querySelector('.g6NVR')!;
    header.insertAdjacentHTML('afterbegin', '<div data-testid="RecipientWell"><span data-testid="SenderPersona" title="helpdesk@acme.example" aria-label="IT Helpdesk">IT Helpdesk</span></div>');
    doc.querySelector('#UniqueMessageBody_4')!.insertAdjacentHTML('beforeend', '<span data-testid="SenderPersona" title="lena.hoffmann@acme.example">Lena</span>');
    expect(requester(doc, LAPTOP)).toEqual({ name: 'Grace Hopper', role: 'from' });
    header.insertAdjacentHTML('afterbegin', '<span data-testid="SenderPersona" aria-label="Grace Hopper" title="grace.hopper@acme.example"></span>');
    expect(requester(doc, LAPTOP)).toEqual({ email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'from' });
    header.querySelector('[data-testid="SenderPersona"]')!.outerHTML = '<span data-testid="SenderPersona"><span title="Grace.Hopper@acme.example">GH</span></span>';
    expect(requester(doc, LAPTOP)?.email).toBe('grace.hopper@acme.example');
  });

  it('4. a colleague shown by name only: a named participant, recipients without an address left out', () => {
    expect(read(view('view-laptop'), LAPTOP)).toEqual({ status: 'found', conversation: { key: LAPTOP, participants: [{ name: 'Grace Hopper', role: 'from' }] } });
  });

  it('4. the name from the aria-label when the sender shows no text, without its localised label', () => {
    const doc = view('view-laptop');
    senderIn(doc).innerHTML = '<span class="lpc-hoverTarget" aria-label="Von: Grace Hopper"><img alt="" src="data:,"></span>';
    expect(requester(doc, LAPTOP)).toEqual({ name: 'Grace Hopper', role: 'from' });
  });
});

describe('outlook: recipients and key', () => {
  it('reads addresses of the message’s own To and Cc, then a recipient well on its card', () => {
    const doc = view('view-access');
    const card = cardOf(doc, 'r8');
    card.querySelector('[id$="r8_TO"] .lpc-hoverTarget')!.setAttribute('title', 'helpdesk@acme.example');
    card.querySelector('[id$="r8_CC"] .lpc-hoverTarget')!.setAttribute('title', 'Zoe.Schaefer@acme.example');
    cardOf(doc, 'r7').querySelector('.g6NVR')!.insertAdjacentHTML('beforeend', '<div id="MSG_other_TO"><span title="tobias.weiss@acme.example">Tobias</span></div>');
    expect(conversationIn(read(doc, ACCESS))?.participants).toEqual([
      JUERGEN,
      { email: 'helpdesk@acme.example', name: 'IT Helpdesk', role: 'to' },
      { email: 'zoe.schaefer@acme.example', name: 'Zoë Schäfer', role: 'cc' },
    ]);
    for (const field of card.querySelectorAll('[id$="_TO"], [id$="_CC"]')) field.remove();
    card.querySelector('.g6NVR')!.insertAdjacentHTML('beforeend', '<div data-testid="RecipientWell">To: <span>Max Mustermann &lt;max.mustermann@acme.example&gt;</span></div>');
    expect(conversationIn(read(doc, ACCESS))?.participants).toEqual([JUERGEN, { email: 'max.mustermann@acme.example', name: 'Max Mustermann', role: 'to' }]);
  });

  it('keys on the subject, not on a URL the app has already changed; then the URL; then the sender', () => {
    expect(conversationIn(read(view('view-vpn'), ACCESS))?.key).toBe(VPN);
    const doc = view('view-vpn');
    doc.querySelector('[id^="CONV_"]')!.removeAttribute('id');
    expect(conversationIn(read(doc, VPN))?.key).toBe(VPN);
    expect(conversationIn(read(doc))?.key).toBe(senderIn(doc).id);
  });
});

describe('outlook: dates as Outlook writes them', () => {
  const at = (...texts: string[]) => comparableTimes(texts.map(parseShownDate)).map((t) => (t === null ? null : new Date(t).toISOString().slice(0, 16)));

  it('reads the numeric forms of the locales', () => {
    expect(at('Fri 5/10/2025 11:14 PM')).toEqual(['2025-05-10T23:14']);
    expect(at('Mo 23.11.2026 10:02', 'Mon 23/11/2026 14:20', '2026-11-23 09:14', '2025/3/3 周一 10:15')).toEqual(['2026-11-23T10:02', '2026-11-23T14:20', '2026-11-23T09:14', '2025-03-03T10:15']);
    expect(at('Tue 11/24/2026 12:05\u202fAM', 'Tue 11/24/2026 9:05 p.m.', 'ma 23-11-2026 9:14')).toEqual(['2026-11-24T00:05', '2026-11-24T21:05', '2026-11-23T09:14']);
    expect(at('Entwurf gespeichert: Mo 23.11.2026 10:15')).toEqual(['2026-11-23T10:15']);
  });

  it('reads nothing it cannot place', () => {
    expect(at('Yesterday', '13/13/2026 10:00', 'Mon 1/2/2026 25:00', 'Mon 1/2/2026 13:00 PM')).toEqual([null, null, null, null]);
  });

  it('tells day from month by the other dates of the conversation', () => {
    // No hint: day first (most locales).
    expect(at('3/11/2026 10:00', '4/10/2026 10:00')).toEqual(['2026-11-03T10:00', '2026-10-04T10:00']);
    // AM/PM (en-US) or a second number past 12: month first.
    expect(at('3/11/2026 10:00 AM', '4/10/2026 10:00 AM')).toEqual(['2026-03-11T10:00', '2026-04-10T10:00']);
    expect(at('3/11/2026 10:00', '4/13/2026 10:00')).toEqual(['2026-03-11T10:00', '2026-04-13T10:00']);
    // A first number past 12 settles it as day first, whatever else is written.
    expect(at('13/10/2026 10:00 AM', '4/10/2026 10:00 AM')).toEqual(['2026-10-13T10:00', '2026-10-04T10:00']);
  });
});
