import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureFile, type SiteScenario } from '../../test/fixtures/sites/scenario';
import { allScenarios } from '../../test/fixtures/sites/index';
import { fixtureDocument } from '../../test/unit/sites/fixture-dom';
import { SITES } from './index';
import { SiteApiError, type SiteAdapter } from './types';

/**
 * Properties of the site adapters on their fixtures, mutated at random: whatever is removed,
 * duplicated or changed on the page, and wherever in a message body the spoofed address is put,
 * the adapter does not throw and never names that address. Bodies are what a requester (or an
 * attacker) writes; the adapters read people only from the app's own header and sidebar.
 */

interface SitePage {
  /** The first conversation as the fixture app shows it. */
  open(): Document;
  /** What the adapter treats as written by users (its own constant): spoofs go inside it. */
  body: string;
}

const PAGES: Record<string, SitePage> = {
  gmail: {
    open: () => {
      const doc = fixtureDocument('gmail', 'index.html', 'view-FMfcgzQZTMbdLqxKvPfbbNhWbzZgkKmh');
      doc.title = `${doc.querySelector('h2.hP')?.textContent ?? ''} - helpdesk@acme.example - Gmail`;
      return doc;
    },
    body: 'div.a3s, div.ii.gt',
  },
  outlook: { open: () => fixtureDocument('outlook', 'index.html', 'view-vpn', '#ReadingPaneContainerId'), body: '[id^="UniqueMessageBody"], [contenteditable="true"]' },
  zendesk: {
    open: () => {
      // As the app leaves it with ticket 1001 open and selected (see zendesk.test.ts).
      const doc = fixtureDocument('zendesk', 'index.html');
      const pane = (doc.getElementById('ticket-1001') as HTMLTemplateElement).content.firstElementChild!.cloneNode(true) as Element;
      pane.setAttribute('data-is-active', 'true');
      doc.getElementById('main_panes')!.append(pane);
      const tab = doc.createElement('div');
      for (const [k, v] of [['data-test-id', 'header-tab'], ['data-entity-id', '1001'], ['data-selected', 'true']]) tab.setAttribute(k!, v!);
      doc.querySelector('[data-test-id="header-tablist"]')!.append(tab);
      doc.getElementById('views-pane')!.hidden = true;
      return doc;
    },
    body: '[data-test-id="omni-log-message-content"], .zd-comment, [contenteditable="true"]',
  },
  freshdesk: {
    open: () => fixtureDocument('freshdesk', 'index.html', 'view-2001'),
    body: '[id^="ticket_original_request"], .ticket-details__item__content, [data-test-conversation="conversation-text"], [data-test-id="conversation-content"], .ticket_note, .conversation-content, [contenteditable="true"]',
  },
  jira: { open: () => fixtureDocument('jira', 'index.html', 'view-ITSD-101', '#ak-main-content'), body: '.ak-renderer-document, [data-testid*="rich-text"], [contenteditable="true"]' },
  helpscout: {
    open: () => {
      const doc = fixtureDocument('helpscout', 'index.html', 'view-2400000101', '#mainCol');
      doc.title = doc.getElementById('view-2400000101')?.getAttribute('data-title') ?? '';
      return doc;
    },
    body: '[data-testid="ThreadContainer"], [contenteditable="true"], [data-cy="ConvoEditor"], [data-testid="reply-editor"]',
  },
  front: { open: () => fixtureDocument('front', 'index.html', 'view-117421069338', '[data-testid="conversation-panel"]'), body: '[data-testid="message-body"], [data-testid="composer"], [contenteditable="true"]' },
};

/** The spoof dressed as each adapter's hooks, and plainly: text, a mailto link, an `email` attribute. */
const forgeries = (spoof: string) => [
  spoof,
  `<a href="mailto:${spoof}">${spoof}</a>`,
  `<span email="${spoof}">Lena</span>`,
  `<div class="h7"><div class="adn ads" data-message-id="#msg-f:9"><span class="gD" email="${spoof}" name="Lena">Lena</span></div></div>`,
  `<div data-test-id="requester-info-contact-email"><span class="info-details-content">${spoof}</span></div>`,
  `<a data-testid="EmailList.EmailLink" href="mailto:${spoof}">${spoof}</a>`,
  `<div data-testid="message-header-from"><span title="${spoof}">${spoof}</span></div>`,
  `<span id="MSG_1_FROM" title="${spoof}">Lena &lt;${spoof}&gt;</span>`,
  `<div data-testid="issue.views.field.user.reporter"><a href="mailto:${spoof}" data-email="${spoof}">Lena</a></div>`,
];

type Mutation =
  | { kind: 'remove'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'strip'; at: number; attr: number }
  | { kind: 'set'; at: number; name: string; value: string }
  | { kind: 'spoof'; at: number; form: number; where: InsertPosition };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('strip' as const), at: fc.nat(), attr: fc.nat() }),
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    name: fc.constantFrom('class', 'id', 'hidden', 'style', 'role', 'aria-label', 'data-testid', 'data-test-id', 'email', 'href', 'title', 'data-selected'),
    value: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('display:none', 'true', 'false', 'main', 'mailto:')),
  }),
  fc.record({ kind: fc.constant('spoof' as const), at: fc.nat(), form: fc.nat(), where: fc.constantFrom<InsertPosition>('afterbegin', 'beforeend') }),
);

/** Apply one mutation. The body containers themselves keep their attributes: they are what marks a body. */
function mutate(doc: Document, m: Mutation, page: SitePage, spoof: string): void {
  const all = [...doc.body.querySelectorAll('*')];
  if (!all.length) return;
  const el = all[m.at % all.length]!;
  switch (m.kind) {
    case 'remove':
      el.remove();
      return;
    case 'duplicate':
      el.after(el.cloneNode(true));
      return;
    case 'strip': {
      if (el.matches(page.body) || !el.attributes.length) return;
      el.removeAttribute(el.attributes[m.attr % el.attributes.length]!.name);
      return;
    }
    case 'set':
      if (!el.matches(page.body)) el.setAttribute(m.name, m.value);
      return;
    case 'spoof': {
      const inBody = all.filter((e) => e.closest(page.body) !== null);
      const forms = forgeries(spoof);
      inBody[m.at % Math.max(1, inBody.length)]?.insertAdjacentHTML(m.where, forms[m.form % forms.length]!);
    }
  }
}

const scenarios = await allScenarios();
const adapterOf = (site: string): SiteAdapter => SITES.find((s) => s.id === site)!;

describe.each(scenarios.map((s) => [s.site, s] as const))('%s adapter on a mutated fixture', (site, scenario: SiteScenario) => {
  const page = PAGES[site]!;
  const adapter = adapterOf(site);
  const url = new URL(scenario.startUrl);
  const spoof = scenario.spoofedBodyEmail.toLowerCase();

  it('reads the unmutated fixture without the spoof', () => {
    const doc = page.open();
    // The body selector finds the bodies: spoofs land where a requester writes.
    expect(doc.querySelectorAll(page.body).length).toBeGreaterThan(0);
    const read = adapter.read(doc, url);
    expect(read.status).toBe('found');
    expect(JSON.stringify(read).toLowerCase()).not.toContain(spoof);
  });

  it('never throws and never names the address spoofed into a body', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const doc = page.open();
        for (const m of mutations) mutate(doc, m, page, spoof);
        const read = adapter.read(doc, url);
        expect(JSON.stringify(read).toLowerCase()).not.toContain(spoof);
        adapter.observeRoot?.(doc);
      }),
      { numRuns: 15 },
    );
  });
});

/**
 * The helpdesk APIs on the fixture's own answers (the scenario's routes), then on arbitrary
 * JSON in place of any answer: no throw, and an answer is a list of well-formed people or null.
 */
function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replaceAll('*', '[^/]*'))
    .join('.*');
  return new RegExp(`^${pattern}$`);
}

function fixtureApi(scenario: SiteScenario) {
  const origin = new URL(scenario.startUrl).origin;
  return async (path: string): Promise<unknown> => {
    const route = [...scenario.routes].reverse().find((r) => globToRegExp(r.url).test(origin + path));
    if (!route || (route.status ?? 200) >= 400) throw new SiteApiError(route?.status ?? 404);
    if (route.json !== undefined) return route.json;
    if (!route.file?.endsWith('.json')) throw new SiteApiError(406);
    return JSON.parse(fixtureFile(scenario.site, route.file)) as unknown;
  };
}

/** `value` with the node at a random path replaced by `replacement`. */
function replaceAt(value: unknown, path: number[], replacement: unknown): unknown {
  if (!path.length || value === null || typeof value !== 'object') return replacement;
  const entries = Object.entries(value);
  if (!entries.length) return replacement;
  const [head, ...rest] = path;
  const [key, child] = entries[head! % entries.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  (copy as Record<string, unknown>)[key] = replaceAt(child, rest, replacement);
  return copy;
}

function expectPeople(people: unknown): void {
  if (people === null) return;
  expect(Array.isArray(people)).toBe(true);
  for (const p of people as { email?: unknown; name?: unknown; role?: unknown }[]) {
    expect(['from', 'to', 'cc', 'requester']).toContain(p.role);
    expect(typeof p.email === 'string' || typeof p.name === 'string').toBe(true);
  }
}

describe.each(scenarios.filter((s) => adapterOf(s.site).api).map((s) => [s.site, s] as const))('%s API answers', (site, scenario: SiteScenario) => {
  const api = adapterOf(site).api!;
  const key = api.keyFromUrl(new URL(scenario.startUrl))!;
  const signal = new AbortController().signal;

  it('the fixture answers name the requester, never the spoofed address', async () => {
    const people = await api.participants(key, fixtureApi(scenario), signal);
    expect(people?.length).toBeGreaterThan(0);
    expect(JSON.stringify(people).toLowerCase()).not.toContain(scenario.spoofedBodyEmail.toLowerCase());
  });

  it('never throws on arbitrary JSON, or on fixture answers with any part replaced', async () => {
    const fromFixture = fixtureApi(scenario);
    const answers = fc.oneof(
      fc.jsonValue().map((json) => async () => json),
      fc.record({ path: fc.array(fc.nat(), { maxLength: 6 }), replacement: fc.oneof(fc.jsonValue(), fc.anything()) }).map(({ path, replacement }) => async (p: string) => replaceAt(await fromFixture(p), path, replacement)),
    );
    await fc.assert(
      fc.asyncProperty(answers, async (answer) => {
        expectPeople(await api.participants(key, answer, signal));
      }),
      { numRuns: 60 },
    );
  });
});
