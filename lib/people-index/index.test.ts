import { describe, expect, it } from 'vitest';
import { nameTokens } from '../text';
import { editDistance } from './fuzzy';
import { PeopleIndex, type IndexedPerson } from './index';
import { compareLine, lineAt, linesOf, prefixRange } from './lines';
import { Scores, topRows } from './scores';
import { rowTokens, tokenTable } from './token-table';

function person(id: number, name: string, extra: Partial<IndexedPerson> = {}): IndexedPerson {
  const email = `${name.toLowerCase().replace(/\s+/g, '.')}@acme.example`;
  return { id, name, email, folded: name.toLowerCase(), nameTokens: nameTokens(...name.split(' '), email.split('@')[0]), tagTokens: [], ...extra };
}

describe('lines', () => {
  const words = ['', 'a', 'ab', 'abc', 'b', 'ba', 'zoë', 'Zoe', 'ä'];
  const lines = linesOf(words.join('\n'));
  it('reads each line back', () => {
    expect(words.map((_, i) => lineAt(lines, i))).toEqual(words);
  });
  it('compares a line as < compares strings', () => {
    for (const [i, w] of words.entries()) for (const s of words) expect(Math.sign(compareLine(lines, i, s))).toBe(w < s ? -1 : w > s ? 1 : 0);
  });
  it('finds the range of sorted lines starting with a prefix', () => {
    const sorted = linesOf([...words].sort().join('\n'));
    const all = [...words].sort();
    for (const p of ['a', 'ab', 'b', 'c', 'z', '']) {
      const { from, to } = prefixRange(sorted, p);
      expect(all.slice(from, to)).toEqual(all.filter((w) => w.startsWith(p)));
    }
  });
});

describe('topRows', () => {
  it('keeps the best rows by score, then by row, as a full sort would', () => {
    const scores = new Scores(500);
    for (let round = 0; round < 3; round += 1) {
      scores.reset();
      const given: Array<[number, number]> = [];
      for (let row = 0; row < 500; row += 1) {
        if ((row * 7 + round) % 3 === 0) continue;
        const score = ((row * 7919 + round) % 13) * 10 - (row % 5) / 1000;
        scores.raise(row, score);
        given.push([row, score]);
      }
      const sorted = given.sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([row]) => row);
      for (const limit of [1, 5, 20]) expect(topRows(scores, limit)).toEqual(sorted.slice(0, limit));
    }
  });
});

describe('rowTokens', () => {
  it('lists each row’s token ids', () => {
    const people = [['b', 'a'], ['c'], [], ['a', 'c']];
    const table = tokenTable(people, (p) => p);
    const byRow = rowTokens(table, people.length);
    const tokensOf = (row: number) => [...byRow.ids.slice(byRow.starts[row], byRow.starts[row + 1])].map((t) => table.tokens[t]).sort();
    expect(people.map((_, row) => tokensOf(row))).toEqual(people.map((p) => [...p].sort()));
  });
});

describe('editDistance', () => {
  it('measures against the start of a token when told its length', () => {
    expect(editDistance('lovelcae', 'lovelace', 2)).toBe(1);
    expect(editDistance('hopr', 'hopperton', 1, 4)).toBe(1);
    expect(editDistance('hopr', 'hopperton', 1)).toBe(2);
    expect(editDistance('abc', 'xyzxyz', 1)).toBe(2);
  });
});

describe('PeopleIndex ranking', () => {
  it('puts equal matches shorter names first, then in name order, then in the order given', () => {
    const index = PeopleIndex.fromPeople([person(1, 'Mara Zed'), person(5, 'Marc Abel'), person(2, 'Mara Abel'), person(3, 'Mara Abel'), person(4, 'Marc Abel')]);
    expect(index.search('mar', 10).map((h) => h.id)).toEqual([1, 2, 3, 5, 4]);
  });
  it('ranks the whole name first, then whole words, then a word’s start', () => {
    const index = PeopleIndex.fromPeople([person(1, 'Ann Lee Smith'), person(2, 'Ann Lee'), person(3, 'Ann Leeds')]);
    expect(index.search('ann lee', 10).map((h) => h.id)).toEqual([2, 1, 3]);
  });
  it('ranks an address whose name part is the query above names', () => {
    const index = PeopleIndex.fromPeople([person(1, 'Jo Bright'), person(2, 'Joanna Bright', { email: 'jo@acme.example' })]);
    expect(index.search('jo', 10).map((h) => h.id)).toEqual([2, 1]);
  });
  it('applies a sync’s changes as an index built anew would hold them, ties kept in place', () => {
    const before = [person(1, 'Mara Abel'), person(2, 'Mara Abel', { position: 'Nurse' }), person(3, 'Mara Abel'), person(4, 'Grace Hopper'), person(5, 'Ada Lovelace')];
    const updated = person(2, 'Mara Abel', { position: 'Surgeon' });
    const added = [person(6, 'Mara Abel'), person(7, 'Adam Smith')];
    const index = PeopleIndex.fromPeople(before).apply([updated, ...added, person(4, 'Grace Hopper')], [4, 5]);
    const anew = PeopleIndex.fromPeople([before[0]!, updated, before[2]!, ...added]);
    expect(index.size).toBe(5);
    for (const q of ['mara', 'mara abel', 'surgeon', 'nurse', 'grace', 'ada', 'a']) expect(index.search(q, 10)).toEqual(anew.search(q, 10));
    expect(index.search('mara', 10).map((h) => h.id)).toEqual([1, 2, 3, 6]);
  });

  it('survives a snapshot round trip with the same results', () => {
    const index = PeopleIndex.fromPeople([person(1, 'Ada Lovelace', { position: 'Engineer' }), person(2, 'Grace Hopper'), person(3, 'Adam Smith')]);
    const again = PeopleIndex.fromSnapshot(structuredClone(index.toSnapshot()))!;
    for (const q of ['ada', 'a', 'lovelcae', 'engineer', 'ada.lovelace@acme.example', 'hoper grace']) expect(again.search(q)).toEqual(index.search(q));
  });
});
