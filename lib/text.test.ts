import { describe, expect, it } from 'vitest';
import { fold, foldedVariants, nameTokens } from './text';

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
