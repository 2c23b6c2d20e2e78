import { describe, expect, it } from 'vitest';
import { gmail, signedInAddresses } from './gmail';
import { conversationIn, fixtureDocument } from '../../test/unit/sites/fixture-dom';

const ADA = 'view-FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh';
const JUERGEN = 'view-FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmj';
const AGENT_REPLIED = 'view-FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKml';
const AGENT_ONLY = 'view-FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmm';
const THREAD_URL = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKml');
const ACCOUNT_BUTTON = 'a[href^="https://accounts.google.com/SignOutOptions"]';

/** A thread view as the fixture app shows it: the title names the subject and the signed-in account. */
function thread(template: string): Document {
  const doc = fixtureDocument('gmail', 'index.html', template);
  doc.title = `${doc.querySelector('h2.hP')?.textContent ?? ''} - helpdesk@acme.example - Gmail`;
  return doc;
}

const emailsIn = (doc: Document, url = THREAD_URL) => conversationIn(gmail.read(doc, url))?.participants.map((p) => p.email);

describe('gmail adapter: statuses', () => {
  it('finds no conversation in the inbox list', () => {
    const doc = fixtureDocument('gmail', 'index.html', 'view-inbox');
    expect(gmail.read(doc, new URL('https://mail.google.com/mail/u/0/#inbox'))).toEqual({ status: 'none' });
  });

  it('ignores a thread view Gmail has hidden after navigating away', () => {
    const doc = thread(ADA);
    doc.querySelector('.nH.if')?.setAttribute('style', 'display: none');
    expect(gmail.read(doc, THREAD_URL)).toEqual({ status: 'none' });
  });

  it('is reading while the subject shows and no message has arrived', () => {
    const doc = thread(ADA);
    doc.querySelector('[role="list"]')?.replaceChildren();
    expect(gmail.read(doc, THREAD_URL)).toEqual({ status: 'reading', key: 'thread-f:1790000000000000001', waitingFor: 'div.adn[data-message-id] (message)' });
  });

  it('is reading while a message item has no header and no body yet', () => {
    const doc = thread(ADA);
    doc.querySelector('.h7 .gs')?.replaceChildren();
    expect(gmail.read(doc, THREAD_URL)).toEqual({ status: 'reading', key: 'thread-f:1790000000000000001', waitingFor: 'span.gD[email] (sender)' });
  });

  it('is unreadable when a loaded message shows its body but no sender with an address', () => {
    const doc = thread(ADA);
    doc.querySelector('h3.iw span.gD')?.removeAttribute('email');
    doc.querySelectorAll('span.g2').forEach((el) => el.remove());
    expect(gmail.read(doc, THREAD_URL)).toEqual({ status: 'unreadable', key: 'thread-f:1790000000000000001', failed: 'span.gD[email] (sender)' });
  });

  it('is unreadable when the sender element carries no valid address', () => {
    const doc = thread(ADA);
    doc.querySelector('h3.iw span.gD')?.setAttribute('email', 'Ada Lovelace');
    expect(gmail.read(doc, THREAD_URL)).toMatchObject({ status: 'unreadable', failed: 'span.gD[email] (sender)' });
  });
});

describe('gmail adapter: who the thread is with', () => {
  it('reads the sender of the open thread and its recipients from the header', () => {
    const read = gmail.read(thread(ADA), THREAD_URL);
    expect(read).toEqual({
      status: 'found',
      conversation: {
        key: 'thread-f:1790000000000000001',
        participants: [
          { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'from' },
          { email: 'helpdesk@acme.example', name: 'IT Helpdesk', role: 'to' },
        ],
      },
    });
  });

  it('never takes an address from the message body, even dressed as a message item', () => {
    const doc = thread(ADA);
    const body = doc.querySelector('div.a3s');
    body?.insertAdjacentHTML('beforeend', '<div class="h7"><div class="adn ads" data-message-id="#msg-f:1"><span class="gD" email="lena.hoffmann@acme.example">Lena</span></div></div>');
    body?.insertAdjacentHTML('beforeend', '<a aria-label="Google Account: Ada (ada.lovelace@acme.example)" href="https://accounts.google.com/SignOutOptions">x</a>');
    expect(emailsIn(doc)).toEqual(['ada.lovelace@acme.example', 'helpdesk@acme.example']);
  });

  it('takes the latest sender, lower-cased, with to and cc, over an earlier collapsed one', () => {
    const conversation = conversationIn(gmail.read(thread(JUERGEN), THREAD_URL));
    expect(conversation?.participants[0]).toEqual({ email: 'juergen.mueller@acme.example', name: 'Jürgen Müller', role: 'from' });
    expect(conversation?.participants.map((p) => p.email)).toEqual(['juergen.mueller@acme.example', 'helpdesk@acme.example', 'zoe.schaefer@acme.example']);
  });

  it("skips the agent's own reply: the requester is the colleague the agent answered", () => {
    const read = gmail.read(thread(AGENT_REPLIED), THREAD_URL);
    expect(read).toEqual({
      status: 'found',
      // The thread id is "undefined": the legacy thread id names the thread.
      conversation: { key: '18d7c0a1b2c3d4e4', participants: [{ email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'from' }] },
    });
  });

  it('skips every message by the agent, however many, and an earlier one by someone else stays the requester', () => {
    const doc = thread(AGENT_REPLIED);
    const list = doc.querySelector('[role="list"]');
    const reply = list?.lastElementChild;
    if (reply) list?.append(reply.cloneNode(true));
    expect(emailsIn(doc)?.[0]).toBe('grace.hopper@acme.example');
  });

  it('when the agent wrote every message, the requester is the first recipient of the latest one', () => {
    const read = gmail.read(thread(AGENT_ONLY), THREAD_URL);
    expect(read).toEqual({
      status: 'found',
      // Neither thread id is usable ("undefined", empty): the first message's id names the thread.
      conversation: {
        key: '18d7c0a1b2c3d450',
        participants: [
          { email: 'emily.clarke@acme.example', name: 'Emily Clarke', role: 'to' },
          { email: 'tobias.weiss@acme.example', name: 'Tobias Weiß', role: 'to' },
          { email: 'helpdesk@acme.example', name: 'IT Helpdesk', role: 'from' },
        ],
      },
    });
  });

  it('a note the agent wrote only to themselves shows the agent', () => {
    const doc = thread(AGENT_ONLY);
    doc.querySelectorAll('span.g2').forEach((el) => el.setAttribute('email', 'helpdesk@acme.example'));
    expect(emailsIn(doc)).toEqual(['helpdesk@acme.example']);
  });

  it('ignores messages Gmail has folded away (kQ, kx)', () => {
    const doc = thread(AGENT_REPLIED);
    doc.querySelector('.kv')?.setAttribute('class', 'kQ');
    // Only the agent's reply is left: the person it was written to.
    expect(emailsIn(doc)?.[0]).toBe('grace.hopper@acme.example');
    expect(conversationIn(gmail.read(doc, THREAD_URL))?.participants[0]?.role).toBe('to');
  });

  it('reads messages without the item classes: div.adn, expanded when its body is rendered', () => {
    const doc = thread(JUERGEN);
    doc.querySelectorAll('[role="listitem"]').forEach((el) => el.removeAttribute('class'));
    expect(emailsIn(doc)?.[0]).toBe('juergen.mueller@acme.example');
  });
});

describe('gmail adapter: the signed-in account', () => {
  it('reads it from the title and from the account button', () => {
    const doc = thread(ADA);
    expect([...signedInAddresses(doc)]).toEqual(['helpdesk@acme.example']);
    doc.title = '';
    expect([...signedInAddresses(doc)]).toEqual(['helpdesk@acme.example']);
  });

  it('still skips the agent when the title is missing (the button says who is signed in)', () => {
    const doc = thread(AGENT_REPLIED);
    doc.title = '';
    expect(emailsIn(doc)?.[0]).toBe('grace.hopper@acme.example');
  });

  it('still skips the agent when the button is missing (the title says)', () => {
    const doc = thread(AGENT_REPLIED);
    doc.querySelector(ACCOUNT_BUTTON)?.remove();
    expect(emailsIn(doc)?.[0]).toBe('grace.hopper@acme.example');
  });

  it('reads a localised account label: the address in the parentheses, not the words', () => {
    const doc = thread(AGENT_REPLIED);
    doc.title = '';
    doc.querySelector(ACCOUNT_BUTTON)?.setAttribute('aria-label', 'Google-Konto: IT Helpdesk (Team) \n(helpdesk@acme.example)');
    expect([...signedInAddresses(doc)]).toEqual(['helpdesk@acme.example']);
    expect(emailsIn(doc)?.[0]).toBe('grace.hopper@acme.example');
  });

  it('finds the button by its address when its link changes, but never inside the thread view', () => {
    const doc = thread(ADA);
    doc.title = '';
    const button = doc.querySelector(ACCOUNT_BUTTON);
    button?.setAttribute('href', 'https://myaccount.google.com/');
    expect([...signedInAddresses(doc)]).toEqual(['helpdesk@acme.example']);
    button?.remove();
    doc.querySelector('h2.hP')?.insertAdjacentHTML('afterend', '<a aria-label="Account (ada.lovelace@acme.example)" href="#">x</a>');
    expect([...signedInAddresses(doc)]).toEqual([]);
  });

  it('takes the account segment of the title, not an address in the subject before it', () => {
    const doc = thread(ADA);
    doc.querySelector(ACCOUNT_BUTTON)?.remove();
    doc.title = 'Re: access for - ada.lovelace@acme.example - helpdesk@acme.example - Gmail';
    expect([...signedInAddresses(doc)]).toEqual(['helpdesk@acme.example']);
    expect(emailsIn(doc)?.[0]).toBe('ada.lovelace@acme.example');
  });

  it('in a delegated mailbox skips both the mailbox (title) and the person (button)', () => {
    const doc = thread(AGENT_REPLIED);
    doc.querySelector(ACCOUNT_BUTTON)?.setAttribute('aria-label', 'Google Account: Tobias Weiß (tobias.weiss@acme.example)');
    doc.querySelector('.h7 h3.iw span.gD')?.setAttribute('email', 'tobias.weiss@acme.example');
    expect(emailsIn(doc)?.[0]).toBe('grace.hopper@acme.example');
  });

  it('without a title or a button, takes the sender of the last expanded message, as before', () => {
    const doc = thread(AGENT_REPLIED);
    doc.title = '';
    doc.querySelector(ACCOUNT_BUTTON)?.remove();
    expect(emailsIn(doc)).toEqual(['helpdesk@acme.example', 'grace.hopper@acme.example']);
  });
});

describe('gmail adapter: the thread key', () => {
  it('drops the "#" of the thread id', () => {
    expect(conversationIn(gmail.read(thread(ADA), THREAD_URL))?.key).toBe('thread-f:1790000000000000001');
  });

  it('treats "undefined" and empty ids as missing, down to the message ids', () => {
    const doc = thread(ADA);
    const subject = doc.querySelector('h2.hP');
    subject?.setAttribute('data-thread-perm-id', 'undefined');
    subject?.setAttribute('data-legacy-thread-id', 'undefined');
    expect(conversationIn(gmail.read(doc, THREAD_URL))?.key).toBe('18d7c0a1b2c3d4e1');
    doc.querySelector('div.adn')?.setAttribute('data-legacy-message-id', '');
    expect(conversationIn(gmail.read(doc, THREAD_URL))?.key).toBe('msg-f:1790000000000000001');
  });

  it('takes no thread id from a message body', () => {
    const doc = thread(AGENT_REPLIED);
    doc.querySelector('div.a3s')?.insertAdjacentHTML('beforeend', '<h2 data-thread-perm-id="#thread-f:1790000000000000001">x</h2>');
    expect(conversationIn(gmail.read(doc, THREAD_URL))?.key).toBe('18d7c0a1b2c3d4e4');
  });

  it('falls back to the thread id in the route when the page carries none', () => {
    const doc = thread(AGENT_ONLY);
    doc.querySelectorAll('[data-message-id]').forEach((el) => el.removeAttribute('data-message-id'));
    doc.querySelectorAll('[data-legacy-message-id]').forEach((el) => el.removeAttribute('data-legacy-message-id'));
    const read = gmail.read(doc, new URL('https://mail.google.com/mail/u/0/#sent/FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmm'));
    expect(conversationIn(read)?.key).toBe('FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmm');
  });

  it('keeps the key of a thread the agent just answered (the new reply has no legacy id)', () => {
    const doc = thread(AGENT_ONLY);
    const before = conversationIn(gmail.read(doc, THREAD_URL))?.key;
    const list = doc.querySelector('[role="list"]');
    const reply = list?.lastElementChild?.cloneNode(true) as Element | undefined;
    reply?.querySelector('div.adn')?.removeAttribute('data-legacy-message-id');
    reply?.querySelector('div.adn')?.setAttribute('data-message-id', '#msg-a:r-1');
    if (reply) list?.append(reply);
    expect(conversationIn(gmail.read(doc, THREAD_URL))?.key).toBe(before);
  });
});
