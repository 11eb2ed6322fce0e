/**
 * Pass 3 of the paragraph alignment (see align.ts): moves by similarity,
 * with the short-paragraph guard that every similarity pass applies.
 */
import { ShingleIndex } from "./shingle-index";
import { similarity, type FeatureList } from "./similarity";
import { unowned } from "./split-merge";

/**
 * Paragraphs with fewer words than this (labels, definition terms split from
 * their definitions, "Background") pair only when identical and in the local
 * order: by similarity, two unrelated three-word labels easily share a word
 * or two and were paired, and flagged moved.
 */
export const SHORT_PARAGRAPH_WORDS = 4;

/**
 * Gaps with at most this many paragraph pairs are scored exhaustively; larger
 * ones go through the word-pair index. 10,000 pairs cost a few milliseconds
 * and cover every gap of the GCA documents, so real documents get exact
 * results while a wholesale rewrite of a 5,000-paragraph document stays
 * near-linear.
 */
export const ALL_PAIRS_LIMIT = 10_000;

export function isShort(features: FeatureList, index: number): boolean {
  return features.wordSequence(index).length < SHORT_PARAGRAPH_WORDS;
}

/** Whether the short-paragraph guard forbids pairing old `i` with new `j` by similarity. */
export function shortUnlessIdentical(featuresA: FeatureList, featuresB: FeatureList, i: number, j: number): boolean {
  return (isShort(featuresA, i) || isShort(featuresB, j)) && featuresA.key(i) !== featuresB.key(j);
}

/** Pass 3: best-first pairing of leftover paragraphs whose similarity reaches the move threshold. */
export function findMoves(
  featuresA: FeatureList,
  featuresB: FeatureList,
  ownerA: Int32Array,
  ownerB: Int32Array,
  threshold: number,
): Array<{ a: number; b: number }> {
  // Short paragraphs never pair out of order by similarity (see SHORT_PARAGRAPH_WORDS).
  const leftA = unowned(ownerA).filter((i) => !isShort(featuresA, i));
  const leftB = unowned(ownerB).filter((j) => !isShort(featuresB, j));
  if (leftA.length === 0 || leftB.length === 0) return [];
  const scored: Array<{ a: number; b: number; score: number }> = [];
  const consider = (i: number, j: number) => {
    const score = similarity(featuresA.get(i), featuresB.get(j));
    if (score >= threshold) scored.push({ a: i, b: j, score });
  };
  if (leftA.length * leftB.length <= ALL_PAIRS_LIMIT) {
    for (const j of leftB) for (const i of leftA) consider(i, j);
  } else {
    const index = new ShingleIndex(leftA, featuresA);
    for (const j of leftB) for (const i of index.candidates(featuresB.get(j))) consider(i, j);
  }
  // Best first, so each paragraph goes to its most similar partner; ties in
  // document order keep the result deterministic.
  scored.sort((x, y) => y.score - x.score || x.b - y.b || x.a - y.a);
  const takenA = new Set<number>();
  const takenB = new Set<number>();
  const pairs: Array<{ a: number; b: number }> = [];
  for (const pair of scored) {
    if (takenA.has(pair.a) || takenB.has(pair.b)) continue;
    takenA.add(pair.a);
    takenB.add(pair.b);
    pairs.push(pair);
  }
  return pairs;
}
