import { describe, expect, it, vi } from 'vitest';
import { zendesk } from './zendesk';
import { fixtureDocument } from '../../test/unit/sites/fixture-dom';
import { fixtureFile } from '../../test/fixtures/sites/scenario';

const HOST = 'https://acme.zendesk.com';
const ticketUrl = (id: number) => new URL(`${HOST}/agent/tickets/${id}`);
const VIEW_URL = new URL(`${HOST}/agent/filters/360000000001`);

/**
 * The fixture as the app leaves it: the given tickets opened (one pane and header tab each, in
 * order), `active` shown and every other pane hidden, as Zendesk does; no `active`: the view.
 */
function workspace(opened: number[], active?: number): Document {
  const doc = fixtureDocument('zendesk', 'index.html');
  const panes = doc.getElementById('main_panes')!;
  for (const id of opened) {
    const template = doc.getElementById(`ticket-${id}`) as HTMLTemplateElement;
    panes.append(template.content.cloneNode(true));
  }
  for (const pane of panes.querySelectorAll(':scope > .workspace')) {
    const shown = active === undefined ? pane.id === 'views-pane' : pane.querySelector(`.grid-main-conversation-panel > [data-side-conversations-anchor-id="${active}"]`) !== null;
    if (!shown) pane.setAttribute('style', 'display: none;');
  }
  return doc;
}

const apiFixture = (id: number): unknown => JSON.parse(fixtureFile('zendesk', `api-ticket-${id}.json`));

describe('zendesk adapter on the Zendesk agent workspace fixture', () => {
  it('finds no ticket on a view, even with ticket tabs open in the background', () => {
    expect(zendesk.readConversation(workspace([]), VIEW_URL)).toBeNull();
    expect(zendesk.readConversation(workspace([1001, 1002]), VIEW_URL)).toBeNull();
    expect(zendesk.readConversation(workspace([1001]), new URL(`${HOST}/agent/dashboard`))).toBeNull();
  });

  it('reports the open ticket by its id, with no participants: the header shows only names', () => {
    const doc = workspace([1001], 1001);
    // The header really does name the requester, and the adapter does not guess an address from it.
    expect(doc.querySelector('.workspace:not([style]) [data-test-id="ticket-system-field-requester-select"]')?.textContent).toContain('Ada Lovelace');
    expect(zendesk.readConversation(doc, ticketUrl(1001))).toEqual({ key: '1001', participants: [] });
  });

  it('never takes anything from a comment body (the spoofed card and ticket anchor)', () => {
    const doc = workspace([1001], 1001);
    const body = doc.querySelector('[data-side-conversations-anchor-id="1001"] [data-test-id="omni-log-message-content"]');
    expect(body?.querySelector('[data-side-conversations-anchor-id="1003"] a')?.getAttribute('href')).toBe('mailto:lena.hoffmann@acme.example');
    expect(JSON.stringify(zendesk.readConversation(doc, ticketUrl(1001)))).not.toContain('lena.hoffmann');
    // The URL names ticket 1003 and the only "1003" anchor on the page is inside ticket 1001's comment: no ticket.
    expect(zendesk.readConversation(doc, ticketUrl(1003))).toBeNull();
  });

  it('reads the second ticket after in-app navigation', () => {
    expect(zendesk.readConversation(workspace([1001, 1002], 1002), ticketUrl(1002))).toEqual({ key: '1002', participants: [] });
  });

  it('with several ticket tabs open, takes the selected (shown) one', () => {
    const doc = workspace([1001, 1002, 1003], 1003);
    expect(doc.querySelectorAll('[data-side-conversations-anchor-id]').length).toBeGreaterThanOrEqual(3);
    expect(zendesk.readConversation(doc, ticketUrl(1003))?.key).toBe('1003');
    // A hidden tab's pane is not open, even when the URL names it.
    expect(zendesk.readConversation(doc, ticketUrl(1001))).toBeNull();
  });

  it('reports nothing while the URL already names the next ticket but the previous pane is still shown', () => {
    // Right after a click: URL /agent/tickets/1002, pane 1001 still on screen, 1002 not rendered yet.
    expect(zendesk.readConversation(workspace([1001], 1001), ticketUrl(1002))).toBeNull();
  });

  it('matches the agent workspace only', () => {
    expect(zendesk.matches).toEqual(['https://*.zendesk.com/agent/*']);
  });
});

describe('zendesk resolveViaApi (same-origin /api/v2/tickets/<id>.json?include=users)', () => {
  it('asks for the ticket in the URL and returns its requester, then the CCs, not the assignee or followers', async () => {
    const fetchJson = vi.fn(async (_path: string) => apiFixture(1001));
    const people = await zendesk.resolveViaApi!(ticketUrl(1001), fetchJson);
    expect(fetchJson).toHaveBeenCalledWith('/api/v2/tickets/1001.json?include=users');
    expect(people).toEqual([
      { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'requester' },
      { email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'cc' },
    ]);
    // The ticket's description quotes the spoofed address: it is never read.
    expect(JSON.stringify(apiFixture(1001))).toContain('lena.hoffmann@acme.example');
    expect(JSON.stringify(people)).not.toContain('lena.hoffmann');
  });

  it('finds the requester among the side-loaded users wherever it is listed', async () => {
    const people = await zendesk.resolveViaApi!(ticketUrl(1002), async () => apiFixture(1002));
    expect(people?.map((p) => [p.role, p.email])).toEqual([
      ['requester', 'juergen.mueller@acme.example'],
      ['cc', 'zoe.schaefer@acme.example'],
    ]);
    const outsider = await zendesk.resolveViaApi!(ticketUrl(1003), async () => apiFixture(1003));
    expect(outsider).toEqual([{ email: 'casey.nguyen@customer.example', name: 'Casey Nguyen', role: 'requester' }]);
  });

  it('returns null on malformed or mismatched payloads, never throwing', async () => {
    const good = apiFixture(1001) as { ticket: Record<string, unknown>; users: Record<string, unknown>[] };
    const payloads: unknown[] = [
      null,
      'ok',
      [],
      {},
      { ticket: null, users: good.users },
      { ticket: [], users: good.users },
      { ticket: { ...good.ticket, requester_id: 'someone' }, users: good.users },
      { ticket: { ...good.ticket, requester_id: 1 }, users: good.users },
      { ticket: good.ticket, users: 'nope' },
      { ticket: good.ticket },
      { ticket: good.ticket, users: good.users.map((u) => ({ ...u, email: 'not an address' })) },
      { ticket: good.ticket, users: [null, 7, { id: 9000000001 }] },
      // The answer is about another ticket.
      { ticket: { ...good.ticket, id: 1002 }, users: good.users },
      { ticket: { ...good.ticket, id: undefined }, users: good.users },
    ];
    for (const payload of payloads) {
      await expect(zendesk.resolveViaApi!(ticketUrl(1001), async () => payload)).resolves.toBeNull();
    }
  });

  it('keeps the requester when the CC lists are odd', async () => {
    const good = apiFixture(1001) as { ticket: Record<string, unknown>; users: unknown[] };
    const odd = { ticket: { ...good.ticket, email_cc_ids: 'x', collaborator_ids: [null, {}, 9000000004, 'abc'] }, users: good.users };
    expect(await zendesk.resolveViaApi!(ticketUrl(1001), async () => odd)).toEqual([
      { email: 'ada.lovelace@acme.example', name: 'Ada Lovelace', role: 'requester' },
      { email: 'grace.hopper@acme.example', name: 'Grace Hopper', role: 'cc' },
    ]);
  });

  it('returns null when the fetch fails, and does not fetch off a ticket page', async () => {
    await expect(zendesk.resolveViaApi!(ticketUrl(1001), async () => Promise.reject(new Error('403')))).resolves.toBeNull();
    const fetchJson = vi.fn(async () => apiFixture(1001));
    await expect(zendesk.resolveViaApi!(VIEW_URL, fetchJson)).resolves.toBeNull();
    expect(fetchJson).not.toHaveBeenCalled();
  });
});
