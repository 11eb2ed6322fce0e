/**
 * Word (.docx) documents. mammoth converts the document to simple, machine
 * generated HTML (headings h1–h6 from the Heading styles, p, ul/ol/li,
 * tables); we walk that HTML into blocks and reuse the shared back end, so a
 * .docx is numbered exactly like the same text pasted as Markdown.
 *
 * Word's automatic numbers (lists, numbered headings) are not in the text.
 * docx-numbering.ts computes them from numbering.xml and styles.xml; each of
 * mammoth's paragraphs is lined up with its w:p by document order and text,
 * and carries the index of its number into the HTML as a private-use marker
 * (U+E000 index U+E001) at the start of its text, which the walk below
 * removes. When the numbering cannot be read, mammoth's lists are counted
 * instead ("1.", "2." at the top level, "a.", "b." one level down).
 */
import mammoth from "mammoth";

import { decodeEntities } from "~/lib/text/entities";

import { documentFromBlocks, type Block, type ParseOptions } from "./blocks";
import { alignParagraphs } from "./docx-alignment";
import { numberWordParts, type DocxNumberedParagraph, type DocxParagraphNumber } from "./docx-numbering";
import { revisionsOfWordParts, type DocxRevisions } from "./docx-revisions";
import { readWordParts, type WordParts } from "./docx-xml";
import { ImportError, type ImportedDocument } from "./types";

/**
 * What a .docx may inflate to when its parts are read here: the import's
 * limit (import-document.ts MAX_UNZIPPED_BYTES, which checks it first and
 * says so to the person; that module imports this one, hence the copy).
 */
const UNZIPPED_BUDGET_BYTES = 100 * 1024 * 1024;

/** Class mammoth puts on the paragraph styled "Title" (see style map below). */
const TITLE_CLASS = "import-title";

const STYLE_MAP = [`p[style-name='Title'] => p.${TITLE_CLASS}:fresh`, `p.Title => p.${TITLE_CLASS}:fresh`];

interface ListLevel {
  ordered: boolean;
  counter: number;
}

/** The marker a numbered paragraph's text starts with in mammoth's HTML. */
const NUMBER_MARKER = /\uE000(\d{1,9})\uE001/g;

/** The little of mammoth's document model this module touches. */
interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  /** On runs: "superscript" for a footnote-like call, which the HTML walk drops. */
  verticalAlignment?: string;
}

/** mammoth's paragraphs in document order (inside tables too). */
function mammothParagraphs(root: MammothElement): MammothElement[] {
  const paragraphs: MammothElement[] = [];
  const stack: MammothElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element.type === "paragraph") paragraphs.push(element);
    const children = element.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return paragraphs;
}

/** A paragraph's text elements, each with whether it is in a superscript run (dropped by the HTML walk). */
function textElements(paragraph: MammothElement): { element: MammothElement; superscript: boolean }[] {
  const texts: { element: MammothElement; superscript: boolean }[] = [];
  const stack: { element: MammothElement; superscript: boolean }[] = [{ element: paragraph, superscript: false }];
  while (stack.length > 0) {
    const { element, superscript } = stack.pop()!;
    if (element.type === "text" && typeof element.value === "string") texts.push({ element, superscript });
    const inSuperscript = superscript || element.verticalAlignment === "superscript";
    const children = element.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ element: children[i], superscript: inSuperscript });
  }
  return texts;
}

/**
 * Puts the index of each paragraph's Word number in front of its text, for
 * `docxHtmlToBlocks`. Paragraphs without text are left alone: mammoth drops
 * them, though they count in Word's lists (the counting has been done).
 */
export function markNumberedParagraphs(document: MammothElement, numbered: readonly DocxNumberedParagraph[]): void {
  const paragraphs = mammothParagraphs(document);
  const texts = paragraphs.map(textElements);
  const pairs = alignParagraphs(
    texts.map((elements) => elements.map(({ element }) => element.value).join("")),
    numbered,
  );
  paragraphs.forEach((_, index) => {
    const pair = pairs[index];
    if (pair === null || numbered[pair].number === null) return;
    const first = texts[index].find((text) => !text.superscript)?.element;
    if (first) first.value = `\uE000${pair}\uE001${first.value ?? ""}`;
  });
}

/**
 * Walks mammoth's HTML into blocks. Footnote and endnote references
 * (<sup>…</sup>) and the footnote list mammoth appends at the end are dropped,
 * as for the other formats. Word's automatic numbering is not part of the
 * text: a paragraph marked with the index of its entry in `numbered` gets
 * that number (a heading's number is put in front of its text, as typed
 * numbers are); other ordered-list items get a number by counting: "1.",
 * "2." at the top level and "a.", "b." one level down.
 */
export function docxHtmlToBlocks(html: string, numbered: readonly DocxNumberedParagraph[] = []): Block[] {
  const blocks: Block[] = [];
  const lists: ListLevel[] = [];
  let open: {
    kind: "title" | "heading" | "paragraph";
    depth: number;
    text: string;
    prefix: string;
    bullet: boolean;
  } | null = null;
  let skipDepth = 0;

  const flush = () => {
    if (!open) return;
    let number: DocxParagraphNumber | null = null;
    const unmarked = open.text.replace(NUMBER_MARKER, (_, index: string) => {
      number ??= numbered[Number(index)]?.number ?? null;
      return "";
    });
    const text = decodeEntities(unmarked).replace(/\s+/g, " ").trim();
    if (text !== "") blocks.push(toBlock(open, text, number));
    open = null;
  };

  const toBlock = (block: NonNullable<typeof open>, text: string, number: DocxParagraphNumber | null): Block => {
    if (block.kind === "title") return { kind: "title", text };
    if (block.kind === "heading") {
      return { kind: "heading", depth: block.depth, text: number?.shown ? `${number.shown} ${text}` : text };
    }
    if (number?.bullet) return { kind: "paragraph", text, bullet: true };
    if (number?.label) {
      return { kind: "paragraph", text, bullet: false, autoNumber: { label: number.label, item: number.item } };
    }
    return { kind: "paragraph", text: `${block.prefix}${text}`, bullet: block.bullet && block.prefix === "" };
  };

  const listItemPrefix = (): { prefix: string; bullet: boolean } => {
    const level = lists[lists.length - 1];
    if (!level) return { prefix: "", bullet: false };
    level.counter += 1;
    if (!level.ordered) return { prefix: "", bullet: true };
    const orderedDepth = lists.filter((l) => l.ordered).length;
    const label =
      orderedDepth <= 1 ? `${level.counter}.` : `${String.fromCharCode(96 + ((level.counter - 1) % 26) + 1)}.`;
    return { prefix: `${label} `, bullet: false };
  };

  const tokens = html.split(/(<[^>]+>)/);
  for (const token of tokens) {
    if (!token.startsWith("<")) {
      if (skipDepth > 0) continue;
      // Text outside any block (a table cell without <p>) is still content.
      if (!open && token.trim() !== "") open = { kind: "paragraph", depth: 0, text: "", prefix: "", bullet: false };
      if (open) open.text += token;
      continue;
    }
    const tag = /^<(\/?)([a-z0-9]+)([^>]*)>$/i.exec(token);
    if (!tag) continue;
    const closing = tag[1] === "/";
    const name = tag[2].toLowerCase();
    const attributes = tag[3];

    // <sup> is inline (a footnote call inside a paragraph); a footnote <li>
    // is a block of its own and ends whatever paragraph was open.
    const isFootnoteItem =
      name === "li" && (closing ? skipDepth > 0 : /id="(?:footnote|endnote|comment)-/.test(attributes));
    if (name === "sup" || isFootnoteItem) {
      if (closing) skipDepth = Math.max(0, skipDepth - 1);
      else {
        if (isFootnoteItem) flush();
        skipDepth += 1;
      }
      continue;
    }
    if (skipDepth > 0) continue;

    if (name === "ul" || name === "ol") {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: name === "ol", counter: 0 });
      continue;
    }
    if (name === "br") {
      if (open) open.text += " ";
      continue;
    }
    const heading = /^h([1-6])$/.exec(name);
    if (heading || name === "p" || name === "li") {
      flush();
      if (closing) continue;
      if (heading) {
        open = { kind: "heading", depth: Number(heading[1]), text: "", prefix: "", bullet: false };
      } else if (name === "li") {
        open = { kind: "paragraph", depth: 0, text: "", ...listItemPrefix() };
      } else {
        const kind = attributes.includes(TITLE_CLASS) ? "title" : "paragraph";
        open = { kind, depth: 0, text: "", prefix: "", bullet: false };
      }
      continue;
    }
    // Cells and rows end the paragraph they contain; inline tags are dropped.
    if (/^(?:td|th|tr|table)$/.test(name)) flush();
  }
  flush();
  return blocks;
}

/**
 * Parses a .docx file. Throws `ImportError` when the bytes are not a Word
 * document that mammoth can read (not a zip, a zip without
 * word/document.xml, a damaged archive, one inflating past the import's
 * limit). The archive is opened once for the numbering and the tracked
 * changes (docx-xml.ts readWordParts); mammoth reads the bytes itself. Tracked changes are accepted, as
 * mammoth reads them; the document's `revisions` lists them (absent when
 * there are none).
 */
export async function parseDocx(buffer: Uint8Array | Buffer, options: ParseOptions = {}): Promise<ImportedDocument> {
  const nodeBuffer = Buffer.isBuffer(buffer)
    ? buffer
    : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const opened = await readWordParts(nodeBuffer, { budgetBytes: UNZIPPED_BUDGET_BYTES });
  if (!opened.ok) throw new ImportError("import.errors.unreadableDocx", {}, { cause: new Error(opened.reason) });
  const numbered = await readNumberingOrNull(opened.parts);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: nodeBuffer },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        transformDocument: (document: MammothElement) => {
          if (numbered !== null && numbered.length > 0) {
            try {
              markNumberedParagraphs(document, numbered);
            } catch {
              // Numbers are a nicety: without them mammoth's lists are counted.
            }
          }
          return document;
        },
        // Images are not paragraphs; skip reading and encoding them.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
      },
    );
    html = result.value;
  } catch (error) {
    throw new ImportError("import.errors.unreadableDocx", {}, { cause: error });
  }
  let revisions: DocxRevisions | null;
  try {
    revisions = await revisionsOfWordParts(opened.parts);
  } catch (error) {
    throw new ImportError("import.errors.unreadableDocx", {}, { cause: error });
  }
  const document = documentFromBlocks(docxHtmlToBlocks(html, numbered ?? []), options);
  return revisions ? { ...document, revisions } : document;
}

/**
 * Word's numbers for the body's paragraphs, or null when they cannot be read
 * (a damaged archive, malformed numbering or styles XML): the import then
 * counts mammoth's lists, as it did before numbering.xml was read.
 */
async function readNumberingOrNull(parts: WordParts): Promise<DocxNumberedParagraph[] | null> {
  try {
    return await numberWordParts(parts);
  } catch {
    return null;
  }
}
