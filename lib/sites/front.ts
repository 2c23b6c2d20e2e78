import { isHidden, peopleIn, userContentCheck } from './dom';
import { found, NO_CONVERSATION, uniqueParticipants, type PageRead, type Participant, type SiteAdapter } from './types';

/**
 * Front (app.frontapp.com). Only the URL and the conversation view's test id are confirmed in
 * public sources; how Front's DOM names a message's sender is not, so every message hook below is
 * our unconfirmed guess, used last and reported by name when it fails. Evidence (docs/site-hooks.md
 * §Front; code#<id> = a file in the public code index): A1 = i3devco/front-attachment-viewer
 * (content-script.js, manifest.json at dcb2fdaa, 2025-10-28); K1 = michaelschade/kenchi
 * (packages/scripts/src/front/*, open-sourced at 7fb4c7e, 2023-09-13, Front support from 2022).
 *
 * | hook | used for | evidence | status |
 * |---|---|---|---|
 * | `https://app.frontapp.com/*` | the app | A1 manifest (`https://*.frontapp.com/*`); K1 `FRONT_HOST`; code#46262138655 | confirmed |
 * | `/inboxes/…/<n>`: the last path segment, a number | a conversation is open; the key is `cnv_` + base36(n) | K1 `reduxStoreObserver.ts` `getConversationIds` (last segment; several comma-separated; its test: "Front uses 0 as a sentinel value when there are no conversations"); code#3168066593 (base 10 in URLs, `cnv_` + base 36 in the API); forms code#665716380, code#67237435780, code#13995531164 | confirmed |
 * | `/inboxes/teams/folders/<inbox>`, `/inboxes/folder/<inbox>` | a number that is an inbox, not a conversation | code#36003881832, code#56686982166 | confirmed: a number right after teams, teammates, folders, folder, views or shared is no conversation |
 * | `/open/cnv_…`, `/open/msg_…`, `…/cnv_…` | deep links | code#36388814760, code#22101350626, code#1692663707, code#53393096363 | confirmed |
 * | `[data-testid="conversation"]` | the conversation view is rendered | A1 `SELECTORS.CONVERSATION`, `setupDynamicContentWatcher` | confirmed |
 * | `data-conversation-id="cnv_…"` on that view | a view naming another conversation is the previous one, still up | none | **unconfirmed**: only holds the read back |
 * | `[data-testid="message"]`, `data-is-inbound` | messages and their direction (API field `is_inbound`) | none | **unconfirmed** |
 * | `[data-testid="message-header-from"]`, `-to`, `-cc` | sender and recipients: a handle in a title, a mailto link, or "Name <address>" | none | **unconfirmed** |
 * | `[data-testid="message-body"]`, `[data-testid="composer"]`, `[contenteditable="true"]` | email HTML and the editor: never read | none for Front | **unconfirmed** |
 *
 * The requester is the sender of the last inbound message (Front's conversation "recipient").
 * Front keeps that contact (`recipient.handle`) in its page's Redux store (K1), which a content
 * script cannot reach without running script in the page. No API: Front's Core API
 * (api2.frontapp.com) wants a bearer token, an admin-made company API token or OAuth
 * (dev.frontapp.com/docs/authentication), not the agent's session. The documented route is a
 * sidebar plugin (docs/sidebar-apps.md).
 */
const VIEW = '[data-testid="conversation"]';
const MESSAGE = '[data-testid="message"]';
const BODY = '[data-testid="message-body"], [data-testid="composer"], [contenteditable="true"]';
const FROM = '[data-testid="message-header-from"]';
const TO = '[data-testid="message-header-to"]';
const CC = '[data-testid="message-header-cc"]';

const VIEW_HOOK = `${VIEW} (conversation view)`;
const MESSAGE_HOOK = `${MESSAGE} (message; unconfirmed)`;
const FROM_HOOK = `${FROM} (sender; unconfirmed)`;
const TO_HOOK = `${TO} (recipient; unconfirmed)`;

const inBody = userContentCheck(BODY);

/** Path segments after which a number names an inbox, view or teammate, not a conversation. */
const COLLECTIONS = new Set(['teams', 'teammates', 'folders', 'folder', 'views', 'shared']);

/** The conversation the URL names, as Front's API id (`cnv_…`), or a deep-linked message's id. */
function conversationKeyFromUrl(url: URL): string | null {
  const segments = url.pathname.split('/').filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  if (/^cnv_[0-9a-z]{1,12}$/.test(last)) return last;
  if (segments.length === 2 && segments[0] === 'open' && /^msg_[0-9a-z]{1,12}$/.test(last)) return last;
  // At most 15 digits: exact as a JavaScript number. "0" is Front's "nothing selected".
  if (segments[0] !== 'inboxes' || !/^[1-9]\d{0,14}$/.test(last)) return null;
  if (COLLECTIONS.has(segments[segments.length - 2] ?? '')) return null;
  return `cnv_${Number(last).toString(36)}`;
}

/** This message's header fields matching `selector` (not a nested message's, not in a body). */
function fields(message: Element, selector: string): Element[] {
  return [...message.querySelectorAll(selector)].filter((el) => !inBody(el) && el.closest(MESSAGE) === message);
}

const peopleOf = (list: Element[], role: Participant['role']): Participant[] => list.flatMap((el) => peopleIn(el, role));

function readConversation(doc: Document, url: URL): PageRead {
  const key = conversationKeyFromUrl(url);
  if (!key) return NO_CONVERSATION;

  // The active conversation: the last one shown (an earlier view may linger, hidden).
  const views = [...doc.querySelectorAll(VIEW)].filter((v) => !inBody(v) && !isHidden(v));
  const view = views[views.length - 1];
  if (!view) return { status: 'reading', key, waitingFor: VIEW_HOOK };
  const shownId = view.getAttribute('data-conversation-id');
  if (shownId && key.startsWith('cnv_') && shownId !== key) return { status: 'reading', key, waitingFor: `${VIEW}[data-conversation-id="${key}"]` };

  const messages = [...view.querySelectorAll(MESSAGE)].filter((m) => !inBody(m) && !isHidden(m));
  const inbound = messages.filter((m) => m.getAttribute('data-is-inbound') === 'true');
  const knowsDirection = messages.some((m) => m.hasAttribute('data-is-inbound'));
  const current = inbound[inbound.length - 1] ?? messages[messages.length - 1];
  if (!current) return { status: 'reading', key, waitingFor: MESSAGE_HOOK };

  const to = peopleOf(fields(current, TO), 'to');
  const cc = peopleOf(fields(current, CC), 'cc');
  if (inbound.length > 0 || !knowsDirection) {
    // An inbound message: its sender is the requester.
    const from = fields(current, FROM);
    if (from.length === 0) return { status: 'reading', key, waitingFor: FROM_HOOK };
    const sender = peopleOf(from, 'from')[0];
    // A phone or chat handle: no address to look up.
    if (!sender) return { status: 'unreadable', key, failed: `${FROM_HOOK}: no address` };
    return found({ key, participants: uniqueParticipants([sender, ...to, ...cc]) });
  }
  // Only outbound messages (the team wrote first): the contact is who it was sent to.
  if (fields(current, TO).length === 0) return { status: 'reading', key, waitingFor: TO_HOOK };
  const contacts = uniqueParticipants([...to, ...cc]);
  return contacts.length > 0 ? found({ key, participants: contacts }) : { status: 'unreadable', key, failed: `${TO_HOOK}: no address` };
}

export const front: SiteAdapter = {
  id: 'front',
  label: 'Front',
  matches: ['https://app.frontapp.com/*'],
  // No public source shows how Front's DOM names a message's sender.
  beta: true,

  read: readConversation,
};
