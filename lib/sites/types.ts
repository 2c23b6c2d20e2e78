/**
 * A site adapter is data plus small pure functions over the page's DOM. It knows
 * nothing of storage or messaging: the content script runs it and sends what it finds.
 * Adding a site: see SITES in ./index.ts.
 */
export type ParticipantRole = 'from' | 'to' | 'cc' | 'requester';

/**
 * A person the page shows. Most sites show an address; some show only a name (Outlook on the
 * web for a colleague in the same organisation, Jira when Atlassian's privacy settings hide
 * the address). Those are matched by name in the directory, and the panel says so.
 */
export type Participant = AddressedParticipant | NamedParticipant;

export interface AddressedParticipant {
  /** Lower-cased email address. */
  email: string;
  /** The name as the site shows it, when it shows one. */
  name?: string;
  role: ParticipantRole;
}

export interface NamedParticipant {
  email?: undefined;
  /** The name as the site shows it: the only thing known of this person. */
  name: string;
  role: ParticipantRole;
  /** The site says it hides the address (Atlassian's profile visibility), rather than not showing one. */
  addressHidden?: true;
}

export interface Conversation {
  /** Stable id of the open message thread or ticket (for change detection). */
  key: string;
  /** Requester first (the sender of the latest message from someone else, the ticket's requester), then to/cc. */
  participants: Participant[];
}

/**
 * What an adapter makes of the page. Never silent: a page that names a conversation but
 * whose requester cannot be found says which hook failed, so the panel can tell "not in
 * Personio" from "Sidecard can't read this page".
 */
export type PageRead =
  /** No conversation open: a list, a search, settings. The panel hides. */
  | { status: 'none' }
  /** A conversation is open (`key`), but what names its requester is not there yet: `waitingFor` is that hook. */
  | { status: 'reading'; key: string; waitingFor: string }
  | { status: 'found'; conversation: Conversation }
  /** A conversation is open, and the hook `failed` shows no one. */
  | { status: 'unreadable'; key: string; failed: string };

export const NO_CONVERSATION: PageRead = { status: 'none' };
export const found = (conversation: Conversation): PageRead => ({ status: 'found', conversation });

/** Reads a site's same-origin JSON API with the agent's session; throws SiteApiError on a non-2xx answer. */
export type FetchJson = (path: string, signal: AbortSignal) => Promise<unknown>;

/** A non-2xx answer from a site's API. `retryAfterMs` is set from a 429's Retry-After. */
export class SiteApiError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(`HTTP ${status}`);
    this.name = 'SiteApiError';
  }
}

/** One API call's answer; a failed call is no answer, except a 429, which goes to the watcher (it backs off). */
export async function answerOrNull(fetchJson: FetchJson, path: string, signal: AbortSignal): Promise<unknown> {
  try {
    return await fetchJson(path, signal);
  } catch (error) {
    if (error instanceof SiteApiError && error.status === 429) throw error;
    return null;
  }
}

/**
 * A helpdesk API on the agent's own session (same origin, the site's cookies, never a token
 * of ours). The watcher asks it once per conversation the URL names, before the DOM has
 * settled, and cancels the call when the agent moves on.
 */
export interface SiteApi {
  /** The conversation the URL names (a ticket id, an issue key), or null when it names none. */
  keyFromUrl(url: URL): string | null;
  /**
   * The participants, requester first. null: the API has no answer for this conversation
   * (not found, not allowed, malformed); the DOM's result stands. Throws SiteApiError on
   * 429 so the watcher backs off instead of asking again on every DOM change.
   */
  participants(key: string, fetchJson: FetchJson, signal: AbortSignal): Promise<Participant[] | null>;
}

export interface SiteAdapter {
  /** Short id used in messages and settings, e.g. 'gmail'. */
  id: string;
  /** Human name for the options page. */
  label: string;
  /** Match patterns (manifest syntax) of the pages this adapter handles. */
  matches: string[];
  /** No public evidence confirms how the app marks its requester: the options page and docs say "beta". */
  beta?: boolean;
  /**
   * The open conversation read from the page header (never the body: addresses in message
   * bodies are attacker-controlled), as a status.
   */
  read(doc: Document, url: URL): PageRead;
  /** The site's own API, asked first where it has one (see SiteApi). */
  api?: SiteApi;
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

/**
 * How a participant is told apart in a conversation: the address, or for someone shown by
 * name only, the name (case and spacing folded).
 */
export function participantKey(p: Participant): string {
  return p.email ?? `name:${p.name.replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

/** Deduplicate by address (or name, for those shown by name only), keeping the first (most important) role. */
export function uniqueParticipants(list: Participant[]): Participant[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = participantKey(p);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** A JSON object from a site's API: untrusted, so every field is checked where it is read. */
export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A conversation read from the page, or none open. */
export function readFrom(conversation: Conversation | null): PageRead {
  return conversation ? found(conversation) : NO_CONVERSATION;
}
