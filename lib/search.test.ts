import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SidecardDB, type FirstLettersEntry, type PeopleSnapshotEntry } from './db';
import type { Employee } from './employee';
import { editDistance, PeopleIndex } from './people-index';
import { forgetSearchIndex, markSearchIndexBehind, onFirstLetters, peopleIndex, searchPeople, searchWarmedUp, TableChanges, updateSearchIndex, warmingQueries, type FirstLetters } from './search';
import { nameTokens } from './text';

function person(id: number, first: string, last: string, extra: Partial<Employee> = {}): Employee {
  const email = `${first}.${last}@acme.example`.toLowerCase().replace(/ü/g, 'ue').replace(/ö/g, 'oe').replace(/ä/g, 'ae').replace(/ß/g, 'ss').replace(/ë/g, 'e');
  return {
    v: 1, id, email, firstName: first, lastName: last,
    nameTokens: nameTokens(first, last, email.split('@')[0]),
    ...extra,
  };
}

let database: SidecardDB;
beforeEach(async () => {
  forgetSearchIndex();
  database = new SidecardDB(`search-${Math.random()}`);
  await database.employees.bulkPut([
    person(1, 'Jürgen', 'Müller', { position: 'Head of People', department: { id: 1, name: 'People & Culture' } }),
    person(2, 'Anna', 'Mullins', { position: 'Sales Manager', department: { id: 2, name: 'Sales' } }),
    person(3, 'Ada', 'Lovelace', { position: 'Senior Software Engineer', department: { id: 3, name: 'Engineering' } }),
    person(4, 'Zoë', 'Schäfer', { position: 'HR Business Partner', department: { id: 1, name: 'People & Culture' } }),
    person(5, 'Müller', 'Schmidt', { position: 'Accountant', department: { id: 4, name: 'Finance' } }),
    person(6, 'Adam', 'Smith', { position: 'Engineer', department: { id: 3, name: 'Engineering' } }),
  ]);
});

const names = async (q: string) => (await searchPeople(q, 10, database)).map((h) => h.name);

describe('searchPeople', () => {
  it('matches prefixes across umlauts ("mull" finds Müller and Mullins)', async () => {
    expect(await names('mull')).toEqual(expect.arrayContaining(['Jürgen Müller', 'Anna Mullins', 'Müller Schmidt']));
  });
  it('ignores accents and accepts transliterations', async () => {
    expect((await names('jurgen'))[0]).toBe('Jürgen Müller');
    expect((await names('mueller'))[0]).toBe('Jürgen Müller');
    expect((await names('zoe schafer'))[0]).toBe('Zoë Schäfer');
  });
  it('tolerates typos when prefixes find too little', async () => {
    expect((await names('lovelcae'))[0]).toBe('Ada Lovelace');
    expect((await names('schaefr'))[0]).toBe('Zoë Schäfer');
  });
  it('ranks exact full names and exact emails first', async () => {
    expect((await names('ada lovelace'))[0]).toBe('Ada Lovelace');
    expect((await names('ada'))[0]).toBe('Ada Lovelace');
    expect((await names('ada.lovelace@acme.example'))).toEqual(['Ada Lovelace']);
    expect((await names('juergen.m'))).toEqual(['Jürgen Müller']);
  });
  it('finds people by position, department and team', async () => {
    expect(await names('engineering')).toEqual(expect.arrayContaining(['Ada Lovelace', 'Adam Smith']));
    expect(await names('accountant')).toEqual(['Müller Schmidt']);
  });
  it('requires every word to match', async () => {
    expect(await names('lovelace smith')).toEqual([]);
    expect(await names('ada smith')).toEqual(['Adam Smith']);
  });
});

describe('the index follows the stored rows', () => {
  it('a sync that renames, adds and removes people is searchable as soon as it is applied', async () => {
    expect(await names('lovelace')).toEqual(['Ada Lovelace']);
    await database.employees.put(person(3, 'Ada', 'King', { position: 'Senior Software Engineer' }));
    await database.employees.put(person(7, 'Grace', 'Hopper'));
    await database.employees.delete(6);
    await updateSearchIndex([3, 6, 7], database);
    expect(await names('lovelace')).toEqual([]);
    expect(await names('ada king')).toEqual(['Ada King']);
    expect(await names('hopper')).toEqual(['Grace Hopper']);
    expect(await names('smith')).toEqual([]);
  });
  it('a run that rewrote everyone is followed from the rows it wrote, without reading the table again', async () => {
    expect(await names('lovelace')).toEqual(['Ada Lovelace']);
    const rewritten = [1, 2, 4, 5, 6].map((id) => person(id, 'Someone', `Number${id}`));
    rewritten.push(person(3, 'Ada', 'King'));
    await database.employees.bulkPut(rewritten);
    const changes = new TableChanges();
    changes.add(rewritten.map((e) => e.id), rewritten);
    changes.add([6]); // then removed (a sweep reports only ids)
    await database.employees.delete(6);
    const toArray = vi.spyOn(database.employees, 'toArray');
    const bulkGet = vi.spyOn(database.employees, 'bulkGet');
    await updateSearchIndex(changes.ids, database, changes.written);
    expect(await names('ada king')).toEqual(['Ada King']);
    expect(await names('lovelace')).toEqual([]);
    expect((await names('someone')).sort()).toEqual(['Someone Number1', 'Someone Number2', 'Someone Number4', 'Someone Number5']);
    expect(toArray).not.toHaveBeenCalled();
    expect(bulkGet.mock.calls.flatMap(([ids]) => [...ids])).toEqual([6]);
  });
  it('a field no longer stored is no longer searchable after a rebuild', async () => {
    expect(await names('accountant')).toEqual(['Müller Schmidt']);
    await database.employees.toCollection().modify((e) => {
      delete e.position;
    });
    await updateSearchIndex('all', database);
    expect(await names('accountant')).toEqual([]);
    expect(await names('finance')).toEqual(['Müller Schmidt']);
  });
  it('a woken worker searches the persisted index without reading the employees again', async () => {
    await names('ada'); // builds and persists the index
    forgetSearchIndex(); // the worker was stopped
    const read = vi.spyOn(database.employees, 'toArray');
    expect((await names('ada lovelace'))[0]).toBe('Ada Lovelace');
    expect(read).not.toHaveBeenCalled();
  });
  it('a worker stopped after the rows changed but before the index followed them finds people as stored', async () => {
    await names('ada'); // builds and persists the index
    await markSearchIndexBehind(database); // a sync starts
    await database.employees.put(person(3, 'Ada', 'King'));
    forgetSearchIndex(); // stopped before updateSearchIndex ran
    expect(await names('ada king')).toEqual(['Ada King']);
    expect(await names('lovelace')).toEqual([]);
    // The rebuilt snapshot is trusted again by the next worker, without reading the table.
    forgetSearchIndex();
    const read = vi.spyOn(database.employees, 'toArray');
    expect(await names('ada king')).toEqual(['Ada King']);
    expect(read).not.toHaveBeenCalled();
  });
  it('a run that changed no one leaves the snapshot trusted, unless this worker never held it', async () => {
    await names('ada');
    await markSearchIndexBehind(database);
    await updateSearchIndex([], database);
    expect(await database.searchIndex.get('behind')).toBeUndefined();

    // A worker that never loaded the index cannot vouch for the snapshot: the mark stays.
    await markSearchIndexBehind(database);
    await database.employees.put(person(3, 'Ada', 'King'));
    forgetSearchIndex(); // stopped; the next run changes no one
    await updateSearchIndex([], database);
    expect(await database.searchIndex.get('behind')).toBeDefined();
    expect(await names('king')).toEqual(['Ada King']);
  });
  it('a snapshot that cannot be written (a full disk) leaves search working and the mark in place', async () => {
    await names('ada');
    await markSearchIndexBehind(database);
    await database.employees.put(person(7, 'Grace', 'Hopper'));
    vi.spyOn(database.searchIndex, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await updateSearchIndex([7], database);
    expect(await names('hopper')).toEqual(['Grace Hopper']);
    expect(await database.searchIndex.get('behind')).toBeDefined();
    forgetSearchIndex();
    expect(await names('hopper')).toEqual(['Grace Hopper']);
  });
  it('a snapshot keeps every searchable field, and a foreign string is refused', () => {
    const index = PeopleIndex.fromEmployees([person(1, 'Jürgen', 'Müller', { position: 'Head of People', department: { id: 1, name: 'People\tCulture' } })]);
    const copy = PeopleIndex.fromSnapshot(index.toSnapshot())!;
    expect(copy.search('mueller')).toEqual([{ id: 1, name: 'Jürgen Müller', email: 'juergen.mueller@acme.example', position: 'Head of People', department: 'People Culture' }]);
    expect(copy.search('head')).toHaveLength(1);
    expect(PeopleIndex.fromSnapshot('people-index/1\n1\tAda')).toBeUndefined();
    expect(PeopleIndex.fromSnapshot({ ...index.toSnapshot(), emails: '' })).toBeUndefined();
  });
});

describe('one-letter results for the first keystroke', () => {
  it('are worked out once per index, kept with its snapshot, and withdrawn when the index is replaced', async () => {
    const heard: Array<FirstLetters | undefined> = [];
    onFirstLetters((letters) => heard.push(letters));
    try {
      await names('a');
      await vi.waitFor(() => expect(heard.at(-1)).toBeDefined());
      const letters = heard.at(-1)!;
      expect(letters['a']!.map((h) => h.name)).toEqual(await names('a'));
      expect(letters['m']!.map((h) => h.name)).toEqual(expect.arrayContaining(['Jürgen Müller', 'Anna Mullins']));
      const snapshot = (await database.searchIndex.get('people')) as PeopleSnapshotEntry;
      const kept = (await database.searchIndex.get('letters')) as FirstLettersEntry | undefined;
      expect(kept?.letters['a']).toEqual(letters['a']);
      expect(kept?.builtAt).toBe(snapshot.builtAt);

      // A woken worker takes them as kept instead of working them out again.
      forgetSearchIndex();
      heard.length = 0;
      const prime = vi.spyOn(PeopleIndex.prototype, 'prime');
      await names('z');
      await vi.waitFor(() => expect(heard.at(-1)).toBeDefined());
      expect(prime).not.toHaveBeenCalled();
      prime.mockRestore();

      // New data: the old letters are withdrawn at once, then worked out again.
      heard.length = 0;
      await database.employees.put(person(7, 'Ava', 'Aalto'));
      await updateSearchIndex([7], database);
      expect(heard[0]).toBeUndefined();
      await vi.waitFor(() => expect(heard.at(-1)?.['a']?.map((h) => h.name)).toContain('Ava Aalto'));
    } finally {
      onFirstLetters(undefined);
    }
  });

  it('are not taken from an earlier snapshot, and saving them leaves the snapshot as it was', async () => {
    const heard: Array<FirstLetters | undefined> = [];
    onFirstLetters((letters) => heard.push(letters));
    try {
      await names('a');
      await vi.waitFor(async () => expect(await database.searchIndex.get('letters')).toBeDefined());
      const snapshot = (await database.searchIndex.get('people')) as PeopleSnapshotEntry;
      expect(snapshot).not.toHaveProperty('firstLetters');
      // Letters stamped with another snapshot (a worker stopped between a new snapshot and its letters).
      const stale = { a: [{ id: 999, name: 'Nobody Here', email: 'nobody@acme.example' }] };
      await database.searchIndex.put({ key: 'letters', builtAt: snapshot.builtAt - 1, letters: stale });
      forgetSearchIndex();
      heard.length = 0;
      const prime = vi.spyOn(PeopleIndex.prototype, 'prime');
      await names('z');
      await vi.waitFor(() => expect(heard.at(-1)).toBeDefined());
      expect(prime).toHaveBeenCalled();
      prime.mockRestore();
      expect(heard.at(-1)!['a']!.map((h) => h.name)).toContain('Anna Mullins');
      expect(await names('a')).not.toContain('Nobody Here');
      expect(((await database.searchIndex.get('letters')) as FirstLettersEntry).builtAt).toBe(snapshot.builtAt);
    } finally {
      onFirstLetters(undefined);
    }
  });
});

describe('warming the search when an index loads', () => {
  it('runs a query of each shape, each finding the person it was made from', () => {
    const index = PeopleIndex.fromEmployees([person(1, 'Jürgen', 'Müller'), person(2, 'Anna', 'Mullins'), person(3, 'Grace', 'Hopper')]);
    const queries = warmingQueries('Jürgen Müller');
    // A prefix, two words, a typo, a typo and a second word.
    expect(queries).toEqual(['jü', 'jürgen m', 'jrügen', 'jrügen mül']);
    for (const query of queries) expect(index.search(query).map((h) => h.id), query).toContain(1);
    expect(warmingQueries('Al Wu')).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('lovelcae', 'lovelace', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
});

describe('searchWarmedUp', () => {
  it('resolves once the loaded index has worked out every first letter', async () => {
    await searchWarmedUp(database);
    const letters = (await peopleIndex(database)).primedLetters();
    expect(Object.keys(letters).sort()).toEqual([...'abcdefghijklmnopqrstuvwxyz']);
    expect(letters.z?.map((h) => h.name)).toEqual(['Zoë Schäfer']);
  });
});
