import { displayNameOf, isHidden, participant, participantInRecord, userContentCheck } from './dom';
import { answerOrNull, found, isRecord, NO_CONVERSATION, normaliseEmail, uniqueParticipants, type FetchJson, type Json, type PageRead, type Participant, type SiteAdapter } from './types';

/**
 * Freshdesk (<subdomain>.freshdesk.com/a/…), the Ember agent app. The URL names the ticket; the
 * requester comes from Freshdesk's API on the agent's session, the app's own endpoint first (it
 * is not metered like /api/v2, whose limit is shared by the whole account), and the sidebar's
 * contact widget is the fallback. Evidence (T1 = toggl/track-extension src/content/freshdesk.js,
 * "Freshdesk mint (late 2018)" block, file last changed 2021-12-02; code#<id> = files in the
 * public code index; docs/site-hooks.md §Freshdesk):
 *
 * | hook | used for | evidence | status |
 * |---|---|---|---|
 * | `https://*.freshdesk.com/a/*` | agent app pages | code#19323429709 (userscript `@match *://*.freshdesk.com/a/tickets/*`); code#58814918194 | confirmed |
 * | `/a/tickets/<id>` | the ticket (the key); lists are /a/tickets and /a/tickets/filters/… | code#70878309118 (`^\/a\/tickets\/(\d+)`); code#48760581351 | confirmed |
 * | `GET /api/_/tickets/<id>?include=requester` → `ticket` | the app's own ticket endpoint, read with the session | code#70878309118 (session-only read of `/api/_/tickets/<id>`, answer under `ticket`, "same fields" as /api/v2, answered 200 while /api/v2 gave 429, 2026-09-30); code#48109209435 (`data.ticket`); code#61826458245 (`/api/_/tickets/{id}?include=requester,stats,company,…`); code#60123426703 (`ticket.id`, `ticket.display_id`) | confirmed for the endpoint; **partly** for `ticket.requester` (no public answer shows it) |
 * | `GET /api/v2/tickets/<id>?include=requester` | the public endpoint, when the app's own has no usable answer | Freshdesk API "View a ticket", `include` = requester (developers.freshdesk.com/api/#view_a_ticket); session use: code#70878309118 | confirmed |
 * | fields `id` / `display_id`, `requester_id`, `requester.{id,email,name}`, `cc_emails` | the answer is about this ticket; requester, CCs | Freshdesk API docs (ticket and embedded requester); code#60123426703 (`display_id`) | confirmed (/api/v2); partly (the app's endpoint) |
 * | 429 with `Retry-After` | back off: the limit is per account | Freshdesk support article 225439 (2024-03-14); developers.freshdesk.com rate-limit headers | confirmed |
 * | `[data-test-id="requester-info-contact-email"] .info-details-content` | the requester's address in the contact widget (fallback) | bubbleupdotnet/freshdesk `add_info_links.user.js` (code#41695468036); code#48760581351 (`requester-info-contact-<field>`) | confirmed |
 * | `[data-test-id^="requester-info-contact-"]` | the contact widget is rendered (so a missing email field is a failed hook) | code#48760581351, code#41695468036 | confirmed |
 * | `.requester-wrap [data-test-id="user-name"]` | the requester's name beside that address | `[data-test-id="user-name"]`: code#55177852789, code#69435803588; `.requester-wrap`: only code#48760581351, which uses exactly this set of hooks | partly |
 * | `.breadcrumb__item.active` (the ticket number) | tells the previous ticket, still shown after a click, from this one | T1 L33 | confirmed, but 2018-era: only ever delays, never required |
 * | bodies: `#ticket_original_request`, `.ticket-details__item__content`, `[data-test-conversation="conversation-text"]`, `[data-test-id="conversation-content"]`, `.ticket_note`, `[contenteditable="true"]` | what requesters wrote: never read | code#48760581351; code#69435803588 | confirmed |
 *
 * Not used: `.ticket-subject-heading` (T1, 2018): a rename would have hidden every ticket.
 */
const CRUMB = '.breadcrumb__item.active';
const CONTACT_EMAIL = '[data-test-id="requester-info-contact-email"] .info-details-content';
const CONTACT_FIELD = '[data-test-id^="requester-info-contact-"]';
const CONTACT_NAME = '.requester-wrap [data-test-id="user-name"]';
const BODY = [
  '[id^="ticket_original_request"]',
  '.ticket-details__item__content',
  '[data-test-conversation="conversation-text"]',
  '[data-test-id="conversation-content"]',
  '.ticket_note',
  '.conversation-content',
  '[contenteditable="true"]',
].join(', ');
const inBody = userContentCheck(BODY);

/** Shown, and not inside anything a requester wrote. */
function shown(doc: Document, selector: string): Element[] {
  return [...doc.querySelectorAll(selector)].filter((el) => !inBody(el) && !isHidden(el, { ariaHidden: false }));
}

function ticketIdFromUrl(url: URL): string | null {
  return /^\/a\/tickets\/(\d{1,20})(?:\/|$)/.exec(url.pathname)?.[1] ?? null;
}

function readTicket(doc: Document, url: URL): PageRead {
  // Ticket lists, dashboard, contacts: no ticket open.
  const id = ticketIdFromUrl(url);
  if (!id) return NO_CONVERSATION;
  // Right after a click the URL names the next ticket while the previous one is still shown:
  // its requester must not be filed under this ticket. Without a breadcrumb, nothing waits.
  const crumbs = shown(doc, CRUMB).map((el) => /\d{1,20}/.exec(el.textContent ?? '')?.[0]);
  if (crumbs.length > 0 && !crumbs.includes(id)) return { status: 'reading', key: id, waitingFor: `${CRUMB} "${id}"` };
  const fields = shown(doc, CONTACT_EMAIL);
  const email = fields.map((el) => normaliseEmail(el.textContent)).find((e): e is string => e !== null);
  if (email) {
    const name = displayNameOf(shown(doc, CONTACT_NAME)[0]?.textContent);
    return found({ key: id, participants: [participant(email, 'requester', name)] });
  }
  // The contact widget is there, and its email field is missing or holds no address.
  if (fields.length > 0 || shown(doc, CONTACT_FIELD).length > 0) return { status: 'unreadable', key: id, failed: CONTACT_EMAIL };
  return { status: 'reading', key: id, waitingFor: CONTACT_EMAIL };
}

/** A Freshdesk id (a JSON number, or a string of digits) as a string. */
function idOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value;
  return null;
}

/** "ada@acme.example" or "Ada Lovelace <ada@acme.example>" (Freshdesk stores either in cc_emails). */
function addressIn(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 500) return null;
  return normaliseEmail(raw) ?? normaliseEmail(/<\s*([^<>\s]+)\s*>/.exec(raw)?.[1]);
}

/**
 * The people of one ticket record, requester first; null unless the record is this ticket's
 * (by the number the agent sees: display_id where the answer has one, else id) and names its
 * requester. A requester Freshdesk knows without an address (a phone contact) is named only.
 */
function peopleOf(ticket: unknown, id: string): Participant[] | null {
  if (!isRecord(ticket)) return null;
  const number = ticket.display_id !== undefined ? idOf(ticket.display_id) : idOf(ticket.id);
  if (number !== id || !isRecord(ticket.requester)) return null;
  const record: Json = ticket.requester;
  if (ticket.requester_id !== undefined && record.id !== undefined && idOf(ticket.requester_id) !== idOf(record.id)) return null;
  const name = displayNameOf(record.name);
  const requester = participantInRecord(record, 'requester') ?? (name ? { name, role: 'requester' as const } : null);
  if (!requester) return null;
  const ccs = (Array.isArray(ticket.cc_emails) ? ticket.cc_emails : [])
    .map(addressIn)
    .filter((e): e is string => e !== null)
    .map((e) => participant(e, 'cc'));
  return uniqueParticipants([requester, ...ccs]);
}


async function participantsFromApi(id: string, fetchJson: FetchJson, signal: AbortSignal): Promise<Participant[] | null> {
  const own = await answerOrNull(fetchJson, `/api/_/tickets/${id}?include=requester`, signal);
  const fromOwn = peopleOf(isRecord(own) ? own.ticket : null, id);
  if (fromOwn?.[0]?.email || signal.aborted) return fromOwn;
  // The app's endpoint is not a published API: when it has no address, ask the public one.
  const fromPublic = peopleOf(await answerOrNull(fetchJson, `/api/v2/tickets/${id}?include=requester`, signal), id);
  return fromPublic?.[0]?.email ? fromPublic : (fromOwn ?? fromPublic);
}

export const freshdesk: SiteAdapter = {
  id: 'freshdesk',
  label: 'Freshdesk',
  matches: ['https://*.freshdesk.com/a/*'],

  read: readTicket,

  api: {
    keyFromUrl: ticketIdFromUrl,
    participants: participantsFromApi,
  },
};
