/**
 * Server-side gate for comment bodies. Everything a stakeholder submits as
 * rich text passes through {@link parseRichText} before it is stored; the
 * stored value is the canonical JSON it returns, never the raw input.
 *
 * The checks run cheapest first, so hostile input is refused before it
 * costs anything: size (before `JSON.parse`), nesting depth (before any
 * recursive code sees the value), then the strict schema, then the
 * ProseMirror schema itself, then the text limits.
 */
import { getSchema } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { z } from "zod";

import type { Message } from "~/lib/errors";
import type { MessageKey, MessageValues } from "~/lib/translate";

import { richTextExtensions, LINK_REL } from "./extensions";
import { MAX_LINK_HREF_CHARS, linkHrefProblem, type LinkHrefProblem } from "./link-href";
import { richTextToPlainText } from "./plain-text";

import type {
  OrderedListStyle,
  RichTextBlock,
  RichTextDoc,
  RichTextInline,
  RichTextListItem,
  RichTextMark,
} from "./types";

/**
 * Largest accepted body, in UTF-8 bytes of its JSON. Larger input is refused
 * with status 413 before it is parsed. 256 KiB leaves room for a comment at
 * {@link MAX_COMMENT_CHARS} written in a 3- or 4-byte script with heavy
 * formatting (each formatted run costs ~50 bytes of JSON), while a 5 MB
 * body is refused after reading its length only.
 */
export const MAX_RICH_TEXT_BYTES = 256 * 1024;

/**
 * Deepest accepted nesting of JSON arrays and objects. A paragraph with a
 * link inside a list item is 12 levels deep, and each further level of list
 * adds 4, so 32 allows lists nested six deep — more than any real comment —
 * while keeping every later recursive step (Zod, ProseMirror, rendering)
 * far from the stack limit.
 */
export const MAX_JSON_DEPTH = 32;

/** Most characters (Unicode code points) of text in one comment. */
export const MAX_COMMENT_CHARS = 20_000;

/** Result of {@link parseRichText}. */
export type RichTextParseResult =
  | { ok: true; doc: RichTextDoc; /** The body as plain text, see `richTextToPlainText`. */ text: string }
  | RichTextRefusal;

/** Why a body was refused: a status and a message for the author (an i18n key and its values). */
export interface RichTextRefusal {
  ok: false;
  /** 413 when the body is too large to look at, 400 for everything else. */
  status: 400 | 413;
  /** Translated where it is shown (keys under `comments.errors.richText`). */
  error: Message;
}

/** Messages shown to the author, as i18n keys and values. Exported so tests and the UI can refer to them. */
export const RICH_TEXT_ERRORS = {
  tooLarge: message("comments.errors.richText.tooLarge"),
  tooDeep: message("comments.errors.richText.tooDeep"),
  unreadable: message("comments.errors.richText.unreadable"),
  malformed: message("comments.errors.richText.malformed"),
  empty: message("comments.errors.richText.empty"),
  tooLong: (length: number) => message("comments.errors.richText.tooLong", { length, limit: MAX_COMMENT_CHARS }),
  nodeNotAllowed: (name: string | null) =>
    echoable(name)
      ? message("comments.errors.richText.nodeNotAllowedNamed", { name })
      : message("comments.errors.richText.nodeNotAllowed"),
  markNotAllowed: (name: string | null) =>
    echoable(name)
      ? message("comments.errors.richText.markNotAllowedNamed", { name })
      : message("comments.errors.richText.markNotAllowed"),
  attributeNotAllowed: (name: string | null) =>
    echoable(name)
      ? message("comments.errors.richText.attributeNotAllowedNamed", { name })
      : message("comments.errors.richText.attributeNotAllowed"),
  link: {
    empty: message("comments.errors.richText.link.empty"),
    "too-long": message("comments.errors.richText.link.tooLong", { limit: MAX_LINK_HREF_CHARS }),
    "control-characters": message("comments.errors.richText.link.controlCharacters"),
    scheme: message("comments.errors.richText.link.scheme"),
  } satisfies Record<LinkHrefProblem, Message>,
};

function message(key: MessageKey, values?: MessageValues): Message {
  return values ? { key, values } : { key };
}

/**
 * Names from the input are echoed only when they look like identifiers, so a
 * message never carries markup, control characters or a wall of text.
 */
function echoable(name: string | null): name is string {
  return name !== null && /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(name);
}

// ---------------------------------------------------------------------------
// Size and depth, before parsing

function utf8ByteLengthExceeds(text: string, limit: number): boolean {
  // Every UTF-16 unit is at least one UTF-8 byte and at most three.
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return new TextEncoder().encode(text).length > limit;
}

/**
 * Nesting depth of a JSON text, by counting brackets outside strings. No
 * recursion and no parsing, so 10,000 levels cost a scan, not a stack.
 * Stops as soon as `limit` is passed.
 */
function jsonDepthExceeds(json: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/**
 * Nesting depth of an already parsed value, walked with an explicit stack.
 * Also refuses values with more than `maxValues` members in total, so that an
 * object handed in by a caller cannot make the walk itself expensive; a
 * cyclic object simply reads as too deep.
 */
function valueDepthExceeds(value: unknown, limit: number, maxValues: number): "deep" | "large" | null {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let seen = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth > limit) return "deep";
    const children = Array.isArray(current) ? current : Object.values(current);
    seen += children.length;
    if (seen > maxValues) return "large";
    for (const child of children) stack.push([child, depth + 1]);
  }
  return null;
}

// ---------------------------------------------------------------------------
// The schema

/**
 * Link attributes. The editor emits only `href` (see `CommentLink`), but
 * JSON written by Tiptap's stock Link carries `target`, `rel`, `class` and
 * `title` too; those are accepted only with the values that stock Link
 * gives them when nobody has set them, and are dropped from the result.
 */
const linkAttrsSchema = z
  .object({
    href: z.string().superRefine((href, ctx) => {
      const problem = linkHrefProblem(href);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, params: { linkProblem: problem } });
    }),
    target: z.null().optional(),
    rel: z.enum([LINK_REL, "noopener noreferrer nofollow"]).nullable().optional(),
    class: z.null().optional(),
    title: z.null().optional(),
  })
  .strict()
  .transform(({ href }) => ({ href: href.trim() }));

const markSchema: z.ZodType<RichTextMark, z.ZodTypeDef, unknown> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bold") }).strict(),
  z.object({ type: z.literal("italic") }).strict(),
  z.object({ type: z.literal("link"), attrs: linkAttrsSchema }).strict(),
]);

// Three kinds of mark exist; more than three on one run is never legitimate.
const marksSchema = z.array(markSchema).max(3).optional();

const inlineSchema: z.ZodType<RichTextInline, z.ZodTypeDef, unknown> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().min(1), marks: marksSchema }).strict(),
  z.object({ type: z.literal("hardBreak"), marks: marksSchema }).strict(),
]);

const paragraphSchema = z.object({ type: z.literal("paragraph"), content: z.array(inlineSchema).optional() }).strict();

const listItemSchema: z.ZodType<RichTextListItem, z.ZodTypeDef, unknown> = z
  .object({
    type: z.literal("listItem"),
    content: z.array(z.lazy(() => blockSchema)).min(1),
  })
  .strict();

const bulletListSchema = z.object({ type: z.literal("bulletList"), content: z.array(listItemSchema).min(1) }).strict();

const orderedListStyles: [OrderedListStyle, ...OrderedListStyle[]] = ["1", "a", "A", "i", "I"];

const orderedListSchema = z
  .object({
    type: z.literal("orderedList"),
    attrs: z
      .object({
        // Tiptap reads `start` with parseInt, so a pasted `<ol start="x">` arrives as NaN, i.e. null.
        start: z
          .number()
          .int()
          .min(-999_999)
          .max(999_999)
          .nullable()
          .optional()
          .transform((start) => start ?? 1),
        type: z
          .enum(orderedListStyles)
          .nullable()
          .optional()
          .transform((type) => type ?? null),
      })
      .strict()
      .optional(),
    content: z.array(listItemSchema).min(1),
  })
  .strict();

const blockSchema: z.ZodType<RichTextBlock, z.ZodTypeDef, unknown> = z.discriminatedUnion("type", [
  paragraphSchema,
  bulletListSchema,
  orderedListSchema,
]);

const docSchema: z.ZodType<RichTextDoc, z.ZodTypeDef, unknown> = z
  .object({ type: z.literal("doc"), content: z.array(blockSchema).min(1) })
  .strict();

// ---------------------------------------------------------------------------
// Turning Zod issues into messages

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function messageForIssue(issue: z.ZodIssue, input: unknown): Message | null {
  const path = issue.path;
  const last = path[path.length - 1];
  const inMarks = path[path.length - 3] === "marks";
  if (
    last === "type" &&
    (issue.code === z.ZodIssueCode.invalid_union_discriminator || issue.code === z.ZodIssueCode.invalid_literal)
  ) {
    const value = valueAt(input, path);
    const name = typeof value === "string" ? value : null;
    return inMarks ? RICH_TEXT_ERRORS.markNotAllowed(name) : RICH_TEXT_ERRORS.nodeNotAllowed(name);
  }
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const key = issue.keys[0] ?? null;
    // Tiptap keeps attributes under `attrs`: name the attribute, not the container.
    const attrs = key === "attrs" ? valueAt(input, [...path, "attrs"]) : undefined;
    const inner = attrs !== null && typeof attrs === "object" ? Object.keys(attrs)[0] : undefined;
    return RICH_TEXT_ERRORS.attributeNotAllowed(inner ?? key);
  }
  if (issue.code === z.ZodIssueCode.custom && issue.params?.linkProblem) {
    return RICH_TEXT_ERRORS.link[issue.params.linkProblem as LinkHrefProblem];
  }
  // A stock-Tiptap link attribute with a value other than its harmless default.
  if (path.includes("attrs") && inAttrsOfLink(path) && last !== "href") {
    return RICH_TEXT_ERRORS.attributeNotAllowed(typeof last === "string" ? last : null);
  }
  return null;
}

function inAttrsOfLink(path: ReadonlyArray<string | number>): boolean {
  const attrsAt = path.lastIndexOf("attrs");
  return attrsAt >= 2 && path[attrsAt - 2] === "marks";
}

// ---------------------------------------------------------------------------
// ProseMirror's own rules

let schema: ReturnType<typeof getSchema> | undefined;

/**
 * Checks the document against the editor's real schema: content rules Zod
 * does not express (a list item must start with a paragraph) and the order
 * and uniqueness of marks. Returns ProseMirror's own JSON of it, which is
 * canonical: marks in schema order, adjacent runs with equal marks merged,
 * list attributes filled in.
 */
function canonicalize(doc: RichTextDoc): RichTextDoc | null {
  schema ??= getSchema(richTextExtensions);
  try {
    const node = ProseMirrorNode.fromJSON(schema, doc);
    node.check();
    return node.toJSON() as RichTextDoc;
  } catch {
    return null;
  }
}

/** Code points of text in the document; separators and line breaks do not count. */
function textLength(doc: RichTextDoc): number {
  let length = 0;
  const stack: Array<RichTextBlock | RichTextListItem | RichTextInline> = [...doc.content];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "text") {
      for (let i = 0; i < node.text.length; i++) {
        const c = node.text.charCodeAt(i);
        // Count a surrogate pair once: at its high half.
        if (c < 0xdc00 || c > 0xdfff) length++;
      }
    } else if (node.type !== "hardBreak" && node.content) {
      stack.push(...node.content);
    }
  }
  return length;
}

// Whitespace and invisible format characters (zero-width space, bidi controls, BOM).
const BLANK = /^[\s\p{Cf}]*$/u;

// ---------------------------------------------------------------------------

/**
 * Validates a submitted comment body and returns it in canonical form.
 *
 * @param input - The body as the form posted it (the JSON string from the
 *   editor's hidden field) or an already parsed value.
 * @returns `{ ok: true, doc, text }` with the canonical document and its
 *   plain text, or `{ ok: false, status, error }` where `status` is 413
 *   (larger than {@link MAX_RICH_TEXT_BYTES}) or 400 (anything else) and
 *   `error` is the message for the author (an i18n key and its values).
 *   Never throws for any input.
 */
export function parseRichText(input: unknown): RichTextParseResult {
  const read = readStructure(input);
  if (!read.ok) return read;
  const { doc } = read;

  const text = richTextToPlainText(doc);
  if (BLANK.test(text)) return fail(400, RICH_TEXT_ERRORS.empty);
  const length = textLength(doc);
  if (length > MAX_COMMENT_CHARS) return fail(400, RICH_TEXT_ERRORS.tooLong(length));

  return { ok: true, doc, text };
}

/**
 * A body that is well formed and safe but may break the comment limits —
 * an empty or too long draft — for putting back into the editor after a
 * refused submission, so the author can fix it instead of retyping it.
 * `null` when the input is not an acceptable document at all.
 */
export function readRichTextDraft(input: unknown): RichTextDoc | null {
  const read = readStructure(input);
  return read.ok ? read.doc : null;
}

function fail(status: 400 | 413, error: Message): RichTextRefusal {
  return { ok: false, status, error };
}

/** Size, depth, the strict schema and ProseMirror's schema; not the text limits. */
function readStructure(input: unknown): { ok: true; doc: RichTextDoc } | RichTextRefusal {
  let value: unknown;
  if (typeof input === "string") {
    if (utf8ByteLengthExceeds(input, MAX_RICH_TEXT_BYTES)) return fail(413, RICH_TEXT_ERRORS.tooLarge);
    if (jsonDepthExceeds(input, MAX_JSON_DEPTH)) return fail(400, RICH_TEXT_ERRORS.tooDeep);
    try {
      value = JSON.parse(input);
    } catch {
      return fail(400, RICH_TEXT_ERRORS.unreadable);
    }
  } else if (input !== null && typeof input === "object") {
    // A JSON text of MAX_RICH_TEXT_BYTES holds fewer values than it has bytes / 2.
    const shape = valueDepthExceeds(input, MAX_JSON_DEPTH, MAX_RICH_TEXT_BYTES / 2);
    if (shape === "deep") return fail(400, RICH_TEXT_ERRORS.tooDeep);
    if (shape === "large") return fail(413, RICH_TEXT_ERRORS.tooLarge);
    let json: string;
    try {
      json = JSON.stringify(input);
    } catch {
      return fail(400, RICH_TEXT_ERRORS.unreadable);
    }
    if (utf8ByteLengthExceeds(json, MAX_RICH_TEXT_BYTES)) return fail(413, RICH_TEXT_ERRORS.tooLarge);
    // Validate the JSON round trip, not the object: no getters, prototypes or class instances.
    value = JSON.parse(json);
  } else {
    return fail(400, RICH_TEXT_ERRORS.unreadable);
  }

  const parsed = docSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const message = messageForIssue(issue, value);
      if (message) return fail(400, message);
    }
    return fail(400, RICH_TEXT_ERRORS.malformed);
  }

  const doc = canonicalize(parsed.data);
  if (!doc) return fail(400, RICH_TEXT_ERRORS.malformed);
  return { ok: true, doc };
}
