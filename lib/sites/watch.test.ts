import { afterEach, describe, expect, it, vi } from 'vitest';
import { SiteApiError, found, type Conversation, type FetchJson, type PageRead, type SiteAdapter } from './types';
import { settle, watchConversation, type PageReport } from './watch';
import { contentRequests } from '../messages';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  window.history.replaceState(null, '', '/');
});

const ADA = { email: 'ada.lovelace@acme.example', role: 'requester' as const };
const JUERGEN = { email: 'juergen.mueller@acme.example', role: 'from' as const };
const limits = { confirmMs: 1500, unreadableAfterMs: 3000 };

/** An adapter whose page is whatever the test says it is now. */
function pageAdapter(initial: PageRead, api?: SiteAdapter['api']): { adapter: SiteAdapter; show(read: PageRead): void } {
  let now = initial;
  const adapter: SiteAdapter = { id: 'test', label: 'Test', matches: [], read: () => now, ...(api ? { api } : {}) };
  return {
    adapter,
    show(read) {
      now = read;
      document.body.append(document.createElement('div'));
    },
  };
}

function watch(adapter: SiteAdapter, extra: { fetchJson?: FetchJson; confirmMs?: number; unreadableAfterMs?: number } = {}): PageReport[] {
  const seen: PageReport[] = [];
  stop = watchConversation({ adapter, doc: document, onChange: (r) => seen.push(r), debounceMs: 5, ...extra }).stop;
  return seen;
}

describe('settling what the page shows', () => {
  const ticket = (participants: Conversation['participants'] = [ADA]): PageRead => found({ key: '7', participants });
  const api = (answer: Conversation['participants'] | null, state: 'pending' | 'answered' | 'failed' = 'answered', error?: string) => ({ key: '7', state, answer, ...(error ? { error } : {}) });

  it('is nothing when neither the URL nor the DOM names a conversation', () => {
    expect(settle({ status: 'none' }, null, 0, limits)).toEqual({ status: 'none' });
  });

  it('puts the API’s people first, then the DOM’s, once the DOM shows that conversation', () => {
    expect(settle(ticket([JUERGEN, ADA]), api([ADA]), 10, limits)).toEqual({ status: 'found', conversation: { key: '7', participants: [ADA, JUERGEN] } });
  });

  it('counts a person the page shows by name and the API by address once, with the address', () => {
    const adaByName = { name: 'Ada  Lovelace', role: 'requester' as const };
    const grace = { name: 'Grace Hopper', role: 'cc' as const };
    const withName = { ...ADA, name: 'Ada Lovelace' };
    expect(settle(ticket([adaByName, grace]), api([withName]), 10, limits)).toEqual({ status: 'found', conversation: { key: '7', participants: [withName, grace] } });
  });

  it('shows the API’s answer without the DOM only after the confirmation window (a renamed hook)', () => {
    expect(settle({ status: 'none' }, api([ADA]), 100, limits)).toEqual({ status: 'reading', key: '7' });
    expect(settle({ status: 'none' }, api([ADA]), 1500, limits)).toEqual({ status: 'found', conversation: { key: '7', participants: [ADA] } });
  });

  it('never files the previous view’s people under the conversation the URL names now', () => {
    const previous = found({ key: '6', participants: [JUERGEN] });
    expect(settle(previous, api(null, 'pending'), 100, limits)).toEqual({ status: 'reading', key: '7' });
    expect(settle(previous, api(null, 'failed', 'API answered 404'), 3000, limits)).toEqual({ status: 'unreadable', key: '7', failed: 'API answered 404; view for 7 not shown' });
  });

  it('uses the DOM’s people when the API has no answer', () => {
    expect(settle(ticket(), api(null, 'failed', 'API answered 403'), 10, limits)).toEqual({ status: 'found', conversation: { key: '7', participants: [ADA] } });
  });

  it('says which hook failed once a named conversation has shown no one for a while', () => {
    const reading: PageRead = { status: 'reading', key: 'T-1', waitingFor: 'span.gD[email] (sender)' };
    expect(settle(reading, null, 2999, limits)).toEqual({ status: 'reading', key: 'T-1' });
    expect(settle(reading, null, 3000, limits)).toEqual({ status: 'unreadable', key: 'T-1', failed: 'span.gD[email] (sender)' });
    expect(settle({ status: 'unreadable', key: 'T-1', failed: '[id$="_FROM"]' }, null, 3000, limits)).toMatchObject({ failed: '[id$="_FROM"]' });
    // A view confirmed, but nobody in it, and an API that answered with no requester.
    expect(settle(ticket([]), api([]), 3000, limits)).toEqual({ status: 'unreadable', key: '7', failed: 'API: no requester in the answer; no requester on the page' });
  });
});

describe('watching the page', () => {
  it('reports a conversation, each change after the DOM settles, and its closing, once each', async () => {
    const page = pageAdapter(found({ key: 'a', participants: [ADA] }));
    const seen = watch(page.adapter);
    await wait(20);
    page.show(found({ key: 'b', participants: [JUERGEN] }));
    await wait(30);
    page.show({ status: 'none' });
    await wait(30);
    // Unrelated DOM churn does not report again.
    page.show({ status: 'none' });
    await wait(30);
    await vi.waitFor(() => expect(seen.map((r) => (r.status === 'found' ? r.conversation.key : r.status))).toEqual(['a', 'b', 'none']));
  });

  it('sends nothing for a page that opens with no conversation', async () => {
    const seen = watch(pageAdapter({ status: 'none' }).adapter);
    await wait(20);
    expect(seen).toEqual([]);
  });

  it('turns a conversation it cannot read into "unreadable" after the wait, without any DOM change', async () => {
    const seen = watch(pageAdapter({ status: 'reading', key: 'T-1', waitingFor: '[data-testid="reporter"]' }).adapter, { unreadableAfterMs: 60 });
    await wait(120);
    await vi.waitFor(() =>
      expect(seen).toEqual([
        { status: 'reading', key: 'T-1' },
        { status: 'unreadable', key: 'T-1', failed: '[data-testid="reporter"]' },
      ]),
    );
  });

  it('asks the site’s API once per conversation, before the DOM has it, and cancels it when the agent moves on', async () => {
    window.history.replaceState(null, '', '/tickets/1');
    const signals: AbortSignal[] = [];
    const participants = vi.fn(async (key: string, fetchJson: FetchJson, signal: AbortSignal) => {
      signals.push(signal);
      const data = (await fetchJson(`/api/tickets/${key}`, signal)) as { email: string };
      return [{ email: data.email, role: 'requester' as const }];
    });
    const page = pageAdapter({ status: 'none' }, { keyFromUrl: (url) => /^\/tickets\/(\d+)$/.exec(url.pathname)?.[1] ?? null, participants });
    let release: (() => void) | undefined;
    const fetchJson = vi.fn(async (path: string) => {
      if (path.endsWith('/1')) await new Promise<void>((r) => (release = r));
      return { email: path.endsWith('/1') ? ADA.email : JUERGEN.email };
    });
    const seen = watch(page.adapter, { fetchJson, confirmMs: 40 });
    await wait(20);
    for (let i = 0; i < 5; i++) page.show({ status: 'none' });
    await wait(20);
    expect(participants).toHaveBeenCalledTimes(1);
    // The agent moves to ticket 2 while ticket 1's call is still out.
    window.history.replaceState(null, '', '/tickets/2');
    page.show(found({ key: '2', participants: [] }));
    await vi.waitFor(() => expect(signals[0]?.aborted).toBe(true));
    release?.();
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ status: 'found', conversation: { key: '2', participants: [{ email: JUERGEN.email, role: 'requester' }] } }));
    expect(seen.some((r) => r.status === 'found' && r.conversation.participants.some((p) => p.email === ADA.email))).toBe(false);
  });

  it('backs off after a 429 and asks again after Retry-After, not on every DOM change', async () => {
    window.history.replaceState(null, '', '/tickets/3');
    // Retry-After is long beside the burst of DOM changes below, so a busy machine cannot
    // stretch the burst past it.
    const retryAfterMs = 1000;
    const calledAt: number[] = [];
    const page = pageAdapter(found({ key: '3', participants: [] }), {
      keyFromUrl: () => '3',
      participants: async () => {
        calledAt.push(performance.now());
        if (calledAt.length === 1) throw new SiteApiError(429, retryAfterMs);
        return [ADA];
      },
    });
    const seen = watch(page.adapter, { fetchJson: async () => ({}) });
    await wait(20);
    for (let i = 0; i < 5; i++) {
      page.show(found({ key: '3', participants: [] }));
      await wait(8);
    }
    expect(calledAt).toHaveLength(1);
    await vi.waitFor(() => expect(calledAt).toHaveLength(2), { timeout: 5000, interval: 20 });
    expect(calledAt[1]! - calledAt[0]!).toBeGreaterThanOrEqual(retryAfterMs - 5);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ status: 'found', conversation: { key: '3', participants: [ADA] } }));
  });

  it('names the API’s failure in the details an admin reports', async () => {
    window.history.replaceState(null, '', '/tickets/4');
    const page = pageAdapter({ status: 'reading', key: '4', waitingFor: 'pane anchor' }, {
      keyFromUrl: () => '4',
      participants: async () => {
        throw new SiteApiError(403);
      },
    });
    const seen = watch(page.adapter, { fetchJson: async () => ({}), unreadableAfterMs: 40 });
    await wait(90);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ status: 'unreadable', key: '4', failed: 'API answered 403; pane anchor' }));
  });
});

describe('what the watcher sends', () => {
  it('sends the same person again once the site says their address is hidden', async () => {
    const page = pageAdapter(found({ key: 'J-1', participants: [{ name: 'Grace Hopper', role: 'requester' }] }));
    const seen = watch(page.adapter);
    await wait(20);
    page.show(found({ key: 'J-1', participants: [{ name: 'Grace Hopper', role: 'requester', addressHidden: true }] }));
    await wait(30);
    await vi.waitFor(() =>
      expect(seen.map((r) => r.status === 'found' && r.conversation.participants[0])).toEqual([
        { name: 'Grace Hopper', role: 'requester' },
        { name: 'Grace Hopper', role: 'requester', addressHidden: true },
      ]),
    );
  });

  it('trims a crowded thread and long names to what one message may carry', async () => {
    const participants = Array.from({ length: 120 }, (_, i) => ({ email: `p${i}@acme.example`, role: 'cc' as const, name: 'N'.repeat(500) }));
    const seen = watch(pageAdapter(found({ key: 'k', participants })).adapter);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    const sent = seen[0];
    expect(sent?.status === 'found' && sent.conversation.participants).toHaveLength(50);
    expect(sent?.status === 'found' && sent.conversation.participants[0]?.name).toHaveLength(200);
    expect(contentRequests.requester.schema.safeParse({ type: 'requester', site: 'crowd', page: sent }).success).toBe(true);
  });
});
