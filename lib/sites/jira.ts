import { isHidden, peopleUnder, userContentCheck } from './dom';
import { uniqueParticipants, type Conversation, type SiteAdapter } from './types';

/**
 * Jira Service Management (Jira Cloud at *.atlassian.net). Class names are build-hashed
 * atomic CSS; the stable hooks are the issue view's data-testid attributes, which many
 * userscripts and extensions rely on:
 * - the open issue's key: a[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]
 *   (href /browse/<KEY>), one per open issue view (the queue's issue view, an issue modal);
 * - the requester: the Reporter field, div[data-testid="issue.views.field.user.reporter"];
 * - request participants (JSM): div[data-testid="issue.views.field.user.request-participants"].
 * A user's email is not in the visible text: it is the tooltip (title) of the user's name, a
 * data-email attribute or a mailto: link, whichever the field renders. Rich text (description,
 * comments: the Atlaskit renderer's .ak-renderer-document) is attacker-controlled and never read.
 * The customer portal (/servicedesk/customer/portal/<n>/<KEY>) shows the request with its
 * "Raised by" and "Shared with" sections, read the same way.
 */
const CURRENT_ISSUE = '[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]';
const REPORTER = '[data-testid="issue.views.field.user.reporter"]';
const REQUEST_PARTICIPANTS = '[data-testid="issue.views.field.user.request-participants"]';
const PORTAL_REQUEST = '[data-testid="request-details.ui.request-details"]';
const PORTAL_KEY = '[data-testid="request-details.ui.request-key"]';
const PORTAL_RAISED_BY = '[data-testid="request-details.ui.raised-by"]';
const PORTAL_SHARED_WITH = '[data-testid="request-details.ui.shared-with"]';
/** Rich text and editors: whatever is inside is user content, never a header. */
const RICH_TEXT = '.ak-renderer-document, [data-testid*="rich-text"], [contenteditable="true"]';

const inRichText = userContentCheck(RICH_TEXT);

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

function fieldIn(root: Element, selector: string): Element | null {
  return [...root.querySelectorAll(selector)].find((el) => !inRichText(el)) ?? null;
}

/** The issue key the URL points at: /browse/KEY, /queues/custom/<n>/KEY, /portal/<n>/KEY, ?selectedIssue=KEY. */
function keyFromUrl(url: URL): string | null {
  const selected = url.searchParams.get('selectedIssue');
  if (selected && ISSUE_KEY.test(selected)) return selected;
  const segments = url.pathname.split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  return last && ISSUE_KEY.test(last) ? last : null;
}

function keyOf(item: Element): string | null {
  const href = item.getAttribute('href') ?? '';
  const fromHref = /\/browse\/([A-Z][A-Z0-9_]*-\d+)(?:[/?#]|$)/.exec(href)?.[1];
  if (fromHref) return fromHref;
  const text = (item.textContent ?? '').trim();
  return ISSUE_KEY.test(text) ? text : null;
}

/**
 * One open issue view: the nearest ancestor of its key that also holds a Reporter field,
 * so a second view (an issue modal over the queue) never lends its reporter to the first.
 */
function viewRoot(item: Element): Element | null {
  for (let node = item.parentElement; node; node = node.parentElement) {
    if (node.querySelectorAll(CURRENT_ISSUE).length > 1) return null;
    if (fieldIn(node, REPORTER)) return node;
  }
  return null;
}

function conversationFrom(key: string, requester: Element | null, others: Element | null): Conversation | null {
  const first = requester ? peopleUnder(requester, 'requester', inRichText)[0] : undefined;
  if (!first) return null;
  const cc = others ? peopleUnder(others, 'cc', inRichText) : [];
  return { key, participants: uniqueParticipants([first, ...cc]) };
}

function readAgentView(doc: Document, url: URL): Conversation | null {
  const views = [...doc.querySelectorAll(CURRENT_ISSUE)]
    .filter((item) => !inRichText(item) && !isHidden(item, { ariaHidden: false }))
    .map((item) => ({ key: keyOf(item), item }))
    .filter((v): v is { key: string; item: Element } => v.key !== null);
  if (views.length === 0) return null;
  // The issue the URL names; otherwise the last one opened (modals are appended last).
  const wanted = keyFromUrl(url);
  const view = views.find((v) => v.key === wanted) ?? views[views.length - 1];
  if (!view) return null;
  const root = viewRoot(view.item);
  if (!root) return null;
  return conversationFrom(view.key, fieldIn(root, REPORTER), fieldIn(root, REQUEST_PARTICIPANTS));
}

function readPortal(doc: Document, url: URL): Conversation | null {
  const request = [...doc.querySelectorAll(PORTAL_REQUEST)].filter((el) => !inRichText(el) && !isHidden(el, { ariaHidden: false })).pop();
  if (!request) return null;
  const shown = (fieldIn(request, PORTAL_KEY)?.textContent ?? '').trim();
  const key = ISSUE_KEY.test(shown) ? shown : keyFromUrl(url);
  if (!key) return null;
  return conversationFrom(key, fieldIn(request, PORTAL_RAISED_BY), fieldIn(request, PORTAL_SHARED_WITH));
}

export const jira: SiteAdapter = {
  id: 'jira',
  label: 'Jira Service Management',
  // Jira Service Management only: the agent's queues and issues, and the customer portal.
  // Confluence (/wiki/) and the rest of Jira share the host but are no helpdesk.
  matches: ['https://*.atlassian.net/jira/servicedesk/*', 'https://*.atlassian.net/servicedesk/customer/*', 'https://*.atlassian.net/browse/*'],

  readConversation(doc: Document, url: URL): Conversation | null {
    return readAgentView(doc, url) ?? readPortal(doc, url);
  },
};
