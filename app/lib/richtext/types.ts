/**
 * The shape of a comment body as stored: Tiptap/ProseMirror JSON limited to
 * the nodes and marks in `extensions.ts`. Values of these types come from
 * {@link parseRichText} (validated input) or {@link plainTextToRichText};
 * anything else typed as a `RichTextDoc` is a promise the compiler cannot check.
 */

/** Bold text (`<strong>`). */
export interface RichTextBoldMark {
  type: "bold";
}

/** Italic text (`<em>`). */
export interface RichTextItalicMark {
  type: "italic";
}

/** A link; `href` is always http(s) or mailto (see `link-href.ts`). */
export interface RichTextLinkMark {
  type: "link";
  attrs: { href: string };
}

/** The formatting that may be applied to text. */
export type RichTextMark = RichTextBoldMark | RichTextItalicMark | RichTextLinkMark;

/** A run of text with the same formatting; never empty. */
export interface RichTextText {
  type: "text";
  text: string;
  marks?: RichTextMark[];
}

/** A line break inside a paragraph (`<br>`). */
export interface RichTextHardBreak {
  type: "hardBreak";
  marks?: RichTextMark[];
}

/** What a paragraph contains. */
export type RichTextInline = RichTextText | RichTextHardBreak;

/** A paragraph; an empty one has no `content`. */
export interface RichTextParagraph {
  type: "paragraph";
  content?: RichTextInline[];
}

/** A list item: a paragraph, optionally followed by more paragraphs or nested lists. */
export interface RichTextListItem {
  type: "listItem";
  content: RichTextBlock[];
}

/** A bulleted list (`<ul>`). */
export interface RichTextBulletList {
  type: "bulletList";
  content: RichTextListItem[];
}

/** Numbering styles of `<ol type>`; `null` means the default decimal numbering. */
export type OrderedListStyle = "1" | "a" | "A" | "i" | "I";

/** A numbered list (`<ol>`), starting at `start`. */
export interface RichTextOrderedList {
  type: "orderedList";
  attrs?: { start: number; type: OrderedListStyle | null };
  content: RichTextListItem[];
}

/** Block-level content of a comment or of a list item. */
export type RichTextBlock = RichTextParagraph | RichTextBulletList | RichTextOrderedList;

/** A whole comment body. */
export interface RichTextDoc {
  type: "doc";
  content: RichTextBlock[];
}
