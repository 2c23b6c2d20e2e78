/**
 * The best score each row reached in one search. Typed arrays, not a Map, at 50,000 rows, and
 * allocated once per index rather than per keystroke: zeroing half a megabyte on every query
 * cost more than ranking. A row counts as set when its stamp is the current search's.
 */
export class Scores {
  private readonly score: Float64Array;
  private readonly seen: Uint32Array;
  /** Rows visited by the pass under way (several tokens may list the same row). */
  private readonly visited: Uint32Array;
  private stamp = 0;
  private visit = 0;
  /** The rows scored, in the order first scored: rows[0 .. count). */
  readonly rows: Int32Array;
  count = 0;

  constructor(size: number) {
    this.score = new Float64Array(size);
    this.seen = new Uint32Array(size);
    this.visited = new Uint32Array(size);
    this.rows = new Int32Array(size);
  }

  /** Forget the last search's scores (O(1): the stamp moves on). */
  reset(): void {
    this.count = 0;
    this.stamp = next(this.stamp, this.seen);
  }

  /** Start a pass over candidate rows: `firstVisit` is true once per row until the next pass. */
  startPass(): void {
    this.visit = next(this.visit, this.visited);
  }

  firstVisit(row: number): boolean {
    if (this.visited[row] === this.visit) return false;
    this.visited[row] = this.visit;
    return true;
  }

  raise(row: number, score: number): void {
    if (this.seen[row] !== this.stamp) {
      this.seen[row] = this.stamp;
      this.rows[this.count++] = row;
      this.score[row] = score;
    } else if (score > this.score[row]!) this.score[row] = score;
  }

  of(row: number): number {
    return this.score[row]!;
  }
}

/** The stamp after `stamp`; on wrapping, the stamps are cleared so that no old one matches. */
function next(stamp: number, stamps: Uint32Array): number {
  if (stamp < 0xffffffff) return stamp + 1;
  stamps.fill(0);
  return 1;
}

/**
 * The best `limit` rows, by score, then by row. Rows are numbered in folded-name order
 * (snapshot.ts), so "then by row" is "then by folded name" without comparing strings. A
 * partial selection: a candidate below the current last place costs one comparison.
 */
export function topRows(scores: Scores, limit: number): number[] {
  const rows: number[] = [];
  const best: number[] = [];
  for (let k = 0; k < scores.count; k += 1) {
    const row = scores.rows[k]!;
    const score = scores.of(row);
    const n = rows.length;
    if (n === limit && !(score > best[n - 1]! || (score === best[n - 1] && row < rows[n - 1]!))) continue;
    let i = n === limit ? n - 1 : n;
    while (i > 0 && (score > best[i - 1]! || (score === best[i - 1] && row < rows[i - 1]!))) {
      rows[i] = rows[i - 1]!;
      best[i] = best[i - 1]!;
      i -= 1;
    }
    rows[i] = row;
    best[i] = score;
  }
  return rows;
}
