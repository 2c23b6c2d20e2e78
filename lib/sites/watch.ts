import { MAX_NAME_LENGTH, MAX_PARTICIPANTS } from '../channels';
import type { Conversation, Participant, SiteAdapter } from './types';

/**
 * Reads the open conversation whenever the page changes. Single-page apps change the URL
 * before they swap the DOM, so the DOM (a MutationObserver), not the URL, is the signal;
 * reads are debounced and repeated once the page has settled. Pure DOM, no extension APIs,
 * so it is unit-tested with happy-dom.
 */
export interface WatchOptions {
  adapter: SiteAdapter;
  doc: Document;
  /** Called with the conversation when it differs from the last one reported (null: none open any more). */
  onChange: (conversation: Conversation | null) => void;
  fetchJson?: (path: string) => Promise<unknown>;
  debounceMs?: number;
}

function signature(c: Conversation | null): string {
  return c ? `${c.key}|${c.participants.map((p) => `${p.role}:${p.email}`).join(',')}` : '';
}

export function watchConversation({ adapter, doc, onChange, fetchJson, debounceMs = 40 }: WatchOptions): { stop(): void } {
  // Nothing open is where every page starts: only a conversation, and its closing, are news.
  // (A page without one then costs no message at all.)
  let last = signature(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apiCache = new Map<string, Participant[]>();
  let stopped = false;

  async function read(): Promise<void> {
    const url = new URL(doc.location.href);
    let conversation = adapter.readConversation(doc, url);
    if (conversation && adapter.resolveViaApi && fetchJson) {
      const key = conversation.key;
      // Only answers are kept: a failed call is asked again on the next change, not never.
      let fromApi: Participant[] | null | undefined = apiCache.get(key);
      if (!fromApi) {
        fromApi = await adapter.resolveViaApi(url, fetchJson).catch(() => null);
        if (fromApi?.length) apiCache.set(key, fromApi);
      }
      if (fromApi?.length) {
        const emails = new Set(fromApi.map((p) => p.email));
        conversation = { key, participants: [...fromApi, ...conversation.participants.filter((p) => !emails.has(p.email))] };
      }
    }
    if (conversation && conversation.participants.length === 0) conversation = null;
    // Every adapter's result passes here: trim it to what one message may carry, so a thread
    // with a hundred recipients or a very long display name still reaches the background.
    if (conversation) {
      conversation = {
        key: conversation.key,
        participants: conversation.participants.slice(0, MAX_PARTICIPANTS).map((p) => (p.name && p.name.length > MAX_NAME_LENGTH ? { ...p, name: p.name.slice(0, MAX_NAME_LENGTH) } : p)),
      };
    }
    if (stopped) return;
    const sig = signature(conversation);
    if (sig === last) return;
    last = sig;
    onChange(conversation);
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void read(), debounceMs);
  }

  const observer = new MutationObserver(schedule);
  const root = adapter.observeRoot?.(doc) ?? doc.body;
  observer.observe(root ?? doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['email', 'href', 'title', 'aria-selected', 'hidden', 'style', 'class', 'data-selected'] });
  const onNav = () => schedule();
  doc.defaultView?.addEventListener('popstate', onNav);
  doc.defaultView?.addEventListener('hashchange', onNav);
  void read();

  return {
    stop() {
      stopped = true;
      observer.disconnect();
      doc.defaultView?.removeEventListener('popstate', onNav);
      doc.defaultView?.removeEventListener('hashchange', onNav);
      if (timer) clearTimeout(timer);
    },
  };
}
