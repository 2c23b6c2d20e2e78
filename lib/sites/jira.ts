import { displayNameOf, isHidden, participant, peopleUnder, userContentCheck } from './dom';
import {
  answerOrNull,
  found,
  isRecord,
  NO_CONVERSATION,
  normaliseEmail,
  uniqueParticipants,
  type FetchJson,
  type PageRead,
  type Participant,
  type ParticipantRole,
  type SiteAdapter,
} from './types';

/**
 * Jira Service Management (Jira Cloud at *.atlassian.net). The URL names the issue; the
 * requester comes from Atlassian's REST API on the agent's session, because the issue view
 * shows people by display name only. The issue view's data-testid hooks are the fallback (a
 * name, matched by name). Class names are build-hashed atomic CSS and never used. Evidence
 * (J3 = victordevtavares/liferay-jira-userscript userscript.js, 6c403e4a, 2025-12-16; code#<id> =
 * files in the public code index; docs/site-hooks.md §Jira):
 *
 * | hook | used for | evidence | status |
 * |---|---|---|---|
 * | `https://*.atlassian.net/{jira/servicedesk,servicedesk/customer,browse}/*` | JSM agent view, portal, issue links | J3 (`liferay.atlassian.net`); code#34144032856, code#10129486350 | confirmed |
 * | URL `/browse/KEY`, `/jira/servicedesk/projects/P/queues/custom/N/KEY`, `?selectedIssue=KEY`, `/servicedesk/customer/portal/N/KEY` | the issue key | code#33147614888; code#34144032856; code#57990366823; code#10129486350; J3 takes the last `[A-Z]+-\d+` of the URL | confirmed |
 * | `GET /rest/servicedeskapi/request/{key}?expand=participant` → `issueKey`, `reporter{accountId,displayName,emailAddress}`, `participants.values[]` | requester and request participants | developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-get; jira.js `getCustomerRequestByIdOrKey` (code#62523641453; mrrefactoring.github.io/jira.js, `participants?: PagedUser`) | confirmed (docs); session use **partly** (J3 shows it for /rest/api/3 only) |
 * | `GET /rest/servicedeskapi/request/{key}/participant` → `values[]` | participants when the request answer has none expanded | developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-participant-get; jira.js `getRequestParticipants` | confirmed (docs) |
 * | `GET /rest/api/3/issue/{key}?fields=reporter` → `key`, `fields.reporter` | requester when the request endpoint has no answer (not a JSM request, no permission) | developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get; session use: J3 L246-247 (`fetch('/rest/api/3/issue/${issueKey}?fields=…')`, no token) | confirmed |
 * | `emailAddress` null or absent | the user hides their address (profile visibility): reported by name, `addressHidden` | JSM `UserDTO.emailAddress` "may be returned as null" (atlassian_apis on pub.dev); developer.atlassian.com/cloud/confluence/profile-visibility/ (2026-01-30); Atlassian KB "Retrieving email addresses of users through Jira Cloud REST API" (2024-12-31) | confirmed |
 * | 429 (with `Retry-After`) | back off | developer.atlassian.com/cloud/jira/platform/rate-limiting/ | confirmed |
 * | `a[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]`, key as text (child `span`) or `href` `/browse/KEY` | the open issue view's key | code#25245727257, code#54281178101 (`… > span`, key as text); code#32287300662, code#60675227203 | confirmed (text); `href` unconfirmed |
 * | `[data-testid="issue.views.field.user.reporter"]`, then `[data-testid="issue.issue-view-layout.issue-view-reporter-field.reporter"]` | the Reporter field | code#33147614888, code#58346510656, code#27433247254, code#53468975458; the second: code#53722093317 | confirmed; the second partly |
 * | `[data-testid="issue.views.field.user.reporter.name.wrapper"]`, else the field's last text `span` | the reporter's display name | code#20293738 (name wrapper's text); code#17808307166 (`… span:last-child`), code#13230618231, code#36301315041 (nested span) | confirmed: **a name, no address** |
 * | address in `title`, `data-email` or `mailto:` inside a user field | an address, where a field shows one | nothing public | **unconfirmed**: taken only when present |
 * | `[data-testid="issue.views.field.user.request-participants"]` | Cc (addresses only) | nothing public (the field type is `com.atlassian.servicedesk:sd-request-participants`, code#4320039636) | **unconfirmed** |
 * | portal `[data-testid="request-details.ui.request-details"]`, `….request-key`, `….raised-by`, `….shared-with` | the customer portal's request page | nothing public | **unconfirmed** |
 * | `.ak-renderer-document`, `[data-testid*="rich-text"]`, `[contenteditable="true"]` | what users wrote: never read | `[data-testid="issue.views.field.rich-text.description"]`: code#58346510656, code#54660602425 | confirmed |
 */
const CURRENT_ISSUE = '[data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item"]';
const REPORTER = '[data-testid="issue.views.field.user.reporter"], [data-testid="issue.issue-view-layout.issue-view-reporter-field.reporter"]';
const REPORTER_NAME = '[data-testid="issue.views.field.user.reporter.name.wrapper"]';
const REQUEST_PARTICIPANTS = '[data-testid="issue.views.field.user.request-participants"]';
const PORTAL_REQUEST = '[data-testid="request-details.ui.request-details"]';
const PORTAL_KEY = '[data-testid="request-details.ui.request-key"]';
const PORTAL_RAISED_BY = '[data-testid="request-details.ui.raised-by"]';
const PORTAL_SHARED_WITH = '[data-testid="request-details.ui.shared-with"]';
/** Rich text and editors: whatever is inside is user content, never a header. */
const RICH_TEXT = '.ak-renderer-document, [data-testid*="rich-text"], [contenteditable="true"]';
/** A field's label ("Reporter", "Raised by"), never a name. */
const LABEL = 'h1, h2, h3, h4, label, [role="heading"]';

const inRichText = userContentCheck(RICH_TEXT);

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;
const PORTAL_PATH = /^\/servicedesk\/customer\/portal\/\d+\//;
/** More request participants than any panel lists: the watcher keeps fewer. */
const MAX_API_PARTICIPANTS = 50;

/** The issue key the URL names: ?selectedIssue=KEY, else the last path segment (/browse/KEY, /queues/custom/<n>/KEY, /portal/<n>/KEY). */
function keyFromUrl(url: URL): string | null {
  const selected = url.searchParams.get('selectedIssue');
  if (selected && ISSUE_KEY.test(selected)) return selected;
  const segments = url.pathname.split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  return last && ISSUE_KEY.test(last) ? last : null;
}

// ---- The page ----

function fieldIn(root: Element, selector: string): Element | null {
  return [...root.querySelectorAll(selector)].find((el) => !inRichText(el)) ?? null;
}

function keyOf(item: Element): string | null {
  const text = (item.textContent ?? '').trim();
  if (ISSUE_KEY.test(text)) return text;
  return /\/browse\/([A-Z][A-Z0-9_]*-\d+)(?:[/?#]|$)/.exec(item.getAttribute('href') ?? '')?.[1] ?? null;
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

/** The display name a user field shows: its name wrapper, else its last text span that is not the field's label. */
function shownName(field: Element, nameSelector: string | null): string | undefined {
  const wrapper = nameSelector ? fieldIn(field, nameSelector) : null;
  if (wrapper) return displayNameOf(wrapper.textContent);
  const spans = [...field.querySelectorAll('span')].filter((s) => s.childElementCount === 0 && !s.closest(LABEL) && !inRichText(s));
  for (const span of spans.reverse()) {
    const name = displayNameOf(span.textContent);
    if (name) return name;
  }
  return undefined;
}

/** The one person a user field shows: by address where it carries one, else by the name it shows. */
function personIn(field: Element, role: ParticipantRole, nameSelector: string | null): Participant | null {
  const addressed = peopleUnder(field, role, inRichText)[0];
  if (addressed) return addressed;
  const name = shownName(field, nameSelector);
  return name ? { name, role } : null;
}

function conversationRead(key: string, requesterField: Element, requesterHook: string, nameSelector: string | null, others: Element | null): PageRead {
  const requester = personIn(requesterField, 'requester', nameSelector);
  if (!requester) return { status: 'unreadable', key, failed: `${requesterHook} shows no name` };
  // Request participants are read by address only: their field's markup is unconfirmed.
  const cc = others ? peopleUnder(others, 'cc', inRichText) : [];
  return found({ key, participants: uniqueParticipants([requester, ...cc]) });
}

function readAgentView(doc: Document, url: URL): PageRead {
  const wanted = keyFromUrl(url);
  const views = [...doc.querySelectorAll(CURRENT_ISSUE)]
    .filter((item) => !inRichText(item) && !isHidden(item, { ariaHidden: false }))
    .map((item) => ({ key: keyOf(item), item }))
    .filter((v): v is { key: string; item: Element } => v.key !== null);
  // The issue the URL names; with none named, the last one opened (modals are appended last).
  const view = wanted ? views.find((v) => v.key === wanted) : views[views.length - 1];
  if (!view) return wanted ? { status: 'reading', key: wanted, waitingFor: `${CURRENT_ISSUE} for ${wanted}` } : NO_CONVERSATION;
  const root = viewRoot(view.item);
  const reporter = root ? fieldIn(root, REPORTER) : null;
  if (!root || !reporter) return { status: 'reading', key: view.key, waitingFor: '[data-testid="issue.views.field.user.reporter"]' };
  return conversationRead(view.key, reporter, '[data-testid="issue.views.field.user.reporter"]', REPORTER_NAME, fieldIn(root, REQUEST_PARTICIPANTS));
}

function readPortal(doc: Document, url: URL): PageRead {
  const wanted = keyFromUrl(url);
  if (!wanted) return NO_CONVERSATION;
  const request = [...doc.querySelectorAll(PORTAL_REQUEST)].filter((el) => !inRichText(el) && !isHidden(el, { ariaHidden: false })).pop();
  const shown = request ? (fieldIn(request, PORTAL_KEY)?.textContent ?? '').trim() : '';
  // The previous request stays on screen until the portal has loaded the next.
  if (!request || (ISSUE_KEY.test(shown) && shown !== wanted)) return { status: 'reading', key: wanted, waitingFor: `${PORTAL_REQUEST} for ${wanted}` };
  const raisedBy = fieldIn(request, PORTAL_RAISED_BY);
  if (!raisedBy) return { status: 'reading', key: wanted, waitingFor: PORTAL_RAISED_BY };
  return conversationRead(wanted, raisedBy, PORTAL_RAISED_BY, null, fieldIn(request, PORTAL_SHARED_WITH));
}

function readIssue(doc: Document, url: URL): PageRead {
  return PORTAL_PATH.test(url.pathname) ? readPortal(doc, url) : readAgentView(doc, url);
}

// ---- The API ----

/**
 * One Atlassian user object (JSM `UserDTO`, platform `User`): by address, or by display name
 * when the address is null or absent (the user's profile visibility hides it). Anything else
 * (no accountId, an address that is no address, no name) is not a user.
 */
function userIn(value: unknown, role: ParticipantRole): Participant | null {
  if (!isRecord(value) || typeof value.accountId !== 'string' || !value.accountId) return null;
  const name = displayNameOf(value.displayName);
  const raw = value.emailAddress;
  if (raw === null || raw === undefined || raw === '') return name ? { name, role, addressHidden: true } : null;
  const email = typeof raw === 'string' ? normaliseEmail(raw) : null;
  return email ? participant(email, role, name) : null;
}

/** A page of users (`PagedDTOUserDTO`): its `values`, each checked; null when it is no such page. */
function usersIn(page: unknown, role: ParticipantRole): Participant[] | null {
  if (!isRecord(page) || !Array.isArray(page.values)) return null;
  return page.values
    .slice(0, MAX_API_PARTICIPANTS)
    .map((v) => userIn(v, role))
    .filter((p): p is Participant => p !== null);
}


/** The JSM request: reporter first, then its participants (expanded, else from their own endpoint). */
async function fromServiceDesk(key: string, fetchJson: FetchJson, signal: AbortSignal): Promise<Participant[] | null> {
  const request: unknown = await answerOrNull(fetchJson, `/rest/servicedeskapi/request/${key}?expand=participant`, signal);
  if (!isRecord(request) || request.issueKey !== key) return null;
  const reporter = userIn(request.reporter, 'requester');
  if (!reporter) return null;
  let cc = usersIn(request.participants, 'cc');
  if (!cc && !signal.aborted) cc = usersIn(await answerOrNull(fetchJson, `/rest/servicedeskapi/request/${key}/participant`, signal), 'cc');
  return uniqueParticipants([reporter, ...(cc ?? [])]);
}

/** The platform issue's reporter: for an issue the request endpoint does not answer for. */
async function fromIssue(key: string, fetchJson: FetchJson, signal: AbortSignal): Promise<Participant[] | null> {
  const issue: unknown = await answerOrNull(fetchJson, `/rest/api/3/issue/${key}?fields=reporter`, signal);
  if (!isRecord(issue) || issue.key !== key || !isRecord(issue.fields)) return null;
  const reporter = userIn(issue.fields.reporter, 'requester');
  return reporter ? [reporter] : null;
}

async function participantsFromApi(key: string, fetchJson: FetchJson, signal: AbortSignal): Promise<Participant[] | null> {
  if (!ISSUE_KEY.test(key)) return null;
  const request = await fromServiceDesk(key, fetchJson, signal);
  if (request || signal.aborted) return request;
  return fromIssue(key, fetchJson, signal);
}

export const jira: SiteAdapter = {
  id: 'jira',
  label: 'Jira Service Management',
  // Jira Service Management only: the agent's queues and issues, and the customer portal.
  // Confluence (/wiki/) and the rest of Jira share the host but are no helpdesk.
  matches: ['https://*.atlassian.net/jira/servicedesk/*', 'https://*.atlassian.net/servicedesk/customer/*', 'https://*.atlassian.net/browse/*'],

  read: readIssue,

  api: {
    keyFromUrl,
    participants: participantsFromApi,
  },
};
