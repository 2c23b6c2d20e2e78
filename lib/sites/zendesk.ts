import { isHidden, participantInRecord, userContentCheck } from './dom';
import { isRecord, uniqueParticipants, type Conversation, type Json, type Participant, type SiteAdapter } from './types';

/**
 * Zendesk Support, agent workspace (<subdomain>.zendesk.com/agent/…). Class names are hashed
 * styled-components; the stable hooks are the app's data-test-id attributes and one data
 * attribute per open ticket:
 * - every opened ticket keeps its own pane in the DOM (one per header tab); the panes of the
 *   tabs not selected are hidden (display: none). Each pane's conversation column carries
 *   data-side-conversations-anchor-id="<ticket id>";
 * - the conversation log ([data-test-id="omni-log-container"]) has one article per comment;
 *   its sender ([data-test-id="omni-log-item-sender"]) shows a NAME linking to /agent/users/<id>,
 *   its body ([data-test-id="omni-log-message-content"]) is the email as received, never read;
 * - the requester field ([data-test-id="ticket-system-field-requester-select"]) and the CCs
 *   field show names, not addresses.
 * So the DOM tells which ticket is open and visible, not who asked: the requester's address
 * comes from Zendesk's own API (/api/v2/tickets/<id>.json?include=users, same origin, with the
 * agent's session). Names are never parsed for addresses: a requester chooses their own
 * display name ("Lena Hoffmann <lena.hoffmann@…>") and the app shows it as a tooltip.
 */
const ANCHOR = 'data-side-conversations-anchor-id';
const BODY = '[data-test-id="omni-log-message-content"], .zd-comment, [contenteditable="true"]';
const inBody = userContentCheck(BODY);

function ticketIdFromUrl(url: URL): string | null {
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

export const zendesk: SiteAdapter = {
  id: 'zendesk',
  label: 'Zendesk',
  matches: ['https://*.zendesk.com/agent/*'],

  readConversation(doc: Document, url: URL): Conversation | null {
    // Views, dashboard, search, a user's profile: no ticket open.
    const id = ticketIdFromUrl(url);
    if (!id) return null;
    // The selected tab's pane is the one shown; it must be the ticket the URL names. Right after
    // a click the URL already names the next ticket while the previous pane is still shown:
    // that is "not yet", or the API's answer for the new ticket would be filed under the old one.
    const open = [...doc.querySelectorAll(`[${ANCHOR}]`)].find(
      (el) => el.getAttribute(ANCHOR) === id && !inBody(el) && !isHidden(el, { ariaHidden: false }),
    );
    if (!open) return null;
    // The header shows names only: the requester comes from resolveViaApi.
    return { key: id, participants: [] };
  },

  async resolveViaApi(url, fetchJson): Promise<Participant[] | null> {
    const id = ticketIdFromUrl(url);
    if (!id) return null;
    let data: unknown;
    try {
      data = await fetchJson(`/api/v2/tickets/${id}.json?include=users`);
    } catch {
      return null;
    }
    if (!isRecord(data) || !isRecord(data.ticket)) return null;
    const ticket = data.ticket;
    // The answer must be about the ticket asked for.
    if (idOf(ticket.id) !== id) return null;
    const users = new Map<string, Json>();
    for (const user of Array.isArray(data.users) ? data.users : []) {
      const userId = isRecord(user) ? idOf(user.id) : null;
      if (userId && isRecord(user) && !users.has(userId)) users.set(userId, user);
    }
    const requesterId = idOf(ticket.requester_id);
    const requester = requesterId ? participantInRecord(users.get(requesterId), 'requester') : null;
    if (!requester) return null;
    const ccs = [...idsOf(ticket.email_cc_ids), ...idsOf(ticket.collaborator_ids)]
      .map((ccId) => participantInRecord(users.get(ccId), 'cc'))
      .filter((p): p is Participant => p !== null);
    return uniqueParticipants([requester, ...ccs]);
  },
};
