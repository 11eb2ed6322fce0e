/**
 * Composes an email from already translated strings: a subject, a greeting,
 * paragraphs and an optional call to action. Pure (no I/O, no translation):
 * the callers translate (app/locales/en/mail.ts) and queue the result
 * (app/utils/outbox.server.ts). Both parts carry the same content; the HTML
 * part is a small, inline-styled document (mail clients drop style sheets)
 * with its language, every interpolated value escaped, and only absolute
 * http(s) links.
 */
import { languageDirection } from "~/lib/language";

/** The kinds of message the platform queues (OutboxMessage.kind). */
export const MAIL_KINDS = {
  invitation: "invitation",
  /** One message a day gathering a person's notifications in digest mode (app/models/digest.server.ts). */
  digest: "digest",
  accountApproved: "account_approved",
  accountRejected: "account_rejected",
  receipt: "receipt",
  passwordReset: "password_reset",
  passwordChanged: "password_changed",
  reminder: "reminder",
  versionPublished: "version_published",
  periodOpened: "period_opened",
  periodExtended: "period_extended",
  periodChanged: "period_changed",
  periodClosed: "period_closed",
  commentsPublished: "comments_published",
  dispositionsPublished: "dispositions_published",
} as const;

export interface MailAction {
  /** The link's text, e.g. "Accept the invitation". */
  label: string;
  /** An absolute http(s) URL (app/utils/app-url.server.ts absoluteUrl); anything else is refused. */
  url: string;
  /** Said under the button for clients that do not show it, e.g. "Or copy this address into your browser:". */
  hint?: string;
}

export interface MailContent {
  /** The recipient's language (BCP 47), for the document's lang attribute. */
  lang: string;
  /** Default: the language's own direction (app/lib/language.ts languageDirection). */
  dir?: "ltr" | "rtl";
  subject: string;
  greeting: string;
  paragraphs: readonly string[];
  action?: MailAction;
  /** Closing lines (why the person gets this message), smaller. */
  footer?: readonly string[];
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for HTML content and attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

/** `url` normalized if it is an absolute http(s) URL without credentials; throws otherwise. */
export function safeMailLink(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("mail link refused: not an absolute URL");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error("mail link refused: only http(s) links");
  }
  if (parsed.username || parsed.password) throw new Error("mail link refused: credentials in the URL");
  return parsed.href;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** One line: a subject never carries a line break (header injection). */
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, " ").trim();
}

const BODY_STYLE =
  "margin:0;padding:24px 16px;background:#ffffff;color:#1b1b1b;" +
  "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5";
const PARAGRAPH_STYLE = "margin:0 0 16px";
const BUTTON_STYLE =
  "display:inline-block;padding:12px 20px;background:#0b4f8a;color:#ffffff;" +
  "font-weight:bold;text-decoration:underline;border-radius:4px";
const SMALL_STYLE = "margin:0 0 12px;font-size:14px;color:#3d3d3d";

/** Escaped text with its line breaks kept. */
function htmlText(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, "<br>");
}

/** The subject, text part and HTML part of a message. Throws on a link that is not absolute http(s). */
export function composeMail(content: MailContent): ComposedMail {
  const lang = LANGUAGE_TAG.test(content.lang) ? content.lang : "en";
  // Unless the caller says otherwise, the direction of the language (Arabic: right to left).
  const dir = content.dir ?? languageDirection(lang);
  const subject = oneLine(content.subject);
  const link = content.action ? safeMailLink(content.action.url) : null;
  const paragraphs = content.paragraphs.filter((paragraph) => paragraph.trim() !== "");
  const footer = (content.footer ?? []).filter((line) => line.trim() !== "");

  const textBlocks = [content.greeting, ...paragraphs];
  if (content.action && link) {
    // The link on a line of its own, so that every client makes it clickable whole.
    textBlocks.push(`${content.action.label}\n${link}`);
  }
  if (footer.length > 0) textBlocks.push(`--\n${footer.join("\n")}`);
  const text = `${textBlocks.join("\n\n")}\n`;

  const htmlBlocks = [content.greeting, ...paragraphs].map(
    (paragraph) => `<p style="${PARAGRAPH_STYLE}">${htmlText(paragraph)}</p>`,
  );
  if (content.action && link) {
    const href = escapeHtml(link);
    htmlBlocks.push(
      `<p style="margin:24px 0"><a href="${href}" style="${BUTTON_STYLE}">${htmlText(content.action.label)}</a></p>`,
    );
    if (content.action.hint) {
      htmlBlocks.push(
        `<p style="${SMALL_STYLE}">${htmlText(content.action.hint)}<br>` +
          `<a href="${href}" style="color:#0b4f8a;word-break:break-all">${escapeHtml(link)}</a></p>`,
      );
    }
  }
  if (footer.length > 0) {
    htmlBlocks.push(
      `<hr style="border:0;border-top:1px solid #d0d0d0;margin:24px 0">`,
      ...footer.map((line) => `<p style="${SMALL_STYLE}">${htmlText(line)}</p>`),
    );
  }
  const html = [
    "<!DOCTYPE html>",
    `<html lang="${lang}" dir="${dir}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    "</head>",
    `<body style="${BODY_STYLE}">`,
    `<div role="article" aria-label="${escapeHtml(subject)}" style="max-width:600px;margin:0 auto">`,
    ...htmlBlocks,
    "</div>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
  return { subject, text, html };
}
