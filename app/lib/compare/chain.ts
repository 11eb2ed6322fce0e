/**
 * Heaviest order-preserving chain of candidate pairings.
 *
 * Given weighted candidate pairs (a-index, b-index), pick a subset in which
 * both indices strictly increase and whose total weight is maximal. With
 * unit weights this is patience diff's longest increasing subsequence; with
 * similarity weights it is a sparse weighted LCS. Both run in
 * O(C log n) for C candidates, which is what keeps alignment near-linear:
 * we never build the n × m dynamic-programming table of a classic LCS.
 */

/** A candidate pairing of paragraph `a` (old version) with paragraph `b` (new version). */
export interface ChainCandidate {
  /** Index into the old version. */
  a: number;
  /** Index into the new version. */
  b: number;
  /** Positive weight; the chain maximizes the sum. */
  weight: number;
}

/**
 * Returns the heaviest subset of `candidates` with strictly increasing `a`
 * and `b`, ordered by `b`. Deterministic: ties keep the candidate met first
 * in (b ascending, a descending) order.
 *
 * @param aSize exclusive upper bound of every candidate's `a`.
 */
export function heaviestChain<T extends ChainCandidate>(candidates: readonly T[], aSize: number): T[] {
  if (candidates.length === 0) return [];
  // Sorting equal b by descending a guarantees that two candidates for the
  // same b can never both be taken: the later one has a smaller a.
  const order = candidates
    .map((_, index) => index)
    .sort((x, y) => candidates[x].b - candidates[y].b || candidates[y].a - candidates[x].a || x - y);

  // Fenwick tree over a-positions holding (best chain weight ending at or
  // before this a, candidate index of that chain's last element).
  const treeWeight = new Float64Array(aSize + 1);
  const treeIndex = new Int32Array(aSize + 1).fill(-1);
  const previous = new Int32Array(candidates.length).fill(-1);
  const total = new Float64Array(candidates.length);

  let bestIndex = -1;
  let bestWeight = 0;
  for (const index of order) {
    const candidate = candidates[index];
    // Best chain whose last a is < candidate.a (positions are 1-based in the tree).
    let prefixWeight = 0;
    let prefixIndex = -1;
    for (let position = candidate.a; position > 0; position -= position & -position) {
      if (treeWeight[position] > prefixWeight) {
        prefixWeight = treeWeight[position];
        prefixIndex = treeIndex[position];
      }
    }
    const weight = prefixWeight + candidate.weight;
    total[index] = weight;
    previous[index] = prefixIndex;
    for (let position = candidate.a + 1; position <= aSize; position += position & -position) {
      if (weight > treeWeight[position]) {
        treeWeight[position] = weight;
        treeIndex[position] = index;
      }
    }
    if (weight > bestWeight) {
      bestWeight = weight;
      bestIndex = index;
    }
  }

  const chain: T[] = [];
  for (let index = bestIndex; index !== -1; index = previous[index]) chain.push(candidates[index]);
  return chain.reverse();
}
