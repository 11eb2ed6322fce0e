/**
 * Markdown, read by a real CommonMark parser (micromark through
 * mdast-util-from-markdown, with GFM tables and footnotes and YAML/TOML front
 * matter), and the "Markdown-ish" text that converters produce, like the 2022
 * final guidelines: "#" headings, "**1.1**" bold numbers, list items "- a." /
 * "- a.**" / "**a.**", footnotes as <sup>n</sup>, "[text](#)" links.
 *
 * The syntax tree is flattened into the blocks every importer shares
 * (blocks.ts). Only text a reader sees becomes a paragraph: front matter,
 * HTML comments and anchors, link reference definitions, thematic breaks,
 * footnote texts and kramdown attribute lists (`{: .class}`, `{#id}`) do not.
 */
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfm } from "micromark-extension-gfm";

import { documentFromBlocks, type Block, type ParseOptions } from "./blocks";
import { normalizeLineEndings, removeInvisibleCharacters } from "./normalize";

import type { ImportedDocument } from "./types";
import type { List, Nodes, PhrasingContent, RootContent, Table } from "mdast";

/**
 * Removes inline Markdown/HTML so that only the readable text is left:
 * footnote markers (<sup>1</sup>, [^1]) are dropped, links and images keep
 * their text, emphasis and code marks are removed, autolinks keep the URL.
 * Used for text that does not go through the parser (HTML blocks).
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

const FRONT_MATTER = ["yaml", "toml"] as const;
/** A footnote text line of converter output: "<sup>1</sup> Minutes of …". */
const SUP_FOOTNOTE_LINE = /^\s*<sup>\s*[^<]*<\/sup>/i;
/** A kramdown inline attribute list: "{: .note}", "{#scope}", "{:toc}". */
const KRAMDOWN_ATTRIBUTES = /\s*\{:?[#.:][^{}]*\}|\s*\{:[^{}]*\}/g;
/** A line that opens a numbered or lettered paragraph ("- a." items of converter output). */
const PARAGRAPH_MARKER = /^\s*(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.|[a-z][.)])(?:\s|$)/;

/**
 * The text of inline content as a reader sees it: emphasis, links and code
 * keep their text, images their alternative text; footnote references and
 * `<sup>…</sup>` markers are dropped, other inline HTML tags too.
 */
function phrasingText(nodes: PhrasingContent[]): string {
  let out = "";
  let inSup = false;
  for (const node of nodes) {
    if (node.type === "html") {
      if (/^<sup\b/i.test(node.value)) inSup = !/<\/sup>\s*$/i.test(node.value);
      else if (/^<\/sup>/i.test(node.value)) inSup = false;
      // An inline tag carries no text; "<https://…>" autolinks are links, not html.
      continue;
    }
    if (inSup) continue;
    switch (node.type) {
      case "text":
        // Converter output leaves unmatched "**" ("- 3.** …"): they are not text.
        out += node.value.replace(/\*{2,}/g, "");
        break;
      case "inlineCode":
        out += node.value;
        break;
      case "break":
        out += "\n";
        break;
      case "image":
        out += node.alt ?? "";
        break;
      case "imageReference":
        out += node.alt ?? "";
        break;
      case "footnoteReference":
        break;
      default:
        if ("children" in node) out += phrasingText(node.children);
    }
  }
  return out;
}

/** Drops kramdown attribute lists; a paragraph made only of them is markup. */
function withoutAttributes(text: string): string {
  return text.replace(KRAMDOWN_ATTRIBUTES, "");
}

/**
 * The text of an HTML block a reader sees, or "" for comments, anchors
 * (`<a name="sec5"></a>`) and empty wrappers. HTML tables become one block
 * per row, like Markdown tables.
 */
function htmlBlocks(html: string): Block[] {
  const visible = html.replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  if (/<tr\b/i.test(visible)) {
    return visible
      .split(/<tr\b[^>]*>/i)
      .slice(1)
      .map((row) =>
        row
          .split(/<\/t[dh]>/i)
          .map((cell) => decodeEntities(stripInlineMarkdown(cell)).replace(/\s+/g, " ").trim())
          .filter((cell) => cell !== "")
          .join(" | "),
      )
      .filter((row) => row !== "")
      .map((text) => ({ kind: "paragraph", text, bullet: true }));
  }
  const text = decodeEntities(stripInlineMarkdown(visible)).trim();
  return text === "" ? [] : [{ kind: "paragraph", text, bullet: true }];
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The title of YAML or TOML front matter ("title: GitHub Privacy Statement"), if any. */
function frontMatterTitle(value: string): string | null {
  const match = /^title\s*[:=]\s*(.*)$/m.exec(value);
  if (!match) return null;
  const title = match[1].trim().replace(/^(["'])(.*)\1$/, "$2");
  return title === "" ? null : title;
}

/** One block per table row, cells joined by " | ": rows are compared one by one. */
function tableBlocks(table: Table): Block[] {
  return table.children
    .map((row) =>
      row.children
        .map((cell) => phrasingText(cell.children).trim())
        .filter((cell) => cell !== "")
        .join(" | "),
    )
    .filter((text) => text !== "")
    .map((text) => ({ kind: "paragraph", text, bullet: true }));
}

/**
 * Paragraph text of converter output, where footnote texts follow the body
 * without a blank line ("…adoption.<sup>1</sup>⏎<sup>1</sup> Minutes of …"):
 * everything from the first footnote line on is footnote text.
 */
function paragraphBody(source: string, text: string): { text: string; footnoteFollows: boolean } {
  const lines = source.split("\n");
  const cut = lines.findIndex((line) => SUP_FOOTNOTE_LINE.test(line));
  if (cut === -1) return { text, footnoteFollows: false };
  if (cut === 0) return { text: "", footnoteFollows: true };
  return { text: stripInlineMarkdown(lines.slice(0, cut).join("\n")), footnoteFollows: true };
}

/**
 * A list made only of links to places in the document ("- [Scope](#scope)",
 * nested the same way) is a table of contents: navigation, not text.
 */
function isTableOfContents(list: List): boolean {
  return list.children.every((item) => {
    const [first, ...rest] = item.children;
    if (first?.type !== "paragraph") return false;
    const content = first.children.filter((node) => !(node.type === "text" && node.value.trim() === ""));
    if (content.length !== 1 || content[0].type !== "link" || !content[0].url.startsWith("#")) return false;
    return rest.every((node) => node.type === "list" && isTableOfContents(node));
  });
}

/** Walks the tree in document order, collecting blocks. */
class BlockCollector {
  readonly blocks: Block[] = [];
  /** The last paragraph was followed by footnote text: a page break may cut it (2022 final 1.6). */
  private afterFootnote = false;

  constructor(private readonly source: string) {}

  private sourceOf(node: Nodes): string {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? "" : this.source.slice(start, end);
  }

  private push(block: Block) {
    if (block.kind === "paragraph" && !block.bullet && !this.afterFootnote) block.keepSeparate = true;
    this.blocks.push(block);
    this.afterFootnote = false;
  }

  visit(nodes: RootContent[]) {
    for (const node of nodes) this.visitNode(node);
  }

  private visitNode(node: RootContent) {
    // mdast-util-frontmatter types only "yaml"; "toml" nodes have the same shape.
    if (node.type === "yaml" || (node.type as string) === "toml") {
      const title = frontMatterTitle((node as { value: string }).value);
      if (title !== null && this.blocks.length === 0) this.blocks.push({ kind: "title", text: title });
      return;
    }
    switch (node.type) {
      case "heading": {
        const text = withoutAttributes(phrasingText(node.children)).trim();
        if (text !== "") this.push({ kind: "heading", depth: node.depth, text });
        return;
      }
      case "paragraph": {
        const raw = withoutAttributes(phrasingText(node.children));
        const body = paragraphBody(this.sourceOf(node), raw);
        if (body.text.trim() !== "") this.push({ kind: "paragraph", text: body.text });
        if (body.footnoteFollows) this.afterFootnote = true;
        return;
      }
      case "list":
        this.visitList(node);
        return;
      case "blockquote":
        this.visit(node.children);
        return;
      case "code":
        if (node.value.trim() !== "") this.push({ kind: "paragraph", text: node.value, bullet: true });
        return;
      case "table":
        for (const block of tableBlocks(node)) this.push(block);
        return;
      case "html":
        for (const block of htmlBlocks(node.value)) this.push(block);
        return;
      default:
        // thematicBreak, definition, footnoteDefinition: markup, not text.
        return;
    }
  }

  /**
   * List items. An ordered list's items get the numbers a reader sees
   * (start, start + 1, …, whatever the source wrote: "1." for every item
   * renders 1, 2, 3). A bullet item is unnumbered unless its text opens with
   * a paragraph number (converter output writes "- a." for item a.).
   */
  private visitList(list: List) {
    if (isTableOfContents(list)) return;
    list.children.forEach((item, index) => {
      const [first, ...rest] = item.children;
      if (first?.type === "paragraph") {
        const text = withoutAttributes(phrasingText(first.children)).trim();
        if (list.ordered) {
          this.push({ kind: "paragraph", text: `${(list.start ?? 1) + index}. ${text}` });
        } else if (text !== "") {
          this.push(
            PARAGRAPH_MARKER.test(text) ? { kind: "paragraph", text } : { kind: "paragraph", text, bullet: true },
          );
        }
        this.visit(rest);
      } else {
        this.visit(item.children);
      }
    });
  }
}

/**
 * Turns Markdown into blocks: headings, paragraphs (soft-wrapped lines are
 * one paragraph, whatever the next line starts with), list items, table
 * rows, code blocks and the text of quotations.
 */
export function markdownToBlocks(text: string): Block[] {
  const source = normalizeLineEndings(removeInvisibleCharacters(text));
  const tree = fromMarkdown(source, {
    extensions: [gfm(), frontmatter([...FRONT_MATTER])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown([...FRONT_MATTER])],
  });
  const collector = new BlockCollector(source);
  collector.visit(tree.children);
  return collector.blocks;
}

/** Parses Markdown or Markdown-ish text into sections and paragraphs. */
export function parseMarkdown(text: string, options: ParseOptions = {}): ImportedDocument {
  return documentFromBlocks(markdownToBlocks(text), options);
}
