/**
 * Comment bodies: validation, rendering and plain-text conversion.
 * Rendering lives in `render.server.ts` (happy-dom): in the browser build
 * Remix empties that module, so `renderRichText` & co. are undefined there;
 * everything else here also works in the browser.
 */
export * from "./types";
export { LINK_REL, richTextExtensions } from "./extensions";
export {
  ALLOWED_LINK_SCHEMES,
  MAX_LINK_HREF_CHARS,
  isAllowedLinkHref,
  linkHrefProblem,
  type LinkHrefProblem,
} from "./link-href";
export { plainTextToRichText, richTextToPlainText, type PlainTextOptions } from "./plain-text";
export {
  MAX_COMMENT_CHARS,
  MAX_JSON_DEPTH,
  MAX_RICH_TEXT_BYTES,
  RICH_TEXT_ERRORS,
  parseRichText,
  readRichTextDraft,
  type RichTextParseResult,
  type RichTextRefusal,
} from "./validate";
export { renderRichText, renderStoredRichText, sanitizeRichTextHtml } from "./render.server";
