/**
 * Rows of the edit-distance table, reused: a typo'd word is compared with every name token,
 * and three fresh arrays per comparison cost more than the comparison.
 */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)] as const;

/**
 * Damerau-Levenshtein distance between `a` and the first `n` characters of `b`, with an early
 * exit above `max`, on three reused rows.
 */
export function editDistance(a: string, b: string, max: number, n = b.length): number {
  if (Math.abs(a.length - n) > max) return max + 1;
  if (rows[0].length < n + 1) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [before, previous, row] = rows;
  for (let j = 0; j <= n; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j += 1) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, before[j - 2]! + 1);
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
  return token.length > word.length && editDistance(word, token, max, word.length) <= max;
}
