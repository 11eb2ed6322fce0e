/**
 * Repeated text: documents repeat paragraphs ("The Council notes the
 * report.", "[Reserved]", the same boilerplate under every item), and the
 * similarity passes cannot tell the copies apart: every copy is as similar to
 * every other, and the word-pair index ignores word pairs that occur in too
 * many paragraphs. Where a gap between unique anchors holds text repeated on
 * both sides, the copies are paired by position instead: an edit-distance
 * alignment of the two sequences of paragraph fingerprints, in which an
 * edited copy counts as one substitution (not a deletion plus an insertion),
 * so each copy keeps its counterpart and the edited ones are left face to face
 * for the similarity pass.
 *
 * Ukkonen's banded dynamic programme: the band of diagonals is widened
 * (doubling) until the distance fits inside it, so the cost is
 * O((n + m) · d) for distance d; it is bounded by a cell budget (a count, never
 * the clock), beyond which no pairs are returned and the gap is left to the
 * similarity passes as before.
 */

/** Cells of the dynamic programme one gap may use; 4 million cells is about 10 ms and 4 MB. */
export const RUN_CELL_BUDGET = 4_000_000;

/**
 * Whether some fingerprint occurs on both sides and more than once on at
 * least one: the case where positions, not similarity, tell copies apart.
 */
export function hasSharedRepeats(keysA: readonly string[], keysB: readonly string[]): boolean {
  const counts = new Map<string, { a: number; b: number }>();
  for (const key of keysA) {
    const entry = counts.get(key);
    if (entry) entry.a++;
    else counts.set(key, { a: 1, b: 0 });
  }
  for (const key of keysB) {
    const entry = counts.get(key);
    if (entry) entry.b++;
  }
  for (const { a, b } of counts.values()) if (b > 0 && (a > 1 || b > 1)) return true;
  return false;
}

const DIAGONAL = 0;
const UP = 1; // an old paragraph deleted
const LEFT = 2; // a new paragraph inserted

/**
 * The identical pairs `[i, j]` (indices into `keysA` and `keysB`, both
 * increasing) of a minimal edit-distance alignment with substitutions, or
 * `null` when the alignment would need more than `cellBudget` cells. An
 * edited copy is a substitution, so copies keep their positions; among
 * equally short alignments, copies pair as early as possible, so a deleted
 * item's boilerplate goes with it and each kept item keeps the copy that
 * follows it.
 */
export function alignRuns(
  keysA: readonly string[],
  keysB: readonly string[],
  cellBudget = RUN_CELL_BUDGET,
): Array<[number, number]> | null {
  const n = keysA.length;
  const m = keysB.length;
  if (n === 0 || m === 0) return [];
  for (let k = 1; ; k *= 2) {
    const low = Math.min(0, m - n) - k; // lowest diagonal j - i in the band
    const high = Math.max(0, m - n) + k;
    const width = high - low + 1;
    if ((n + 1) * width > cellBudget) return null;
    const result = bandedAlignment(keysA, keysB, low, width);
    // A path that leaves the band costs more than k, so a distance ≤ k is the minimum.
    if (result.distance <= k || (low <= -n && high >= m)) return result.pairs;
  }
}

function bandedAlignment(
  keysA: readonly string[],
  keysB: readonly string[],
  low: number,
  width: number,
): { distance: number; pairs: Array<[number, number]> } {
  const n = keysA.length;
  const m = keysB.length;
  const INFINITE = n + m + 1;
  const moves = new Uint8Array((n + 1) * width);
  let previous = new Int32Array(width).fill(INFINITE);
  let current = new Int32Array(width).fill(INFINITE);
  // Cell (i, j) is stored at row i, column j - i - low.
  for (let i = 0; i <= n; i++) {
    current.fill(INFINITE);
    const jFrom = Math.max(0, i + low);
    const jTo = Math.min(m, i + low + width - 1);
    for (let j = jFrom; j <= jTo; j++) {
      const column = j - i - low;
      if (i === 0 && j === 0) {
        current[column] = 0;
        continue;
      }
      let best = INFINITE;
      let move = DIAGONAL;
      if (i > 0 && j > 0) {
        // Diagonal of (i - 1, j - 1) is the same column in the previous row.
        best = previous[column] + (keysA[i - 1] === keysB[j - 1] ? 0 : 1);
      }
      if (i > 0 && column + 1 < width && previous[column + 1] + 1 <= best) {
        best = previous[column + 1] + 1;
        move = UP;
      }
      if (j > 0 && column > 0 && current[column - 1] + 1 <= best) {
        best = current[column - 1] + 1;
        move = LEFT;
      }
      current[column] = best;
      moves[i * width + column] = move;
    }
    [previous, current] = [current, previous];
  }
  const distance = previous[m - n - low];
  const pairs: Array<[number, number]> = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const move = i === 0 ? LEFT : j === 0 ? UP : moves[i * width + (j - i - low)];
    if (move === DIAGONAL) {
      if (keysA[i - 1] === keysB[j - 1]) pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (move === UP) i--;
    else j--;
  }
  return { distance, pairs: pairs.reverse() };
}
