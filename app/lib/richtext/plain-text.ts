/**
 * Conversions between comment bodies and plain text. Pure functions with no
 * DOM and no Tiptap, so they run anywhere (search indexing, duplicate
 * grouping, CSV export, importing comments recorded in documents).
 */
import type { RichTextBlock, RichTextDoc, RichTextInline, RichTextListItem, RichTextParagraph } from "./types";

/** Options for {@link richTextToPlainText}. */
export interface PlainTextOptions {
  /**
   * Prefix list items with "• " or "1. " (indented two spaces per level),
   * for exports people read. Off by default: search and duplicate grouping
   * want the words only.
   */
  listMarkers?: boolean;
}

/**
 * The text of a comment body.
 *
 * Top-level blocks (paragraphs, whole lists) are separated by a blank line,
 * list items and the paragraphs inside one list item by a single newline,
 * and a line break inside a paragraph is a newline. The blank line between
 * paragraphs is what {@link plainTextToRichText} splits on, so converting
 * paragraphs and line breaks there and back keeps them.
 */
export function richTextToPlainText(doc: RichTextDoc, options: PlainTextOptions = {}): string {
  return blocksToLines(doc.content, 0, options).join("\n\n");
}

function blocksToLines(blocks: RichTextBlock[], level: number, options: PlainTextOptions): string[] {
  return blocks.map((block) => {
    if (block.type === "paragraph") return paragraphText(block);
    const start = block.type === "orderedList" ? (block.attrs?.start ?? 1) : 1;
    return block.content
      .map((item, index) => {
        const marker = block.type === "orderedList" ? `${start + index}. ` : "• ";
        return listItemText(item, level, options.listMarkers ? marker : "", options);
      })
      .join("\n");
  });
}

function listItemText(item: RichTextListItem, level: number, marker: string, options: PlainTextOptions): string {
  const text = blocksToLines(item.content, level + 1, options).join("\n");
  if (!options.listMarkers) return text;
  const indent = "  ".repeat(level);
  // Continuation lines line up under the first line's text.
  const hanging = " ".repeat(marker.length);
  return text
    .split("\n")
    .map((line, index) =>
      index === 0 ? `${indent}${marker}${line}` : line.startsWith("  ") ? line : `${indent}${hanging}${line}`,
    )
    .join("\n");
}

function paragraphText(paragraph: RichTextParagraph): string {
  return (paragraph.content ?? []).map(inlineText).join("");
}

function inlineText(node: RichTextInline): string {
  return node.type === "text" ? node.text : "\n";
}

/**
 * A comment body from plain text, for comments imported from documents and
 * templates: one paragraph per block of text separated by blank lines, and
 * a line break for each single newline inside a block. Windows and old Mac
 * line endings are accepted; spaces at the start and end of lines are
 * dropped (HTML would collapse them anyway).
 *
 * The result is well formed but not checked against the comment limits:
 * pass it through `parseRichText` like any other submitted body.
 */
export function plainTextToRichText(text: string): RichTextDoc {
  const blocks = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[^\S\n]*\n/)
    .map((block) =>
      block
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== ""),
    )
    .filter((lines) => lines.length > 0);

  const content: RichTextParagraph[] = blocks.map((lines) => {
    const inline: RichTextInline[] = [];
    lines.forEach((line, index) => {
      if (index > 0) inline.push({ type: "hardBreak" });
      inline.push({ type: "text", text: line });
    });
    return { type: "paragraph", content: inline };
  });
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}
