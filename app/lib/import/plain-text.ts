/**
 * Plain text without markup (a pasted contribution, a text export). Nothing
 * marks headings, so a short line that does not read like a sentence is taken
 * for one; the first line is the title when it looks like a title.
 */
import { documentFromBlocks, type Block, type ParseOptions } from "./blocks";
import { isSeparatorLine, normalizeLineEndings, removeInvisibleCharacters } from "./normalize";
import { parseLeadingMarker } from "./numbering";

import type { ImportedDocument } from "./types";

const BULLET = /^[•·▪◦\-–*]\s*(?=\S)/;

/**
 * A line that reads like a heading: short, starting with a capital or a
 * number, and not ending like a sentence or a list intro.
 */
export function looksLikeHeading(text: string, maxLength = 90, maxWords = 12): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > maxLength) return false;
  if (trimmed.split(/\s+/).length > maxWords) return false;
  if (/[.,;:!?]$/.test(trimmed)) return false;
  return /^[A-Z0-9“"‘]/.test(trimmed) && /[A-Za-z]/.test(trimmed);
}

/**
 * The first line is the document title when it looks like a heading and is
 * either written in capitals or several words long: a one-word first line
 * such as "Summary" is a section heading, not the document's name.
 */
function looksLikeTitle(text: string): boolean {
  const trimmed = text.trim();
  if (!looksLikeHeading(trimmed, 200, 30)) return false;
  const letters = trimmed.replace(/[^A-Za-z]/g, "");
  return letters === letters.toUpperCase() || trimmed.split(/\s+/).length >= 4;
}

/**
 * True when the text is hard-wrapped (e-mail style, ~72 columns) with blank
 * lines between paragraphs; then consecutive lines are joined. Otherwise each
 * line is a paragraph, as in word-processor exports.
 */
function isHardWrapped(lines: string[]): boolean {
  const nonEmpty = lines.filter((line) => line.trim() !== "");
  if (nonEmpty.length < 4 || nonEmpty.length === lines.length) return false;
  const wrapped = nonEmpty.filter((line) => line.length >= 40 && line.length <= 100).length;
  return wrapped / nonEmpty.length >= 0.7;
}

/** Turns one physical line into a block. */
function lineToBlock(line: string): Block {
  const text = line.trim();
  if (BULLET.test(text) && !parseLeadingMarker(text)) {
    return { kind: "paragraph", text: text.replace(BULLET, ""), bullet: true };
  }
  const marker = parseLeadingMarker(text);
  if (marker && (marker.kind === "dotted" || marker.kind === "whole")) {
    // " 1.\tIntroduction", "3.4\tGCA Pillar 1: Legal Measures": a numbered
    // title is a heading; a numbered sentence is a paragraph.
    if (looksLikeHeading(marker.rest)) {
      return { kind: "heading", depth: marker.label.split(".").filter(Boolean).length, text };
    }
    return { kind: "paragraph", text };
  }
  if (!marker && looksLikeHeading(text)) return { kind: "heading", depth: 1, text };
  return { kind: "paragraph", text };
}

/** Turns plain text into blocks (see module comment for the heuristics). */
export function plainTextToBlocks(text: string): Block[] {
  let lines = normalizeLineEndings(removeInvisibleCharacters(text))
    .split("\n")
    .map((line) => line.replace(/\s+$/, ""))
    .filter((line) => !isSeparatorLine(line));

  if (isHardWrapped(lines)) {
    const joined: string[] = [];
    let buffer = "";
    for (const line of lines) {
      if (line.trim() === "") {
        if (buffer) joined.push(buffer);
        buffer = "";
      } else {
        buffer = buffer ? `${buffer} ${line.trim()}` : line.trim();
      }
    }
    if (buffer) joined.push(buffer);
    lines = joined;
  }

  const nonEmpty = lines.filter((line) => line.trim() !== "");
  const blocks: Block[] = [];
  nonEmpty.forEach((line, index) => {
    if (index === 0 && !parseLeadingMarker(line.trim()) && looksLikeTitle(line)) {
      blocks.push({ kind: "title", text: line.trim() });
    } else {
      blocks.push(lineToBlock(line));
    }
  });
  return blocks;
}

/** Parses plain text into sections and paragraphs. */
export function parsePlainText(text: string, options: ParseOptions = {}): ImportedDocument {
  return documentFromBlocks(plainTextToBlocks(text), options);
}
