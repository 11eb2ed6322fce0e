/**
 * Did a comment's proposed text make it into the next version?
 *
 * A proposal is usually the original wording with a few words changed, so
 * "does the revised paragraph contain the proposed text" is the wrong
 * question: an untouched paragraph contains 95% of such a proposal. What
 * matters is whether the *changes* the proposal makes appear in the revised
 * text. Changes are measured as the word pairs the proposal introduces: an
 * inserted or replacing word creates pairs with its neighbours, and a
 * deletion creates the pair that joins the words on either side of the cut,
 * so insertions, replacements and deletions are all seen the same way, in
 * their context.
 */
import { normalizedWords } from "./similarity";

/** How much of a proposal was adopted. */
export type AdoptionLevel = "full" | "partial" | "none";

/** The three texts to judge. */
export interface AdoptionInput {
  /**
   * The text the proposal replaces: the quoted phrase if the comment
   * anchored one, otherwise the whole paragraph of the earlier version.
   */
  original: string;
  /** The commenter's proposed replacement for `original`. */
  proposed: string;
  /** The paragraph's text in the later version (all pieces joined, if it was split). */
  revised: string;
}

/** Verdict of {@link proposedTextAdoption}. */
export interface Adoption {
  level: AdoptionLevel;
  /**
   * Share (0..1) of the word pairs the proposal introduced that appear in
   * the revised text. When the proposal introduced none (it repeats the
   * original), the share of the proposal's word pairs found in the revised
   * text instead.
   */
  score: number;
}

/**
 * At least this share of the proposal's new word pairs must appear for
 * `full`. Not 1: the secretariat often adopts a proposal with a light touch
 * (a different article, a plural), which breaks a pair or two.
 */
export const FULL_ADOPTION = 0.8;

/**
 * At least this share for `partial`. Below it, the overlap is what chance
 * gives: a reworded paragraph shares a few new pairs with any proposal on
 * the same subject ("Member States", "capacity building").
 */
export const PARTIAL_ADOPTION = 0.3;

// Sentinels make the start and end of the text part of the pairs, so that
// deleting or adding the first or last words is a visible change too.
const START = "\u0002";
const END = "\u0003";

function bigramCounts(text: string): Map<string, number> {
  const words = [START, ...normalizedWords(text), END];
  const counts = new Map<string, number>();
  for (let i = 1; i < words.length; i++) {
    const pair = `${words[i - 1]} ${words[i]}`;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/**
 * Judges whether `proposed` made it into `revised`, relative to `original`.
 * Case, punctuation and whitespace are ignored.
 *
 * @example
 * proposedTextAdoption({
 *   original: "strengthen its relationship with partners and other stakeholders",
 *   proposed: "strengthen its relationship with all stakeholders",
 *   revised: "strengthen its relationship with all stakeholders to deliver assistance",
 * }); // → { level: "full", score: 1 }
 */
export function proposedTextAdoption({ original, proposed, revised }: AdoptionInput): Adoption {
  const before = bigramCounts(original);
  const wanted = bigramCounts(proposed);
  const after = bigramCounts(revised);

  let introduced = 0;
  let realized = 0;
  let proposalPairs = 0;
  let proposalFound = 0;
  for (const [pair, count] of wanted) {
    const kept = Math.min(count, before.get(pair) ?? 0);
    const added = count - kept;
    // Occurrences the revised text has beyond those the original already had
    // are the ones that can be credited to the proposal.
    const present = after.get(pair) ?? 0;
    introduced += added;
    realized += Math.min(added, Math.max(0, present - kept));
    proposalPairs += count;
    proposalFound += Math.min(count, present);
  }
  const score = introduced > 0 ? realized / introduced : proposalFound / proposalPairs;
  const level: AdoptionLevel = score >= FULL_ADOPTION ? "full" : score >= PARTIAL_ADOPTION ? "partial" : "none";
  return { level, score: Math.round(score * 10_000) / 10_000 };
}
