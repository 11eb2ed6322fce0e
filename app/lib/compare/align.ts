/**
 * Paragraph alignment between two versions of a document.
 *
 * Paragraph numbers cannot be trusted across versions — the GCA drafts reuse
 * "2. a." for what was "2.9 a." and swap the topics of whole sections — so
 * paragraphs are paired by content, with document order as the strongest
 * tie-breaker. The work is done in passes, each cheap enough that the whole
 * alignment stays near-linear in the size of the documents:
 *
 * 1. **Anchors.** Paragraphs whose normalized text is unique in both versions
 *    and identical are paired when they keep their relative order (a longest
 *    increasing subsequence, as in patience diff).
 * 2. **Gaps.** Between consecutive anchors, the remaining paragraphs are
 *    scored by similarity and the heaviest order-preserving set of pairs is
 *    kept (a sparse weighted LCS). Small gaps are scored exhaustively; large
 *    ones through a word-pair index. A single old and a single new paragraph
 *    left between the same two pairings are then paired at a lower bar.
 * 3. **Moves.** Paragraphs still unpaired on both sides are paired through a
 *    word-pair index when their similarity is high enough to stand without
 *    the help of position.
 * 4. **Splits and merges.** A paired paragraph absorbs adjacent unpaired
 *    paragraphs on the other side whose text it contains; an unpaired
 *    paragraph whose text is covered by a run of consecutive unpaired
 *    paragraphs on the other side becomes a split (or merge). This pass
 *    lives in split-merge.ts. Then **containment** (containment.ts): an
 *    unpaired paragraph whose words are mostly found, in order, inside an
 *    unpaired paragraph on the other side pairs with it, whatever their
 *    similarity.
 * 5. **Order.** Pairings consistent with the anchor-and-gap chain are in
 *    place; the others are flagged as moved. Operations are listed in the new
 *    version's order, deletions where they stood in the old one.
 */
import { heaviestChain, type ChainCandidate } from "./chain";
import { findContainedMoves } from "./containment";
import { ALL_PAIRS_LIMIT, findMoves, shortUnlessIdentical } from "./move-pass";
import { alignRuns, hasSharedRepeats } from "./runs";
import { ShingleIndex } from "./shingle-index";
import { FeatureList, similarity, unionFeatures } from "./similarity";
import { extendIntoSplitsAndMerges, findSplits, type Pairing } from "./split-merge";

export { ALL_PAIRS_LIMIT, SHORT_PARAGRAPH_WORDS } from "./move-pass";
export { MIN_PIECE_BIGRAMS, MIN_PIECE_NOVELTY, PIECE_CONTAINMENT, SPLIT_COVERAGE } from "./split-merge";

/** One paragraph as the aligner needs it, in document order. */
export interface AlignInput {
  /** Stable key of the paragraph within its version (not used for matching). */
  key: string;
  /** Display number ("2.9 a.") or null; used only to flag renumbering, never to match. */
  number: string | null;
  /** Plain paragraph text. */
  text: string;
  /**
   * Section the paragraph belongs to (any stable identifier). Not used for
   * matching — section numbers are reused across versions like paragraph
   * numbers — but carried so callers can pass the same objects to
   * {@link compareVersions} for per-section summaries.
   */
  section?: string | null;
}

/**
 * What happened to the content of an operation's paragraphs.
 *
 * - `unchanged`: one old paragraph, one new paragraph, identical text.
 * - `modified`: one old, one new, text edited.
 * - `split`: one old paragraph whose text now spans several consecutive new ones.
 * - `merged`: several consecutive old paragraphs now in one new one.
 * - `deleted`: an old paragraph with no counterpart.
 * - `inserted`: a new paragraph with no counterpart.
 *
 * Short paragraphs (under SHORT_PARAGRAPH_WORDS words, move-pass.ts: labels,
 * definition terms) pair only with an identical paragraph in the local
 * order, never by similarity.
 *
 * Moving and renumbering are orthogonal to these and reported as flags, so a
 * paragraph that was moved *and* edited is `modified` with `moved: true`.
 */
export type AlignmentKind = "unchanged" | "modified" | "split" | "merged" | "deleted" | "inserted";

/** One step of the alignment: which old paragraphs became which new ones. */
export interface AlignmentOperation {
  /** What happened to the content. */
  kind: AlignmentKind;
  /** Indices into the old version, ascending; empty for `inserted`. */
  a: number[];
  /** Indices into the new version, ascending; empty for `deleted`. */
  b: number[];
  /**
   * Content similarity of the two sides in 0..1 (1 for `unchanged`, 0 for
   * `deleted`/`inserted`): mean Dice coefficient of word and word-pair sets.
   */
  similarity: number;
  /**
   * True when the pairing does not fit the order of the rest of the document:
   * the paragraph was moved elsewhere. Always false for `deleted`/`inserted`.
   */
  moved: boolean;
  /**
   * True when the display number changed (compared on the first paragraph of
   * each side, whitespace-normalized). A renumbered paragraph is still one
   * operation, never a deletion plus an insertion.
   */
  renumbered: boolean;
  /**
   * `"low"` when the pairing rests on little shared wording (a one-to-one
   * pairing below {@link LOW_CONFIDENCE_SIMILARITY}, not found by
   * containment): the page shows it as "possibly related", not as certain.
   * Absent otherwise.
   */
  confidence?: "low";
}

/** Result of {@link alignParagraphs}. */
export interface Alignment {
  /**
   * Every paragraph of both versions appears in exactly one operation.
   * Ordered by the new version; a deleted paragraph comes right after the
   * operation holding the nearest in-place paragraph that preceded it in the
   * old version (or first, if none did). Moved paragraphs are listed where
   * they now are.
   */
  operations: AlignmentOperation[];
}

/** Tuning knobs; defaults are the named constants below. */
export interface AlignOptions {
  /** Minimum similarity to pair paragraphs between two anchors. Default {@link MATCH_THRESHOLD}. */
  matchThreshold?: number;
  /** Minimum similarity to pair paragraphs out of order. Default {@link MOVE_THRESHOLD}. */
  moveThreshold?: number;
}

/**
 * Pairs inside a gap between anchors need this similarity. Position already
 * argues for the pairing, so the bar is modest: unrelated paragraphs of one
 * document score about 0.1–0.25 (shared function words and topic
 * vocabulary), while the heavily reworded GCA guidelines that survived from
 * 2020 to 2022 still score above 0.45.
 */
export const MATCH_THRESHOLD = 0.4;

/**
 * Pairs that cross the order of the document (moves) need this similarity.
 * Nothing but content supports such a pairing, so it must be clearly more
 * than two paragraphs on the same topic.
 */
export const MOVE_THRESHOLD = 0.55;

/**
 * A lone old paragraph and a lone new paragraph left between the same two
 * pairings (a one-for-one replacement, in diff terms) need only this
 * similarity. Their position is the strongest evidence available, and the
 * bar still sits above what 99.7% of unrelated paragraph pairs of the GCA
 * drafts score (about 8,000 pairs: nearly all below 0.3). It catches
 * rewrites that keep the subject but little wording, such as 2020 "3.12 e."
 * → 2022 "3. e." (0.37).
 */
export const SANDWICH_THRESHOLD = 0.3;

/**
 * A one-to-one pairing with a similarity below this is of low confidence
 * (shown as "possibly related"): the bar of a pairing inside a gap
 * ({@link MATCH_THRESHOLD}), so what is flagged are the pairings that only
 * the one-for-one position allowed ({@link SANDWICH_THRESHOLD}) — on the GCA
 * drafts, the rewritten 2020 "3.12 e." → 2022 "3. e." (0.37), which keeps the
 * subject but little of the wording. Pairings found by containment are
 * never flagged: a text found almost whole inside another is no guess.
 */
export const LOW_CONFIDENCE_SIMILARITY = MATCH_THRESHOLD;

/**
 * Chain weights are `similarity − CHAIN_BASELINE`, not the raw similarity.
 * Raw similarities would let two weak in-order pairs (0.45 + 0.45) outweigh
 * one strong crossing pair (0.8) and lose the strong one; subtracting a
 * baseline below the match threshold favours strong pairs while every
 * candidate keeps a positive weight.
 */
export const CHAIN_BASELINE = 0.3;

/** Internal pairing under construction. */
interface Group extends Pairing {
  /** Part of the order-preserving chain of passes 1–2 (never moved). */
  inChain: boolean;
  /** Paired by containment (pass 4c): confident whatever the similarity. */
  contained?: boolean;
}

/**
 * Aligns the paragraphs of an old version `a` with those of a new version `b`.
 * Pure and deterministic; see the module comment for the method.
 *
 * @example
 * alignParagraphs(
 *   [{ key: "p1", number: "2.9 a.", text: "ITU should continue its efforts." }],
 *   [{ key: "q1", number: "2. a.", text: "ITU should continue its efforts." }],
 * ).operations
 * // → [{ kind: "unchanged", a: [0], b: [0], similarity: 1, moved: false, renumbered: true }]
 */
export function alignParagraphs(
  a: readonly AlignInput[],
  b: readonly AlignInput[],
  options: AlignOptions = {},
): Alignment {
  const matchThreshold = options.matchThreshold ?? MATCH_THRESHOLD;
  const moveThreshold = options.moveThreshold ?? MOVE_THRESHOLD;
  const featuresA = new FeatureList(a.map((paragraph) => paragraph.text));
  const featuresB = new FeatureList(b.map((paragraph) => paragraph.text));

  const groups: Group[] = [];
  const ownerA = new Int32Array(a.length).fill(-1);
  const ownerB = new Int32Array(b.length).fill(-1);
  const addGroup = (group: Group) => {
    const id = groups.length;
    groups.push(group);
    for (const i of group.a) ownerA[i] = id;
    for (const j of group.b) ownerB[j] = id;
  };

  // Pass 1: unique identical paragraphs that keep their order.
  const anchors = uniqueAnchors(featuresA, featuresB);

  // Pass 2: similarity pairing inside each gap between anchors.
  let previousA = -1;
  let previousB = -1;
  for (const anchor of [...anchors, { a: a.length, b: b.length, weight: 0 }]) {
    for (const pair of matchGapWithRuns(
      featuresA,
      featuresB,
      previousA + 1,
      anchor.a,
      previousB + 1,
      anchor.b,
      matchThreshold,
    )) {
      addGroup({ a: [pair.a], b: [pair.b], inChain: true });
    }
    if (anchor.a < a.length) addGroup({ a: [anchor.a], b: [anchor.b], inChain: true });
    previousA = anchor.a;
    previousB = anchor.b;
  }
  for (const pair of pairSandwiches(groups, featuresA, featuresB, a.length, b.length)) {
    addGroup({ a: [pair.a], b: [pair.b], inChain: true });
  }
  // The chain in new-version order, for the in-place test of later pairings.
  const chain = groups.slice().sort((x, y) => x.b[0] - y.b[0]);

  // Pass 3: moves among what is left.
  for (const pair of findMoves(featuresA, featuresB, ownerA, ownerB, moveThreshold)) {
    addGroup({ a: [pair.a], b: [pair.b], inChain: false });
  }

  // Pass 4: splits and merges.
  extendIntoSplitsAndMerges(groups, featuresA, featuresB, ownerA, ownerB);
  for (const group of findSplits(featuresA, featuresB, ownerA, ownerB)) addGroup({ ...group, inChain: false });
  for (const group of findSplits(featuresB, featuresA, ownerB, ownerA)) {
    addGroup({ a: group.b, b: group.a, inChain: false });
  }
  // Pass 4c: one text mostly contained in the other.
  for (const pair of findContainedMoves(featuresA, featuresB, ownerA, ownerB)) {
    addGroup({ a: [pair.a], b: [pair.b], inChain: false, contained: true });
  }

  // Pass 5: flags and document order.
  const operations: AlignmentOperation[] = [];
  const sortKeys: Array<[number, number]> = [];
  const inPlace = groups.map((group) => group.inChain || fitsChain(group, chain));
  for (const [id, group] of groups.entries()) {
    operations.push(describeGroup(group, !inPlace[id], a, b, featuresA, featuresB));
    sortKeys.push([group.b[0], 0]);
  }
  let lastInPlaceB = -1;
  for (let i = 0; i < a.length; i++) {
    const owner = ownerA[i];
    if (owner === -1) {
      operations.push({ kind: "deleted", a: [i], b: [], similarity: 0, moved: false, renumbered: false });
      // Half a position after the paragraph it followed: after that
      // operation, before whatever the new version has next.
      sortKeys.push([lastInPlaceB + 0.5, i]);
    } else if (inPlace[owner]) {
      lastInPlaceB = Math.max(lastInPlaceB, groups[owner].b[groups[owner].b.length - 1]);
    }
  }
  for (let j = 0; j < b.length; j++) {
    if (ownerB[j] === -1) {
      operations.push({ kind: "inserted", a: [], b: [j], similarity: 0, moved: false, renumbered: false });
      sortKeys.push([j, 0]);
    }
  }
  const order = operations.map((_, index) => index);
  order.sort((x, y) => sortKeys[x][0] - sortKeys[y][0] || sortKeys[x][1] - sortKeys[y][1]);
  return { operations: order.map((index) => operations[index]) };
}

/** Pass 1: pairs of paragraphs identical after normalization and unique on both sides, longest in-order subset. */
function uniqueAnchors(featuresA: FeatureList, featuresB: FeatureList): ChainCandidate[] {
  const seen = new Map<string, { a: number; countA: number; b: number; countB: number }>();
  for (let i = 0; i < featuresA.length; i++) {
    const entry = seen.get(featuresA.key(i));
    if (entry) entry.countA++;
    else seen.set(featuresA.key(i), { a: i, countA: 1, b: -1, countB: 0 });
  }
  for (let j = 0; j < featuresB.length; j++) {
    const entry = seen.get(featuresB.key(j));
    if (entry) {
      entry.countB++;
      entry.b = j;
    }
  }
  const candidates: ChainCandidate[] = [];
  for (const entry of seen.values()) {
    if (entry.countA === 1 && entry.countB === 1) candidates.push({ a: entry.a, b: entry.b, weight: 1 });
  }
  return heaviestChain(candidates, featuresA.length);
}

/**
 * Pass 2 for one gap, repeated text first: where the gap holds paragraphs
 * repeated on both sides, the copies pair by position (./runs.ts), and the
 * similarity pass runs in the smaller gaps between them; otherwise the whole
 * gap goes to the similarity pass.
 */
function matchGapWithRuns(
  featuresA: FeatureList,
  featuresB: FeatureList,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  threshold: number,
): ChainCandidate[] {
  if (aEnd - aStart < 2 && bEnd - bStart < 2)
    return matchGap(featuresA, featuresB, aStart, aEnd, bStart, bEnd, threshold);
  const keysA: string[] = [];
  const keysB: string[] = [];
  for (let i = aStart; i < aEnd; i++) keysA.push(featuresA.key(i));
  for (let j = bStart; j < bEnd; j++) keysB.push(featuresB.key(j));
  const runs = hasSharedRepeats(keysA, keysB) ? alignRuns(keysA, keysB) : null;
  if (runs === null || runs.length === 0) {
    return matchGap(featuresA, featuresB, aStart, aEnd, bStart, bEnd, threshold);
  }
  const pairs: ChainCandidate[] = [];
  let nextA = aStart;
  let nextB = bStart;
  for (const [i, j] of [...runs, [aEnd - aStart, bEnd - bStart]]) {
    pairs.push(...matchGap(featuresA, featuresB, nextA, aStart + i, nextB, bStart + j, threshold));
    if (aStart + i < aEnd) pairs.push({ a: aStart + i, b: bStart + j, weight: 1 });
    nextA = aStart + i + 1;
    nextB = bStart + j + 1;
  }
  return pairs;
}

/**
 * Pass 2 for one gap: the heaviest order-preserving set of pairs with
 * similarity ≥ threshold between old paragraphs [aStart, aEnd) and new
 * paragraphs [bStart, bEnd).
 */
function matchGap(
  featuresA: FeatureList,
  featuresB: FeatureList,
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  threshold: number,
): ChainCandidate[] {
  const aSize = aEnd - aStart;
  const bSize = bEnd - bStart;
  if (aSize <= 0 || bSize <= 0) return [];
  const candidates: ChainCandidate[] = [];
  const consider = (i: number, j: number) => {
    if (shortUnlessIdentical(featuresA, featuresB, i, j)) return;
    const score = similarity(featuresA.get(i), featuresB.get(j));
    if (score >= threshold) candidates.push({ a: i - aStart, b: j, weight: score - CHAIN_BASELINE });
  };
  if (aSize * bSize <= ALL_PAIRS_LIMIT) {
    for (let j = bStart; j < bEnd; j++) for (let i = aStart; i < aEnd; i++) consider(i, j);
  } else {
    const members: number[] = [];
    for (let i = aStart; i < aEnd; i++) members.push(i);
    const index = new ShingleIndex(members, featuresA);
    for (let j = bStart; j < bEnd; j++) for (const i of index.candidates(featuresB.get(j))) consider(i, j);
  }
  return heaviestChain(candidates, aSize).map((pair) => ({ ...pair, a: pair.a + aStart }));
}

/**
 * Pass 2b: where exactly one old and one new paragraph are left between the
 * same two chain pairings (or a document edge), they took each other's
 * place; pair them at the lower {@link SANDWICH_THRESHOLD}.
 */
function pairSandwiches(
  groups: readonly Group[],
  featuresA: FeatureList,
  featuresB: FeatureList,
  aSize: number,
  bSize: number,
): Array<{ a: number; b: number }> {
  // Passes 1–2 yield one-to-one pairings in increasing order on both sides.
  const chain = groups.map((group) => ({ a: group.a[0], b: group.b[0] })).sort((x, y) => x.b - y.b);
  const pairs: Array<{ a: number; b: number }> = [];
  let previous = { a: -1, b: -1 };
  for (const next of [...chain, { a: aSize, b: bSize }]) {
    if (next.a - previous.a === 2 && next.b - previous.b === 2) {
      const i = previous.a + 1;
      const j = previous.b + 1;
      if (
        !shortUnlessIdentical(featuresA, featuresB, i, j) &&
        similarity(featuresA.get(i), featuresB.get(j)) >= SANDWICH_THRESHOLD
      )
        pairs.push({ a: i, b: j });
    }
    previous = next;
  }
  return pairs;
}

/**
 * Whether a pairing made outside the chain nevertheless fits its order: the
 * nearest chain pairing before it (in the new version) must also precede it
 * in the old version, and the nearest after it must follow it.
 */
function fitsChain(group: Group, chain: readonly Group[]): boolean {
  const firstB = group.b[0];
  const lastB = group.b[group.b.length - 1];
  const firstA = group.a[0];
  const lastA = group.a[group.a.length - 1];
  // Binary search for the first chain group starting after firstB.
  let low = 0;
  let high = chain.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (chain[middle].b[0] < firstB) low = middle + 1;
    else high = middle;
  }
  const before = low > 0 ? chain[low - 1] : null;
  let afterIndex = low;
  while (afterIndex < chain.length && chain[afterIndex].b[0] <= lastB) afterIndex++;
  const after = afterIndex < chain.length ? chain[afterIndex] : null;
  if (afterIndex !== low) return false; // a chain pairing sits inside this group's range
  if (before && before.a[before.a.length - 1] >= firstA) return false;
  if (after && after.a[0] <= lastA) return false;
  return true;
}

function normalizeNumber(number: string | null): string | null {
  const normalized = number?.replace(/\s+/g, " ").trim();
  return normalized ? normalized : null;
}

function describeGroup(
  group: Group,
  moved: boolean,
  a: readonly AlignInput[],
  b: readonly AlignInput[],
  featuresA: FeatureList,
  featuresB: FeatureList,
): AlignmentOperation {
  const renumbered = normalizeNumber(a[group.a[0]].number) !== normalizeNumber(b[group.b[0]].number);
  let kind: AlignmentKind;
  if (group.b.length > 1) kind = "split";
  else if (group.a.length > 1) kind = "merged";
  else kind = a[group.a[0]].text === b[group.b[0]].text ? "unchanged" : "modified";
  const score =
    kind === "unchanged"
      ? 1
      : similarity(
          unionFeatures(group.a.map((i) => featuresA.get(i))),
          unionFeatures(group.b.map((j) => featuresB.get(j))),
        );
  const operation: AlignmentOperation = { kind, a: group.a, b: group.b, similarity: round(score), moved, renumbered };
  if (kind === "modified" && !group.contained && score < LOW_CONFIDENCE_SIMILARITY) operation.confidence = "low";
  return operation;
}

/** Similarities are rounded to 4 decimals so serialized comparisons are stable and readable. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
