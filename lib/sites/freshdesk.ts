import { displayNameOf, isHidden, participant, participantInRecord, userContentCheck } from './dom';
import { isRecord, normaliseEmail, uniqueParticipants, type Conversation, type Participant, type SiteAdapter } from './types';

/**
 * Freshdesk (<subdomain>.freshdesk.com/a/…), the Ember agent app. Its stable hooks are a few
 * long-lived class names and the data-test-id attributes of its components:
 * - a ticket at /a/tickets/<id>: the page's breadcrumb ends in `.breadcrumb__item.active` with
 *   the ticket number, the subject is `.ticket-subject-heading`;
 * - the conversation: the original request and each reply have a header (`.sender-info` with
 *   the author's [data-test-id="user-name"], `.emails-info`) and a body
 *   (`.ticket-details__item__content`, #ticket_original_request, the email as received, never read);
 * - the right sidebar's contact details widget: the requester's name (`.requester-wrap
 *   [data-test-id="user-name"]`) and fields such as [data-test-id="requester-info-contact-email"]
 *   whose `.info-details-content` is the contact's address as stored in Freshdesk.
 * The same-origin API (/api/v2/tickets/<id>?include=requester) is asked first; this DOM read is
 * the fallback and tells the content script which ticket is open.
 */
const CRUMB = '.breadcrumb__item.active';
const SUBJECT = '.ticket-subject-heading';
const BODY = '.ticket-details__item__content, [id^="ticket_original_request"], .conversation-content, [contenteditable="true"]';
const CONTACT_EMAIL = '[data-test-id="requester-info-contact-email"] .info-details-content';
const CONTACT_NAME = '.requester-wrap [data-test-id="user-name"]';
const inBody = userContentCheck(BODY);

/** Shown, and not inside any message body. */
function shown(doc: Document, selector: string): Element[] {
  return [...doc.querySelectorAll(selector)].filter((el) => !inBody(el) && !isHidden(el, { ariaHidden: false }));
}

function ticketIdFromUrl(url: URL): string | null {
  return /^\/a\/tickets\/(\d{1,20})(?:\/|$)/.exec(url.pathname)?.[1] ?? null;
}

/** "ada@acme.example" or "Ada Lovelace <ada@acme.example>" (Freshdesk stores either in cc_emails). */
function addressIn(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 500) return null;
  return normaliseEmail(raw) ?? normaliseEmail(/<\s*([^<>\s]+)\s*>/.exec(raw)?.[1]);
}

export const freshdesk: SiteAdapter = {
  id: 'freshdesk',
  label: 'Freshdesk',
  matches: ['https://*.freshdesk.com/a/*'],

  readConversation(doc: Document, url: URL): Conversation | null {
    // Ticket lists (/a/tickets, /a/tickets/filters/…), dashboard, contacts: no ticket open.
    const id = ticketIdFromUrl(url);
    if (!id) return null;
    if (shown(doc, SUBJECT).length === 0) return null;
    // Right after a click the URL already names the next ticket while the previous one is still
    // shown: that is "not yet" (the API's answer must not be filed under the old ticket).
    const crumbs = shown(doc, CRUMB).map((el) => /\d+/.exec(el.textContent ?? '')?.[0]);
    if (crumbs.length > 0 && !crumbs.includes(id)) return null;

    const email = shown(doc, CONTACT_EMAIL)
      .map((el) => normaliseEmail(el.textContent))
      .find((e): e is string => e !== null);
    if (!email) return { key: id, participants: [] };
    const name = displayNameOf(shown(doc, CONTACT_NAME)[0]?.textContent);
    return { key: id, participants: [participant(email, 'requester', name)] };
  },

  async resolveViaApi(url, fetchJson): Promise<Participant[] | null> {
    const id = ticketIdFromUrl(url);
    if (!id) return null;
    let data: unknown;
    try {
      data = await fetchJson(`/api/v2/tickets/${id}?include=requester`);
    } catch {
      return null;
    }
    if (!isRecord(data) || !isRecord(data.requester)) return null;
    // The answer must be about the ticket asked for.
    if (typeof data.id !== 'number' && typeof data.id !== 'string') return null;
    if (String(data.id) !== id) return null;
    if (data.requester_id !== undefined && data.requester.id !== undefined && String(data.requester_id) !== String(data.requester.id)) return null;
    const requester = participantInRecord(data.requester, 'requester');
    if (!requester) return null;
    const ccs = (Array.isArray(data.cc_emails) ? data.cc_emails : [])
      .map(addressIn)
      .filter((e): e is string => e !== null)
      .map((e) => participant(e, 'cc'));
    return uniqueParticipants([requester, ...ccs]);
  },
};
