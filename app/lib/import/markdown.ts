/**
 * Markdown (and the "Markdown-ish" text that converters produce, like the
 * 2022 final guidelines): "#" headings, "**1.1**" bold numbers, list items
 * "- a." / "- a.**" / "**a.**", footnotes as <sup>n</sup>, "[text](#)" links.
 */
import { documentFromBlocks, type Block, type ParseOptions } from "./blocks";
import { normalizeLineEndings, removeInvisibleCharacters } from "./normalize";

import type { ImportedDocument } from "./types";

/**
 * Removes inline Markdown/HTML so that only the readable text is left:
 * footnote markers (<sup>1</sup>, [^1]) are dropped, links and images keep
 * their text, emphasis and code marks are removed, autolinks keep the URL.
 */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/<sup>[^<]*<\/sup>/gi, "")
    .replace(/\[\^[^\]]+\]/g, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, "$1")
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/\*+/g, "")
    .replace(/`+/g, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1");
}

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+•·▪](?:\s+(.*))?$/;
const HORIZONTAL_RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
/** A footnote text line: "<sup>1</sup> Minutes of …" or "[^1]: …". */
const FOOTNOTE_DEFINITION = /^\s*(?:<sup>\s*[^<]*<\/sup>|\[\^[^\]]+\]:)/i;
/** A line that opens a new numbered or lettered paragraph. */
const PARAGRAPH_MARKER = /^\s*(?:\*\*)?\s*(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.|[a-z][.)])\s*(?:\*\*)?(?:\s|$)/;

/**
 * Turns Markdown into blocks. Consecutive plain lines form one paragraph
 * (soft wraps); a heading, a list item, a blank line or a line starting with
 * a paragraph number starts a new block. Footnote text lines are dropped
 * together with their continuation lines: the importer keeps the body text
 * only (see README decisions).
 */
export function markdownToBlocks(text: string): Block[] {
  const lines = normalizeLineEndings(removeInvisibleCharacters(text)).split("\n");
  const blocks: Block[] = [];
  let open: { kind: "paragraph"; text: string; bullet?: boolean } | null = null;
  let inFootnote = false;

  const close = () => {
    if (open) blocks.push({ ...open, text: stripInlineMarkdown(open.text) });
    open = null;
  };

  for (const line of lines) {
    if (line.trim() === "") {
      close();
      inFootnote = false;
      continue;
    }
    if (FOOTNOTE_DEFINITION.test(line)) {
      close();
      inFootnote = true;
      continue;
    }
    if (inFootnote) continue;
    if (HORIZONTAL_RULE.test(line)) {
      close();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      blocks.push({ kind: "heading", depth: heading[1].length, text: stripInlineMarkdown(heading[2]) });
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      close();
      const itemText = bullet[1] ?? "";
      // A bare "-" is an empty list item left over by the converter.
      if (stripInlineMarkdown(itemText).trim() === "") continue;
      // "- a." and "- 3.**" are numbered paragraphs written as list items.
      const numbered = PARAGRAPH_MARKER.test(itemText);
      open = numbered ? { kind: "paragraph", text: itemText } : { kind: "paragraph", text: itemText, bullet: true };
      continue;
    }
    const quoted = line.replace(/^\s*>\s?/, "");
    if (open && !PARAGRAPH_MARKER.test(quoted)) {
      open.text += `\n${quoted}`;
    } else {
      close();
      open = { kind: "paragraph", text: quoted };
    }
  }
  close();
  return blocks;
}

/** Parses Markdown or Markdown-ish text into sections and paragraphs. */
export function parseMarkdown(text: string, options: ParseOptions = {}): ImportedDocument {
  return documentFromBlocks(markdownToBlocks(text), options);
}
