import { isHidden, peopleIn, userContentCheck } from './dom';
import { uniqueParticipants, type Conversation, type Participant, type SiteAdapter } from './types';

/**
 * Front. Class names come from styled-components ("message__StyledMessageDiv-sc-<hash>-0")
 * and change with every release, so this reads Front's data-testid hooks: the open
 * conversation view (data-conversation-id="cnv_…"), its messages (data-is-inbound), each
 * message header's from / to / cc handles (the handle in a title attribute or a mailto link)
 * and the message body, which is attacker-controlled email HTML and never read.
 * The requester is the sender of the last inbound message (Front's "conversation recipient").
 */
const VIEW = '[data-testid="conversation"]';
const MESSAGE = '[data-testid="message"]';
const BODY = '[data-testid="message-body"]';
const FIELDS: ReadonlyArray<[string, Participant['role']]> = [
  ['[data-testid="message-header-from"]', 'from'],
  ['[data-testid="message-header-to"]', 'to'],
  ['[data-testid="message-header-cc"]', 'cc'],
];

const inBody = userContentCheck(BODY);

/** The people in one header field of this message (not of a message nested in it, not from its body). */
function field(message: Element, selector: string, role: Participant['role']): Participant[] {
  return [...message.querySelectorAll(selector)]
    .filter((el) => !inBody(el) && el.closest(MESSAGE) === message)
    .flatMap((el) => peopleIn(el, role));
}

export const front: SiteAdapter = {
  id: 'front',
  label: 'Front',
  matches: ['https://app.frontapp.com/*'],

  readConversation(doc: Document, url: URL): Conversation | null {
    // The active conversation: the last one shown (an earlier view may linger, hidden).
    const views = [...doc.querySelectorAll(VIEW)].filter((v) => !inBody(v) && !isHidden(v));
    const view = views[views.length - 1];
    if (!view) return null;

    const messages = [...view.querySelectorAll(MESSAGE)].filter((m) => !inBody(m) && !isHidden(m));
    const inbound = messages.filter((m) => m.getAttribute('data-is-inbound') === 'true');
    const knowsDirection = messages.some((m) => m.hasAttribute('data-is-inbound'));
    const current = inbound[inbound.length - 1] ?? messages[messages.length - 1];
    if (!current) return null;

    const [from, to, cc] = FIELDS.map(([selector, role]) => field(current, selector, role)) as [Participant[], Participant[], Participant[]];
    let participants: Participant[];
    if (inbound.length > 0 || !knowsDirection) {
      // An inbound message: its sender is the requester. No readable sender, no requester.
      if (!from[0]) return null;
      participants = [from[0], ...to, ...cc];
    } else {
      // Only outbound messages (the team wrote first): the contact is who it was sent to.
      participants = [...to, ...cc];
    }
    participants = uniqueParticipants(participants);
    if (participants.length === 0) return null;

    const key = view.getAttribute('data-conversation-id') || /\/(\d+)\/?$/.exec(url.pathname)?.[1] || current.getAttribute('data-message-id') || '';
    return { key, participants };
  },
};
