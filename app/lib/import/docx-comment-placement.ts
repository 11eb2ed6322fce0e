/**
 * Placing Word comments (docx-comments.ts) on the paragraphs of the
 * consultation's current version: a delegation comments on its own copy of
 * the draft, so each commented paragraph is looked up by its text.
 *
 * The rule (docs/decisions/0032-word-comments-as-drafts.md):
 * 1. exact: the same text once typography (quote and dash styles, spaces,
 *    case, NFKC) is set aside, with or without the paragraph's printed
 *    number ("2.9 a. Given…" and "Given…" are both paragraph 2.9 a.); a text
 *    found in several paragraphs is taken only where the printed number
 *    tells them apart;
 * 2. otherwise the most similar paragraph (word and word-pair Dice,
 *    app/lib/compare/similarity.ts) when it scores at least
 *    {@link MIN_SIMILARITY} and clearly ahead of the next
 *    ({@link MIN_MARGIN}): a paragraph the delegation retouched in its copy
 *    is still found, a paragraph it added is not;
 * 3. the selected phrase is then looked up in that paragraph (exactly, then
 *    setting typography aside) and anchored as phrase comments are
 *    (app/lib/quote-anchor.ts).
 * Whatever cannot be placed is returned with the reason, never guessed.
 */
import { ShingleIndex } from "~/lib/compare/shingle-index";
import { FeatureList, similarity, textFeatures } from "~/lib/compare/similarity";
import { anchorQuote, quoteContext, type AnchoredQuote } from "~/lib/quote-anchor";

import { parseLeadingMarker } from "./numbering";

import type { WordComment } from "./docx-comments";

/** Lowest similarity at which a paragraph of the copy is taken for a paragraph of the draft. */
export const MIN_SIMILARITY = 0.6;
/** How far ahead of the second-best paragraph the best must be. */
export const MIN_MARGIN = 0.1;

/** A paragraph of the version comments are placed on. */
export interface PlacementParagraph {
  id: string;
  key: string;
  number: string | null;
  text: string;
}

/** Why a Word comment was not placed. */
export type PlacementProblem =
  /** An answer to another comment: placed with its thread's first comment, not on its own. */
  | "reply"
  /** Nothing written in the comment. */
  | "emptyBody"
  /** The comment is not anchored in any paragraph of the file. */
  | "noAnchor"
  /** No paragraph of the draft has (nearly) this text. */
  | "paragraphNotFound"
  /** Several paragraphs of the draft match equally well. */
  | "ambiguous"
  /** The paragraph was found but the selected phrase is not in it. */
  | "quoteNotFound";

export interface PlacedComment {
  comment: WordComment;
  paragraph: PlacementParagraph;
  quote: AnchoredQuote | null;
  /** How the paragraph was found. */
  match: "exact" | "similar";
}

export interface UnplacedComment {
  comment: WordComment;
  reason: PlacementProblem;
}

export interface Placement {
  placed: PlacedComment[];
  unplaced: UnplacedComment[];
}

const TYPOGRAPHY: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201a\u201b\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, "-"],
  [/\u2026/g, "..."],
];

/** A text with typography set aside, character by character (so offsets map back one to one). */
function foldCharacters(text: string): string {
  let folded = "";
  for (const character of text) {
    let next = character.normalize("NFKC");
    for (const [pattern, replacement] of TYPOGRAPHY) next = next.replace(pattern, replacement);
    next = /\s/.test(next) ? " " : next.toLowerCase();
    // One output unit per input UTF-16 unit keeps offsets aligned.
    folded += next.length === character.length ? next : character;
  }
  return folded;
}

/** The form texts are compared in: typography folded, spaces collapsed. */
export function normalizeForMatch(text: string): string {
  return foldCharacters(text).replace(/ +/g, " ").trim();
}

/** The text without the printed numbers it starts with ("2.9 a. Given…" → ["2.9 a.", "Given…"]). */
function withoutNumbers(text: string): { number: string | null; rest: string } {
  const labels: string[] = [];
  let rest = text;
  for (let depth = 0; depth < 2; depth++) {
    const marker = parseLeadingMarker(rest);
    if (!marker || marker.rest === "") break;
    labels.push(marker.label);
    rest = marker.rest;
  }
  return { number: labels.length > 0 ? labels.join(" ") : null, rest };
}

/** "2.9 a." and "2.9 a" and "2.9a." are one number. */
function numberKey(number: string | null): string | null {
  return number === null ? null : number.replace(/[\s.)(]/g, "");
}

/**
 * Finds `quote` in `text`: exactly first, then with typography and spacing
 * set aside (offsets are the paragraph's own). Null when it is not there.
 */
export function findQuote(text: string, quote: string): AnchoredQuote | null {
  const exact = anchorQuote(text, quote);
  if (exact) return exact;
  const target = normalizeForMatch(quote);
  if (target === "") return null;
  // Fold the paragraph keeping, for each kept character, its offset in the original.
  const folded = foldCharacters(text);
  let haystack = "";
  const offsets: number[] = [];
  for (let index = 0; index < folded.length; index++) {
    const character = folded[index];
    if (character === " " && (haystack === "" || haystack.endsWith(" "))) continue;
    haystack += character;
    offsets.push(index);
  }
  const at = haystack.indexOf(target);
  if (at < 0) return null;
  const start = offsets[at];
  const end = offsets[at + target.length - 1] + 1;
  return { quote: text.slice(start, end), quoteStart: start, quoteEnd: end, ...quoteContext(text, start, end) };
}

/**
 * Places each Word comment on a paragraph of `paragraphs` (the version's, in
 * document order), or says why it cannot.
 */
export function placeWordComments(comments: WordComment[], paragraphs: PlacementParagraph[]): Placement {
  const byText = new Map<string, number[]>();
  paragraphs.forEach((paragraph, index) => {
    for (const form of new Set([
      normalizeForMatch(paragraph.text),
      paragraph.number ? normalizeForMatch(`${paragraph.number} ${paragraph.text}`) : "",
    ])) {
      if (form === "") continue;
      const list = byText.get(form) ?? [];
      list.push(index);
      byText.set(form, list);
    }
  });
  let similar: { features: FeatureList; index: ShingleIndex } | null = null;
  const similarIndex = () => {
    if (!similar) {
      const features = new FeatureList(paragraphs.map((paragraph) => paragraph.text));
      similar = { features, index: new ShingleIndex([...paragraphs.keys()], features) };
    }
    return similar;
  };

  const findParagraph = (
    wordText: string,
  ): { index: number; match: "exact" | "similar" } | { problem: "paragraphNotFound" | "ambiguous" } => {
    const { number, rest } = withoutNumbers(wordText);
    for (const form of [normalizeForMatch(wordText), normalizeForMatch(rest)]) {
      const found = byText.get(form);
      if (!found) continue;
      const unique = [...new Set(found)];
      if (unique.length === 1) return { index: unique[0], match: "exact" };
      const numbered = unique.filter((index) => numberKey(paragraphs[index].number) === numberKey(number));
      if (number !== null && numbered.length === 1) return { index: numbered[0], match: "exact" };
      return { problem: "ambiguous" };
    }
    const { features, index } = similarIndex();
    const query = textFeatures(rest);
    const scored = index
      .candidates(query)
      .map((candidate) => ({ candidate, score: similarity(query, features.get(candidate)) }))
      .sort((left, right) => right.score - left.score || left.candidate - right.candidate);
    const [best, second] = scored;
    if (!best || best.score < MIN_SIMILARITY) return { problem: "paragraphNotFound" };
    if (second && best.score - second.score < MIN_MARGIN) return { problem: "ambiguous" };
    return { index: best.candidate, match: "similar" };
  };

  const placed: PlacedComment[] = [];
  const unplaced: UnplacedComment[] = [];
  for (const comment of comments) {
    if (comment.parentId !== null) {
      unplaced.push({ comment, reason: "reply" });
      continue;
    }
    if (comment.body.trim() === "") {
      unplaced.push({ comment, reason: "emptyBody" });
      continue;
    }
    if (comment.paragraphText === null || comment.paragraphText === "") {
      unplaced.push({ comment, reason: "noAnchor" });
      continue;
    }
    const found = findParagraph(comment.paragraphText);
    if ("problem" in found) {
      unplaced.push({ comment, reason: found.problem });
      continue;
    }
    const paragraph = paragraphs[found.index];
    let quote: AnchoredQuote | null = null;
    if (comment.quote !== null) {
      quote = findQuote(paragraph.text, comment.quote);
      if (!quote) {
        unplaced.push({ comment, reason: "quoteNotFound" });
        continue;
      }
    }
    placed.push({ comment, paragraph, quote, match: found.match });
  }
  return { placed, unplaced };
}
