import { displayNameOf, isHidden, participantInRecord, userContentCheck } from './dom';
import { answerOrNull, found, isRecord, NO_CONVERSATION, uniqueParticipants, type FetchJson, type Json, type PageRead, type Participant, type SiteAdapter } from './types';

/**
 * Zendesk Support, agent workspace (<subdomain>.zendesk.com/agent/…). The DOM names people, never
 * their addresses, so the requester comes from Zendesk's own API on the agent's session; the DOM
 * only tells which ticket is on screen. Class names are hashed; the hooks below are the app's
 * data attributes. Evidence (T1 = toggl/track-extension src/content/zendesk.js at db77d5f9,
 * 2026-04-22, file last changed 2024-10-29; Z1 = holatuwol/liferay-zendesk-userscript src/ at
 * 90ee874f, 2025-08-22; code#<id> = files in the public code index; docs/site-hooks.md §Zendesk):
 *
 * | hook | used for | evidence | status |
 * |---|---|---|---|
 * | `https://*.zendesk.com/agent/*` | agent workspace pages | T1 header `*://*.zendesk.com/*`; Z1 | confirmed |
 * | `/agent/tickets/<id>` | the ticket the URL names (the key) | T1 L54, L106, L172; Z1 `main.ts`; code#8915165852 | confirmed |
 * | `[data-side-conversations-anchor-id="<id>"]` | that ticket's pane is rendered | T1 L177 (id from the URL); Z1 `main.ts` L33, `attachments.ts` L202; code#17171622133, code#8390090386 | confirmed; T1 L77 shows a layout where the value is "1" |
 * | `.ticket-panes-grid-layout[data-is-active]` | which pane is on screen | T1 L91-98 (Sept 2023 UI) | confirmed |
 * | inline `display:none`, `hidden` | a pane not on screen | none found | **unconfirmed**: checked after data-is-active |
 * | `[data-test-id="header-tab"][data-selected="true"][data-entity-id]` | the selected tab names the ticket (tells a renamed anchor from a slow one) | T1 L21 (`header div[data-selected=true]`, `data-entity-id`); Z1 `main.ts` L200 (`div[data-test-id="header-tab"]`) | confirmed (T1 and Z1 each show half of the selector) |
 * | `[data-test-id="omni-log-message-content"]`, `.zd-comment`, `[contenteditable="true"]` | comment bodies and the editor: never read | Z1 `description.ts`; code#8855407204, code#53258223488, code#8390090386 | confirmed |
 * | `GET /api/v2/tickets/<id>.json?include=users` | the ticket with its people side-loaded | Zendesk "Side-loading related records" (developer.zendesk.com/documentation/ticketing/using-the-zendesk-api/side_loading/): `tickets/1.json?include=users,groups` adds a top-level `users` array; session use of the same endpoint: Z1 `ticket.ts` L134-141 (`include=organizations`) | confirmed |
 * | fields `ticket.id`, `ticket.requester_id`, `users[].id`, `.email`, `.name` | the requester among the side-loaded users | side-loading doc (`requester_id` with `users[{id, name}]`); Z1 `types.d.ts` L94-98 | confirmed; the doc calls side-loaded users "partial": `email` may be missing |
 * | `GET /api/v2/users/<requester_id>.json` → `user.id`, `.email`, `.name` | the requester's address when the side-load lacks it | Zendesk Users API "Show User" (developer.zendesk.com/api-reference/ticketing/users/users/); session use: Z1 `ticket.ts` L190-200 | confirmed |
 * | `ticket.email_cc_ids`, `ticket.collaborator_ids` | CCs, from the side-load only | Zendesk Tickets API reference (standard ticket fields) | partly |
 *
 * Not read, and why: the requester field ([data-test-id="ticket-system-field-requester-select"],
 * code#46206427149, code#2792345633) and the comment senders ([data-test-id="omni-log-item-sender"],
 * Z1 `attachments.ts` L72) show names only. A name from the DOM would sit beside the API's
 * addressed requester as a second, name-matched person (the watcher merges by address), and a
 * requester chooses their own display name; the API answers for every ticket the agent can open.
 */
const ANCHOR = 'data-side-conversations-anchor-id';
const PANE = '.ticket-panes-grid-layout';
const SELECTED_TAB = '[data-test-id="header-tab"][data-selected="true"][data-entity-id], header [data-selected="true"][data-entity-id]';
const OPEN_TABS = '[data-test-id="header-tab"][data-entity-id], header [data-selected][data-entity-id]';
const BODY = '[data-test-id="omni-log-message-content"], .zd-comment, [contenteditable="true"]';
const inBody = userContentCheck(BODY);

function ticketIdFromUrl(url: URL): string | null {
  // Sub-paths (/agent/tickets/<id>/events) name the same ticket.
  return /^\/agent\/tickets\/(\d{1,20})(?:\/|$)/.exec(url.pathname)?.[1] ?? null;
}

/** A Zendesk id (a JSON number, or a string of digits) as a string. */
function idOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value;
  return null;
}

function idsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(idOf).filter((id): id is string => id !== null) : [];
}

/** On screen: in the active pane (data-is-active), and not hidden by style or attribute. */
function onScreen(el: Element): boolean {
  const pane = el.closest(`${PANE}[data-is-active]`);
  if (pane && pane.getAttribute('data-is-active') !== 'true') return false;
  return !isHidden(el, { ariaHidden: false });
}

/** Anchor values outside comment bodies, under `root`. */
function anchorsUnder(root: ParentNode): Element[] {
  return [...root.querySelectorAll(`[${ANCHOR}]`)].filter((el) => !inBody(el));
}

function readTicket(doc: Document, url: URL): PageRead {
  // Views, dashboard, search, a user's profile: no ticket open.
  const id = ticketIdFromUrl(url);
  if (!id) return NO_CONVERSATION;
  const anchor = `[${ANCHOR}="${id}"]`;
  // Every opened ticket keeps its pane; the one on screen must be the ticket the URL names.
  if (anchorsUnder(doc).some((el) => el.getAttribute(ANCHOR) === id && onScreen(el))) {
    // Shown, with no one: the people come from the API (see the header).
    return found({ key: id, participants: [] });
  }
  // Right after a click the URL names the next ticket while the previous pane is still on
  // screen: not yet. But when the selected tab is this ticket and the active pane is rendered
  // without an anchor for any open ticket, the anchor has been renamed (or holds another value).
  const tab = [...doc.querySelectorAll(SELECTED_TAB)].find((el) => !inBody(el));
  const active = [...doc.querySelectorAll(`${PANE}[data-is-active="true"]`)].find((el) => !inBody(el));
  if (tab?.getAttribute('data-entity-id') === id && active) {
    const open = new Set([...doc.querySelectorAll(OPEN_TABS)].filter((el) => !inBody(el)).map((el) => el.getAttribute('data-entity-id')));
    const values = anchorsUnder(active).map((el) => el.getAttribute(ANCHOR));
    if (!values.some((value) => value !== null && open.has(value))) {
      const seen = values.length ? "the active pane's names no open ticket" : 'none in the active pane';
      return { status: 'unreadable', key: id, failed: `${anchor} (${seen})` };
    }
  }
  return { status: 'reading', key: id, waitingFor: anchor };
}

/** A user Zendesk knows by name only (a phone or chat contact): matched by name in the directory. */
function nameOnly(user: Json | undefined): Participant | null {
  const name = displayNameOf(user?.name);
  return name ? { name, role: 'requester' } : null;
}


/** /api/v2/users/<id>.json: the user asked for, when Zendesk has an address for them. */
async function userById(id: string, fetchJson: FetchJson, signal: AbortSignal): Promise<Json | undefined> {
  const data = await answerOrNull(fetchJson, `/api/v2/users/${id}.json`, signal);
  if (!isRecord(data) || !isRecord(data.user) || idOf(data.user.id) !== id) return undefined;
  return data.user;
}

async function participantsFromApi(id: string, fetchJson: FetchJson, signal: AbortSignal): Promise<Participant[] | null> {
  const data = await answerOrNull(fetchJson, `/api/v2/tickets/${id}.json?include=users`, signal);
  if (!isRecord(data) || !isRecord(data.ticket)) return null;
  const ticket = data.ticket;
  // The answer must be about the ticket asked for.
  if (idOf(ticket.id) !== id) return null;
  const requesterId = idOf(ticket.requester_id);
  if (!requesterId) return null;
  const users = new Map<string, Json>();
  for (const user of Array.isArray(data.users) ? data.users : []) {
    const userId = isRecord(user) ? idOf(user.id) : null;
    if (userId && isRecord(user) && !users.has(userId)) users.set(userId, user);
  }
  const sideLoaded = users.get(requesterId);
  // Side-loaded users are partial: without an address there, the user's own record has it.
  let requester = participantInRecord(sideLoaded, 'requester');
  if (!requester && !signal.aborted) {
    const user = await userById(requesterId, fetchJson, signal);
    requester = participantInRecord(user, 'requester') ?? nameOnly(user);
  }
  requester ??= nameOnly(sideLoaded);
  if (!requester) return null;
  const ccs = [...idsOf(ticket.email_cc_ids), ...idsOf(ticket.collaborator_ids)]
    .filter((ccId) => ccId !== requesterId)
    .map((ccId) => participantInRecord(users.get(ccId), 'cc'))
    .filter((p): p is Participant => p !== null);
  return uniqueParticipants([requester, ...ccs]);
}

export const zendesk: SiteAdapter = {
  id: 'zendesk',
  label: 'Zendesk',
  matches: ['https://*.zendesk.com/agent/*'],

  read: readTicket,

  api: {
    keyFromUrl: ticketIdFromUrl,
    participants: participantsFromApi,
  },
};
