/**
 * Word's tracked changes, read from a .docx's word/document.xml (jszip and
 * @xmldom/xmldom; mammoth gives no access to them). mammoth imports a file
 * "as it stands": insertions kept, deletions dropped, a paragraph whose mark
 * is deleted joined with the next one. This module lists what that silently
 * accepted, so the secretariat can see it before the upload is made:
 *
 * - `w:ins` / `w:moveTo` wrap inserted runs, `w:del` / `w:moveFrom` deleted
 *   ones (deleted text is in `w:delText`); author and date come from
 *   `w:author` / `w:date` when Word wrote them;
 * - a paragraph mark revision (`w:pPr/w:rPr/w:ins|w:del`) is a paragraph
 *   break inserted or deleted: a deleted mark joins the paragraph with the
 *   next one, exactly as mammoth does, so both are listed as one paragraph
 *   of the import with the break shown deleted between them;
 * - a table row inserted or deleted (`w:trPr/w:ins|w:del`) marks all its text;
 * - formatting changes (`w:rPrChange`, `w:pPrChange`, …) are not changes of
 *   the text and are ignored; text both inserted and deleted (one reviewer's
 *   insertion deleted by another) is in neither text and is left out.
 *
 * Pure: the parts (or bytes) in, data out.
 */
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";

import { wordPartsOf, type WordParts } from "./docx-xml";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** One stretch of a revised paragraph, in document order. */
export interface RevisionSegment {
  /** "same": text no revision touches; "insert" / "delete": a tracked change. */
  kind: "same" | "insert" | "delete";
  /** The text ("" for a paragraph break). */
  text: string;
  /** Who made the change (`w:author`), when Word recorded it. */
  author?: string;
  /** When (`w:date`, ISO 8601 as written), when Word recorded it. */
  date?: string;
  /** The change is half of a move (`w:moveFrom` / `w:moveTo`). */
  moved?: true;
  /** A paragraph break inserted or deleted, not text. */
  paragraphBreak?: true;
}

/** A paragraph of the import (changes accepted) that carries tracked changes. */
export interface RevisedParagraph {
  /** The text with every change accepted: what the import keeps. */
  accepted: string;
  /** The text with every change rejected; paragraphs it was made from are separated by "\n". */
  rejected: string;
  /** The paragraph's text and changes in order, adjacent stretches of one kind and author merged. */
  segments: RevisionSegment[];
  /** Insertions and deletions: runs of inserted (deleted) segments by one author. */
  insertions: number;
  deletions: number;
}

/** Every tracked change of a document, summed and by paragraph. */
export interface DocxRevisions {
  /** insertions + deletions. */
  changes: number;
  insertions: number;
  deletions: number;
  /** Changes that are half of a move (counted in insertions or deletions too). */
  moved: number;
  /** Authors named by the changes, in order of first appearance. */
  authors: string[];
  /** Some change names no author. */
  unknownAuthor: boolean;
  /** The paragraphs that carry changes, in document order. */
  paragraphs: RevisedParagraph[];
}

interface Revision {
  kind: "insert" | "delete";
  author?: string;
  date?: string;
  moved?: true;
}

interface RawParagraph {
  segments: RevisionSegment[];
  /** The paragraph mark's own revision. */
  mark: Revision | null;
}

function isW(node: Node, name: string): node is Element {
  return node.nodeType === 1 && (node as Element).namespaceURI === W && (node as Element).localName === name;
}

function children(element: Element): Element[] {
  const out: Element[] = [];
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) out.push(child as Element);
  }
  return out;
}

function firstW(element: Element | null | undefined, name: string): Element | null {
  if (!element) return null;
  return children(element).find((child) => isW(child, name)) ?? null;
}

function revisionOf(element: Element, kind: "insert" | "delete", moved = false): Revision {
  const author = element.getAttributeNS(W, "author") || element.getAttribute("w:author") || "";
  const date = element.getAttributeNS(W, "date") || element.getAttribute("w:date") || "";
  return {
    kind,
    ...(author.trim() !== "" ? { author: author.trim() } : {}),
    ...(date.trim() !== "" ? { date: date.trim() } : {}),
    ...(moved ? { moved: true as const } : {}),
  };
}

/** The revision a `w:ins`/`w:del` child of a properties element (pPr's rPr, trPr) records, if any. */
function propertiesRevision(properties: Element | null): Revision | null {
  const inserted = firstW(properties, "ins");
  if (inserted) return revisionOf(inserted, "insert");
  const deleted = firstW(properties, "del");
  if (deleted) return revisionOf(deleted, "delete");
  return null;
}

/** Elements whose content is part of the paragraph's text (containers of runs). */
const RUN_CONTAINERS = new Set(["hyperlink", "smartTag", "customXml", "fldSimple", "bdo", "dir", "sdtContent"]);

/** A run's text, as mammoth reads it; tabs and breaks are spaces (the import collapses whitespace). */
function runText(run: Element): string {
  let text = "";
  for (const child of children(run)) {
    if (child.namespaceURI !== W) continue;
    switch (child.localName) {
      case "t":
      case "delText":
        text += child.textContent ?? "";
        break;
      case "tab":
      case "br":
      case "cr":
        text += " ";
        break;
      case "noBreakHyphen":
        text += "\u2011";
        break;
      default:
        // Field codes (instrText), footnote references, drawings, symbols: not text.
        break;
    }
  }
  return text;
}

function readParagraph(paragraph: Element, context: Revision[]): RawParagraph {
  const segments: RevisionSegment[] = [];
  const walk = (element: Element, stack: Revision[]) => {
    for (const child of children(element)) {
      if (child.namespaceURI !== W) continue;
      const name = child.localName;
      if (name === "r") {
        const text = runText(child);
        if (text === "") continue;
        const inserted = stack.find((revision) => revision.kind === "insert");
        const deleted = stack.find((revision) => revision.kind === "delete");
        // Inserted then deleted: in neither text.
        if (inserted && deleted) continue;
        const revision = deleted ?? inserted;
        segments.push(revision ? { ...revision, text } : { kind: "same", text });
      } else if (name === "ins" || name === "moveTo") {
        walk(child, [...stack, revisionOf(child, "insert", name === "moveTo")]);
      } else if (name === "del" || name === "moveFrom") {
        walk(child, [...stack, revisionOf(child, "delete", name === "moveFrom")]);
      } else if (name === "sdt") {
        const content = firstW(child, "sdtContent");
        if (content) walk(content, stack);
      } else if (RUN_CONTAINERS.has(name)) {
        walk(child, stack);
      }
      // pPr, bookmarks, comment ranges, proofing marks, math, drawings: not text.
    }
  };
  walk(paragraph, context);
  const ownMark = propertiesRevision(firstW(firstW(paragraph, "pPr"), "rPr"));
  return { segments, mark: ownMark ?? context[0] ?? null };
}

/** The body's paragraphs in document order, through tables and content controls. */
function readParagraphs(container: Element, context: Revision[], out: RawParagraph[]): RawParagraph[] {
  for (const child of children(container)) {
    if (child.namespaceURI !== W) continue;
    switch (child.localName) {
      case "p":
        out.push(readParagraph(child, context));
        break;
      case "tbl":
        for (const row of children(child).filter((element) => isW(element, "tr"))) {
          const rowRevision = propertiesRevision(firstW(row, "trPr"));
          const rowContext = rowRevision ? [...context, rowRevision] : context;
          for (const cell of children(row).filter((element) => isW(element, "tc"))) {
            readParagraphs(cell, rowContext, out);
          }
        }
        break;
      case "sdt": {
        const content = firstW(child, "sdtContent");
        if (content) readParagraphs(content, context, out);
        break;
      }
      case "customXml":
        readParagraphs(child, context, out);
        break;
      default:
        break;
    }
  }
  return out;
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

function sameChange(a: RevisionSegment, b: RevisionSegment): boolean {
  return a.kind === b.kind && a.author === b.author && a.moved === b.moved;
}

/** Adjacent segments of one kind, author, date and move merged; a paragraph break stays its own segment. */
function mergeSegments(segments: RevisionSegment[]): RevisionSegment[] {
  const merged: RevisionSegment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (
      last &&
      !last.paragraphBreak &&
      !segment.paragraphBreak &&
      sameChange(last, segment) &&
      last.date === segment.date
    ) {
      merged[merged.length - 1] = { ...last, text: last.text + segment.text };
    } else {
      merged.push({ ...segment });
    }
  }
  return merged;
}

/** One paragraph of the import from the raw paragraphs it was joined from (all but the last had a deleted mark). */
function revisedParagraph(segments: RevisionSegment[]): RevisedParagraph | null {
  const merged = mergeSegments(segments);
  if (!merged.some((segment) => segment.kind !== "same")) return null;
  let insertions = 0;
  let deletions = 0;
  merged.forEach((segment, index) => {
    if (segment.kind === "same") return;
    const previous = merged[index - 1];
    // A change continues through its own segments (a deleted paragraph and its deleted break are one deletion).
    if (previous && sameChange(previous, segment)) return;
    if (segment.kind === "insert") insertions += 1;
    else deletions += 1;
  });
  const accepted = collapse(
    merged
      .filter((segment) => segment.kind !== "delete")
      .map((segment) => segment.text)
      .join(""),
  );
  const rejected = merged
    .filter((segment) => segment.kind !== "insert")
    .map((segment) => (segment.paragraphBreak ? "\n" : segment.text))
    .join("")
    .split("\n")
    .map(collapse)
    .join("\n")
    .trim();
  return { accepted, rejected, segments: merged, insertions, deletions };
}

/** The tracked changes of a WordprocessingML main document part (word/document.xml). */
export function revisionsFromDocumentXml(xml: string): DocxRevisions {
  const document = new DOMParser({
    errorHandler: {
      warning: () => {},
      // Word writes well-formed XML: a mismatched tag means a damaged file.
      error: (message: string) => {
        throw new Error(`word/document.xml: ${message}`);
      },
      fatalError: (message: string) => {
        throw new Error(`word/document.xml: ${message}`);
      },
    },
  }).parseFromString(xml, "text/xml");
  return revisionsFromDocument(document);
}

/** {@link revisionsFromDocumentXml} for word/document.xml already parsed. */
export function revisionsFromDocument(document: Document): DocxRevisions {
  const root = document.documentElement;
  const body = root ? firstW(root, "body") : null;
  const raw = body ? readParagraphs(body, [], []) : [];

  const paragraphs: RevisedParagraph[] = [];
  let pending: RevisionSegment[] = [];
  for (const paragraph of raw) {
    const segments = [...pending, ...paragraph.segments];
    if (paragraph.mark) segments.push({ ...paragraph.mark, text: "", paragraphBreak: true });
    // A deleted mark joins this paragraph with the next one (mammoth does the same).
    if (paragraph.mark?.kind === "delete") {
      pending = segments;
      continue;
    }
    pending = [];
    const revised = revisedParagraph(segments);
    if (revised) paragraphs.push(revised);
  }
  const last = pending.length > 0 ? revisedParagraph(pending) : null;
  if (last) paragraphs.push(last);

  const authors: string[] = [];
  let unknownAuthor = false;
  let moved = 0;
  for (const paragraph of paragraphs) {
    paragraph.segments.forEach((segment, index) => {
      if (segment.kind === "same") return;
      if (segment.author === undefined) unknownAuthor = true;
      else if (!authors.includes(segment.author)) authors.push(segment.author);
      const previous = paragraph.segments[index - 1];
      if (segment.moved && !(previous && sameChange(previous, segment))) moved += 1;
    });
  }
  const insertions = paragraphs.reduce((sum, paragraph) => sum + paragraph.insertions, 0);
  const deletions = paragraphs.reduce((sum, paragraph) => sum + paragraph.deletions, 0);
  return { changes: insertions + deletions, insertions, deletions, moved, authors, unknownAuthor, paragraphs };
}

/**
 * The tracked changes of an opened .docx's parts (docx-xml.ts), or null when
 * it has none. Throws (rejects) when there is no main document or it is not
 * well-formed XML.
 */
export async function revisionsOfWordParts(parts: WordParts): Promise<DocxRevisions | null> {
  const xml = await parts.text("document");
  if (xml === null) throw new Error("The file holds no main document part.");
  // Most files have no tracked changes: the body need not be parsed for them.
  if (!/<(?:[\w.-]+:)?(?:ins|del|moveFrom|moveTo)[\s/>]/.test(xml)) return null;
  const document = await parts.xml("document");
  if (!document) return null;
  const revisions = revisionsFromDocument(document);
  return revisions.changes > 0 ? revisions : null;
}

/**
 * The tracked changes of a .docx given as bytes, or null when it has none.
 * Throws when the bytes are not a zip holding a main document (the caller
 * has already had mammoth read the file and bounded it, so that is not
 * expected).
 */
export async function readDocxRevisions(bytes: Uint8Array): Promise<DocxRevisions | null> {
  return revisionsOfWordParts(wordPartsOf(await JSZip.loadAsync(bytes)));
}
