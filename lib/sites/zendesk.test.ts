import { describe, expect, it, vi } from 'vitest';
import { zendesk } from './zendesk';
import { SiteApiError } from './types';
import { conversationIn, fixtureDocument, viaApi } from '../../test/unit/sites/fixture-dom';
import { fixtureFile } from '../../test/fixtures/sites/scenario';

const HOST = 'https://acme.zendesk.com';
const ticketUrl = (id: number | string) => new URL(`${HOST}/agent/tickets/${id}`);
const VIEW_URL = new URL(`${HOST}/agent/filters/360000000001`);
const anchor = (id: number) => `[data-side-conversations-anchor-id="${id}"]`;

/**
 * The fixture as the app leaves it: the given tickets opened (one pane and header tab each, in
 * order), `active` selected (its tab data-selected, its pane data-is-active) and the views pane
 * hidden; no `active`: the view is shown and every ticket pane inactive.
 */
function workspace(opened: number[], active?: number, selectedTab = active): Document {
  const doc = fixtureDocument('zendesk', 'index.html');
  const tablist = doc.querySelector('[data-test-id="header-tablist"]')!;
  for (const id of opened) {
    const template = doc.getElementById(`ticket-${id}`) as HTMLTemplateElement;
    const pane = template.content.firstElementChild!.cloneNode(true) as Element;
    pane.setAttribute('data-is-active', String(id === active));
    doc.getElementById('main_panes')!.append(pane);
    const tab = doc.createElement('div');
    tab.setAttribute('data-test-id', 'header-tab');
    tab.setAttribute('data-entity-id', String(id));
    tab.setAttribute('data-selected', String(id === selectedTab));
    tablist.append(tab);
  }
  if (active !== undefined) doc.getElementById('views-pane')!.hidden = true;
  return doc;
}

const apiFixture = (file: string): unknown => JSON.parse(fixtureFile('zendesk', file));
const ticketJson = (id: number) => apiFixture(`api-ticket-${id}.json`);

describe('zendesk read: which ticket is on screen', () => {
  it('none: a view, the dashboard, even with ticket tabs open in the background', () => {
    expect(zendesk.read(workspace([]), VIEW_URL)).toEqual({ status: 'none' });
    expect(zendesk.read(workspace([1001, 1002]), VIEW_URL)).toEqual({ status: 'none' });
    expect(zendesk.read(workspace([1001]), new URL(`${HOST}/agent/dashboard`))).toEqual({ status: 'none' });
  });

  it('found: the active pane is the URL’s ticket; no participants, the page shows only names', () => {
    const doc = workspace([1001], 1001);
    // The page does name the requester, and the adapter takes nothing from a name.
    expect(doc.querySelector('[data-is-active="true"] [data-test-id="ticket-system-field-requester-select"]')?.textContent).toContain('Ada Lovelace');
    expect(zendesk.read(doc, ticketUrl(1001))).toEqual({ status: 'found', conversation: { key: '1001', participants: [] } });
    // A sub-page of the ticket names the same ticket.
    expect(conversationIn(zendesk.read(doc, ticketUrl('1001/events')))?.key).toBe('1001');
  });

  it('never takes a ticket anchor, tab or person from a comment body', () => {
    const doc = workspace([1001], 1001);
    const body = doc.querySelector(`${anchor(1001)} [data-test-id="omni-log-message-content"]`)!;
    expect(body.querySelector(`${anchor(1003)} a`)?.getAttribute('href')).toBe('mailto:lena.hoffmann@acme.example');
    expect(body.querySelector('[data-test-id="header-tab"][data-selected="true"]')?.getAttribute('data-entity-id')).toBe('1003');
    expect(JSON.stringify(zendesk.read(doc, ticketUrl(1001)))).not.toContain('lena');
    // The URL names 1003, and the only "1003" anchor and selected tab are inside 1001's comment: not yet shown.
    expect(zendesk.read(doc, ticketUrl(1003))).toEqual({ status: 'reading', key: '1003', waitingFor: anchor(1003) });
  });

  it('found after in-app navigation, and with several tabs takes the selected one', () => {
    expect(conversationIn(zendesk.read(workspace([1001, 1002], 1002), ticketUrl(1002)))?.key).toBe('1002');
    const doc = workspace([1001, 1002, 1003], 1003);
    expect(conversationIn(zendesk.read(doc, ticketUrl(1003)))?.key).toBe('1003');
    // An inactive tab's pane is not on screen, even when the URL names it.
    expect(zendesk.read(doc, ticketUrl(1001))).toEqual({ status: 'reading', key: '1001', waitingFor: anchor(1001) });
  });

  it('reading: the URL names the next ticket while the previous pane is still shown', () => {
    // Right after a click: URL 1002, pane 1001 still active, 1002 not rendered yet …
    expect(zendesk.read(workspace([1001], 1001), ticketUrl(1002))).toEqual({ status: 'reading', key: '1002', waitingFor: anchor(1002) });
    // … or its tab already selected while the active pane is still 1001's.
    expect(zendesk.read(workspace([1001, 1002], 1001, 1002), ticketUrl(1002))).toEqual({ status: 'reading', key: '1002', waitingFor: anchor(1002) });
  });

  it('treats a pane hidden by style as not on screen when the app marks no active pane', () => {
    const doc = workspace([1001, 1002], 1002);
    for (const pane of doc.querySelectorAll('[data-is-active]')) {
      if (pane.getAttribute('data-is-active') !== 'true') pane.setAttribute('style', 'display: none;');
      pane.removeAttribute('data-is-active');
    }
    expect(conversationIn(zendesk.read(doc, ticketUrl(1002)))?.key).toBe('1002');
    expect(zendesk.read(doc, ticketUrl(1001)).status).toBe('reading');
  });

  it('unreadable: the selected tab is the ticket but its active pane has no anchor for it', () => {
    // Ticket 1004's pane carries a renamed attribute.
    expect(zendesk.read(workspace([1001, 1004], 1004), ticketUrl(1004))).toEqual({
      status: 'unreadable',
      key: '1004',
      failed: `${anchor(1004)} (none in the active pane)`,
    });
    // A layout whose anchor holds something else ("1", as one Toggl selector shows).
    const doc = workspace([1001, 1002], 1002);
    doc.querySelector(anchor(1002))!.setAttribute('data-side-conversations-anchor-id', '1');
    expect(zendesk.read(doc, ticketUrl(1002))).toEqual({ status: 'unreadable', key: '1002', failed: `${anchor(1002)} (the active pane's names no open ticket)` });
  });

  it('matches the agent workspace only', () => {
    expect(zendesk.matches).toEqual(['https://*.zendesk.com/agent/*']);
    expect(zendesk.api?.keyFromUrl(ticketUrl(1001))).toBe('1001');
    expect(zendesk.api?.keyFromUrl(VIEW_URL)).toBeNull();
    expect(zendesk.api?.keyFromUrl(new URL(`${HOST}/agent/tickets/new/1`))).toBeNull();
  });
});

describe('zendesk api: /api/v2/tickets/<id>.json?include=users, then /api/v2/users/<id>.json', () => {
  it('asks for the URL’s ticket and returns its requester, then the CCs, not the assignee or followers', async () => {
    const fetchJson = vi.fn(async (_path: string) => ticketJson(1001));
    const people = await viaApi(zendesk, ticketUrl(1001), fetchJson);
    expect(fetchJson.mock.calls.map(([path]) => path)).toEqual(['/api/v2/tickets/1001.json?include=users']);
    expect(people).toEqual([
      { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'requester' },
      { email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'cc' },
    ]);
    // The ticket's description quotes the spoofed address: it is never read.
    expect(JSON.stringify(ticketJson(1001))).toContain('lena.hoffmann@acme.example');
    expect(JSON.stringify(people)).not.toContain('lena.hoffmann');
  });

  it('finds the requester among the side-loaded users wherever it is listed', async () => {
    const people = await viaApi(zendesk, ticketUrl(1002), async () => ticketJson(1002));
    expect(people?.map((p) => [p.role, p.email])).toEqual([
      ['requester', 'juergen.mueller@acme.example'],
      ['cc', 'zoe.schaefer@acme.example'],
    ]);
    expect(await viaApi(zendesk, ticketUrl(1003), async () => ticketJson(1003))).toEqual([{ email: 'casey.nguyen@customer.example', name: 'Casey Nguyen', role: 'requester' }]);
  });

  it('asks the user record when the side-loaded requester has no email', async () => {
    const fetchJson = vi.fn(async (path: string) => (path.startsWith('/api/v2/users/') ? apiFixture('api-user-9000000004.json') : ticketJson(1005)));
    expect(await viaApi(zendesk, ticketUrl(1005), fetchJson)).toEqual([{ email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'requester' }]);
    expect(fetchJson.mock.calls.map(([path]) => path)).toEqual(['/api/v2/tickets/1005.json?include=users', '/api/v2/users/9000000004.json']);
  });

  it('reports the requester by name when Zendesk has no address for them', async () => {
    const named = [{ name: 'Grace Hopper', role: 'requester' }];
    const user = apiFixture('api-user-9000000004.json') as { user: Record<string, unknown> };
    const userAnswers: Array<() => Promise<unknown>> = [
      async () => ({ user: { ...user.user, email: null } }),
      // Another user's record, or no record: the side-loaded name stands.
      async () => ({ user: { ...user.user, id: 9000000001 } }),
      async () => Promise.reject(new SiteApiError(403)),
      async () => 'nonsense',
    ];
    for (const answer of userAnswers) {
      const fetchJson = (path: string) => (path.startsWith('/api/v2/users/') ? answer() : Promise.resolve(ticketJson(1005)));
      await expect(viaApi(zendesk, ticketUrl(1005), fetchJson)).resolves.toEqual(named);
    }
  });

  it('rethrows a 429 from either call (the watcher backs off), and answers null to any other failure', async () => {
    const limited = new SiteApiError(429, 1000);
    await expect(viaApi(zendesk, ticketUrl(1001), async () => Promise.reject(limited))).rejects.toBe(limited);
    const userLimited = (path: string) => (path.startsWith('/api/v2/users/') ? Promise.reject(limited) : Promise.resolve(ticketJson(1005)));
    await expect(viaApi(zendesk, ticketUrl(1005), userLimited)).rejects.toBe(limited);
    for (const error of [new SiteApiError(403), new SiteApiError(500), new Error('offline')]) {
      await expect(viaApi(zendesk, ticketUrl(1001), async () => Promise.reject(error))).resolves.toBeNull();
    }
  });

  it('returns null on malformed or foreign answers, never throwing', async () => {
    const good = ticketJson(1001) as { ticket: Record<string, unknown>; users: Record<string, unknown>[] };
    const payloads: unknown[] = [
      null,
      'ok',
      [],
      {},
      { ticket: null, users: good.users },
      { ticket: [], users: good.users },
      { ticket: { ...good.ticket, requester_id: 'someone' }, users: good.users },
      { ticket: { ...good.ticket, requester_id: 1 }, users: good.users },
      { ticket: { ...good.ticket, requester_id: undefined }, users: good.users },
      { ticket: good.ticket, users: [null, 7, { id: 9000000001 }] },
      // The answer is about another ticket.
      { ticket: { ...good.ticket, id: 1002 }, users: good.users },
      { ticket: { ...good.ticket, id: undefined }, users: good.users },
      { ticket: { ...good.ticket, id: 1001.5 }, users: good.users },
    ];
    for (const payload of payloads) {
      await expect(viaApi(zendesk, ticketUrl(1001), async () => payload)).resolves.toBeNull();
    }
    // A side-loaded "email" that is no address is no address; the name is all that is left.
    const noAddress = { ticket: good.ticket, users: good.users.map((u) => ({ ...u, email: 'not an address' })) };
    expect(await viaApi(zendesk, ticketUrl(1001), async () => noAddress)).toEqual([{ name: 'Ada Lovelace', role: 'requester' }]);
  });

  it('keeps the requester when the CC lists are odd, and never lists the requester as a CC', async () => {
    const good = ticketJson(1001) as { ticket: Record<string, unknown>; users: unknown[] };
    const odd = { ticket: { ...good.ticket, email_cc_ids: 'x', collaborator_ids: [null, {}, 9000000001, 9000000004, 'abc'] }, users: good.users };
    expect(await viaApi(zendesk, ticketUrl(1001), async () => odd)).toEqual([
      { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'requester' },
      { email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'cc' },
    ]);
  });

  it('does not ask for the user once the agent has moved on (the call was aborted)', async () => {
    const controller = new AbortController();
    const fetchJson = vi.fn(async () => {
      controller.abort();
      return ticketJson(1005);
    });
    await zendesk.api!.participants('1005', fetchJson, controller.signal);
    expect(fetchJson).toHaveBeenCalledTimes(1);
  });

  it('does not fetch off a ticket page', async () => {
    const fetchJson = vi.fn(async () => ticketJson(1001));
    await expect(viaApi(zendesk, VIEW_URL, fetchJson)).resolves.toBeNull();
    expect(fetchJson).not.toHaveBeenCalled();
  });
});
