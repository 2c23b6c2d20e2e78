import { isHidden, participant, userContentCheck } from './dom';
import { NO_CONVERSATION, found, normaliseEmail, uniqueParticipants, type PageRead, type Participant, type SiteAdapter } from './types';

/**
 * Gmail. Its class names are obfuscated, but the ones below have been stable for years and are
 * what the two maintained Gmail libraries rely on. Sources: G1 = KartikTalwar/gmail.js
 * src/gmail.js (b7dfdabc, 2026-03-25); G2 = InboxSDK/InboxSDK gmail-thread-view.ts and
 * gmail-message-view.ts (2026); code#<id> = files in the public code index (docs/site-hooks.md).
 *
 * | hook                                      | use                                  | evidence                                   | status |
 * |-------------------------------------------|--------------------------------------|--------------------------------------------|--------|
 * | https://mail.google.com/*                 | pages handled                        | G1, G2                                     | confirmed |
 * | h2.hP, first visible one                  | a thread is open; its subject        | G1 email_subject (`.hP`, `:visible`), G1 thread.dom subject `h2.hP` | confirmed |
 * | div.if / div.iY                           | the thread wrapper (scope)           | G1 api.dom.thread and view_thread observer | confirmed |
 * | [role="main"]                             | scope fallback, observer root        | code#40666239007, code#21468014422 read under it | partly |
 * | message item classes h7 / kv, ky / kQ, kx | expanded / collapsed / hidden        | G2 getViewState and message state stream; the list items in code#27234222622 (a Gmail DOM dump) | confirmed |
 * | div.adn[data-message-id]                  | a loaded message                     | G1 api.dom.email, G1 new.get.email_id (the last one is the latest) | confirmed |
 * | div.a3s (in div.ii.gt)                    | a body: rendered = expanded; user content, never read | G1 email.dom body, is_inside_email; G2 getContentsElement | confirmed |
 * | span.gD[email][name], td.gF span[email]   | a message's sender (also on collapsed items) | G1 email.dom from; G2 getSender; code#27234222622 | confirmed |
 * | span.hb span[email], span.g2[email]       | that message's recipients            | G1 email.dom to / to_wrapper; G2 getRecipients | confirmed |
 * | data-thread-perm-id on the subject        | thread key; "#thread-f:…", may be the string "undefined" | G1 new.get.thread_id; G2 getThreadID | confirmed |
 * | data-legacy-thread-id                     | key fallback                         | G1 get.thread_id (`h2[data-legacy-thread-id]`); G2 | confirmed |
 * | data-legacy-message-id, data-message-id   | last key fallbacks (the legacy id is missing on a reply not yet synced) | G1 api.dom.email; G2 GmailMessageView | confirmed |
 * | URL hash "#<view>/<thread id>"            | key when the page carries no id      | G2 falls back to the route's thread id; G1 calls URLs unreliable | partly |
 * | document.title "… - <address> - Gmail"    | the signed-in account                | code#66634218508 (reads it first), code#54606951226 | partly (third-party scripts) |
 * | a[href^="https://accounts.google.com/SignOutOptions"][aria-label] | the account button, "Google Account: Name (address)", label localised | code#1860722552 (address in the last parentheses), code#54606951226, code#62358982291 | partly (third-party scripts) |
 * | a[aria-label*="@"] outside [role="main"]  | the account button, when its link changes | code#66634218508, code#68921046013 | partly (third-party scripts) |
 *
 * The libraries read the account from a page variable (GLOBALS[10]) that an isolated content
 * script cannot see, hence the title and the button.
 */
const SUBJECT = 'h2.hP';
const THREAD = 'div.if, div.iY';
/** Message items: expanded (h7), collapsed (kv, ky), and a loaded message outside such an item. */
const MESSAGE = '.h7, .kv, .ky, div.adn[data-message-id]';
const HIDDEN_MESSAGE = '.kQ, .kx';
const COLLAPSED = ['kv', 'ky'];
const SENDER = 'span.gD[email], td.gF span[email]';
const RECIPIENT = 'span.hb span[email], span.g2[email]';
const BODY = 'div.a3s';
const ACCOUNT_BUTTON = 'a[href^="https://accounts.google.com/SignOutOptions"][aria-label]';
const ANY_ADDRESS_LABEL = 'a[aria-label*="@"]';
/** Gmail sets aria-hidden on the whole app while a dialog is open: that is not "hidden" for us. */
const NOT_ARIA = { ariaHidden: false };

/** Bodies are attacker-controlled: nothing in them is a header, a message item or an account button. */
const inUserContent = userContentCheck(`${BODY}, div.ii.gt`);

const WAITING_FOR_MESSAGE = 'div.adn[data-message-id] (message)';
const SENDER_HOOK = 'span.gD[email] (sender)';

interface Message {
  el: Element;
  expanded: boolean;
  /** The header's sender element, if rendered, and the address it carries, if valid. */
  senderEl: Element | null;
  sender: Participant | null;
}

function visible(el: Element): boolean {
  return !isHidden(el, NOT_ARIA) && !inUserContent(el);
}

function readPerson(el: Element, role: Participant['role']): Participant | null {
  const email = normaliseEmail(el.getAttribute('email'));
  return email ? participant(email, role, el.getAttribute('name') ?? el.textContent?.trim()) : null;
}

/** The thread's messages, oldest first (Gmail lists them in order, G1 takes the last as latest). */
function messagesIn(thread: Element): Message[] {
  const items = [...thread.querySelectorAll(MESSAGE)].filter((el) => visible(el) && !el.closest(HIDDEN_MESSAGE));
  // A loaded message sits inside its h7/kv item: count the item once.
  const outermost = items.filter((el) => !items.some((other) => other !== el && other.contains(el)));
  return outermost.map((el) => {
    const collapsed = COLLAPSED.some((c) => el.classList.contains(c));
    // The state classes say it; where an item has none, a rendered body does.
    const expanded = el.classList.contains('h7') || (!collapsed && el.querySelector(BODY) !== null);
    const senderEl = [...el.querySelectorAll(SENDER)].find(visible) ?? null;
    return { el, expanded, senderEl, sender: senderEl ? readPerson(senderEl, 'from') : null };
  });
}

function recipientsOf(message: Message | undefined): Participant[] {
  if (!message) return [];
  return [...message.el.querySelectorAll(RECIPIENT)]
    .filter(visible)
    .map((el) => readPerson(el, 'to'))
    .filter((p): p is Participant => p !== null);
}

/** "Inbox (3) - agent@acme.example - Gmail": the account is the segment before the app's name. */
function titleAddress(title: string): string | null {
  const segments = title.split(' - ');
  return segments.length >= 3 ? normaliseEmail(segments[segments.length - 2]) : null;
}

/** "Google Account: Name (address)", in any language: the address in the last parentheses. */
function labelAddress(label: string): string | null {
  const open = label.lastIndexOf('(');
  const close = label.indexOf(')', open);
  return open >= 0 && close > open ? normaliseEmail(label.slice(open + 1, close)) : null;
}

function accountButtonAddress(doc: Document): string | null {
  for (const selector of [ACCOUNT_BUTTON, ANY_ADDRESS_LABEL]) {
    for (const el of doc.querySelectorAll(selector)) {
      if (el.closest('[role="main"]') || inUserContent(el)) continue;
      const address = labelAddress(el.getAttribute('aria-label') ?? '');
      if (address) return address;
    }
  }
  return null;
}

/**
 * The agent's own addresses. Both are kept when they differ: in a delegated mailbox the title
 * names the mailbox (helpdesk@) and the button the person, and mail from either is the agent's.
 */
export function signedInAddresses(doc: Document): Set<string> {
  const own = new Set<string>();
  const fromTitle = titleAddress(doc.title);
  if (fromTitle) own.add(fromTitle);
  const fromButton = accountButtonAddress(doc);
  if (fromButton) own.add(fromButton);
  return own;
}

/** An id attribute's value: a leading "#" dropped; Gmail writes "undefined" when it has none yet. */
function idValue(el: Element | null | undefined, attribute: string): string | null {
  const value = el?.getAttribute(attribute)?.trim().replace(/^#/, '');
  return value && value !== 'undefined' && value !== 'null' ? value : null;
}

function firstId(candidates: Iterable<Element>, attribute: string): string | null {
  for (const el of candidates) {
    const value = idValue(el, attribute);
    if (value) return value;
  }
  return null;
}

/** The thread id the route names ("#inbox/FMfcg…", "#search/q/FMfcg…"). */
function routeThreadId(url: URL): string | null {
  const parts = url.hash.replace(/^#/, '').split('/').filter(Boolean);
  return parts.length >= 2 ? (parts[parts.length - 1] ?? null) : null;
}

/**
 * Thread id, then legacy thread id, then the first message's ids (stable while replies are
 * added), then the route. The subject h2 carries the thread ids; other elements may too.
 */
function threadKey(subject: Element, thread: Element, url: URL): string {
  const holders = (attribute: string) => [subject, ...[...thread.querySelectorAll(`[${attribute}]`)].filter((el) => !inUserContent(el))];
  const messages = [...thread.querySelectorAll('div.adn')].filter((el) => !inUserContent(el));
  return (
    firstId(holders('data-thread-perm-id'), 'data-thread-perm-id') ??
    firstId(holders('data-legacy-thread-id'), 'data-legacy-thread-id') ??
    firstId(messages, 'data-legacy-message-id') ??
    firstId(messages, 'data-message-id') ??
    routeThreadId(url) ??
    `subject:${(subject.textContent ?? '').trim().slice(0, 200)}`
  );
}

/**
 * Who the thread is with. Knowing the agent: the sender of the latest message by someone
 * else; if the agent wrote every message, the first other recipient of the latest one. Not
 * knowing the agent: the sender of the last expanded message.
 */
function participantsOf(messages: Message[], own: Set<string>): Participant[] {
  const current = messages.filter((m) => m.expanded).pop() ?? messages[messages.length - 1];
  const isOwn = (p: Participant) => p.email !== undefined && own.has(p.email);
  if (own.size === 0) {
    const sender = current?.sender ?? [...messages].reverse().find((m) => m.sender)?.sender;
    return uniqueParticipants([...(sender ? [sender] : []), ...recipientsOf(current)]);
  }
  const fromOther = [...messages].reverse().find((m) => m.sender && !isOwn(m.sender));
  if (fromOther?.sender) {
    return uniqueParticipants([fromOther.sender, ...recipientsOf(fromOther), ...recipientsOf(current)]);
  }
  // The agent wrote to someone: the latest message that names another person says who.
  const written = [...messages].reverse().map(recipientsOf).find((list) => list.some((p) => !isOwn(p))) ?? [];
  const agent = [...messages].reverse().find((m) => m.sender)?.sender;
  return uniqueParticipants([...written.filter((p) => !isOwn(p)), ...written.filter(isOwn), ...(agent ? [agent] : [])]);
}

export const gmail: SiteAdapter = {
  id: 'gmail',
  label: 'Gmail',
  matches: ['https://mail.google.com/*'],

  read(doc: Document, url: URL): PageRead {
    // Gmail keeps earlier views in the DOM, hidden: the visible subject is the open thread.
    const subject = [...doc.querySelectorAll(SUBJECT)].find((el) => !isHidden(el, NOT_ARIA));
    if (!subject) return NO_CONVERSATION;
    const thread = subject.closest(THREAD) ?? subject.closest('[role="main"]') ?? doc.body;
    const key = threadKey(subject, thread, url);
    const messages = messagesIn(thread);
    if (messages.length === 0) return { status: 'reading', key, waitingFor: WAITING_FOR_MESSAGE };
    if (!messages.some((m) => m.sender)) {
      // A header element without an address, or a body rendered without any header: the
      // message has loaded and the sender hook shows no one.
      const loaded = messages.some((m) => m.senderEl !== null || m.el.querySelector(BODY) !== null);
      return loaded ? { status: 'unreadable', key, failed: SENDER_HOOK } : { status: 'reading', key, waitingFor: SENDER_HOOK };
    }
    const participants = participantsOf(messages, signedInAddresses(doc));
    return found({ key, participants });
  },

  observeRoot(doc) {
    return doc.querySelector('div[role="main"]')?.parentElement ?? doc.body;
  },
};
