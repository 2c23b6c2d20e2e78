import { cutText } from '../text';
import { normaliseEmail, type Json, type Participant, type ParticipantRole } from './types';

/**
 * Small DOM readers shared by adapters. Apps keep earlier views in the DOM and hide them,
 * so "present" is not "open"; and a person's address sits in a title attribute, a mailto
 * link, or "Name <address>" text, depending on the app.
 */
export function isHidden(el: Element, { ariaHidden = true }: { ariaHidden?: boolean } = {}): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
    if (ariaHidden && node.getAttribute('aria-hidden') === 'true') return true;
    if (/display\s*:\s*none/i.test(node.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/**
 * A site's check for what its users wrote (message bodies, comments, rich text, editors):
 * true for an element that is, or sits inside, one matching `selector`. That content is
 * attacker-controlled, so no address is ever read from it, however header-like it looks.
 */
export function userContentCheck(selector: string): (el: Element) => boolean {
  return (el) => el.closest(selector) !== null;
}

/**
 * Names and titles are cut to this many characters before anything reads them. The page
 * decides what they hold (a requester picks their own display name), and every pattern run
 * over them then works on a bounded string. An address is at most 254 characters; a name
 * this long is already far past what the panel shows.
 */
export const MAX_PAGE_TEXT = 320;

/** One participant; the name (cut to MAX_PAGE_TEXT) only when the site shows one. */
export function participant(email: string, role: ParticipantRole, name?: string): Participant {
  const shown = name ? cutText(name, MAX_PAGE_TEXT).trim() : '';
  return shown ? { email, role, name: shown } : { email, role };
}

/** A person in a site's own API answer ({ email, name }); null without a valid address. */
export function participantInRecord(record: Json | undefined, role: ParticipantRole): Participant | null {
  const email = normaliseEmail(typeof record?.email === 'string' ? record.email : null);
  return email ? participant(email, role, displayNameOf(record?.name)) : null;
}

/**
 * An address in angle brackets. The name before it is found by slicing, not by a leading
 * `[^<>,;]*` in the pattern: that one would be retried from every character of a long text
 * without brackets, and take time quadratic in its length.
 */
const ANGLED_ADDRESS = /<\s*([^<>\s]+)\s*>/g;
/** What ends a name to the left of its "<address>": the previous address, or a list separator. */
const NAME_START = /[<>,;]/;

/** Each "Name <address>" in text: the address as written, and the text before it back to the previous one or a separator. */
function angledAddresses(text: string): Array<{ rawName: string; rawEmail: string }> {
  const found: Array<{ rawName: string; rawEmail: string }> = [];
  let from = 0;
  for (const m of text.matchAll(ANGLED_ADDRESS)) {
    found.push({ rawName: text.slice(from, m.index).split(NAME_START).pop() ?? '', rawEmail: m[1]! });
    from = m.index + m[0].length;
  }
  return found;
}

/** People shown in one header field: elements whose title or mailto link holds the address, else "Name <address>" text. */
export function peopleIn(field: Element, role: ParticipantRole): Participant[] {
  const found: Participant[] = [];
  for (const el of [field, ...field.querySelectorAll('[title], a[href^="mailto:"]')]) {
    const email = normaliseEmail(el.getAttribute('title')) ?? normaliseEmail(el.getAttribute('href')?.split('?')[0]);
    if (!email) continue;
    const text = el.textContent?.trim();
    found.push(participant(email, role, text && !normaliseEmail(text) ? text : undefined));
  }
  if (found.length === 0) {
    for (const { rawName, rawEmail } of angledAddresses(field.textContent ?? '')) {
      const email = normaliseEmail(rawEmail);
      if (!email) continue;
      // Drop a leading field label ("To:", "An:"): names do not contain colons.
      found.push(participant(email, role, rawName.split(':').pop()?.trim()));
    }
  }
  return found;
}

/** What surrounds an address written in text: whitespace, brackets, quotes, list punctuation. */
const AROUND_ADDRESS = /[\s<>()[\]"',;:]+/;
/**
 * One whole token shaped like an address: something, one @, a domain with a dot inside.
 * Anchored, and no two parts can match the same characters, so a token that is not an
 * address fails in one pass (an unanchored pattern retried at every "@" of "a@a@a@…" does not).
 */
const ADDRESS_TOKEN = /^[^@]+@[^@.]+\.[^@]+$/;

/** The first address written inside text ("Ada Lovelace (ada@acme.example)"), looked for in its first MAX_PAGE_TEXT characters. */
export function addressInText(text: string): string | null {
  for (const token of cutText(text, MAX_PAGE_TEXT).split(AROUND_ADDRESS)) {
    if (ADDRESS_TOKEN.test(token)) return token;
  }
  return null;
}

/** The address an element carries: a mailto link (decoded), a data-email attribute, or a title tooltip. */
export function emailOf(el: Element): string | null {
  const href = el.getAttribute('href');
  if (href && /^mailto:/i.test(href)) {
    let address = href.replace(/^mailto:/i, '').split('?')[0] ?? '';
    try {
      address = decodeURIComponent(address);
    } catch {
      // Keep it as written.
    }
    return normaliseEmail(address);
  }
  const data = normaliseEmail(el.getAttribute('data-email'));
  if (data) return data;
  const found = addressInText(el.getAttribute('title') ?? '');
  return found ? normaliseEmail(found) : null;
}

/** A person's name as a site shows it: whitespace collapsed, cut to MAX_PAGE_TEXT; text holding an address is not a name. */
export function displayNameOf(raw: unknown): string | undefined {
  const text = typeof raw === 'string' ? cutText(raw.replace(/\s+/g, ' ').trim(), MAX_PAGE_TEXT).trimEnd() : '';
  return text && !addressInText(text) ? text : undefined;
}

const EMAIL_HOLDERS = 'a[href^="mailto:" i], [data-email], [title]';

/**
 * Every address shown under `scope`, in order, each once, with the name beside it (a later
 * duplicate may supply the name). `isUserContent` skips what the site's users wrote.
 */
export function peopleUnder(scope: Element, role: ParticipantRole, isUserContent: (el: Element) => boolean): Participant[] {
  const found: Participant[] = [];
  for (const el of [scope, ...scope.querySelectorAll(EMAIL_HOLDERS)]) {
    if (isUserContent(el)) continue;
    const email = emailOf(el);
    if (!email) continue;
    const name = displayNameOf(el.textContent);
    const seen = found.find((p) => p.email === email);
    if (!seen) found.push(participant(email, role, name));
    else if (!seen.name && name) seen.name = name;
  }
  return found;
}
