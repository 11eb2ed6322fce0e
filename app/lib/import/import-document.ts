/**
 * The entry point for uploaded files: checks the bytes before any parser sees
 * them, picks the parser, and either returns a complete document or throws an
 * `ImportError` whose message (an i18n key and values) can be shown to the
 * person who uploaded it.
 */
import { checkZipBudget } from "~/lib/zip-budget";

import { parseDocx } from "./docx";
import { parseMarkdown } from "./markdown";
import { parseText } from "./parse-text";
import { ImportError, type ImportedDocument } from "./types";

import type { ParseOptions } from "./blocks";

/** Largest file accepted (20 MiB): far above any real draft, small enough to parse in memory. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Most a .docx may inflate to (100 MiB): the GCA drafts inflate to under
 * 2 MB; a "zip bomb" is refused after inflating at most this much.
 */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

/** What `importDocument` reads. */
export interface ImportInput {
  /** The uploaded file's name; its extension picks the parser. */
  fileName: string;
  bytes: Uint8Array;
}

const TEXT_EXTENSIONS = new Set(["txt", "text"]);
const MARKDOWN_EXTENSIONS = new Set(["md", "markdown"]);

function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return match ? match[1].toLowerCase() : "";
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** "PK\x03\x04": every .docx is a zip archive. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** Word 97–2003 (.doc) and other OLE compound files. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Size in MB rounded up, so a file just over the limit never reads as "20.0" (the message adds "MB"). */
function formatMegabytes(bytes: number): string {
  const tenths = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1);
}

/**
 * Decodes a text file: UTF-8 (with or without BOM), or UTF-16 when it starts
 * with a UTF-16 byte-order mark. Anything else that is not valid UTF-8 or
 * contains NUL bytes is binary.
 */
export function decodeTextFile(bytes: Uint8Array, fileName: string): string {
  try {
    if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
  } catch {
    throw new ImportError("import.errors.unreadableText", { fileName });
  }
  if (bytes.includes(0)) {
    throw new ImportError("import.errors.binaryText", { fileName });
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportError("import.errors.notUtf8", { fileName });
  }
}

function countParagraphs(document: ImportedDocument): number {
  return document.sections.reduce((sum, section) => sum + section.paragraphs.length, 0);
}

/** A readable default title from a file name: "gca-draft_2020.docx" → "gca draft 2020". */
function titleFromFileName(fileName: string): string | undefined {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]+$/, "");
  const title = base.replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
  return title === "" ? undefined : title;
}

/**
 * Imports an uploaded file (.docx, .txt, .md). Throws `ImportError` for an
 * empty or oversized file, binary data in a text file, a .docx that is not a
 * zip or that Word could not have written, an unsupported extension, and a
 * document in which no paragraph was found. It never returns a partial
 * result: either every paragraph is there or the import fails.
 */
export async function importDocument(input: ImportInput, options: ParseOptions = {}): Promise<ImportedDocument> {
  const { fileName, bytes } = input;
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError("import.errors.tooLarge", {
      fileName,
      size: formatMegabytes(bytes.byteLength),
      limit: formatMegabytes(MAX_IMPORT_BYTES),
    });
  }
  if (bytes.byteLength === 0) throw new ImportError("import.errors.empty", { fileName });

  const parseOptions: ParseOptions = { defaultTitle: titleFromFileName(fileName), ...options };
  const extension = extensionOf(fileName);
  let document: ImportedDocument;

  if (extension === "docx") {
    if (!startsWith(bytes, ZIP_SIGNATURE)) {
      throw new ImportError(startsWith(bytes, OLE_SIGNATURE) ? "import.errors.renamedWord97" : "import.errors.notZip", {
        fileName,
      });
    }
    const zip = await checkZipBudget(bytes, { budgetBytes: MAX_UNZIPPED_BYTES });
    if (!zip.ok) {
      throw zip.reason === "tooLarge" || zip.reason === "tooManyEntries"
        ? new ImportError("import.errors.unzipsTooLarge", { fileName, limit: formatMegabytes(MAX_UNZIPPED_BYTES) })
        : new ImportError("import.errors.unreadableDocx");
    }
    document = await parseDocx(bytes, parseOptions);
  } else if (TEXT_EXTENSIONS.has(extension) || MARKDOWN_EXTENSIONS.has(extension)) {
    if (startsWith(bytes, ZIP_SIGNATURE) || startsWith(bytes, OLE_SIGNATURE)) {
      throw new ImportError("import.errors.binaryNamedText", { fileName });
    }
    const text = decodeTextFile(bytes, fileName);
    if (text.trim() === "") throw new ImportError("import.errors.noText", { fileName });
    document = MARKDOWN_EXTENSIONS.has(extension) ? parseMarkdown(text, parseOptions) : parseText(text, parseOptions);
  } else if (extension === "doc") {
    throw new ImportError("import.errors.word97", { fileName });
  } else {
    throw new ImportError("import.errors.unsupportedFormat", { fileName });
  }

  if (countParagraphs(document) === 0) {
    throw new ImportError("import.errors.noParagraphs", { fileName });
  }
  return document;
}
