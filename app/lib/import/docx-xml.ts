/**
 * Reading a .docx's WordprocessingML parts with @xmldom/xmldom: strict
 * parsing (malformed XML throws), namespace-aware helpers, the package
 * relationships that say where the parts are, and a walk over the body's
 * paragraphs in the order mammoth reads them.
 *
 * {@link readWordParts} is the one reading of a .docx for the readers beside
 * this file (numbering, revisions, comments): the archive is checked against
 * the zip budget and opened once, and each part is inflated and parsed at
 * most once, when a reader first asks for it. mammoth reads the file on its
 * own (it takes bytes, not an opened archive).
 */
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";

import { checkZipBudget, type ZipBudgetResult } from "~/lib/zip-budget";

/** The two namespaces WordprocessingML is written in (transitional, strict). */
const W_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
const MC_NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006";

// ---------------------------------------------------------------------------
// XML helpers

export function parseXml(xml: string): Document {
  const fail = (message: unknown) => {
    throw new Error(`Malformed Word XML: ${String(message)}`);
  };
  const document = new DOMParser({
    errorHandler: { warning: () => {}, error: fail, fatalError: fail },
  }).parseFromString(xml, "text/xml");
  if (!document?.documentElement) fail("no root element");
  return document;
}

export function isW(node: Node, localName: string): node is Element {
  return (
    node.nodeType === 1 &&
    (node as Element).localName === localName &&
    W_NAMESPACES.has((node as Element).namespaceURI ?? "")
  );
}

export function isMc(node: Node, localName: string): node is Element {
  return (
    node.nodeType === 1 && (node as Element).localName === localName && (node as Element).namespaceURI === MC_NAMESPACE
  );
}

export function children(element: Element): Element[] {
  const result: Element[] = [];
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) result.push(child as Element);
  }
  return result;
}

export function child(element: Element | null | undefined, localName: string): Element | null {
  if (!element) return null;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (isW(node, localName)) return node;
  }
  return null;
}

/** A w: attribute ("w:val"), whatever prefix the document gives the namespace. */
export function attribute(element: Element | null | undefined, localName: string): string | null {
  if (!element) return null;
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attr = attributes[i];
    if (attr.localName === localName && (attr.namespaceURI === null || W_NAMESPACES.has(attr.namespaceURI))) {
      return attr.value;
    }
  }
  return null;
}

export function valueOf(element: Element | null, localName: string): string | null {
  return attribute(child(element, localName), "val");
}

export function integer(value: string | null): number | null {
  if (value === null || !/^-?\d{1,9}$/.test(value.trim())) return null;
  return Number.parseInt(value, 10);
}

/** A w:b-style on/off property: present and not "false"/"0"/"off". */
export function onOff(element: Element | null): boolean {
  if (!element) return false;
  const value = attribute(element, "val");
  return value === null || !["false", "0", "off"].includes(value);
}

/**
 * Walks the body like mammoth does: paragraphs in document order, inside
 * tables, content controls and inserted runs; deleted rows, deleted and
 * moved-away runs and the mc:Choice branch (mammoth reads mc:Fallback) are
 * skipped; a paragraph whose mark is deleted is joined to the next one; a
 * text box's paragraphs come after the paragraph that anchors them.
 */
export function bodyParagraphs(body: Element, visit: (pPr: Element | null, text: string) => void) {
  let carried = "";

  const collectText = (element: Element, nested: Element[]): string => {
    let text = "";
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (isW(el, "t")) text += el.textContent ?? "";
      else if (isW(el, "tab")) text += " ";
      else if (isW(el, "p")) nested.push(el);
      else if (isMc(el, "AlternateContent")) {
        const fallback = children(el).find((c) => isMc(c, "Fallback"));
        if (fallback) text += collectText(fallback, nested);
      } else if (
        isW(el, "del") ||
        isW(el, "moveFrom") ||
        isW(el, "pPr") ||
        isW(el, "rPr") ||
        isW(el, "fldSimple") ||
        isW(el, "instrText")
      ) {
        continue;
      } else text += collectText(el, nested);
    }
    return text;
  };

  const paragraph = (p: Element) => {
    const pPr = child(p, "pPr");
    const nested: Element[] = [];
    const text = collectText(p, nested);
    if (child(child(pPr, "rPr"), "del")) {
      carried += text;
    } else {
      visit(pPr, carried + text);
      carried = "";
    }
    for (const inner of nested) paragraph(inner);
  };

  const walk = (element: Element) => {
    for (const el of children(element)) {
      if (isW(el, "p")) paragraph(el);
      else if (isW(el, "tr") && child(child(el, "trPr"), "del")) continue;
      else if (isMc(el, "AlternateContent")) {
        const fallback = children(el).find((c) => isMc(c, "Fallback"));
        if (fallback) walk(fallback);
      } else if (isW(el, "del") || isW(el, "moveFrom") || isW(el, "sectPr") || isW(el, "sdtPr")) continue;
      else walk(el);
    }
  };
  walk(body);
}

// ---------------------------------------------------------------------------
// Reading the parts from the archive

function relationshipTarget(relsXml: string | null, typeSuffix: string): string | null {
  if (!relsXml) return null;
  const root = parseXml(relsXml).documentElement;
  for (let node = root.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const type = el.getAttribute("Type") ?? "";
    if (el.localName === "Relationship" && type.endsWith(typeSuffix)) {
      const mode = el.getAttribute("TargetMode");
      if (mode === "External") continue;
      return el.getAttribute("Target");
    }
  }
  return null;
}

/** A relationship target ("numbering.xml", "/word/numbering.xml", "../x.xml") as a zip path from `base` ("word/"). */
function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : base + target).split("/");
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "..") resolved.pop();
    else if (part !== "." && part !== "") resolved.push(part);
  }
  return resolved.join("/");
}

export async function readPart(zip: JSZip, path: string | null): Promise<string | null> {
  if (path === null) return null;
  const file = zip.file(path);
  return file ? file.async("string") : null;
}

/** The parts of a .docx the readers use. */
export type WordPartName = "document" | "numbering" | "styles" | "comments" | "commentsExtended";

/** Relationship type (its last segment) and default file name of each part beside the main document. */
const PART_RELATIONSHIPS: Record<Exclude<WordPartName, "document">, [string, string]> = {
  numbering: ["/numbering", "numbering.xml"],
  styles: ["/styles", "styles.xml"],
  comments: ["/comments", "comments.xml"],
  commentsExtended: ["/commentsExtended", "commentsExtended.xml"],
};

/**
 * The parts of one opened .docx, each read from the archive and parsed at
 * most once (whoever asks first), found through the package relationships as
 * mammoth finds them, else at Word's usual paths. Absent parts are null;
 * malformed XML rejects, for every reader that asks for that part.
 */
export interface WordParts {
  /** A part's XML text. */
  text(name: WordPartName): Promise<string | null>;
  /** A part parsed strictly ({@link parseXml}); an empty part is no part. */
  xml(name: WordPartName): Promise<Document | null>;
}

/** The parts of a .docx already opened with jszip (the caller has bounded what it inflates to). */
export function wordPartsOf(zip: JSZip): WordParts {
  let paths: Promise<Record<WordPartName, string>> | null = null;
  const pathsOf = () =>
    (paths ??= (async () => {
      const packageRels = await readPart(zip, "_rels/.rels");
      const document = resolvePath("", relationshipTarget(packageRels, "/officeDocument") ?? "word/document.xml");
      const slash = document.lastIndexOf("/");
      const base = slash >= 0 ? document.slice(0, slash + 1) : "";
      const documentRels = await readPart(zip, `${base}_rels/${document.slice(slash + 1)}.rels`);
      const beside = (name: keyof typeof PART_RELATIONSHIPS) => {
        const [type, fallback] = PART_RELATIONSHIPS[name];
        return resolvePath(base, relationshipTarget(documentRels, type) ?? fallback);
      };
      return {
        document,
        numbering: beside("numbering"),
        styles: beside("styles"),
        comments: beside("comments"),
        commentsExtended: beside("commentsExtended"),
      };
    })());
  const texts = new Map<WordPartName, Promise<string | null>>();
  const documents = new Map<WordPartName, Promise<Document | null>>();
  const text = (name: WordPartName) => {
    let read = texts.get(name);
    if (!read) {
      read = pathsOf().then((all) => readPart(zip, all[name]));
      texts.set(name, read);
    }
    return read;
  };
  const xml = (name: WordPartName) => {
    let parsed = documents.get(name);
    if (!parsed) {
      parsed = text(name).then((xmlText) => (xmlText ? parseXml(xmlText) : null));
      documents.set(name, parsed);
    }
    return parsed;
  };
  return { text, xml };
}

/** Why a .docx could not be opened: the zip budget's reasons, or not an archive jszip can open. */
export type ReadWordPartsResult =
  { ok: true; parts: WordParts } | { ok: false; reason: Extract<ZipBudgetResult, { ok: false }>["reason"] };

/**
 * Opens a .docx once: refused when it inflates past `budgetBytes` (or has
 * more than `maxEntries` entries) before anything is inflated in memory
 * (app/lib/zip-budget.ts), then opened with jszip; the parts are read as
 * asked ({@link WordParts}).
 */
export async function readWordParts(
  bytes: Uint8Array,
  budget: { budgetBytes: number; maxEntries?: number },
): Promise<ReadWordPartsResult> {
  const checked = await checkZipBudget(bytes, budget);
  if (!checked.ok) return checked;
  try {
    return { ok: true, parts: wordPartsOf(await JSZip.loadAsync(bytes)) };
  } catch {
    return { ok: false, reason: "corrupt" };
  }
}
