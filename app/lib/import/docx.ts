/**
 * Word (.docx) documents. mammoth converts the document to simple, machine
 * generated HTML (headings h1–h6 from the Heading styles, p, ul/ol/li,
 * tables); we walk that HTML into blocks and reuse the shared back end, so a
 * .docx is numbered exactly like the same text pasted as Markdown.
 */
import mammoth from "mammoth";

import { decodeEntities } from "~/lib/text/entities";

import { documentFromBlocks, type Block, type ParseOptions } from "./blocks";
import { readDocxRevisions, type DocxRevisions } from "./docx-revisions";
import { ImportError, type ImportedDocument } from "./types";

/** Class mammoth puts on the paragraph styled "Title" (see style map below). */
const TITLE_CLASS = "import-title";

const STYLE_MAP = [`p[style-name='Title'] => p.${TITLE_CLASS}:fresh`, `p.Title => p.${TITLE_CLASS}:fresh`];

interface ListLevel {
  ordered: boolean;
  counter: number;
}

/**
 * Walks mammoth's HTML into blocks. Footnote and endnote references
 * (<sup>…</sup>) and the footnote list mammoth appends at the end are dropped,
 * as for the other formats. Word's automatic numbering is not part of the
 * text, so ordered-list items get their number back: "1.", "2." at the top
 * level and "a.", "b." one level down.
 */
export function docxHtmlToBlocks(html: string): Block[] {
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
    const text = decodeEntities(open.text).replace(/\s+/g, " ").trim();
    if (text !== "") {
      if (open.kind === "title") blocks.push({ kind: "title", text });
      else if (open.kind === "heading") blocks.push({ kind: "heading", depth: open.depth, text });
      else blocks.push({ kind: "paragraph", text: `${open.prefix}${text}`, bullet: open.bullet && open.prefix === "" });
    }
    open = null;
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
 * word/document.xml, a damaged archive). Tracked changes are accepted, as
 * mammoth reads them; the document's `revisions` lists them (absent when
 * there are none).
 */
export async function parseDocx(buffer: Uint8Array | Buffer, options: ParseOptions = {}): Promise<ImportedDocument> {
  const nodeBuffer = Buffer.isBuffer(buffer)
    ? buffer
    : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: nodeBuffer },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
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
    revisions = await readDocxRevisions(nodeBuffer);
  } catch (error) {
    throw new ImportError("import.errors.unreadableDocx", {}, { cause: error });
  }
  const document = documentFromBlocks(docxHtmlToBlocks(html), options);
  return revisions ? { ...document, revisions } : document;
}
