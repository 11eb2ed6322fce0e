/**
 * Pass 4c of the paragraph alignment (see align.ts): moves by containment.
 * A paragraph reworded and moved elsewhere often keeps its sentences but gains
 * (or loses) others around them; its Dice similarity to its new form then
 * falls under the move threshold although one text plainly contains the
 * other. Among the paragraphs still unpaired after every other pass, a pair
 * whose shorter text is found, mostly and in order, inside the longer one is
 * paired. The cost is bounded by counts (cells of the in-order comparison),
 * never by the clock.
 */
import { ALL_PAIRS_LIMIT } from "./move-pass";
import { ShingleIndex } from "./shingle-index";
import { intersectionSize, type FeatureList } from "./similarity";
import { unowned } from "./split-merge";

/**
 * The shorter text of a containment pair needs at least this many words:
 * fewer are found, in order, inside many long paragraphs of one document by
 * chance ("the Member States of the Union").
 */
export const MIN_CONTAINED_WORDS = 8;

/** Share of the shorter text's words that must occur, in order, in the longer one. */
export const CONTAINED_SHARE = 0.8;

/**
 * Words in order are compared by a longest common subsequence costing
 * (shorter × longer) cells; a pair costing more is not considered (two texts
 * of 1,000 words each; far beyond any paragraph a reader would follow).
 */
export const CONTAINMENT_PAIR_CELLS = 1_000_000;

/** Cells the whole pass may spend; candidates past it are left unpaired, in a fixed order. */
export const CONTAINMENT_TOTAL_CELLS = 50_000_000;

/**
 * Share of `shorter`'s words found in order in `longer` (length of their
 * longest common subsequence over `shorter`'s length), in 0..1.
 */
export function inOrderShare(shorter: Uint32Array, longer: Uint32Array): number {
  if (shorter.length === 0) return 0;
  const n = shorter.length;
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  for (let j = 0; j < longer.length; j++) {
    const word = longer[j];
    for (let i = 1; i <= n; i++) {
      current[i] = shorter[i - 1] === word ? previous[i - 1] + 1 : Math.max(previous[i], current[i - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[n] / n;
}

/** One pairing found by containment. */
export interface ContainedPair {
  a: number;
  b: number;
  /** {@link inOrderShare} of the shorter text in the longer. */
  share: number;
}

/**
 * Pairs unowned old and new paragraphs where the shorter text (at least
 * {@link MIN_CONTAINED_WORDS} words) has at least {@link CONTAINED_SHARE} of
 * its words in order inside the longer; best share first, ties in document
 * order (deterministic).
 */
export function findContainedMoves(
  featuresA: FeatureList,
  featuresB: FeatureList,
  ownerA: Int32Array,
  ownerB: Int32Array,
): ContainedPair[] {
  const long = (features: FeatureList) => (index: number) => features.wordSequence(index).length >= MIN_CONTAINED_WORDS;
  const leftA = unowned(ownerA).filter(long(featuresA));
  const leftB = unowned(ownerB).filter(long(featuresB));
  if (leftA.length === 0 || leftB.length === 0) return [];
  let budget = CONTAINMENT_TOTAL_CELLS;
  const found: ContainedPair[] = [];
  const consider = (i: number, j: number) => {
    const wordsA = featuresA.wordSequence(i);
    const wordsB = featuresB.wordSequence(j);
    const [shorter, longer] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
    const cells = shorter.length * longer.length;
    if (cells > CONTAINMENT_PAIR_CELLS || cells > budget) return;
    // Cheap necessary test first: most of the shorter's distinct words occur in the longer.
    const fa = featuresA.get(i);
    const fb = featuresB.get(j);
    const [small, large] = shorter === wordsA ? [fa, fb] : [fb, fa];
    if (intersectionSize(small.unigrams, large.unigrams) < CONTAINED_SHARE * small.unigrams.length) return;
    budget -= cells;
    const share = inOrderShare(shorter, longer);
    if (share >= CONTAINED_SHARE) found.push({ a: i, b: j, share });
  };
  if (leftA.length * leftB.length <= ALL_PAIRS_LIMIT) {
    for (const j of leftB) for (const i of leftA) consider(i, j);
  } else {
    const index = new ShingleIndex(leftA, featuresA);
    for (const j of leftB) for (const i of index.candidates(featuresB.get(j))) consider(i, j);
  }
  found.sort((x, y) => y.share - x.share || x.b - y.b || x.a - y.a);
  const takenA = new Set<number>();
  const takenB = new Set<number>();
  const pairs: ContainedPair[] = [];
  for (const pair of found) {
    if (takenA.has(pair.a) || takenB.has(pair.b)) continue;
    takenA.add(pair.a);
    takenB.add(pair.b);
    pairs.push(pair);
  }
  return pairs;
}
