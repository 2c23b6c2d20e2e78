/**
 * Accent folding for matching: "Jürgen" and "Jurgen" and "Juergen" must meet.
 * German umlauts fold to the bare vowel (ü → u); `foldedVariants` adds the
 * transliterated spelling (ü → ue) so people who type "mueller" find Müller too.
 */
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };

/** Most names are printable ASCII, which needs no Unicode normalisation (the sync folds every name). */
const ASCII = /^[ -~]*$/;

export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđı]/g, (c) => SPECIAL[c] ?? c);
}

const GERMAN_TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** "Müller" → ["muller", "mueller"]; a word without umlauts gives one variant. */
export function foldedVariants(word: string): string[] {
  const lower = word.toLowerCase();
  if (ASCII.test(lower)) return [lower];
  const plain = fold(lower);
  const transliterated = fold(lower.replace(/[äöüß]/g, (c) => GERMAN_TRANSLITERATION[c] ?? c));
  return plain === transliterated ? [plain] : [plain, transliterated];
}

/** Split a name into folded tokens (with umlaut variants), deduplicated. */
export function nameTokens(...parts: Array<string | undefined>): string[] {
  const tokens = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const word of part.split(/[\s\-'’.,()]+/)) {
      if (!word) continue;
      for (const v of foldedVariants(word)) if (v) tokens.add(v);
    }
  }
  return [...tokens];
}

/** Words of free text (positions, departments), folded, deduplicated; short noise words dropped. */
export function textTokens(...parts: Array<string | undefined>): string[] {
  const tokens = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const word of fold(part).split(/[^\p{L}\p{N}]+/u)) if (word.length >= 2) tokens.add(word);
  }
  return [...tokens];
}

/**
 * `text` cut to at most `max` characters, never between the two halves of a surrogate pair.
 * Text from outside (a page, Personio) is cut before it is matched, stored or shown: a name
 * a hundred thousand characters long is a name nobody needs, and costs every step after it.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  const highSurrogate = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, highSurrogate ? max - 1 : max);
}
