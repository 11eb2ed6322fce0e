/**
 * The disposition-of-comments table in the ISO/IEC commenting-template
 * layout, shared by the published page, the CSV, XLSX and DOCX exports and
 * the template import:
 *
 * 1. organization (MB/NC)
 * 2. line/paragraph number
 * 3. clause/subclause (section)
 * 4. paragraph/figure/table
 * 5. type of comment (ge/te/ed)
 * 6. comments
 * 7. proposed change
 * 8. observations of the secretariat
 */

/** The eight columns, in order. Labels are in the locale (`feedback.columns.*`). */
export const ISO_COLUMNS = [
  "organization",
  "paragraphNumber",
  "section",
  "paragraphFigureTable",
  "type",
  "comment",
  "proposedChange",
  "observations",
] as const;
export type IsoColumn = (typeof ISO_COLUMNS)[number];

/** Comment types as the ISO template abbreviates them. */
export const TYPE_CODES = { general: "ge", technical: "te", editorial: "ed" } as const;
export type CommentTypeName = keyof typeof TYPE_CODES;

/** The secretariat's decisions on a comment. */
export const DISPOSITION_STATUSES = ["accepted", "accepted_in_part", "not_accepted", "noted"] as const;
export type DispositionStatus = (typeof DISPOSITION_STATUSES)[number];

/** Whether a stored status is one of the decisions (so that its label's key exists). */
export function isDispositionStatus(value: string): value is DispositionStatus {
  return (DISPOSITION_STATUSES as readonly string[]).includes(value);
}

/** Whether a stored comment type is one of the three (so that its label's key exists). */
export function isCommentType(value: string): value is CommentTypeName {
  return Object.hasOwn(TYPE_CODES, value);
}

/**
 * A comment type from a template cell: "ge", "te", "ed", the full word, or
 * the two written together ("te – technical"), in any case. Null otherwise.
 */
export function parseCommentType(value: string): CommentTypeName | null {
  const text = value.trim().toLowerCase();
  if (text === "") return null;
  const word = /^[a-z]+/.exec(text)?.[0] ?? "";
  for (const [name, code] of Object.entries(TYPE_CODES) as Array<[CommentTypeName, string]>) {
    if (word === code || word === name) return name;
  }
  return null;
}

/** A section as column 3 shows it: "2 Pillar 1: Legal Measures". */
export function sectionLabel(section: { number: string | null; heading: string } | null): string {
  if (!section) return "";
  return section.number ? `${section.number} ${section.heading}` : section.heading;
}

/** What a row is made from. */
export interface IsoRowSource {
  organization: string;
  paragraphNumber: string | null;
  section: { number: string | null; heading: string } | null;
  quote: string | null;
  type: string;
  comment: string;
  proposedText: string | null;
  disposition: { status: string; response: string } | null;
}

/**
 * The eight cells of a comment's row. Column 4 holds the phrase the comment
 * is anchored to, in quotation marks, when there is one. Column 8 is the
 * decision followed by the response, e.g. "Accepted in part. The text now
 * names regional organizations."
 */
export function isoRow(source: IsoRowSource, statusLabel: (status: string) => string): string[] {
  const type = TYPE_CODES[source.type as CommentTypeName] ?? source.type;
  let observations = "";
  if (source.disposition) {
    const label = statusLabel(source.disposition.status);
    const response = source.disposition.response.trim();
    observations = response ? `${label}. ${response}` : label;
  }
  return [
    source.organization,
    source.paragraphNumber ?? "",
    sectionLabel(source.section),
    source.quote ? `“${source.quote}”` : "",
    type,
    source.comment,
    source.proposedText ?? "",
    observations,
  ];
}

/**
 * A paragraph number as people type it, reduced so that "2.9 a.", "2.9a",
 * "2.9 (a)", "2.9.a" and the key "2-9-a" all compare equal.
 */
export function normalizeParagraphNumber(value: string): string {
  return value
    .toLowerCase()
    .replace(/([0-9])([a-z])/g, "$1.$2")
    .replace(/([a-z])([0-9])/g, "$1.$2")
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}
