import { MAX_NAME_LENGTH, MAX_PARTICIPANTS } from '../channels';
import { SiteApiError, uniqueParticipants, type Conversation, type FetchJson, type PageRead, type Participant, type SiteAdapter } from './types';

/**
 * Reads the open conversation whenever the page changes, and says what it found. Single-page
 * apps change the URL before they swap the DOM, so the DOM (a MutationObserver), not the URL,
 * is the signal; reads are debounced. Where the site has an API on the agent's session, it is
 * asked first, on the conversation the URL names, once per conversation. Pure DOM and timers,
 * no extension APIs, so it is unit-tested with happy-dom.
 */

/** What the content script tells the background: the adapter's status, settled over time. */
export type PageReport =
  | { status: 'none' }
  | { status: 'reading'; key: string }
  | { status: 'found'; conversation: Conversation }
  | { status: 'unreadable'; key: string; failed: string };

export interface WatchOptions {
  adapter: SiteAdapter;
  doc: Document;
  /** Called with each report that differs from the last one. */
  onChange: (report: PageReport) => void;
  fetchJson?: FetchJson;
  debounceMs?: number;
  /** How long the DOM may take to show the conversation the API answered for; then the answer is shown anyway. */
  confirmMs?: number;
  /** How long a named conversation may show no requester before the page counts as unreadable. */
  unreadableAfterMs?: number;
}

/** A conversation's API call: pending, answered (null: no answer), or waiting to be asked again after a 429. */
interface ApiCall {
  key: string;
  controller: AbortController;
  state: 'pending' | 'answered' | 'failed' | 'backing-off';
  answer: Participant[] | null;
  /** What went wrong, for the admin's details line ("API 403"). */
  error?: string;
  tries: number;
}

const MAX_API_TRIES = 4;
/** Conversations whose API answers are kept, so going back to one does not ask again. */
const ANSWERS_KEPT = 20;

function signature(report: PageReport): string {
  switch (report.status) {
    case 'none':
      return 'none';
    case 'reading':
      return `reading|${report.key}`;
    case 'unreadable':
      return `unreadable|${report.key}|${report.failed}`;
    case 'found':
      return `found|${report.conversation.key}|${report.conversation.participants.map((p) => `${p.role}:${p.email ?? `~${p.name}${p.addressHidden ? '~hidden' : ''}`}`).join(',')}`;
  }
}

/** Every report passes here: trimmed to what one message may carry (a hundred recipients, a very long display name). */
function trimmed(conversation: Conversation): Conversation {
  return {
    key: conversation.key,
    participants: conversation.participants
      .slice(0, MAX_PARTICIPANTS)
      .map((p) => (p.name && p.name.length > MAX_NAME_LENGTH ? { ...p, name: p.name.slice(0, MAX_NAME_LENGTH) } : p)),
  };
}

function keyOf(read: PageRead): string | null {
  return read.status === 'none' ? null : read.status === 'found' ? read.conversation.key : read.key;
}

function hookOf(read: PageRead): string {
  if (read.status === 'reading') return read.waitingFor;
  if (read.status === 'unreadable') return read.failed;
  return 'no requester on the page';
}

/**
 * The report for one moment: the DOM's read, the API's answer for the URL's conversation, and
 * how long that conversation has been named without a requester. Pure, so each case is tested.
 */
export function settle(dom: PageRead, api: Pick<ApiCall, 'key' | 'state' | 'answer' | 'error'> | null, namedForMs: number, limits: { confirmMs: number; unreadableAfterMs: number }): PageReport {
  const domKey = keyOf(dom);
  const key = api?.key ?? domKey;
  if (key === null) return { status: 'none' };
  // The DOM shows this conversation (not the previous one, still on screen after a click).
  const domFound = dom.status === 'found' && dom.conversation.key === key ? dom.conversation : null;
  if (api?.answer?.length) {
    if (domFound) {
      // The page's name-only people the API already names (with their address) are the same people.
      const named = new Set(api.answer.map((p) => p.name?.replace(/\s+/g, ' ').trim().toLowerCase()).filter(Boolean));
      const extra = domFound.participants.filter((p) => p.email !== undefined || !named.has(p.name.replace(/\s+/g, ' ').trim().toLowerCase()));
      return { status: 'found', conversation: { key, participants: uniqueParticipants([...api.answer, ...extra]) } };
    }
    // The API knows; the DOM has not confirmed the view (slow, or a hook renamed): shown anyway after a while.
    if (namedForMs >= limits.confirmMs) return { status: 'found', conversation: { key, participants: api.answer } };
    return { status: 'reading', key };
  }
  if (domFound?.participants.length) return { status: 'found', conversation: domFound };
  if (namedForMs < limits.unreadableAfterMs) return { status: 'reading', key };
  const hooks = [api?.error ? `${api.error}` : null, api?.state === 'answered' ? 'API: no requester in the answer' : null, domKey === key || api === null ? hookOf(dom) : `view for ${key} not shown`];
  return { status: 'unreadable', key, failed: hooks.filter(Boolean).join('; ') };
}

export function watchConversation({ adapter, doc, onChange, fetchJson, debounceMs = 40, confirmMs = 1500, unreadableAfterMs = 3000 }: WatchOptions): { stop(): void } {
  // Nothing open is where every page starts: only a conversation, and its closing, are news.
  // (A page without one then costs no message at all.)
  let last = signature({ status: 'none' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  /** The conversation named now, and since when (for confirmMs and unreadableAfterMs). */
  let named: { key: string; since: number } | null = null;
  let call: ApiCall | null = null;
  const answers = new Map<string, Participant[]>();
  const api = adapter.api && fetchJson ? { site: adapter.api, fetchJson } : null;

  function ask(key: string): ApiCall {
    if (call?.key === key) return call;
    // The agent moved on: the previous conversation's call is of no use any more.
    call?.controller.abort();
    const kept = answers.get(key);
    call = { key, controller: new AbortController(), state: kept ? 'answered' : 'pending', answer: kept ?? null, tries: 0 };
    if (!kept) void send(call);
    return call;
  }

  async function send(c: ApiCall): Promise<void> {
    if (!api) return;
    c.tries += 1;
    c.state = 'pending';
    try {
      c.answer = await api.site.participants(c.key, api.fetchJson, c.controller.signal);
      c.state = c.answer ? 'answered' : 'failed';
      if (!c.answer) c.error = 'API: no usable answer';
      if (c.answer?.length) {
        answers.set(c.key, c.answer);
        if (answers.size > ANSWERS_KEPT) answers.delete(answers.keys().next().value as string);
      }
    } catch (error) {
      if (c.controller.signal.aborted) return;
      const status = error instanceof SiteApiError ? error.status : undefined;
      c.error = status ? `API answered ${status}` : 'API unreachable';
      if (status === 429 && c.tries < MAX_API_TRIES) {
        // Asked again after the site's Retry-After (or a doubling pause), not on every DOM change.
        c.state = 'backing-off';
        const wait = (error as SiteApiError).retryAfterMs ?? 1000 * 2 ** c.tries;
        setTimeout(() => void (!stopped && call === c && send(c)), Math.min(wait, 60_000));
      } else c.state = 'failed';
    }
    if (!stopped && call === c) schedule();
  }

  /**
   * `early`: the first DOM change of a burst, read at once. A requester found then is reported
   * without waiting for the page to settle (the agent is looking at the panel); anything else
   * (nothing open, still reading) may be a view half swapped, so it waits for the settled read.
   * A burst of changes is read at most twice: at its first change and once it settles.
   */
  function read(early = false): void {
    if (!early) timer = undefined;
    if (stopped) return;
    const url = new URL(doc.location.href);
    const dom = adapter.read(doc, url);
    const apiKey = api ? api.site.keyFromUrl(url) : null;
    const current = apiKey ? ask(apiKey) : null;
    if (!apiKey && call) {
      call.controller.abort();
      call = null;
    }
    const key = apiKey ?? keyOf(dom);
    const now = Date.now();
    if (key !== named?.key) named = key === null ? null : { key, since: now };
    const report = settle(dom, current, named ? now - named.since : 0, { confirmMs, unreadableAfterMs });
    // A conversation still being read settles with time, not only with DOM changes.
    if (deadline) clearTimeout(deadline);
    deadline = undefined;
    if (report.status === 'reading' && named) {
      const elapsed = now - named.since;
      const next = Math.min(...[confirmMs, unreadableAfterMs].filter((t) => t > elapsed));
      if (Number.isFinite(next)) deadline = setTimeout(read, next - elapsed + 1);
    }
    if (early && report.status !== 'found') return;
    const shown = report.status === 'found' ? { status: 'found' as const, conversation: trimmed(report.conversation) } : report;
    const sig = signature(shown);
    if (sig === last) return;
    last = sig;
    onChange(shown);
  }

  function schedule(): void {
    const first = timer === undefined;
    if (timer) clearTimeout(timer);
    timer = setTimeout(read, debounceMs);
    if (first) read(true);
  }

  const observer = new MutationObserver(schedule);
  const root = adapter.observeRoot?.(doc) ?? doc.body;
  observer.observe(root ?? doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['email', 'href', 'title', 'aria-selected', 'hidden', 'style', 'class', 'data-selected'] });
  const onNav = () => schedule();
  doc.defaultView?.addEventListener('popstate', onNav);
  doc.defaultView?.addEventListener('hashchange', onNav);
  read();

  return {
    stop() {
      stopped = true;
      observer.disconnect();
      call?.controller.abort();
      doc.defaultView?.removeEventListener('popstate', onNav);
      doc.defaultView?.removeEventListener('hashchange', onNav);
      if (timer) clearTimeout(timer);
      if (deadline) clearTimeout(deadline);
    },
  };
}
