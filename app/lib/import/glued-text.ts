/**
 * Splitting text whose paragraph breaks were lost: paragraph numbers glued to
 * the words around them ("…ICTs).1.2During…"), lettered items glued to their
 * intro ("…below:a.ITU should…b.ITU…"), sub-headings glued between the last
 * sentence of one paragraph and the next number, and the spaces that went
 * missing with the line breaks.
 *
 * Numbers and letters are only accepted in sequence (after 2.8 only 2.9 can
 * start a paragraph; after "a." only "b."), which is what keeps "Resolution
 * 130", "Tallinn Manual 2.0", "resolves 12.1", "e.g., 2.1, 2.6" or "1.5
 * billion" inside their sentences.
 */
import { collapseWhitespace } from "./normalize";
import { looksLikeHeading } from "./plain-text";

/** A paragraph number as its parts: "3.5" → [3, 5], "4." → [4]. */
export type NumberParts = number[];

/** Paragraph numbering of one top-level section. */
export interface Numbering {
  /** Numbers that may come next, given the last one accepted. */
  next(last: NumberParts | null): NumberParts[];
  /** Display form: "1.1", or "1." for a whole number. */
  format(parts: NumberParts): string;
}

/** "Section N": paragraphs N.1, N.2, … strictly in order. */
export function sectionNumbering(major: number): Numbering {
  return {
    next: (last) => [[major, last ? last[1] + 1 : 1]],
    format: (parts) => parts.join("."),
  };
}

/** An annex restarts at "1." with sub-paragraphs "3.1", "3.2", then "4.". */
export const annexNumbering: Numbering = {
  next: (last) => {
    if (!last) return [[1]];
    if (last.length === 1) return [[last[0], 1], [last[0] + 1]];
    return [[last[0], last[1] + 1], [last[0] + 1]];
  },
  format: (parts) => (parts.length === 1 ? `${parts[0]}.` : parts.join(".")),
};

/**
 * Without a TOC nothing says where sections start; numbers still run in
 * order across majors (1.1 … 1.27, 2.1 …).
 */
export const continuousNumbering: Numbering = {
  next: (last) =>
    last
      ? [
          [last[0], last[1] + 1],
          [last[0] + 1, 1],
        ]
      : [[1, 1]],
  format: (parts) => parts.join("."),
};

function sameNumber(a: NumberParts, b: NumberParts): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

/** A candidate paragraph number: "1.1", "2.4", "3.5.", "1." (annex). */
const NUMBER_CANDIDATE = /(?<![\d,/])(\d{1,2})\.(?:(\d{1,2})\.?)?(?=\s*[A-Z“"‘(])/g;

/** A stretch of text and the number that opens it (null before the first). */
export interface NumberedChunk {
  parts: NumberParts | null;
  text: string;
}

/**
 * Splits a section's glued text at the paragraph numbers that continue the
 * sequence. The text before the first accepted number is returned with
 * `parts: null`.
 */
export function splitAtNumbers(
  text: string,
  numbering: Numbering,
  state: { last: NumberParts | null },
): NumberedChunk[] {
  const chunks: NumberedChunk[] = [];
  let chunkStart = 0;
  let chunkParts: NumberParts | null = null;
  NUMBER_CANDIDATE.lastIndex = 0;
  for (let match = NUMBER_CANDIDATE.exec(text); match; match = NUMBER_CANDIDATE.exec(text)) {
    const parts = match[2] === undefined ? [Number(match[1])] : [Number(match[1]), Number(match[2])];
    if (!numbering.next(state.last).some((expected) => sameNumber(expected, parts))) continue;
    chunks.push({ parts: chunkParts, text: text.slice(chunkStart, match.index) });
    chunkParts = parts;
    chunkStart = match.index + match[0].length;
    state.last = parts;
  }
  chunks.push({ parts: chunkParts, text: text.slice(chunkStart) });
  return chunks;
}

/**
 * Separates a heading glued after the last sentence of a paragraph:
 * "…similar technology.Procedural laws - General principles " → body
 * "…similar technology." and heading "Procedural laws - General principles".
 */
export function splitTrailingHeading(text: string): { body: string; heading: string | null } {
  const match = /^([^]*[.:;!?”"])\s*([A-Z][^.:;!?“”"]*)$/.exec(text.trim());
  if (match && looksLikeHeading(match[2], 120, 15)) {
    return { body: match[1], heading: collapseWhitespace(match[2]) };
  }
  return { body: text, heading: null };
}

/** A lettered item candidate: "a.", "b." glued or spaced before a capital. */
const LETTER_CANDIDATE = /(?<![A-Za-z0-9])([a-z])\.(?=\s*[A-Z“"‘(])/g;

/**
 * Splits "intro:a.First…b.Second…" into the intro and the items a., b., …
 * Letters must come in order from "a", right after the end of a sentence or
 * list intro, and not be the second half of an abbreviation ("e.g. SG20").
 */
export function splitLetteredItems(text: string): { intro: string; items: { letter: string; text: string }[] } {
  const starts: { letter: string; index: number; textStart: number }[] = [];
  let expected = "a";
  LETTER_CANDIDATE.lastIndex = 0;
  for (let match = LETTER_CANDIDATE.exec(text); match; match = LETTER_CANDIDATE.exec(text)) {
    if (match[1] !== expected) continue;
    const before = text.slice(0, match.index);
    if (before.trim() !== "" && !/[.:;!?”")]\s*$/.test(before)) continue;
    if (/(?:^|[^A-Za-z])[A-Za-z]\.\s*$/.test(before)) continue;
    starts.push({ letter: match[1], index: match.index, textStart: match.index + match[0].length });
    expected = String.fromCharCode(expected.charCodeAt(0) + 1);
  }
  if (starts.length === 0) return { intro: text, items: [] };
  return {
    intro: text.slice(0, starts[0].index),
    items: starts.map((start, i) => ({
      letter: start.letter,
      text: text.slice(start.textStart, i + 1 < starts.length ? starts[i + 1].index : text.length),
    })),
  };
}

/**
 * Restores spaces lost when line breaks were removed: "encrypted.On" →
 * "encrypted. On", "(2009);The" → "(2009); The", "(AI)Algorithmic" →
 * "(AI) Algorithmic", "andNew" → "and New", "…; andnew security" (a list
 * item glued to its "and") → "…; and new security", "Summit 2019The" →
 * "Summit 2019 The". Only patterns that cannot
 * occur in real words are touched (a lowercase word, then punctuation, then a
 * capitalised word), so "YouTube", "FinTech" or "e.g.The" stay as they are.
 */
export function repairGluedWords(text: string): string {
  return text
    .replace(/([a-z]{2,}[.;:])(?=[A-Z][a-z])/g, "$1 ")
    .replace(/([)\]”"][.;:]|[.!?]”)(?=[A-Z])/g, "$1 ")
    .replace(/(;\s?and)(?=[a-z]{2,})/g, "$1 ")
    .replace(/\)(?=[A-Z][a-z])/g, ") ")
    .replace(/\b(and|or)(?=[A-Z][a-z])/g, "$1 ")
    .replace(/\b((?:19|20)\d{2})(?=[A-Z][a-z])/g, "$1 ");
}

/** Final clean-up of a paragraph split out of glued text. */
export function cleanGluedText(text: string): string {
  return collapseWhitespace(repairGluedWords(text));
}
