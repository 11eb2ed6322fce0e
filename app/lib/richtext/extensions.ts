/**
 * The single list of Tiptap extensions for comments. The editor in the
 * browser and the renderer on the server both build their schema from this
 * list, so the editor cannot produce anything the server does not know how
 * to render, and the server renders nothing the editor could not produce.
 *
 * Allowed: paragraphs, text, bold, italic, bulleted and numbered lists,
 * line breaks inside a paragraph, and links to http, https and mailto.
 * Adding an extension here widens what stakeholders can submit: update
 * `validate.ts` (the schema) and `render.ts` (the sanitizer allowlist) with it.
 */
import Bold from "@tiptap/extension-bold";
import Document from "@tiptap/extension-document";
import HardBreak from "@tiptap/extension-hard-break";
import Italic from "@tiptap/extension-italic";
import Link from "@tiptap/extension-link";
import { BulletList, ListItem, OrderedList } from "@tiptap/extension-list";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";

import { isAllowedLinkHref } from "./link-href";

import type { Extensions } from "@tiptap/core";

/** The `rel` every comment link gets: comments must not pass on ranking or `window.opener`. */
export const LINK_REL = "nofollow noopener noreferrer";

/**
 * Tiptap's own line break (`<br>`, Shift+Enter), without `keepMarks`
 * surprises: marks in force stay on the text typed after the break.
 */
export const CommentHardBreak = HardBreak.configure({ keepMarks: true });

/**
 * Links with `href` as their only attribute. Tiptap's Link also carries
 * `target`, `rel`, `class` and `title`, read from pasted HTML; a pasted
 * `<a target="_blank" class="…">` would otherwise travel into the stored
 * JSON. `rel` and the absence of `target` come from `HTMLAttributes` at
 * render time instead, the same for every link.
 */
export const CommentLink = Link.extend({
  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute("href"),
      },
    };
  },
}).configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: "https",
  protocols: [],
  HTMLAttributes: { rel: LINK_REL, target: null, class: null },
  // Used by Tiptap when parsing pasted HTML and when rendering: a refused href
  // is dropped on paste and rendered as href="" (see render.ts for the rest).
  isAllowedUri: (url) => isAllowedLinkHref(url),
  // Autolink only what would also be allowed, so typing "javascript:x" stays text.
  shouldAutoLink: (url) => isAllowedLinkHref(url) || isAllowedLinkHref(`https://${url}`),
});

/** The extensions for comment bodies; see the module comment before adding one. */
export const richTextExtensions: Extensions = [
  Document,
  Paragraph,
  Text,
  Bold,
  Italic,
  BulletList,
  OrderedList,
  ListItem,
  CommentHardBreak,
  CommentLink,
];
