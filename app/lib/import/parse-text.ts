/**
 * `parseText`: one call for any text, whatever its shape; the shape is
 * detected and the matching parser runs.
 */
import { detectTextShape } from "./detect";
import { parseProposalsWithComments } from "./hleg";
import { parseMarkdown } from "./markdown";
import { parsePlainText } from "./plain-text";
import { parseWebExtract } from "./web-extract";
import { parseWordExport } from "./word-export";

import type { ParseOptions } from "./blocks";
import type { ImportedDocument } from "./types";

/**
 * Parses text of any supported shape (see `TextShape`): web extraction with
 * glued paragraphs, Word text export, proposals with member comments,
 * Markdown, or plain text.
 */
export function parseText(text: string, options: ParseOptions = {}): ImportedDocument {
  switch (detectTextShape(text)) {
    case "web-extract":
      return parseWebExtract(text, options);
    case "word-export":
      return parseWordExport(text, options);
    case "proposals-with-comments":
      return parseProposalsWithComments(text, options);
    case "markdown":
      return parseMarkdown(text, options);
    case "plain":
      return parsePlainText(text, options);
  }
}
