import { describe, expect, it } from 'vitest';
import { STANDARD_FIELDS } from '../fields';
import { dictionaries, fieldLabelKey, isMessageKey, resolveLang, translator, type MessageKey } from './index';

const PLACEHOLDERS = /\{(\w+)\}/g;
const placeholders = (s: string) => [...s.matchAll(PLACEHOLDERS)].map((m) => m[1]).sort();

describe('resolveLang', () => {
  it('follows the browser on auto', () => {
    expect(resolveLang('auto', 'de')).toBe('de');
    expect(resolveLang('auto', 'de-AT')).toBe('de');
    expect(resolveLang('auto', 'DE-ch')).toBe('de');
    expect(resolveLang('auto', 'en-US')).toBe('en');
    expect(resolveLang('auto', 'fr-FR')).toBe('en');
    expect(resolveLang('auto', 'dk')).toBe('en');
    expect(resolveLang('auto', undefined)).toBe('en');
    expect(resolveLang('auto', '')).toBe('en');
  });

  it('keeps an explicit choice whatever the browser says', () => {
    expect(resolveLang('en', 'de-DE')).toBe('en');
    expect(resolveLang('de', 'en-US')).toBe('de');
    expect(resolveLang('de')).toBe('de');
  });
});

describe('dictionaries', () => {
  const keys = Object.keys(dictionaries.en) as MessageKey[];

  it('has a non-empty German string for every English key, and no extra German keys', () => {
    expect(Object.keys(dictionaries.de).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(dictionaries.de[key].trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of keys) expect(placeholders(dictionaries.de[key]), key).toEqual(placeholders(dictionaries.en[key]));
  });

  it('has a singular form only next to its plural form', () => {
    for (const key of keys.filter((k) => k.endsWith('_one'))) {
      expect(isMessageKey(key.slice(0, -4)), key).toBe(true);
      expect(placeholders(dictionaries.en[key]), key).toContain('count');
    }
  });

  it('labels every standard field in both languages', () => {
    for (const f of STANDARD_FIELDS) {
      expect(translator('en')(fieldLabelKey(f.key))).not.toMatch(/^field_/);
      expect(translator('de')(fieldLabelKey(f.key))).not.toMatch(/^field_/);
    }
    expect(translator('de')('field_supervisor')).toBe('Vorgesetzte:r');
    expect(translator('de')('field_vacationBalance')).toBe('Resturlaub');
    expect(translator('de')('notInPersonio')).toBe('Nicht in Personio');
  });

  it('explains every sync error kind in both languages', () => {
    for (const kind of ['bad-credentials', 'forbidden', 'attribute-not-granted', 'rate-limited', 'network', 'server', 'malformed', 'storage', 'policy', 'unknown']) {
      expect(isMessageKey(`error_${kind}`), kind).toBe(true);
    }
  });
});

describe('translator', () => {
  const en = translator('en');
  const de = translator('de');

  it('substitutes placeholders', () => {
    expect(en('openPerson', { name: 'Ada Lovelace' })).toBe('Show Ada Lovelace');
    expect(de('openPerson', { name: 'Ada Lovelace' })).toBe('Ada Lovelace anzeigen');
    expect(en('syncPages', { done: 3, total: 10 })).toBe('Page 3 of 10');
    expect(de('awayUntil', { date: 'Fr., 27. Nov.' })).toBe('Abwesend bis Fr., 27. Nov.');
  });

  it('inserts values literally: no replacement patterns, no second pass', () => {
    expect(en('openPerson', { name: '$& $1 $$' })).toBe('Show $& $1 $$');
    expect(en('openPerson', { name: '{name}' })).toBe('Show {name}');
    expect(en('hireDateTenure', { date: '{tenure}', tenure: 'x' })).toBe('{tenure} · x');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(en('openPerson')).toBe('Show {name}');
    expect(en('openPerson', {})).toBe('Show {name}');
  });

  it('formats numbers for the language', () => {
    expect(en('summaryStored', { count: 1234 })).toBe('1,234 people synced');
    expect(de('summaryStored', { count: 1234 })).toBe('1.234 Personen synchronisiert');
    expect(de('weeklyHoursValue', { count: 37.5 })).toBe('37,5 Stunden pro Woche');
  });

  it('picks the singular form for a count of one', () => {
    expect(en('days', { count: 1 })).toBe('1 day');
    expect(en('days', { count: 2 })).toBe('2 days');
    expect(en('days', { count: 0 })).toBe('0 days');
    expect(de('days', { count: 1 })).toBe('1 Tag');
    expect(de('days', { count: 1.5 })).toBe('1,5 Tage');
    expect(en('days', { count: '1' })).toBe('1 days'); // a string is not a count
  });

  it('falls back to English, then to the key, for keys built at runtime', () => {
    expect(en('error_nonsense' as MessageKey)).toBe('error_nonsense');
  });

  it('returns one function per language', () => {
    expect(translator('de')).toBe(de);
  });
});
