/**
 * A site adapter is data plus small pure functions over the page's DOM. It knows
 * nothing of storage or messaging: the content script runs it and sends what it finds.
 * Adding a site: see SITES in ./index.ts.
 */
export type ParticipantRole = 'from' | 'to' | 'cc' | 'requester';

export interface Participant {
  /** Lower-cased email address. */
  email: string;
  /** The name as the site shows it, when it shows one. */
  name?: string;
  role: ParticipantRole;
}

export interface Conversation {
  /** Stable id of the open message thread or ticket (for change detection). */
  key: string;
  /** Requester first (the sender of the last expanded message, the ticket's requester), then to/cc. */
  participants: Participant[];
}

export interface SiteAdapter {
  /** Short id used in messages and settings, e.g. 'gmail'. */
  id: string;
  /** Human name for the options page. */
  label: string;
  /** Match patterns (manifest syntax) of the pages this adapter handles. */
  matches: string[];
  /**
   * The open conversation read from the page header (never the body: addresses in
   * message bodies are attacker-controlled), or null when no conversation is open
   * (inbox list, search results, settings).
   */
  readConversation(doc: Document, url: URL): Conversation | null;
  /**
   * Optional: ask the site's own same-origin API for the requester, with the agent's
   * session (Zendesk and Freshdesk headers show a name, not an email). Returns null
   * when the API is unavailable; the content script then keeps the DOM result.
   */
  resolveViaApi?(url: URL, fetchJson: (path: string) => Promise<unknown>): Promise<Participant[] | null>;
  /**
   * The element whose subtree changes when the user navigates between conversations;
   * the content script observes it. Defaults to document.body.
   */
  observeRoot?(doc: Document): Element | null;
}

/** Longer than any address (64 characters, @, a 255-character domain): not an address. */
const MAX_EMAIL_LENGTH = 320;

export function normaliseEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const email = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH) return null;
  // Deliberately loose: one @, something either side, a dot inside the domain, no spaces. The
  // lookup decides the rest. The dot is found by indexOf: a pattern with a dot between two
  // runs of the same characters backtracks quadratically on a long domain.
  const domain = /^[^\s@<>]+@([^\s@<>]+)$/.exec(email)?.[1];
  const dot = domain?.indexOf('.', 1) ?? -1;
  return domain && dot > 0 && dot < domain.length - 1 ? email : null;
}

/** Deduplicate by email, keeping the first (most important) role. */
export function uniqueParticipants(list: Participant[]): Participant[] {
  const seen = new Set<string>();
  return list.filter((p) => (seen.has(p.email) ? false : (seen.add(p.email), true)));
}

/** A JSON object from a site's API: untrusted, so every field is checked where it is read. */
export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
