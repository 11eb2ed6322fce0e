/**
 * Pass 4 of the paragraph alignment (see align.ts): splits and merges. A
 * one-to-one pairing absorbs adjacent unpaired pieces of its paragraph, and
 * an unpaired paragraph covered by a run of unpaired pieces on the other side
 * becomes a split (or, with the sides swapped, a merge).
 */
import { ShingleIndex } from "./shingle-index";
import { containment, novelContainment, unionFeatures, type FeatureList, type TextFeatures } from "./similarity";

/**
 * A paragraph counts as a piece of a split (or merge) when at least this
 * share of its word pairs occurs in the paragraph it came from. Pieces are
 * usually lightly edited on the way, so exact containment is not required;
 * unrelated paragraphs of the same document share under 0.2 of their pairs.
 */
export const PIECE_CONTAINMENT = 0.7;

/**
 * Pieces with fewer word pairs than this are not trusted as pieces: three or
 * fewer words are contained in many long paragraphs by chance.
 */
export const MIN_PIECE_BIGRAMS = 3;

/**
 * A split found from scratch (no one-to-one pairing to start from) must cover
 * at least this share of the original paragraph's word pairs; otherwise it is
 * more likely a deletion plus new text that quotes a phrase of it.
 */
export const SPLIT_COVERAGE = 0.6;

/**
 * A paragraph adjacent to a one-to-one pairing joins it as a further piece
 * only if at least this share of its word pairs comes from the other side's
 * paragraph *and is missing from its current partner*. Without this test a
 * new paragraph that repeats a sentence still present in the pair (a copy,
 * not a split) would be absorbed.
 */
export const MIN_PIECE_NOVELTY = 0.5;

/** Old and new paragraph indices of a pairing (align.ts's groups under construction). */
export interface Pairing {
  a: number[];
  b: number[];
}

/** Indices of the paragraphs no pairing owns yet. */
export function unowned(owner: Int32Array): number[] {
  const free: number[] = [];
  owner.forEach((value, index) => {
    if (value === -1) free.push(index);
  });
  return free;
}

function isPiece(part: TextFeatures, whole: TextFeatures): boolean {
  return part.bigrams.length >= MIN_PIECE_BIGRAMS && containment(part, whole) >= PIECE_CONTAINMENT;
}

/**
 * The run of consecutive unowned paragraphs around `seed` (inclusive) that are
 * pieces of `whole`. `seed` itself is taken as given, whoever owns it.
 */
function pieceRun(seed: number, whole: TextFeatures, features: FeatureList, owner: Int32Array): number[] {
  let start = seed;
  while (start > 0 && owner[start - 1] === -1 && isPiece(features.get(start - 1), whole)) start--;
  let end = seed;
  while (end + 1 < features.length && owner[end + 1] === -1 && isPiece(features.get(end + 1), whole)) end++;
  const run: number[] = [];
  for (let index = start; index <= end; index++) run.push(index);
  return run;
}

/**
 * Pass 4a: a one-to-one pairing absorbs adjacent unpaired paragraphs of the
 * other side that are pieces of its paragraph (split if the new side grows,
 * merge if the old side does).
 */
export function extendIntoSplitsAndMerges(
  groups: Pairing[],
  featuresA: FeatureList,
  featuresB: FeatureList,
  ownerA: Int32Array,
  ownerB: Int32Array,
): void {
  for (const [id, group] of groups.entries()) {
    if (group.a.length !== 1 || group.b.length !== 1) continue;
    const i = group.a[0];
    const j = group.b[0];
    if (featuresA.key(i) === featuresB.key(j)) continue;
    const split = extendRun(j, featuresA.get(i), featuresB, ownerB);
    if (split) {
      group.b = split;
      for (const index of split) ownerB[index] = id;
      continue;
    }
    const merge = extendRun(i, featuresB.get(j), featuresA, ownerA);
    if (merge) {
      group.a = merge;
      for (const index of merge) ownerA[index] = id;
    }
  }
}

/**
 * The run of pieces around an already paired `seed` (which stays in the run)
 * that bring text of `whole` the seed does not already carry; null if none.
 */
function extendRun(seed: number, whole: TextFeatures, features: FeatureList, owner: Int32Array): number[] | null {
  const known = features.get(seed);
  const joins = (index: number) =>
    owner[index] === -1 &&
    isPiece(features.get(index), whole) &&
    novelContainment(features.get(index), whole, known) >= MIN_PIECE_NOVELTY;
  let start = seed;
  while (start > 0 && joins(start - 1)) start--;
  let end = seed;
  while (end + 1 < features.length && joins(end + 1)) end++;
  if (start === end) return null;
  const run: number[] = [];
  for (let index = start; index <= end; index++) run.push(index);
  return run;
}

/**
 * Pass 4b: an unpaired paragraph of side X covered by a run of at least two
 * consecutive unpaired paragraphs of side Y. Called with (a, b) for splits
 * and with (b, a) for merges; returns groups as `{ a: X indices, b: Y indices }`.
 */
export function findSplits(
  featuresX: FeatureList,
  featuresY: FeatureList,
  ownerX: Int32Array,
  ownerY: Int32Array,
): Array<{ a: number[]; b: number[] }> {
  const leftX = unowned(ownerX);
  const leftY = unowned(ownerY);
  if (leftX.length === 0 || leftY.length < 2) return [];
  const index = new ShingleIndex(leftY, featuresY);
  const found: Array<{ a: number[]; b: number[] }> = [];
  for (const x of leftX) {
    const whole = featuresX.get(x);
    const seed = index.candidates(whole).find((y) => ownerY[y] === -1 && isPiece(featuresY.get(y), whole));
    if (seed === undefined) continue;
    const run = pieceRun(seed, whole, featuresY, ownerY);
    if (run.length < 2) continue;
    if (containment(whole, unionFeatures(run.map((y) => featuresY.get(y)))) < SPLIT_COVERAGE) continue;
    // Claim the pieces at once so a later paragraph cannot take them too.
    for (const y of run) ownerY[y] = -2;
    found.push({ a: [x], b: run });
  }
  // The caller assigns real owners; -2 only reserved the pieces meanwhile.
  for (const group of found) for (const y of group.b) ownerY[y] = -1;
  return found;
}
