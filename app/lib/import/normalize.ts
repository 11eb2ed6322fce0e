/**
 * Character-level clean-up shared by every importer. Each function fixes one
 * artefact that real sources carry (Word exports, web extractions, Markdown
 * conversions) so that paragraph text compares cleanly across versions.
 */

/** Converts CRLF / CR line endings to LF so line-based parsers see one shape. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * Removes characters that are invisible in the source but would make two
 * identical paragraphs differ: the byte-order mark, zero-width spaces and
 * joiners, soft hyphens. Non-breaking and other exotic spaces become plain
 * spaces because the reader re-flows text anyway.
 */
export function removeInvisibleCharacters(text: string): string {
  return text
    .replace(/[\uFEFF\u200B\u200C\u2060\u00AD]|\u200D/g, "")
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, " ");
}

/**
 * Collapses every run of whitespace (tabs and line breaks included) into one
 * space and trims. Paragraph text is stored re-flowable, so the original line
 * breaks and tab stops carry no meaning.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Words that open a direct question ("Have encryption schemes turned …?"). */
const QUESTION_OPENERS =
  /^(?:what|how|why|who|whom|whose|which|when|where|is|are|was|were|am|do|does|did|have|has|had|can|could|should|would|will|shall|may|might|must)$/i;

/**
 * Web extractions of Word documents replace each non-breaking space with "?"
 * ("formulated?with", "Circular Letter?(CL-20/18)", "purposes.? In",
 * "The?European"). A genuine question mark ends a sentence, so it never
 * follows whitespace or punctuation, and it is normally followed by
 * whitespace, a closing quote/bracket or the end of the text. We turn "?"
 * into a space when:
 * - it follows whitespace or punctuation (". ?", ",?", ":?"), or
 * - it is followed by a lowercase letter, "(" or an opening quote, or
 * - it is followed by a capital or a digit (where a lost paragraph break
 *   could glue the next sentence to a real question) and the sentence it
 *   ends does not open like a question ("Have …", "What …", "Is …").
 * "Have encryption schemes turned Internet into a lawless space? The
 * Australia…" keeps its question mark.
 */
export function repairQuestionMarkSpaces(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    out += ch === "?" && isLostSpace(text, i) ? " " : ch;
  }
  return out;
}

function isLostSpace(text: string, index: number): boolean {
  const before = index > 0 ? text[index - 1] : "";
  const after = index + 1 < text.length ? text[index + 1] : "";
  if (before === "" || /[\s.,;:]/.test(before)) return true;
  if (after === "" || /[\s"”’)\]»!?]/.test(after)) return false;
  if (/[a-z(“‘"']/.test(after)) return true;
  const sentenceStart = Math.max(
    text.lastIndexOf(".", index - 1),
    text.lastIndexOf("!", index - 1),
    text.lastIndexOf("?", index - 1),
    text.lastIndexOf(";", index - 1),
    text.lastIndexOf(":", index - 1),
  );
  const firstWord = /[A-Za-z]+/.exec(text.slice(sentenceStart + 1, index))?.[0] ?? "";
  return !QUESTION_OPENERS.test(firstWord);
}

/**
 * True for lines that only draw a rule or fill space ("____", "....", "----"):
 * Word exports and web pages use them as page furniture, never as content.
 */
export function isSeparatorLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= 3 && /^[\s_.\-=*~·•…]+$/.test(trimmed);
}
