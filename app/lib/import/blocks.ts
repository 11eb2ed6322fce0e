/**
 * The shared back end of the line-based importers (Markdown, plain text,
 * Word exports, .docx): each front end turns its source into a flat list of
 * blocks; this module turns blocks into sections and numbered paragraphs.
 * Keeping one back end means "2. a." is numbered the same way whether it came
 * from "- a.**", "**a.**" or a Word list.
 */
import { withParagraphKeys, type UnkeyedParagraph, type UnkeyedSection } from "./keys";
import { collapseWhitespace } from "./normalize";
import { itemNumber, parseLeadingMarker, type LeadingMarker } from "./numbering";

import type { ImportedDocument } from "./types";

/** One structural unit of a source, already stripped of inline markup. */
export type Block =
  /** The document title (a "Title" style, the first line of a plain text). */
  | { kind: "title"; text: string }
  /** A heading; `depth` is its outline depth in the source (1 = "#", h1). */
  | { kind: "heading"; depth: number; text: string }
  /**
   * A paragraph. `bullet` marks a block that carries no number of its own
   * (an item of an unnumbered list "-", "•", "·"; a table row; a code
   * block): it is not numbered and never merged into the paragraph before
   * it. `keepSeparate` marks a paragraph whose source says where it starts
   * (a Markdown paragraph after a blank line): numbered as usual, but never
   * taken for a page-break continuation. `autoNumber` is a number the source
   * shows but does not hold in the text (Word's automatic numbering): the
   * paragraph is numbered `label` ("1.", "1.1", "Article 3"), or, for an
   * `item` ("a.", "(i)", "a. i."), numbered under the last numbered paragraph
   * or heading as a typed "a." would be.
   */
  | {
      kind: "paragraph";
      text: string;
      bullet?: boolean;
      keepSeparate?: boolean;
      autoNumber?: { label: string; item: boolean };
    };

/** Options shared by every parser. */
export interface ParseOptions {
  /** Title to use whatever the source says. */
  title?: string;
  /** Title to use when the source has none (e.g. derived from the file name). */
  defaultTitle?: string;
}

/** Used when neither the source nor the caller gives a title. */
export const UNTITLED = "Untitled document";

/** A heading split into its number and text, with its level in our outline. */
export interface ParsedHeading {
  number: string | null;
  heading: string;
  /** Level from the number alone, or null when only the depth can tell. */
  level: 1 | 2 | null;
}

/**
 * Splits a heading into number and text: "Section 2. Pillar 1 - Legal
 * Measures" → ("2", "Pillar 1 - Legal Measures", level 1); "Annex 1: Some
 * developments" → ("Annex 1", …, 1); "3.4 GCA Pillar 1" → ("3.4", …, 2);
 * "2) Technical and Procedural Measures" → ("2", …, 1); "Chapter II: Scope"
 * → ("Chapter II", "Scope", depth decides); "Introduction" →
 * (null, "Introduction", depth decides).
 */
export function parseHeading(text: string): ParsedHeading {
  const clean = collapseWhitespace(text);
  let match = /^(?:section|work\s+area)\s+(\d+)\s*[.:)\-–—]?\s*(.*)$/i.exec(clean);
  if (match) return { number: match[1], heading: match[2] || clean, level: 1 };
  match = /^(annex|appendix)\s+(\d+|[A-Z])\b\s*[.:)\-–—]?\s*(.*)$/i.exec(clean);
  if (match) {
    const word = match[1][0].toUpperCase() + match[1].slice(1).toLowerCase();
    return { number: `${word} ${match[2]}`, heading: match[3] || clean, level: 1 };
  }
  // "Article 3", "Chapter II", "Part 1": the word is part of the number, as
  // for annexes; whether it is a top-level section only the depth can tell.
  match = /^(article|chapter|part)\s+(\d{1,3}|[IVXLC]{1,7})\b\s*[.:)\-–—]?\s*(.*)$/i.exec(clean);
  if (match) {
    const word = match[1][0].toUpperCase() + match[1].slice(1).toLowerCase();
    return { number: `${word} ${match[2].toUpperCase()}`, heading: match[3] || clean, level: null };
  }
  match = /^(\d{1,3}(?:\.\d{1,3})*)[.)]?\s+(\S.*)$/.exec(clean);
  if (match) {
    return { number: match[1], heading: match[2], level: match[1].includes(".") ? 2 : 1 };
  }
  return { number: null, heading: clean, level: null };
}

/**
 * Parent number that lettered items directly under a numbered heading take:
 * items under "3.4 GCA Pillar 1" are "3.4 a.", under "Section 2" "2. a.".
 */
function headingItemParent(number: string | null): string | null {
  if (number === null || !/^\d/.test(number)) return null;
  return number.includes(".") ? number : `${number}.`;
}

/**
 * A number the source shows outside its text, read as the marker it would be
 * if typed: "1.1." is normalized to "1.1" like a typed one; a label the
 * marker rules do not know ("Article 3", "IV.") is kept as it is.
 */
function autoNumberMarker(number: { label: string; item: boolean }, text: string): LeadingMarker {
  const typed = parseLeadingMarker(number.label);
  const label = typed !== null && typed.rest === "" ? typed.label : collapseWhitespace(number.label);
  return { kind: number.item ? "letter" : "whole", label, rest: text };
}

/** Text ends like a finished sentence, list intro or quotation. */
function endsLikeSentence(text: string): boolean {
  return /[.!?:;"”’)\]…]$/.test(text.trim());
}

/**
 * Builds the document. Rules:
 * - the first block is the title if it is a `title` block, or an unnumbered
 *   heading shallower than every other heading ("# Guidelines" over
 *   "## Section 1");
 * - paragraphs before the first heading go into a section named after the
 *   document title;
 * - a paragraph opening with "1.1" / "2." is numbered; "a." / "b)" / "(1)"
 *   items take the last numbered paragraph (or numbered heading) as parent;
 * - an unnumbered paragraph that starts in lowercase right after a paragraph
 *   that stops mid-sentence is the same paragraph cut by a page break (the
 *   2022 final's 1.6 continues after its footnotes) and is merged back.
 */
export function documentFromBlocks(blocks: Block[], options: ParseOptions = {}): ImportedDocument {
  const content = blocks.filter((block) => collapseWhitespace(block.text) !== "");
  let sourceTitle: string | null = null;
  let body = content;
  const first = content[0];
  if (first?.kind === "title") {
    sourceTitle = collapseWhitespace(first.text);
    body = content.slice(1);
  } else if (first?.kind === "heading" && parseHeading(first.text).number === null) {
    // A numbered heading ("Section 2. …") is a section even when it comes first.
    const otherDepths = content.slice(1).flatMap((b) => (b.kind === "heading" ? [b.depth] : []));
    if (otherDepths.every((depth) => depth > first.depth)) {
      sourceTitle = collapseWhitespace(first.text);
      body = content.slice(1);
    }
  }
  const title = options.title ?? sourceTitle ?? options.defaultTitle ?? UNTITLED;

  const headingDepths = body.flatMap((b) => (b.kind === "heading" ? [b.depth] : []));
  const topDepth = headingDepths.length > 0 ? Math.min(...headingDepths) : 1;

  const sections: UnkeyedSection[] = [];
  /** Depths of the headings that enclose the current one. */
  const enclosing: number[] = [];
  let current: UnkeyedSection | null = null;
  let parent: string | null = null;
  // The paragraph a page-break continuation may be merged into.
  let mergeTarget: UnkeyedParagraph | null = null;

  const ensureSection = (): UnkeyedSection => {
    if (!current) {
      current = { number: null, heading: title, level: 1, paragraphs: [] };
      sections.push(current);
    }
    return current;
  };

  for (const block of body) {
    const text = collapseWhitespace(block.text);
    if (block.kind === "title" || block.kind === "heading") {
      const parsed = parseHeading(text);
      const depth = block.kind === "heading" ? block.depth : topDepth;
      while (enclosing.length > 0 && enclosing[enclosing.length - 1] >= depth) enclosing.pop();
      // A bare number ("### 1. Account Controls") under a shallower heading numbers a sub-section of it;
      // "Section 2", "Annex 1" say their level themselves.
      const nested = enclosing.length > 0 && /^\d+[.)]?(?:\s|$)/.test(text);
      const level = nested ? 2 : (parsed.level ?? (depth <= topDepth ? 1 : 2));
      enclosing.push(depth);
      current = { number: parsed.number, heading: parsed.heading, level, paragraphs: [] };
      sections.push(current);
      parent = headingItemParent(parsed.number);
      mergeTarget = null;
      continue;
    }

    const section = ensureSection();
    const marker = block.bullet
      ? null
      : block.autoNumber
        ? autoNumberMarker(block.autoNumber, text)
        : parseLeadingMarker(text);
    if (marker && (marker.kind === "dotted" || marker.kind === "whole")) {
      parent = marker.label;
      const paragraph = { number: marker.label, text: marker.rest };
      section.paragraphs.push(paragraph);
      mergeTarget = paragraph;
    } else if (marker) {
      const paragraph = { number: itemNumber(parent, marker.label), text: marker.rest };
      section.paragraphs.push(paragraph);
      mergeTarget = paragraph;
    } else if (
      !block.bullet &&
      !block.keepSeparate &&
      mergeTarget !== null &&
      /^[a-z]/.test(text) &&
      !endsLikeSentence(mergeTarget.text)
    ) {
      mergeTarget.text = `${mergeTarget.text} ${text}`;
    } else {
      const paragraph = { number: null, text };
      section.paragraphs.push(paragraph);
      mergeTarget = block.bullet ? null : paragraph;
    }
  }

  const cleaned = sections.map((section) => ({
    ...section,
    paragraphs: section.paragraphs.filter((p) => p.text !== "" || p.number !== null),
  }));
  return { title, sections: withParagraphKeys(cleaned) };
}
