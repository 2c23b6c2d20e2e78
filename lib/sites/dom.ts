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

/** One participant; the name only when the site shows one. */
export function participant(email: string, role: ParticipantRole, name?: string): Participant {
  return name ? { email, role, name } : { email, role };
}

/** A person in a site's own API answer ({ email, name }); null without a valid address. */
export function participantInRecord(record: Json | undefined, role: ParticipantRole): Participant | null {
  const email = normaliseEmail(typeof record?.email === 'string' ? record.email : null);
  return email ? participant(email, role, displayNameOf(record?.name)) : null;
}

const ANGLED = /([^<>,;]*)<\s*([^<>\s]+)\s*>/g;

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
    for (const [, rawName, rawEmail] of (field.textContent ?? '').matchAll(ANGLED)) {
      const email = normaliseEmail(rawEmail);
      if (!email) continue;
      // Drop a leading field label ("To:", "An:"): names do not contain colons.
      found.push(participant(email, role, rawName?.split(':').pop()?.trim()));
    }
  }
  return found;
}

/** An address written inside text ("Ada Lovelace (ada@acme.example)"). */
export const EMAIL_IN_TEXT = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+\.[^\s<>()[\]"',;:]+/;

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
  const title = el.getAttribute('title');
  const found = title ? EMAIL_IN_TEXT.exec(title) : null;
  return found ? normaliseEmail(found[0]) : null;
}

/** A person's name as a site shows it: whitespace collapsed; text holding an address is not a name. */
export function displayNameOf(raw: unknown): string | undefined {
  const text = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
  return text && !EMAIL_IN_TEXT.test(text) ? text : undefined;
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
