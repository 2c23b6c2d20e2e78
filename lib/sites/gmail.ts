import { isHidden, participant, userContentCheck } from './dom';
import { normaliseEmail, uniqueParticipants, type Conversation, type Participant, type SiteAdapter } from './types';

/**
 * Gmail. Class names are obfuscated but a few have been stable for a decade and are what
 * gmail.js and InboxSDK rely on: `h2.hP` (thread subject), `div.adn[data-message-id]`
 * (one message of the thread), `span.gD[email]` (a message's sender), `span.g2[email]`
 * (its recipients) and `div.a3s` (a message body, rendered only while expanded).
 */
const SUBJECT = 'h2.hP';
const MESSAGE = 'div.adn[data-message-id]';
const BODY = 'div.a3s';
/** Gmail sets aria-hidden on the whole app while a dialog is open: that is not "hidden" for us. */
const NOT_ARIA = { ariaHidden: false };

const inBody = userContentCheck(BODY);

function readPerson(el: Element, role: Participant['role']): Participant | null {
  const email = normaliseEmail(el.getAttribute('email'));
  return email ? participant(email, role, el.getAttribute('name') ?? el.textContent?.trim()) : null;
}

export const gmail: SiteAdapter = {
  id: 'gmail',
  label: 'Gmail',
  matches: ['https://mail.google.com/*'],

  readConversation(doc: Document): Conversation | null {
    const subject = [...doc.querySelectorAll(SUBJECT)].find((el) => !isHidden(el, NOT_ARIA));
    if (!subject) return null;
    // The thread view is the nearest ancestor holding the subject and its messages.
    const thread = subject.closest('[role="main"]') ?? doc.body;
    const messages = [...thread.querySelectorAll(MESSAGE)].filter((m) => !isHidden(m, NOT_ARIA));
    // The last expanded message is the one the agent is answering.
    const expanded = messages.filter((m) => m.querySelector(BODY));
    const current = expanded[expanded.length - 1] ?? messages[messages.length - 1];
    if (!current) return null;

    const sender = [...current.querySelectorAll('span.gD[email]')].filter((el) => !inBody(el))[0];
    const from = sender ? readPerson(sender, 'from') : null;
    const recipients = [...current.querySelectorAll('span.g2[email]')]
      .filter((el) => !inBody(el))
      .map((el) => readPerson(el, 'to'))
      .filter((p): p is Participant => p !== null);

    const participants = uniqueParticipants([...(from ? [from] : []), ...recipients]);
    if (participants.length === 0) return null;
    const key =
      subject.getAttribute('data-thread-perm-id') ??
      current.getAttribute('data-legacy-message-id') ??
      current.getAttribute('data-message-id') ??
      '';
    return { key, participants };
  },

  observeRoot(doc) {
    return doc.querySelector('div[role="main"]')?.parentElement ?? doc.body;
  },
};
