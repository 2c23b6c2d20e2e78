import { afterEach, describe, expect, it, vi } from 'vitest';
import { gmail } from './gmail';
import type { Conversation, Participant, SiteAdapter } from './types';
import { watchConversation } from './watch';
import { contentRequests } from '../messages';
import { fixtureDocument } from '../../test/unit/sites/fixture-dom';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('watchConversation', () => {
  it('reports the open conversation, then each change after the DOM settles, once', async () => {
    const doc = fixtureDocument('gmail', 'index.html', 'view-FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh');
    const seen: (string | undefined)[] = [];
    stop = watchConversation({ adapter: gmail, doc, onChange: (c) => seen.push(c?.participants[0]?.email), debounceMs: 5 }).stop;
    await wait(20);
    expect(seen).toEqual(['ada.lovelace@acme.example']);

    // In-app navigation: the view is replaced (the URL alone would tell us nothing).
    const main = doc.querySelector('[role="main"]')!;
    const next = (doc.getElementById('view-FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmj') as HTMLTemplateElement).content.cloneNode(true);
    main.replaceChildren(next);
    await wait(30);
    expect(seen).toEqual(['ada.lovelace@acme.example', 'juergen.mueller@acme.example']);

    // Back to the list: no conversation.
    main.replaceChildren((doc.getElementById('view-inbox') as HTMLTemplateElement).content.cloneNode(true));
    await wait(30);
    expect(seen).toEqual(['ada.lovelace@acme.example', 'juergen.mueller@acme.example', undefined]);

    // Unrelated DOM churn does not re-report.
    doc.body.append(doc.createElement('div'));
    await wait(30);
    expect(seen).toHaveLength(3);
  });

  it('asks the site API when the adapter has one, and merges its requester first', async () => {
    const adapter: SiteAdapter = {
      id: 'test',
      label: 'Test',
      matches: ['https://example.com/*'],
      readConversation: () => ({ key: 'T-1', participants: [] }),
      resolveViaApi: async (_url, fetchJson) => {
        const data = (await fetchJson('/api/ticket/1')) as { email: string };
        return [{ email: data.email, role: 'requester' }];
      },
    };
    const fetchJson = vi.fn(async () => ({ email: 'ada.lovelace@acme.example' }));
    let last: Conversation | null | undefined;
    stop = watchConversation({ adapter, doc: document, fetchJson, onChange: (c) => (last = c), debounceMs: 5 }).stop;
    await wait(20);
    expect(last).toEqual({ key: 'T-1', participants: [{ email: 'ada.lovelace@acme.example', role: 'requester' }] });
    expect(fetchJson).toHaveBeenCalledTimes(1);
  });

  it('treats a ticket whose requester cannot be read as no conversation', async () => {
    let participants: Participant[] = [{ email: 'ada@acme.example', role: 'from' }];
    const adapter: SiteAdapter = { id: 't', label: 'T', matches: [], readConversation: () => ({ key: 'x', participants }) };
    const seen: unknown[] = [];
    stop = watchConversation({ adapter, doc: document, onChange: (c) => seen.push(c), debounceMs: 5 }).stop;
    await wait(20);
    participants = [];
    document.body.append(document.createElement('div'));
    await wait(20);
    expect(seen).toEqual([{ key: 'x', participants: [{ email: 'ada@acme.example', role: 'from' }] }, null]);
  });

  it('sends nothing for a page that opens with no conversation', async () => {
    const adapter: SiteAdapter = { id: 't', label: 'T', matches: [], readConversation: () => null };
    const seen: unknown[] = [];
    stop = watchConversation({ adapter, doc: document, onChange: (c) => seen.push(c), debounceMs: 5 }).stop;
    await wait(20);
    expect(seen).toEqual([]);
  });
});

describe('what the watcher sends', () => {
  it('trims a crowded thread and long names to what one message may carry', async () => {
    const adapter: SiteAdapter = {
      id: 'crowd',
      label: 'Crowd',
      matches: [],
      readConversation: () => ({
        key: 'k',
        participants: Array.from({ length: 120 }, (_, i) => ({ email: `p${i}@acme.example`, role: 'cc' as const, name: 'N'.repeat(500) })),
      }),
    };
    let sent: Conversation | null | undefined;
    stop = watchConversation({ adapter, doc: document, onChange: (c) => (sent = c), debounceMs: 5 }).stop;
    await wait(20);
    expect(sent?.participants).toHaveLength(50);
    expect(sent?.participants[0]?.name).toHaveLength(200);
    expect(contentRequests.requester.schema.safeParse({ type: 'requester', site: 'crowd', conversation: sent }).success).toBe(true);
  });
});
