/**
 * Text extracted from a web preview of a Word document (the 2020 draft
 * guidelines, Council document C20/65): a handful of physical lines with all
 * paragraph breaks lost. Numbers, headings and list letters are glued to the
 * text around them ("1.1The ITU…", "Section 2Pillar 1: Legal Measures
 * Introduction2.1…", "…below:a.ITU should…b.ITU…"), "?" stands for every
 * non-breaking space, a table of contents with Word field codes sits between
 * the cover page and the body, and the web page's footer follows the text.
 *
 * Strategy, from most to least reliable signal:
 * 1. The table of contents lists the headings exactly (TOC field codes:
 *    "Introduction PAGEREF _Toc37331397 \h 3"); we read it, drop it, and find
 *    each heading in the body in order. This is what tells "Section 2Pillar 1"
 *    (a heading) from "Section 2 focuses on…" (a sentence).
 * 2. Paragraph numbers are only accepted in sequence: inside Section 2 the
 *    next paragraph is "2.(n+1)" and nothing else, so "Resolution 130",
 *    "Tallinn Manual 2.0", "resolves 12.1", "e.g., 2.1, 2.6" or "1.5 billion"
 *    can never start a paragraph.
 * 3. Lettered items are accepted in sequence too (a., b., c.…) and only right
 *    after the end of a sentence or list intro.
 * 4. Short headings missing from the TOC ("Legal measures and new
 *    technologies") are recognised as a title-like tail glued between the
 *    last sentence of a paragraph and the next paragraph number.
 */
import { UNTITLED, type ParseOptions } from "./blocks";
import {
  annexNumbering,
  cleanGluedText,
  continuousNumbering,
  sectionNumbering,
  splitAtNumbers,
  splitLetteredItems,
  splitTrailingHeading,
  type NumberParts,
  type Numbering,
} from "./glued-text";
import { withParagraphKeys, type UnkeyedParagraph, type UnkeyedSection } from "./keys";
import {
  collapseWhitespace,
  isSeparatorLine,
  normalizeLineEndings,
  removeInvisibleCharacters,
  repairQuestionMarkSpaces,
} from "./normalize";
import { looksLikeHeading } from "./plain-text";
import { locateHeadings, readTableOfContents, type LocatedHeading } from "./toc";

import type { ImportedDocument } from "./types";

/** Lines of the web page around the document, not part of it. */
const PAGE_FURNITURE = /^(?:In order to avoid copyright disputes|Google Online Preview)/i;

/** The title line is cut by the web page ("… GLOBAL …"); complete it from the cover page. */
function completeTitle(firstLine: string, frontMatter: string): string | null {
  const line = collapseWhitespace(firstLine);
  if (line === "") return null;
  const truncated = /\s*(?:…|\.\.\.)$/.exec(line);
  if (!truncated) return line;
  const prefix = line.slice(0, truncated.index);
  const at = frontMatter.indexOf(prefix);
  if (at < 0) return prefix;
  const run = /^[A-Z0-9 ,:;&'’()\-–]+/.exec(frontMatter.slice(at))?.[0] ?? prefix;
  // "…AGENDASummary": the capital that starts the next word is not the title's.
  const nextChar = frontMatter.charAt(at + run.length);
  const full = /[a-z]/.test(nextChar) ? run.slice(0, -1) : run;
  return collapseWhitespace(full);
}

/**
 * Parses a web extraction of a Word document (see module comment). Front
 * matter up to and including the table of contents is dropped, and so is the
 * web page's footer after the closing rule ("_____").
 */
export function parseWebExtract(text: string, options: ParseOptions = {}): ImportedDocument {
  const lines = normalizeLineEndings(removeInvisibleCharacters(text))
    .split("\n")
    .filter((line) => !PAGE_FURNITURE.test(line.trim()) && !isSeparatorLine(line));
  const firstLineIndex = lines.findIndex((line) => line.trim() !== "");
  const firstLine = firstLineIndex >= 0 ? lines[firstLineIndex] : "";
  let all = repairQuestionMarkSpaces(lines.slice(firstLineIndex + 1).join("\n"));

  // The document ends at its closing rule; only page furniture follows it.
  const rules = [...all.matchAll(/_{5,}/g)];
  const lastRule = rules[rules.length - 1];
  if (lastRule?.index !== undefined && all.length - lastRule.index < 1000) all = all.slice(0, lastRule.index);

  const toc = readTableOfContents(all);
  const frontMatter = toc ? all.slice(0, toc.start) : "";
  const body = toc ? all.slice(toc.end) : all;
  const title = options.title ?? completeTitle(firstLine, frontMatter) ?? options.defaultTitle ?? UNTITLED;

  const sections: UnkeyedSection[] = [];
  let current: UnkeyedSection = { number: null, heading: title, level: 1, paragraphs: [] };

  const startSection = (number: string | null, heading: string, level: 1 | 2) => {
    current = { number, heading, level, paragraphs: [] };
    sections.push(current);
  };

  /** Adds the paragraphs of one numbered chunk, splitting out items and glued headings. */
  const addChunk = (number: string | null, chunkText: string, isLast: boolean) => {
    const { body: ownText, heading } = isLast ? { body: chunkText, heading: null } : splitTrailingHeading(chunkText);
    const { intro, items } = number ? splitLetteredItems(ownText) : { intro: ownText, items: [] };
    const paragraphs: UnkeyedParagraph[] = [];
    const introText = cleanGluedText(intro);
    if (number !== null || introText !== "") paragraphs.push({ number, text: introText });
    for (const item of items) paragraphs.push({ number: `${number} ${item.letter}.`, text: cleanGluedText(item.text) });
    current.paragraphs.push(...paragraphs);
    if (heading) startSection(null, heading, 2);
  };

  const located = toc ? locateHeadings(body, toc.entries) : [];
  const segments: { heading: LocatedHeading | null; text: string }[] = [];
  segments.push({ heading: null, text: body.slice(0, located[0]?.start ?? body.length) });
  located.forEach((heading, i) => {
    segments.push({ heading, text: body.slice(heading.end, located[i + 1]?.start ?? body.length) });
  });

  let numbering: Numbering = continuousNumbering;
  const state: { last: NumberParts | null } = { last: null };
  for (const segment of segments) {
    if (segment.heading === null) {
      if (segment.text.trim() === "") continue;
      sections.push(current);
    } else if (segment.heading.entry.kind === "subsection") {
      startSection(null, segment.heading.heading, 2);
    } else {
      const entry = segment.heading.entry;
      startSection(entry.number, segment.heading.heading, 1);
      numbering = entry.kind === "annex" ? annexNumbering : sectionNumbering(Number(entry.number));
      state.last = null;
    }

    const chunks = splitAtNumbers(segment.text, numbering, state);
    chunks.forEach((chunk, i) => {
      // A title-like tail is a heading only when a paragraph follows it in
      // the same segment; before a TOC heading it is the paragraph's end.
      const isLast = i === chunks.length - 1;
      if (chunk.parts === null) {
        // Text between a heading and the first number: a heading missing
        // from the TOC ("Global High-level Dialogues") or unnumbered text.
        const lead = collapseWhitespace(chunk.text);
        if (lead === "") return;
        if (looksLikeHeading(lead, 120, 15)) startSection(null, lead, 2);
        else addChunk(null, chunk.text, isLast);
        return;
      }
      addChunk(numbering.format(chunk.parts), chunk.text, isLast);
    });
  }

  return { title, sections: withParagraphKeys(sections) };
}
