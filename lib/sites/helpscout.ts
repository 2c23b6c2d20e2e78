import { displayNameOf, isHidden, participant, peopleUnder, userContentCheck } from './dom';
import { uniqueParticipants, type Conversation, type Participant, type SiteAdapter } from './types';

/**
 * Help Scout (secure.helpscout.net). Styled-component class names are hashed; the stable hooks
 * are ids and data-cy / data-testid test attributes:
 * - the open conversation: #convo-main[data-cy="ConvoView"] with data-conversation-id (the
 *   id in /conversation/<id>/<number>); mailbox lists (/mailbox/<id>/) have none;
 * - the customer: the sidebar's [data-cy="CustomerProfile"] with [data-cy="CustomerName"] and
 *   the customer's addresses as mailto: links (a customer may have several);
 * - the threads: ol[data-testid="ThreadContainer"] of div#thread-<id>[data-thread-type]; a
 *   customer thread's header ([data-cy="ThreadHeader"]) names its author with the address the
 *   customer wrote from as its tooltip (title); its body ([data-cy="ThreadBody"]) is the email
 *   as received, attacker-controlled, and never read;
 * - the conversation header's Cc list, [data-cy="ConvoCc"].
 */
const VIEW = '[data-cy="ConvoView"]';
const BODY = '[data-cy="ThreadBody"], .thread-content, [contenteditable="true"]';
const PROFILE = '[data-cy="CustomerProfile"]';
const PROFILE_NAME = '[data-cy="CustomerName"]';
const CUSTOMER_THREAD = '[data-thread-type="customer"]';
const THREAD_HEADER = '[data-cy="ThreadHeader"]';
const CC = '[data-cy="ConvoCc"]';
const inBody = userContentCheck(BODY);

function conversationIdFromUrl(url: URL): string | null {
  return /^\/conversation\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1] ?? null;
}

/** The address each customer thread was written from, in the order shown. */
function threadAddresses(view: Element): Participant[] {
  const list: Participant[] = [];
  for (const thread of view.querySelectorAll(CUSTOMER_THREAD)) {
    if (inBody(thread)) continue;
    const header = [...thread.querySelectorAll(THREAD_HEADER)].find((h) => !inBody(h));
    const author = header ? peopleUnder(header, 'requester', inBody)[0] : undefined;
    if (author) list.push(author);
  }
  return list;
}

function requesterOf(view: Element): Participant | null {
  const fromThreads = threadAddresses(view);
  const profile = [...view.querySelectorAll(PROFILE)].find((p) => !inBody(p));
  if (profile) {
    const addresses = peopleUnder(profile, 'requester', inBody);
    // A customer may have several addresses: prefer the one this conversation was written from.
    const email = addresses.find((a) => fromThreads.some((t) => t.email === a.email))?.email ?? addresses[0]?.email;
    if (email) {
      const name = displayNameOf([...profile.querySelectorAll(PROFILE_NAME)].find((n) => !inBody(n))?.textContent);
      return participant(email, 'requester', name);
    }
  }
  // The sidebar can be collapsed: fall back to the customer thread headers.
  return fromThreads[0] ?? null;
}

export const helpscout: SiteAdapter = {
  id: 'helpscout',
  label: 'Help Scout',
  matches: ['https://secure.helpscout.net/*'],

  readConversation(doc: Document, url: URL): Conversation | null {
    const views = [...doc.querySelectorAll(VIEW)].filter((v) => !inBody(v) && !isHidden(v, { ariaHidden: false }));
    if (views.length === 0) return null;
    const wanted = conversationIdFromUrl(url);
    const view = views.find((v) => v.getAttribute('data-conversation-id') === wanted) ?? views[views.length - 1];
    if (!view) return null;

    const requester = requesterOf(view);
    if (!requester) return null;
    const cc = [...view.querySelectorAll(CC)].filter((el) => !inBody(el)).flatMap((el) => peopleUnder(el, 'cc', inBody));
    const id = view.getAttribute('data-conversation-id') ?? wanted ?? '';
    return { key: `conversation:${id}`, participants: uniqueParticipants([requester, ...cc]) };
  },
};
