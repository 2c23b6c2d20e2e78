import { emailOf, EMAIL_IN_TEXT, isHidden } from './dom';
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
const EMAIL_HOLDERS = 'a[href^="mailto:" i], [data-email], [title]';

const MAX_PARTICIPANTS = 50;
const MAX_NAME = 200;

function inBody(el: Element): boolean {
  return el.closest(BODY) !== null;
}



function textOf(el: Element | null | undefined): string | undefined {
  const text = (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text && !EMAIL_IN_TEXT.test(text) ? text.slice(0, MAX_NAME) : undefined;
}

/** Addresses shown under `scope` (outside any message body), each once, with the name beside it. */
function readPeople(scope: Element, role: Participant['role']): Participant[] {
  const found: Participant[] = [];
  for (const el of [scope, ...scope.querySelectorAll(EMAIL_HOLDERS)]) {
    if (inBody(el)) continue;
    const email = emailOf(el);
    if (!email) continue;
    const name = textOf(el);
    const seen = found.find((p) => p.email === email);
    if (!seen) found.push({ email, role, ...(name ? { name } : {}) });
    else if (!seen.name && name) seen.name = name;
  }
  return found;
}

function conversationIdFromUrl(url: URL): string | null {
  return /^\/conversation\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1] ?? null;
}

/** The address each customer thread was written from, in the order shown. */
function threadAddresses(view: Element): Participant[] {
  const list: Participant[] = [];
  for (const thread of view.querySelectorAll(CUSTOMER_THREAD)) {
    if (inBody(thread)) continue;
    const header = [...thread.querySelectorAll(THREAD_HEADER)].find((h) => !inBody(h));
    const author = header ? readPeople(header, 'requester')[0] : undefined;
    if (author) list.push(author);
  }
  return list;
}

function requesterOf(view: Element): Participant | null {
  const fromThreads = threadAddresses(view);
  const profile = [...view.querySelectorAll(PROFILE)].find((p) => !inBody(p));
  if (profile) {
    const addresses = readPeople(profile, 'requester');
    // A customer may have several addresses: prefer the one this conversation was written from.
    const email = addresses.find((a) => fromThreads.some((t) => t.email === a.email))?.email ?? addresses[0]?.email;
    if (email) {
      const name = textOf([...profile.querySelectorAll(PROFILE_NAME)].find((n) => !inBody(n)));
      return { email, role: 'requester', ...(name ? { name } : {}) };
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
    const cc = [...view.querySelectorAll(CC)].filter((el) => !inBody(el)).flatMap((el) => readPeople(el, 'cc'));
    const id = view.getAttribute('data-conversation-id') ?? wanted ?? '';
    return { key: `conversation:${id}`, participants: uniqueParticipants([requester, ...cc]).slice(0, MAX_PARTICIPANTS) };
  },
};
