/**
 * Validation of a delegation's filled-in commenting template (the eight
 * ISO columns, from .xlsx or .docx), row by row. All or nothing: the caller
 * imports only when no row is rejected, and shows every rejected row with
 * its number and reason.
 */
import type { Message } from "~/lib/errors";

import { MAX_COMMENT_CHARS } from "../richtext/validate";
import { normalizeParagraphNumber, parseCommentType, type CommentTypeName } from "./iso-table";

/** Limits of one import. */
export const TEMPLATE_LIMITS = {
  /** Rows with content (the header not counted). */
  maxRows: 2_000,
  /** As for comments written on the platform. */
  commentChars: MAX_COMMENT_CHARS,
  /** As MAX_PROPOSED_TEXT_CHARS of the comment form. */
  proposedChars: 10_000,
  quoteChars: 2_000,
} as const;

/** A row of the file: its number as the file shows it, and its first eight cells as text. */
export interface TemplateRow {
  rowNumber: number;
  cells: string[];
}

/** Why a row was rejected; `code` is a locale key under `feedback.import.reasons`. */
export interface TemplateRowError {
  rowNumber: number;
  /** Why the comment text was refused (the rich-text check's message), for `commentInvalid`. */
  reason?: Message;
  code:
    | "paragraphMissing"
    | "paragraphUnknown"
    | "paragraphAmbiguous"
    | "typeInvalid"
    | "commentEmpty"
    | "commentTooLong"
    | "commentInvalid"
    | "proposedTooLong"
    | "quoteTooLong"
    | "quoteNotFound"
    | "organizationMismatch";
  values: Record<string, string | number>;
}

/** A valid row, ready to store. */
export interface TemplateComment {
  rowNumber: number;
  paragraphId: string;
  paragraphKey: string;
  type: CommentTypeName;
  comment: string;
  proposedText: string | null;
  quote: { text: string; start: number; end: number } | null;
}

export type TemplateValidation =
  { ok: true; comments: TemplateComment[] } | { ok: false; errors: TemplateRowError[]; validRows: number };

/** A paragraph of the version the comments are for. */
export interface TemplateParagraph {
  id: string;
  key: string;
  number: string | null;
  text: string;
  /** Its section, to tell apart paragraphs that share a number (an annex restarting at 1.1). */
  section?: { number: string | null; heading: string } | null;
}

const HEADER_COMMENT = /comment/i;
const HEADER_TYPE = /type/i;

/**
 * Index of the header row: the first row whose column 5 names the type and
 * column 6 the comments (any language variant containing those words, or
 * the template's "(5)" / "(6)" markers). -1 when there is none.
 */
export function findHeaderRow(rows: readonly TemplateRow[]): number {
  return rows.findIndex((row) => {
    const type = row.cells[4] ?? "";
    const comment = row.cells[5] ?? "";
    return (
      (HEADER_TYPE.test(type) || type.includes("(5)")) && (HEADER_COMMENT.test(comment) || comment.includes("(6)"))
    );
  });
}

function clean(cell: string | undefined) {
  return (cell ?? "").replace(/\r\n?/g, "\n").trim();
}

/** Strips the quotation marks the export puts around column 4. */
function unquote(text: string) {
  const match = /^[“"'‘«](.*)[”"'’»]$/s.exec(text);
  return match ? match[1] : text;
}

/**
 * Checks every data row (after the header) against the version's
 * paragraphs. Rows whose eight cells are all empty are skipped.
 *
 * - column 1, when filled, must name the organization the import is for;
 * - column 2 must be a paragraph number (or key) of the version;
 * - column 4, when filled, must be a phrase of that paragraph;
 * - column 5 must be ge/te/ed or general/technical/editorial;
 * - column 6 must not be empty; lengths are bounded.
 * Column 3 (the section) is read only to tell apart paragraphs that share a
 * number; column 8 (the secretariat's observations) is not read.
 */
export function validateTemplateRows({
  rows,
  paragraphs,
  organizationName,
}: {
  rows: readonly TemplateRow[];
  paragraphs: readonly TemplateParagraph[];
  organizationName: string;
}): TemplateValidation {
  const byNumber = new Map<string, TemplateParagraph[]>();
  for (const paragraph of paragraphs) {
    for (const label of [paragraph.number, paragraph.key]) {
      if (!label) continue;
      const key = normalizeParagraphNumber(label);
      if (!key) continue;
      const list = byNumber.get(key) ?? [];
      if (!list.includes(paragraph)) list.push(paragraph);
      byNumber.set(key, list);
    }
  }
  // Column 3 (the section) picks one of several paragraphs with the same number.
  const inSection = (candidates: TemplateParagraph[], cell: string) => {
    const wanted = cell.trim().toLowerCase();
    if (!wanted) return candidates;
    return candidates.filter((paragraph) => {
      const section = paragraph.section;
      if (!section) return false;
      const label = (section.number ? `${section.number} ${section.heading}` : section.heading).toLowerCase();
      return (
        label === wanted ||
        label.startsWith(wanted) ||
        wanted.startsWith(label) ||
        (section.number ?? "").toLowerCase() === wanted
      );
    });
  };
  const organization = organizationName.trim().toLowerCase();
  const errors: TemplateRowError[] = [];
  const comments: TemplateComment[] = [];

  for (const row of rows) {
    const cells = Array.from({ length: 8 }, (_, k) => clean(row.cells[k]));
    if (cells.every((cell) => cell === "")) continue;
    const reject = (code: TemplateRowError["code"], values: Record<string, string | number> = {}) =>
      errors.push({ rowNumber: row.rowNumber, code, values });
    const [org, number, sectionCell, quoteCell, typeCell, comment, proposed] = cells;

    if (org && org.toLowerCase() !== organization) {
      reject("organizationMismatch", { found: org, expected: organizationName });
      continue;
    }
    if (!number) {
      reject("paragraphMissing");
      continue;
    }
    const candidates = byNumber.get(normalizeParagraphNumber(number)) ?? [];
    if (candidates.length === 0) {
      reject("paragraphUnknown", { number });
      continue;
    }
    const matching = candidates.length > 1 ? inSection(candidates, sectionCell) : candidates;
    if (matching.length !== 1) {
      reject("paragraphAmbiguous", { number });
      continue;
    }
    const paragraph = matching[0];
    const type = parseCommentType(typeCell);
    if (!type) {
      reject("typeInvalid", { value: typeCell });
      continue;
    }
    if (!comment) {
      reject("commentEmpty");
      continue;
    }
    if (comment.length > TEMPLATE_LIMITS.commentChars) {
      reject("commentTooLong", { length: comment.length, max: TEMPLATE_LIMITS.commentChars });
      continue;
    }
    if (proposed.length > TEMPLATE_LIMITS.proposedChars) {
      reject("proposedTooLong", { length: proposed.length, max: TEMPLATE_LIMITS.proposedChars });
      continue;
    }
    let quote: TemplateComment["quote"] = null;
    if (quoteCell) {
      const text = unquote(quoteCell).trim();
      if (text.length > TEMPLATE_LIMITS.quoteChars) {
        reject("quoteTooLong", { length: text.length, max: TEMPLATE_LIMITS.quoteChars });
        continue;
      }
      const start = paragraph.text.indexOf(text);
      if (start < 0) {
        reject("quoteNotFound", { number: paragraph.number ?? paragraph.key });
        continue;
      }
      quote = { text, start, end: start + text.length };
    }
    comments.push({
      rowNumber: row.rowNumber,
      paragraphId: paragraph.id,
      paragraphKey: paragraph.key,
      type,
      comment,
      proposedText: proposed || null,
      quote,
    });
  }
  if (errors.length > 0) return { ok: false, errors, validRows: comments.length };
  return { ok: true, comments };
}
