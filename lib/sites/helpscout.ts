import { addressInText, displayNameOf, emailOf, isHidden, participant, userContentCheck } from './dom';
import { found, NO_CONVERSATION, normaliseEmail, uniqueParticipants, type PageRead, type SiteAdapter } from './types';

/**
 * Help Scout (secure.helpscout.net). Class names are hashed styled-components; the hooks are the
 * app's data-cy / data-testid test attributes. The requester is the customer whose addresses the
 * conversation sidebar lists; the thread bodies are email as received and never read.
 * Evidence (docs/site-hooks.md §Help Scout; code#<id> = a file in the public code index):
 * C2 = "HelpScout → Clockify Timer" Chrome extension, shared.js code#51772100035, hs-content.js
 * code#51874422064, its tests code#51955706728 (2026-04); M1 = "Maestro Assistant" Help Scout
 * content script code#48235371037 (undated, selectors "found in your HTML"); F1 = "fix-helpscout"
 * content script code#35836279373; G1 = a GPT-assistant Help Scout adapter code#14038737646;
 * T1 = toggl/track-extension src/content/helpscout.js at 8feff92e (2024-09-25).
 *
 * | hook | used for | evidence | status |
 * |---|---|---|---|
 * | `https://secure.helpscout.net/*` | the app | T1 header; trentslutzky/helpscout-thread-hider manifest.json (2023) | confirmed |
 * | `/conversation/<id>[/<number>]/` | a conversation is open; `<id>` is the key | C2 `parseHsUrl` (`/inbox/<id>` is no conversation); code#2448727361 (`?folderId=`), code#54348887456 (`?viewId=`), code#56531749482 (no number) | confirmed |
 * | `document.title` "#<number> <subject> - <customer>" | the view on screen is the conversation the URL names (the app changes the URL before the view) | C2 `parseHsTitle` and its tests | confirmed by one source; only a title naming another number holds the read back |
 * | `[data-cy="Sidebar.CustomerEmails"] [data-testid="EmailList.EmailLink"]` | the customer's addresses | C2 `HS_EMAIL_SELECTOR`; M1 `a[data-testid="EmailList.EmailLink"]` | confirmed |
 * | `[data-testid="Sidebar.CustomerProfile"]` | the same links' container, in M1's form | M1 `CUSTOMER_EMAIL_LINK` | confirmed by one source |
 * | `.c-Truncate__content` in the link | the address as text (the link's href is `/mailbox/<id>/customer/<id>/…`, not mailto:) | C2 `parseHsEmailsFromDom`, `parseHsCustomerIdFromDom`; M1 | confirmed |
 * | `[data-cy="Sidebar.CustomerName"] .c-Truncate__content` | the customer's name | M1 `getName` | confirmed by one source |
 * | a `mailto:` link in those containers | the address, should the link lose its test id | none | **unconfirmed**: a later fallback only |
 * | `[data-testid="ThreadContainer"]`, `[contenteditable="true"]`, `[data-cy="ConvoEditor"]`, `[data-testid="reply-editor"]` | thread bodies and the editor: never read | M1, F1, G1 | confirmed |
 *
 * Not read, and why: the thread author (`span[data-nocollapse="true"]` in `li.ThreadListItem.is-customer`,
 * M1, F1, G1) is a name the sender chose, never an address; the Cc line has no public evidence.
 * No API: Help Scout's Mailbox API 2.0 (api.helpscout.net/v2) takes an OAuth2 bearer token from an
 * app the account registers (developer.helpscout.com/mailbox-api/overview/authentication/), not the
 * agent's browser session, and no same-origin JSON endpoint is documented. The sturdier route is a
 * sidebar app (docs/sidebar-apps.md).
 */
const EMAIL_LISTS = '[data-cy="Sidebar.CustomerEmails"], [data-testid="Sidebar.CustomerProfile"]';
const EMAIL_LINK = '[data-testid="EmailList.EmailLink"]';
const TRUNCATED = '.c-Truncate__content';
const CUSTOMER_NAME = '[data-cy="Sidebar.CustomerName"]';
const USER_CONTENT = '[data-testid="ThreadContainer"], [contenteditable="true"], [data-cy="ConvoEditor"], [data-testid="reply-editor"]';
const inUserContent = userContentCheck(USER_CONTENT);

/** What an admin reports when the sidebar never shows an address. */
const EMAILS_HOOK = '[data-cy="Sidebar.CustomerEmails"] [data-testid="EmailList.EmailLink"] (customer addresses)';

function conversationFromUrl(url: URL): { id: string; number: string | null } | null {
  const m = /^\/conversation\/(\d{1,20})(?:\/(\d{1,20}))?(?:\/|$)/.exec(url.pathname);
  return m ? { id: m[1]!, number: m[2] ?? null } : null;
}

/** The conversation number the page title names ("#1041 Subject - Customer", maybe after an unread count "(3) "). */
function numberInTitle(doc: Document): string | null {
  return /^\s*(?:\(\d{1,6}\)\s*)?#(\d{1,20})\s/.exec(doc.title)?.[1] ?? null;
}

const shown = (el: Element): boolean => !inUserContent(el) && !isHidden(el, { ariaHidden: false });

/** The text of an element's truncation span, else its own text. */
function textOf(el: Element): string {
  return (el.querySelector(TRUNCATED) ?? el).textContent ?? '';
}

/** The address a sidebar email link shows, or (unconfirmed) carries as a mailto: href. */
function addressOf(link: Element): string | null {
  const text = addressInText(textOf(link));
  return normaliseEmail(text) ?? (link.matches('a[href^="mailto:" i]') ? emailOf(link) : null);
}

function readConversation(doc: Document, url: URL): PageRead {
  const conversation = conversationFromUrl(url);
  if (!conversation) return NO_CONVERSATION;
  const key = `conversation:${conversation.id}`;

  // The URL changes first; until the title names this conversation, the sidebar may still be the last one's.
  const titled = numberInTitle(doc);
  if (conversation.number && titled && titled !== conversation.number) {
    return { status: 'reading', key, waitingFor: `document.title "#${conversation.number} …" (conversation view)` };
  }

  const lists = [...doc.querySelectorAll(EMAIL_LISTS)].filter(shown);
  if (lists.length === 0) return { status: 'reading', key, waitingFor: EMAILS_HOOK };
  // The two containers may nest: each link once.
  const linksUnder = (selector: string) => [...new Set(lists.flatMap((list) => [...list.querySelectorAll(selector)]))].filter(shown);
  let links = linksUnder(EMAIL_LINK);
  if (links.length === 0) links = linksUnder('a[href^="mailto:" i]');
  // The list is there but still empty: Help Scout fills it after the profile.
  if (links.length === 0) return { status: 'reading', key, waitingFor: EMAILS_HOOK };

  const emails = links.map(addressOf).filter((email): email is string => email !== null);
  if (emails.length === 0) return { status: 'unreadable', key, failed: `${EMAILS_HOOK}: no address in ${links.length} link(s)` };

  const nameHolder = [...doc.querySelectorAll(CUSTOMER_NAME)].find(shown);
  const name = nameHolder ? displayNameOf(textOf(nameHolder)) : undefined;
  // Every address on the profile is this customer's, in the order Help Scout lists them.
  return found({ key, participants: uniqueParticipants(emails.map((email) => participant(email, 'requester', name))) });
}

export const helpscout: SiteAdapter = {
  id: 'helpscout',
  label: 'Help Scout',
  matches: ['https://secure.helpscout.net/*'],
  // Two small third-party tools confirm the address hook; nothing ties it to this conversation
  // but the page title, and Help Scout documents none of it.
  beta: true,

  read: readConversation,
};
