/**
 * The import pipeline: turns a .docx, Markdown or text document into
 * sections and keyed, numbered paragraphs (`ImportedDocument`). Pure
 * functions, no database, no Remix.
 */
export type { ImportedDocument, ImportedParagraph, ImportedSection, ImportFormat } from "./types";
export { ImportError } from "./types";
export type { ParseOptions } from "./blocks";
export { parseText } from "./parse-text";
export { parseMarkdown } from "./markdown";
export { parsePlainText } from "./plain-text";
export { parseWordExport } from "./word-export";
export { parseWebExtract } from "./web-extract";
export { parseProposalsWithComments } from "./hleg";
export { parseDocx } from "./docx";
export { detectTextShape, type TextShape } from "./detect";
export { importDocument, MAX_IMPORT_BYTES, type ImportInput } from "./import-document";
export { paragraphKey, withParagraphKeys, PARAGRAPH_KEY_PATTERN } from "./keys";
