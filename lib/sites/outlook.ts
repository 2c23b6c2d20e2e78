import { isHidden, peopleIn, userContentCheck } from './dom';
import { uniqueParticipants, type Conversation, type Participant, type SiteAdapter } from './types';

/**
 * Outlook on the web. Class names are build-hashed and aria-labels are translated, so this
 * reads only ids: the reading pane `#ReadingPaneContainerId`, the conversation subject
 * `CONV_<conversation id>_SUBJECT`, each message header's `MSG_<item>_FROM` / `_TO` / `_CC`
 * and a rendered message body `UniqueMessageBody_<n>` (present only while a message is
 * expanded). Outlook prefixes ids inside a body with "x_", which still ends in "_FROM", so
 * everything inside a body is ignored.
 */
const PANE = '#ReadingPaneContainerId';
const SUBJECT = '[id^="CONV_"][id$="_SUBJECT"]';
const FROM = '[id$="_FROM"]';
const RECIPIENTS: ReadonlyArray<[string, Participant['role']]> = [
  ['_TO', 'to'],
  ['_CC', 'cc'],
];
const BODY = '[id^="UniqueMessageBody"]';
/** A compose form (inline reply, draft) has an editor; its From and To are the agent's. */
const EDITOR = '[contenteditable="true"], [role="textbox"]';

const inBody = userContentCheck(BODY);

/** The message a From header belongs to: its widest ancestor holding no other message's From. */
function messageOf(header: Element, headers: Element[], root: Element): Element {
  let unit = header;
  while (unit.parentElement && unit.parentElement !== root) {
    const parent = unit.parentElement;
    if (headers.some((h) => h !== header && parent.contains(h))) break;
    unit = parent;
  }
  return unit;
}

/** MSG_<item>_FROM → MSG_<item>: the same message's To and Cc share the prefix. */
function prefixOf(id: string): string {
  return id.slice(0, -'_FROM'.length);
}

function conversationIdFromUrl(url: URL): string | null {
  const m = /\/id\/([^/?#]+)/.exec(url.pathname);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

export const outlook: SiteAdapter = {
  id: 'outlook',
  label: 'Outlook',
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],

  readConversation(doc: Document, url: URL): Conversation | null {
    const root = doc.querySelector(PANE) ?? doc.body;
    if (!root || isHidden(root)) return null;

    // Every real message header (not forged inside a body), hidden or not: hidden ones still
    // delimit their own message when grouping.
    const headers = [...root.querySelectorAll(FROM)].filter((el) => !inBody(el));
    const messages = headers
      .filter((header) => !isHidden(header))
      .map((header) => ({ header, unit: messageOf(header, headers, root) }))
      .filter(({ unit }) => ![...unit.querySelectorAll(EDITOR)].some((el) => !inBody(el)));
    // The last expanded message (it has a rendered body) is the one the agent is reading.
    const expanded = messages.filter(({ unit }) => unit.querySelector(BODY));
    const current = expanded[expanded.length - 1] ?? messages[messages.length - 1];
    if (!current) return null;

    // No readable sender address: show nothing rather than promote a recipient to requester.
    const from = peopleIn(current.header, 'from')[0];
    if (!from) return null;
    const prefix = prefixOf(current.header.id);
    const recipients = RECIPIENTS.flatMap(([suffix, role]) => {
      const fields = [...root.querySelectorAll(`[id$="${suffix}"]`)].filter((el) => !inBody(el));
      const own = fields.filter((f) => f.id === prefix + suffix);
      // Fall back to the fields inside the message when the ids do not share a prefix.
      const chosen = own.length > 0 ? own : fields.filter((f) => current.unit.contains(f));
      return chosen.flatMap((f) => peopleIn(f, role));
    });

    const participants = uniqueParticipants([from, ...recipients]);
    const subject = [...root.querySelectorAll(SUBJECT)].find((s) => !inBody(s) && !isHidden(s));
    const key = subject?.id.slice('CONV_'.length, -'_SUBJECT'.length) || conversationIdFromUrl(url) || current.header.id;
    return { key, participants };
  },
};
