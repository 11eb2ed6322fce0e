/**
 * The table of contents of a Word document whose field codes survived a text
 * extraction ("Introduction PAGEREF _Toc37331397 \h 3"): reading its entries
 * and finding each heading again in a body where the line breaks are gone.
 * The TOC lists the headings exactly, which is what tells "Section 2Pillar 1:
 * Legal Measures" (a heading) from "Section 2 focuses on…" (a sentence).
 */
import { collapseWhitespace } from "./normalize";

/** One entry of the table of contents. */
export interface TocEntry {
  kind: "section" | "annex" | "subsection";
  /** "2" for "Section 2", "Annex 1" for "Annex 1", null for sub-headings. */
  number: string | null;
  /** Heading text without the number, as the TOC prints it. */
  heading: string;
}

/** True when the text carries Word TOC field codes ("PAGEREF _Toc…"). */
export function hasTocFieldCodes(text: string): boolean {
  return /PAGEREF\s+_Toc\d+/.test(text);
}

/**
 * Reads the table of contents: the entries and where the body starts (right
 * after the last "PAGEREF _Toc… \h N"). Returns null without a TOC.
 */
export function readTableOfContents(text: string): { entries: TocEntry[]; start: number; end: number } | null {
  const field = /TOC(?:\s+\\[a-z]+(?:\s+"[^"]*")?)+\s*/.exec(text);
  if (!field) return null;
  const entryPattern = /([^]{1,240}?)\s*PAGEREF\s+_Toc\d+\s+\\h\s+\d+/y;
  entryPattern.lastIndex = field.index + field[0].length;
  const entries: TocEntry[] = [];
  let end = entryPattern.lastIndex;
  for (let match = entryPattern.exec(text); match; match = entryPattern.exec(text)) {
    end = entryPattern.lastIndex;
    // Dot leaders ("Context……………") separate the heading from the page number.
    const raw = collapseWhitespace(match[1]).replace(/[\s.…·]+$/, "");
    const section = /^Section\s*(\d+)\s*(\S.*)$/.exec(raw);
    const annex = /^Annex\s*(\d+)\s*(\S.*)$/.exec(raw);
    if (section) entries.push({ kind: "section", number: section[1], heading: section[2] });
    else if (annex) entries.push({ kind: "annex", number: `Annex ${annex[1]}`, heading: annex[2] });
    else entries.push({ kind: "subsection", number: null, heading: raw });
  }
  if (entries.length === 0) return null;
  return { entries, start: field.index, end };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Pattern for a heading as the body prints it: spaces may be missing (glued)
 * and hyphens may have become en or em dashes ("Pillar 3 - Organizational"
 * in the TOC, "Pillar 3 – Organizational" in the body).
 */
function headingPattern(heading: string): string {
  return heading
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/[-–—]/g, "[-–—]"))
    .join("\\s*");
}

/** What may follow a heading in glued text: a number, a capital, or the end. */
const AFTER_HEADING = '(?=\\s*(?:\\d|[A-Z“"‘]|$))';

/** A TOC heading found in the body. */
export interface LocatedHeading {
  entry: TocEntry;
  /** Heading text as printed in the body (the body wins over the TOC). */
  heading: string;
  start: number;
  end: number;
}

/**
 * Finds the TOC headings in the body, each after the previous one. When the
 * body words a numbered heading differently from the TOC (Annex 1: "Some
 * regional and global developments since 2008" in the TOC, "Some examples of
 * regional and global developments since 2008" in the body), the heading is
 * found by its "Annex 1" marker and runs to the TOC heading's last words.
 */
export function locateHeadings(body: string, entries: TocEntry[]): LocatedHeading[] {
  const located: LocatedHeading[] = [];
  let cursor = 0;
  for (const entry of entries) {
    const marker =
      entry.kind === "section"
        ? `Section\\s*${entry.number}\\s*`
        : entry.kind === "annex"
          ? `Annex\\s*${escapeRegExp((entry.number ?? "").replace(/^Annex\s*/, ""))}\\s*`
          : "";
    const exact = new RegExp(`${marker}(${headingPattern(entry.heading)})${AFTER_HEADING}`, "g");
    exact.lastIndex = cursor;
    const match = exact.exec(body);
    if (match) {
      located.push({
        entry,
        heading: collapseWhitespace(match[1]),
        start: match.index,
        end: match.index + match[0].length,
      });
      cursor = match.index + match[0].length;
      continue;
    }
    if (!marker) continue;
    const markerOnly = new RegExp(`${marker}(?=[A-Z])`, "g");
    markerOnly.lastIndex = cursor;
    const markerMatch = markerOnly.exec(body);
    if (!markerMatch) continue;
    const afterMarker = markerMatch.index + markerMatch[0].length;
    const lastWords = entry.heading.split(/\s+/).slice(-2).join(" ");
    const tail = new RegExp(headingPattern(lastWords)).exec(body.slice(afterMarker, afterMarker + 240));
    if (!tail) continue;
    const end = afterMarker + tail.index + tail[0].length;
    located.push({ entry, heading: collapseWhitespace(body.slice(afterMarker, end)), start: markerMatch.index, end });
    cursor = end;
  }
  return located;
}
