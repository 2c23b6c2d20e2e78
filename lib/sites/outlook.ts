import { cutText } from '../text';
import { addressInText, displayNameOf, isHidden, MAX_PAGE_TEXT, participant, peopleIn, userContentCheck } from './dom';
import { found, NO_CONVERSATION, normaliseEmail, uniqueParticipants, type PageRead, type Participant, type SiteAdapter } from './types';

/**
 * Outlook on the web. Class names are build-hashed and aria-labels are translated, so this
 * reads ids, test ids and attributes. Each hook and its public evidence (see docs/site-hooks.md,
 * "Outlook on the web"; `code#<id>` opens with the code index's read_file; P1 = code#71175739612,
 * "PhishLens" content script, 2026; C1 = code#8887750705, "Cloodoo" content script, 2026;
 * OWA = Outlook on the web's own TypeScript source, about 2021; T1 = toggl/track-extension
 * src/content/outlook.js, 2024-09-23):
 *
 * - hosts outlook.office.com, outlook.office365.com, outlook.live.com: C1, T1. confirmed.
 *   outlook.cloud.microsoft: code#56385865550, #52471050365. confirmed.
 * - `#ReadingPaneContainerId`, the reading pane: T1 L36, code#51809317615, #68476107248. confirmed.
 * - `[id^="CONV_"][id$="_SUBJECT"]`, the conversation subject and its id: P1, code#52645189201. confirmed.
 * - `[id^="MSG_"][id$="_FROM"]`, one message's sender: P1, code#68285211155. confirmed. Its text is
 *   "Name<address>" for a sender outside the organisation (code#38872500984, C1) and the name only
 *   for a colleague inside it (P1's header comment; code#68285211155 opens the profile card to get
 *   that address). An `[aria-label]` in it reads "From: Name" (P1, C1, code#58153510444). partly.
 * - `[data-testid="SenderPersona"]`, aria-label = name, title = address (code#53269156337), or an
 *   `[title*="@"]` inside it (code#68285211155); `[title*="@"]` / `[aria-label*="@"]` inside the
 *   sender (code#53405119480). partly: none shows an address for a colleague; a later fallback.
 * - `MSG_<item>_TO`, the message's recipients: code#69167761821. confirmed.
 *   `MSG_<item>_CC`: **unconfirmed** (by analogy with `_TO` only); `[data-testid="RecipientWell"]`
 *   (code#52645189201) is read only when neither field is there. Recipients count only with an
 *   address: a colleague in Cc shown by name is not the requester, and matching every such name
 *   in the directory would put people on the panel on a guess.
 * - `[id^="UniqueMessageBody"]`, a rendered body: P1, C1, code#69167761821. confirmed. Bodies and
 *   editors (an inline reply quotes the original mail) are user content: nothing in them counts.
 * - `[data-testid="SentReceivedSavedTime"]`, a message's date, `title` first then text:
 *   code#58153510444, #22330718734, #66902315357, #68719958727, C1; the text is OWA's user-locale
 *   `formatWeekDayDateTime` (OWA code#12523437064), e.g. "Fri 5/10/2025 11:14 PM"
 *   (code#22330718734). confirmed. `[id$="_DATETIME"]`: C1 only. partly, a later fallback.
 * - drafts: an editor `[contenteditable]` in the message, or a "[Draft]" label (P1 `olIsDraft`). confirmed.
 * - `/id/<conversation id>` in the URL, the key before the subject renders: code#70770340844,
 *   #68346760936. confirmed.
 * - `aria-hidden` is not "hidden" here: Fluent UI sets it on the whole app while a dialog is open
 *   (microsoft/fluentui PR #17925, 2021-04-22; v9 through tabster's modalizer, PR #22051).
 */
const PANE = '#ReadingPaneContainerId';
const SUBJECT = '[id^="CONV_"][id$="_SUBJECT"]';
const SENDER = '[id^="MSG_"][id$="_FROM"]';
const BODY = '[id^="UniqueMessageBody"]';
const EDITOR = '[contenteditable]:not([contenteditable="false"])';
const DATE = '[data-testid="SentReceivedSavedTime"]';
const DATE_BY_ID = '[id$="_DATETIME"]';
const SENDER_PERSONA = '[data-testid="SenderPersona"]';
const RECIPIENT_WELL = '[data-testid="RecipientWell"]';
const RECIPIENT_FIELDS = `[id$="_TO"], [id$="_CC"], ${RECIPIENT_WELL}`;
const RECIPIENTS: ReadonlyArray<[string, Participant['role']]> = [
  ['_TO', 'to'],
  ['_CC', 'cc'],
];
/** A dialog sets aria-hidden on the app behind it: the conversation is still open. */
const NOT_ARIA = { ariaHidden: false };
/**
 * The label Outlook puts on a draft in a conversation, in its UI languages. Matched only as a
 * whole label, outside the sender and the body: a sender cannot hide their message by naming
 * themselves "[Draft]" or writing it in their mail.
 */
const DRAFT_LABEL = /^\[(draft|entwurf|brouillon|borrador|rascunho|bozza|concept)\]$/i;

/** The mail itself and the agent's editors (an inline reply quotes the original mail). */
const USER_CONTENT = `${BODY}, ${EDITOR}`;
const isUserContent = userContentCheck(USER_CONTENT);
/** A body or editor of the page's own (not one nested in what a user wrote), or anything outside them. */
const ownedByPage = (el: Element) => !el.parentElement?.closest(USER_CONTENT);

interface Message {
  header: Element;
  /** The widest part of the page that holds this message's sender and no other message's. */
  unit: Element;
  /** The message card (see cardOf): where a draft's editor or label is looked for. */
  card: Element;
  /** Shown date, as written; null when none could be read. */
  date: ShownDate | null;
  expanded: boolean;
}

const holdsNoOther = (el: Element, headers: Element[], header: Element) => !headers.some((h) => h !== header && el.contains(h));
const holds = (el: Element, selector: string) => [...el.querySelectorAll(selector)].some(ownedByPage);

function unitOf(header: Element, headers: Element[], root: Element): Element {
  let unit = header;
  while (unit.parentElement && unit.parentElement !== root && holdsNoOther(unit.parentElement, headers, header)) unit = unit.parentElement;
  return unit;
}

/**
 * The message card: the smallest ancestor of the sender holding its body; for a collapsed
 * message, the parent of the header block holding its date (the card one level up holds a
 * draft's editor). Never the widest unit: in a conversation of one message that reaches the
 * inline reply form below it, whose editor would make the message look like a draft.
 */
function cardOf(header: Element, headers: Element[], root: Element): Element {
  const within = (el: Element | null): el is Element => el !== null && el !== root && holdsNoOther(el, headers, header);
  const climbTo = (selector: string): Element | null => {
    let el = header;
    while (!holds(el, selector)) {
      if (!within(el.parentElement)) return null;
      el = el.parentElement;
    }
    return el;
  };
  const withBody = climbTo(BODY);
  if (withBody) return withBody;
  const block = climbTo(`${DATE}, ${DATE_BY_ID}`) ?? header;
  return within(block.parentElement) ? block.parentElement : block;
}

const isDraftLabel = (text: string | null) => text !== null && text.length < 24 && DRAFT_LABEL.test(text.trim());

/** A "[Draft]" label: a leaf of its own, outside the sender and anything a user wrote. */
function hasDraftLabel(el: Element, header: Element): boolean {
  for (const child of el.children) {
    if (child === header || child.matches(USER_CONTENT)) continue;
    if (child.children.length > 0 ? hasDraftLabel(child, header) : isDraftLabel(child.textContent)) return true;
  }
  return false;
}

const isDraft = ({ card, header }: Message) => holds(card, EDITOR) || hasDraftLabel(card, header);

// --- Dates --------------------------------------------------------------------------------

/** A date as Outlook writes it in the user's locale, before day and month are told apart. */
interface ShownDate {
  /** The three numbers of the date in the order written. */
  parts: [number, number, number];
  separator: string;
  minutes: number;
  /** An AM/PM marker was written (12-hour clock, which en-US pairs with month first). */
  twelveHour: boolean;
}

/** "5/10/2025", "23.11.2026", "23-11-2026", "2026-11-23", "2026/11/23", "2026. 11. 23". */
const NUMERIC_DATE = /(\d{1,4})\s?([./-])\s?(\d{1,2})\s?\2\s?(\d{1,4})/;
/** "9:14 AM", "21:14", "9:14 p.m.", with any space before the marker (Intl writes U+202F). */
const CLOCK = /(\d{1,2}):(\d{2})(?::\d{2})?\s?(?:([ap])\.?\s?m\b\.?)?/i;

export function parseShownDate(raw: string): ShownDate | null {
  const text = cutText(raw, MAX_PAGE_TEXT);
  const date = NUMERIC_DATE.exec(text);
  if (!date) return null;
  const clock = CLOCK.exec(`${text.slice(0, date.index)} ${text.slice(date.index + date[0].length)}`);
  let minutes = 0;
  if (clock) {
    const hour = Number(clock[1]);
    const minute = Number(clock[2]);
    const pm = clock[3]?.toLowerCase() === 'p';
    if (minute > 59 || hour > 23 || (clock[3] && (hour < 1 || hour > 12))) return null;
    minutes = ((clock[3] ? hour % 12 : hour) + (pm ? 12 : 0)) * 60 + minute;
  }
  return { parts: [Number(date[1]), Number(date[3]), Number(date[4])], separator: date[2]!, minutes, twelveHour: Boolean(clock?.[3]) };
}

/**
 * The dates of one conversation as comparable times (null: not a date). One user sees one
 * locale, so a slashed "3/11/2026" is read like its neighbours: month first when none of them
 * has a first number past 12 and one has a second number past 12 or an AM/PM (en-US); day first
 * otherwise (en-GB, fr, es …). Dots and dashes after the day are day first everywhere; a
 * first number of three or four digits is the year, then month and day.
 */
export function comparableTimes(dates: Array<ShownDate | null>): Array<number | null> {
  const slashed = dates.filter((d): d is ShownDate => d !== null && d.separator === '/' && d.parts[0] < 100);
  const monthFirst = !slashed.some((d) => d.parts[0] > 12) && slashed.some((d) => d.parts[1] > 12 || d.twelveHour);
  return dates.map((d) => {
    if (!d) return null;
    const [a, b, c] = d.parts;
    const [year, month, day] = a >= 100 ? [a, b, c] : d.separator === '/' && monthFirst ? [c, a, b] : [c, b, a];
    const fullYear = year < 100 ? 2000 + year : year;
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return Date.UTC(fullYear, month - 1, day) + d.minutes * 60_000;
  });
}

function dateOf(unit: Element): ShownDate | null {
  for (const el of [...unit.querySelectorAll(DATE), ...unit.querySelectorAll(DATE_BY_ID)]) {
    if (isUserContent(el)) continue;
    const date = parseShownDate(el.getAttribute('title') ?? '') ?? parseShownDate(el.textContent ?? '');
    if (date) return date;
  }
  return null;
}

/**
 * The message whose sender is the requester: the latest by its date. Outlook lists a
 * conversation newest first unless the user chose otherwise (OWA `isNewestOnBottom()`,
 * code#12733284095), so DOM order says nothing for sure. With no readable date: the first
 * expanded message (Outlook expands the latest on opening; newest first by default), else the
 * first one.
 */
function latest(messages: Message[]): Message | undefined {
  const times = comparableTimes(messages.map((m) => m.date));
  let best = -1;
  times.forEach((t, i) => {
    if (t !== null && (best < 0 || t > times[best]!)) best = i;
  });
  return best >= 0 ? messages[best] : (messages.find((m) => m.expanded) ?? messages[0]);
}

// --- The sender ---------------------------------------------------------------------------

/** Text with a leading field label ("From:", "De :", "发件人：") removed: names hold no colon. */
function afterLabel(text: string): string {
  const colon = text.search(/[:：]/);
  return colon >= 0 ? text.slice(colon + 1) : text;
}

function addressIn(text: string | null | undefined): string | null {
  const address = text ? addressInText(text) : null;
  return address ? normaliseEmail(address) : null;
}

/** A name from header text: any "<address>" and label dropped; null if an address remains. */
function nameIn(text: string | null | undefined): string | undefined {
  return displayNameOf(afterLabel(cutText(text ?? '', MAX_PAGE_TEXT)).replace(/<[^<>]*>/g, ' '));
}

const inHeader = (header: Element, selector: string) => [header, ...header.querySelectorAll(selector)].filter((el) => el.matches(selector));

/**
 * The sender, from the header only: the `_FROM` text ("Name<address>"), an address in an
 * aria-label or title inside it, then a sender persona of the same message. Without an address,
 * the name alone, as Outlook shows a colleague.
 */
function senderOf(message: Message): Participant | null {
  const { header, unit } = message;
  const labels = inHeader(header, '[aria-label]').map((el) => el.getAttribute('aria-label'));
  const titles = inHeader(header, '[title]').map((el) => el.getAttribute('title'));
  const personas = [...unit.querySelectorAll(SENDER_PERSONA)].filter((el) => !isUserContent(el) && !el.closest(RECIPIENT_FIELDS));
  const personaTitles = personas.flatMap((p) => [p, ...p.querySelectorAll('[title]')].map((el) => el.getAttribute('title')));

  const text = header.textContent;
  const email = [text, ...labels, ...titles, ...personaTitles].map(addressIn).find(Boolean);
  const name = nameIn(text) ?? labels.map(nameIn).find(Boolean) ?? personas.map((p) => nameIn(p.getAttribute('aria-label'))).find(Boolean);
  if (email) return participant(email, 'from', name);
  return name ? { name, role: 'from' } : null;
}

function recipientsOf(message: Message): Participant[] {
  const prefix = message.header.id.slice(0, -'_FROM'.length);
  const fields = (scope: Element, selector: string) => [...scope.querySelectorAll(selector)].filter((el) => !isUserContent(el));
  const own = RECIPIENTS.flatMap(([suffix, role]) => fields(message.unit, `[id$="${suffix}"]`).filter((f) => f.id === prefix + suffix).map((f) => [f, role] as const));
  // Without this message's own fields, those on its card (never the reply form below it).
  const chosen = own.length > 0 ? own : RECIPIENTS.flatMap(([suffix, role]) => fields(message.card, `[id$="${suffix}"]`).map((f) => [f, role] as const));
  const wells = chosen.length > 0 ? [] : fields(message.card, RECIPIENT_WELL).map((f) => [f, 'to'] as const);
  return [...chosen, ...wells].flatMap(([field, role]) => peopleIn(field, role));
}

// --- The page -----------------------------------------------------------------------------

function keyFromUrl(url: URL): string | null {
  if (!url.pathname.startsWith('/mail')) return null;
  const id = /\/id\/([^/?#]+)/.exec(url.pathname)?.[1];
  if (!id) return null;
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

export function readOutlook(doc: Document, url: URL): PageRead {
  const urlKey = keyFromUrl(url);
  const pane = doc.querySelector(PANE);
  const root = pane ?? doc.body;
  if (!root || isHidden(root, NOT_ARIA)) return urlKey ? { status: 'reading', key: urlKey, waitingFor: PANE } : NO_CONVERSATION;

  const subject = [...root.querySelectorAll(SUBJECT)].find((el) => !isUserContent(el) && !isHidden(el, NOT_ARIA));
  // Every real sender, hidden or not: a hidden one still bounds its own message.
  const headers = [...root.querySelectorAll(SENDER)].filter((el) => !isUserContent(el));
  const messages: Message[] = headers
    .filter((header) => !isHidden(header, NOT_ARIA))
    .map((header) => {
      const unit = unitOf(header, headers, root);
      const card = cardOf(header, headers, root);
      return { header, unit, card, date: dateOf(unit), expanded: holds(unit, BODY) };
    });
  const sent = messages.filter((m) => !isDraft(m));
  const key = subject?.id.slice('CONV_'.length, -'_SUBJECT'.length) || urlKey || sent[0]?.header.id;

  if (!key) return NO_CONVERSATION;
  // A draft alone (opened from Drafts) is the agent's own mail: no one asked anything.
  if (sent.length === 0 && messages.length > 0) return NO_CONVERSATION;
  const current = latest(sent);
  if (!current) return { status: 'reading', key, waitingFor: subject ? `${SENDER} (sender)` : `${SUBJECT}, ${SENDER} (conversation)` };
  const from = senderOf(current);
  if (!from) return { status: 'unreadable', key, failed: `${SENDER}: no address or name` };
  return found({ key, participants: uniqueParticipants([from, ...recipientsOf(current)]) });
}

export const outlook: SiteAdapter = {
  id: 'outlook',
  label: 'Outlook',
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],

  read: readOutlook,
};
