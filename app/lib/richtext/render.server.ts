/**
 * Server-side HTML for comment bodies. Server only — it builds HTML with
 * happy-dom, a Node DOM that must not reach the browser bundle — hence the
 * `.server` name: Remix replaces this module with an empty one in the
 * browser build, so importing the `~/lib/richtext` index from a route is
 * safe (render functions are simply absent on the client).
 *
 * Two independent layers, so that a mistake in one is not an XSS:
 * 1. Tiptap serializes the document with the same extensions as the editor
 *    (text is escaped by the DOM serializer; Link blanks refused hrefs).
 * 2. sanitize-html re-parses that HTML against an allowlist of exactly what
 *    those extensions can produce, re-checks link schemes, and forces `rel`.
 */
import { getSchema } from "@tiptap/core";
import { DOMSerializer, Node as ProseMirrorNode, type Schema } from "@tiptap/pm/model";
import { Window } from "happy-dom";
import sanitizeHtml from "sanitize-html";

import { LINK_REL, richTextExtensions } from "./extensions";
import { ALLOWED_LINK_SCHEMES, isAllowedLinkHref } from "./link-href";
import { parseRichText } from "./validate";

import type { RichTextDoc } from "./types";

export { plainTextToRichText, richTextToPlainText, type PlainTextOptions } from "./plain-text";

/**
 * The allowlist: the tags and attributes `richTextExtensions` render, and
 * nothing else. `target` is not allowed (links open in the same tab, and a
 * `target` without the forced `rel` would hand over `window.opener`).
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "strong", "em", "ul", "ol", "li", "a", "br"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start", "type"] },
  // Checked by sanitize-html itself after the transforms below, with its own
  // parsing of the scheme (it strips controls and whitespace first).
  allowedSchemes: [...ALLOWED_LINK_SCHEMES],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Tags outside the list are removed; the text inside them is kept, except
  // for script, style and the like, whose content is dropped too.
  disallowedTagsMode: "discard",
  transformTags: {
    // Attribute values arrive entity-decoded. sanitize-html lets relative URLs
    // through, which comments must not have, so the comment link rule is applied
    // here too; and whatever rel arrived (or none), every link gets ours.
    a: (_tagName, attribs) => ({
      tagName: "a",
      attribs: {
        ...(attribs.href !== undefined && isAllowedLinkHref(attribs.href) ? { href: attribs.href.trim() } : {}),
        rel: LINK_REL,
      },
    }),
    // Only the values Tiptap's ordered list can produce.
    ol: (_tagName, attribs) => ({
      tagName: "ol",
      attribs: {
        ...(attribs.start !== undefined && /^-?\d{1,6}$/.test(attribs.start) ? { start: attribs.start } : {}),
        ...(attribs.type !== undefined && ORDERED_LIST_TYPES.has(attribs.type) ? { type: attribs.type } : {}),
      },
    }),
  },
};

const ORDERED_LIST_TYPES = new Set(["1", "a", "A", "i", "I"]);

/**
 * Second layer on its own: sanitizes HTML produced by the Tiptap stage.
 * Exported so tests can prove it stands even when the first layer fails.
 */
export function sanitizeRichTextHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/**
 * HTML for a validated comment body, safe to insert with
 * `dangerouslySetInnerHTML`. Takes what `parseRichText` returned; throws if
 * the document does not fit the editor schema at all.
 */
export function renderRichText(doc: RichTextDoc): string {
  return sanitizeRichTextHtml(serializeWithTiptap(doc));
}

/**
 * First layer: what `generateHTML` from `@tiptap/html/server` does, minus
 * its cost. `generateHTML` builds the schema and a new happy-dom Window on
 * every call (~6 ms together); a comment list or an import renders
 * thousands of bodies, so the schema and one script-less Window are made
 * once and reused (~0.3 ms per body). Elements are created detached from
 * the window's document, so nothing accumulates between calls.
 */
function serializeWithTiptap(doc: RichTextDoc): string {
  const { schema, serializer, document } = (serializerState ??= createSerializerState());
  const wrap = document.createElement("div");
  // happy-dom's Document is not typed as the DOM lib's; ProseMirror only needs createElement & co.
  serializer.serializeFragment(
    ProseMirrorNode.fromJSON(schema, doc).content,
    { document: document as unknown as Document },
    wrap as unknown as HTMLElement,
  );
  return wrap.innerHTML;
}

let serializerState: { schema: Schema; serializer: DOMSerializer; document: Window["document"] } | undefined;

function createSerializerState() {
  const schema = getSchema(richTextExtensions);
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  return { schema, serializer: DOMSerializer.fromSchema(schema), document: window.document };
}

/**
 * HTML for a body read back from storage (JSON text or parsed value): it is
 * validated again first, so rows written before a rule was tightened are not
 * trusted. `null` when it no longer passes; show a placeholder instead.
 */
export function renderStoredRichText(stored: unknown): string | null {
  const parsed = parseRichText(stored);
  return parsed.ok ? renderRichText(parsed.doc) : null;
}
