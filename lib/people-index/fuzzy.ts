/** Damerau-Levenshtein distance with an early exit above `max`, on three reused rows. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let row = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [before, previous, row] = [previous, row, before];
  }
  return previous[n]!;
}

/** How many typos a word of this length may carry and still match. */
export function allowedTypos(word: string): number {
  return word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0;
}

/** A typo'd word matches a token, or the token's start of about the same length (a typo'd prefix). */
export function fuzzyMatches(word: string, token: string, max = allowedTypos(word)): boolean {
  if (max === 0) return false;
  // Cheap gate first: a typo rarely hits both of the first two letters.
  if (token[0] !== word[0] && token[1] !== word[1] && !(token[0] === word[1] && token[1] === word[0])) return false;
  if (editDistance(word, token, max) <= max) return true;
  return token.length > word.length && editDistance(word, token.slice(0, word.length), max) <= max;
}
