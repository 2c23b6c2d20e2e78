import { describe, expect, it } from 'vitest';
import { addressInText, displayNameOf, emailOf, MAX_PAGE_TEXT, participantInRecord, peopleIn, peopleUnder } from './dom';
import { normaliseEmail } from './types';

/**
 * What a page (or a requester choosing their own display name) can put where an adapter reads
 * names, titles and "Name <address>" text: 100 KB built to make a backtracking pattern try
 * every split. Each reader must stay linear on them.
 */
const ADVERSARIAL: Record<string, string> = {
  'a@ repeated': 'a@'.repeat(50_000),
  'one long word': 'a'.repeat(100_000),
  'a domain of dots': 'a@' + 'b.'.repeat(50_000) + '@',
  'mixed separators': 'a@b. ;<:(x'.repeat(10_000),
  'spaces and tabs': 'a' + ' \t'.repeat(50_000) + 'b',
  'open brackets': '<a'.repeat(50_000),
  'a long name, then an address': 'Lena Hoffmann '.repeat(7_000) + '<lena@acme.example>',
};

/** A generous bound: it catches quadratic or exponential blow-up (seconds), not a slow machine. */
const BOUND_MS = 50;

/** The fastest of three runs: a pause of a busy machine does not repeat, a blow-up does. */
function elapsed(run: () => unknown): number {
  let fastest = Infinity;
  for (let i = 0; i < 3 && fastest >= BOUND_MS; i += 1) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild!;
}

describe('reading addresses and names from page text', () => {
  describe.each(Object.entries(ADVERSARIAL))('on 100 KB of %s', (_kind, text) => {
    it(`finds addresses in under ${BOUND_MS} ms`, () => {
      expect(elapsed(() => addressInText(text))).toBeLessThan(BOUND_MS);
      expect(elapsed(() => normaliseEmail(text))).toBeLessThan(BOUND_MS);
    });

    it(`reads a name in under ${BOUND_MS} ms`, () => {
      expect(elapsed(() => displayNameOf(text))).toBeLessThan(BOUND_MS);
      expect(elapsed(() => participantInRecord({ email: 'ada@acme.example', name: text }, 'requester'))).toBeLessThan(BOUND_MS);
    });

    it(`reads a header field and a title in under ${BOUND_MS} ms`, () => {
      const field = document.createElement('div');
      field.textContent = text;
      expect(elapsed(() => peopleIn(field, 'to'))).toBeLessThan(BOUND_MS);
      const titled = document.createElement('span');
      titled.setAttribute('title', text);
      titled.textContent = text;
      expect(elapsed(() => emailOf(titled))).toBeLessThan(BOUND_MS);
      expect(elapsed(() => peopleUnder(titled, 'from', () => false))).toBeLessThan(BOUND_MS);
    });
  });

  it('cuts a requester-chosen name to MAX_PAGE_TEXT characters', () => {
    const requester = participantInRecord({ email: 'ada@acme.example', name: 'Ada '.repeat(500) }, 'requester');
    expect(requester?.email).toBe('ada@acme.example');
    expect(requester?.name?.startsWith('Ada Ada')).toBe(true);
    expect(requester?.name?.length).toBeLessThanOrEqual(MAX_PAGE_TEXT);
    const field = element('<div>To: <span title="ada@acme.example">' + 'Ada '.repeat(500) + '</span></div>');
    expect(peopleIn(field, 'to')[0]?.name?.length).toBeLessThanOrEqual(MAX_PAGE_TEXT);
  });

  it.each([
    ['Ada Lovelace (ada@acme.example)', 'ada@acme.example'],
    ['Ada Lovelace <ada.lovelace@mail.acme.example>', 'ada.lovelace@mail.acme.example'],
    ['"Lovelace, Ada" <ada@acme.example>;', 'ada@acme.example'],
    ['From: ada@acme.example', 'ada@acme.example'],
    ['[ada@acme.example], grace@acme.example', 'ada@acme.example'],
    ['Ada Lovelace', null],
    ['ada@localhost', null],
    ['@acme.example', null],
  ])('finds the address in %j', (text, address) => {
    expect(addressInText(text)).toBe(address);
  });

  it('takes a title that holds an address as the address, and text holding one as no name', () => {
    expect(emailOf(element('<span title="Grace Hopper (Grace.Hopper@Acme.example)">Grace</span>'))).toBe('grace.hopper@acme.example');
    expect(displayNameOf('  Grace \n Hopper ')).toBe('Grace Hopper');
    expect(displayNameOf('Grace <grace@acme.example>')).toBeUndefined();
  });

  it('reads every "Name <address>" of a header field, with its name', () => {
    const field = document.createElement('div');
    field.textContent = 'To: Ada Lovelace <ada@acme.example>, Grace Hopper <grace@acme.example>; <zoe@acme.example>';
    expect(peopleIn(field, 'to')).toEqual([
      { email: 'ada@acme.example', name: 'Ada Lovelace', role: 'to' },
      { email: 'grace@acme.example', name: 'Grace Hopper', role: 'to' },
      { email: 'zoe@acme.example', role: 'to' },
    ]);
  });
});
