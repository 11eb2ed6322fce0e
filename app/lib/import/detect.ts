/**
 * Recognising which shape a text has, so `parseText` can hand it to the
 * parser that understands its quirks. Each test looks for a signature that
 * the other shapes do not produce.
 */
import { countMemberCommentLines } from "./hleg";
import { normalizeLineEndings } from "./normalize";
import { hasTocFieldCodes } from "./toc";

/** The text shapes the importer tells apart. */
export type TextShape =
  /** A web extraction of a Word document: paragraphs glued, TOC field codes. */
  | "web-extract"
  /** Text saved from Word: "[bookmark: …]", "[footnoteRef:n]", tab after numbers. */
  | "word-export"
  /** Proposals each followed by the members' comments on them (HLEG report). */
  | "proposals-with-comments"
  /** Markdown or Markdown-ish text. */
  | "markdown"
  /** Anything else: one paragraph per line or per blank-line-separated block. */
  | "plain";

/** Decides the shape of `text` (see `TextShape`). */
export function detectTextShape(text: string): TextShape {
  const normalized = normalizeLineEndings(text);
  const lines = normalized.split("\n");
  const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);

  if (hasTocFieldCodes(normalized)) return "web-extract";
  // Paragraph numbers glued to the next word ("1.1The", "2.3Regional") in a
  // very long line only happen when the paragraph breaks were lost.
  if (longest > 5000 && (normalized.match(/[a-z.]\d{1,2}\.\d{1,2}[A-Z][a-z]/g)?.length ?? 0) >= 3) {
    return "web-extract";
  }
  if (/\[bookmark: [^\]]*\]|\[footnoteRef:\d+\]/.test(normalized)) return "word-export";
  if (lines.filter((line) => /^\s*\d{1,3}(?:\.\d{1,3})*\.?\t/.test(line)).length >= 3) return "word-export";
  if (lines.some((line) => /^\s*proposals\s*:?\s*$/i.test(line)) && countMemberCommentLines(normalized) >= 3) {
    return "proposals-with-comments";
  }
  // An ATX heading ("## Section 1") is unmistakable; bold numbers, links and
  // <sup> could be a stray character or two, so two of them are required.
  if (lines.some((line) => /^\s{0,3}#{1,6}\s+\S/.test(line))) return "markdown";
  const markdownSignals =
    normalized.match(/^\s*\*\*\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|[a-z][.)])\s*\*\*|\[[^\]\n]+\]\([^)\s]*\)|<sup>/gm)
      ?.length ?? 0;
  if (markdownSignals >= 2) return "markdown";
  return "plain";
}
