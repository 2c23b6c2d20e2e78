import { describe, expect, it } from 'vitest';
import { cutText, fold, foldedVariants, nameTokens } from './text';

describe('accent folding', () => {
  it.each([
    ['Jürgen', 'jurgen'],
    ['Zoë', 'zoe'],
    ['Weiß', 'weiss'],
    ['Øyvind', 'oyvind'],
    ['ÇELİK', 'celik'],
  ])('%s folds to %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('gives the German transliteration as a second spelling', () => {
    expect(foldedVariants('Müller')).toEqual(['muller', 'mueller']);
    expect(foldedVariants('Hopper')).toEqual(['hopper']);
  });

  it('tokenises names on spaces, hyphens and apostrophes', () => {
    expect(nameTokens('Anna-Lena', "O'Brien", undefined)).toEqual(['anna', 'lena', 'o', 'brien']);
  });
});

describe('cutText', () => {
  it('keeps short text and cuts long text to the limit', () => {
    expect(cutText('Ada', 5)).toBe('Ada');
    expect(cutText('Ada Lovelace', 5)).toBe('Ada L');
  });

  it('never splits a character outside the basic plane in two', () => {
    expect(cutText('Ada 👩‍💻', 5)).toBe('Ada ');
    expect(cutText('Ada 👩‍💻', 6)).toBe('Ada 👩');
  });
});
