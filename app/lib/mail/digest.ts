/**
 * The daily digest's pure parts: when it is sent and what it looks like
 * (docs/decisions/0020-notification-preferences-digest-and-unsubscribe.md).
 * There is no per-person time zone yet, so every digest goes out at one
 * configured hour of UTC; the clock is the caller's.
 */
import { languageDirection } from "~/lib/language";
import { escapeHtml, safeMailLink, type ComposedMail, type MailContent } from "~/lib/mail/compose";

/** The hour (UTC) digests are sent when DIGEST_HOUR_UTC is not set: early morning in Europe and Africa. */
export const DEFAULT_DIGEST_HOUR_UTC = 6;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** DIGEST_HOUR_UTC read strictly: a whole hour 0–23, or the default when unset; throws on anything else. */
export function digestHourUtc(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_DIGEST_HOUR_UTC;
  if (!/^\d{1,2}$/.test(value.trim()) || Number(value) > 23) {
    throw new Error(`DIGEST_HOUR_UTC must be a whole hour from 0 to 23, not "${value}"`);
  }
  return Number(value);
}

/**
 * The latest digest time at or before `now`: today at `hour`:00 UTC if that
 * has passed, else yesterday's. Items due by then belong to that digest; a
 * pass that runs late (the worker was down at the hour) still finds them.
 */
export function digestCutoff(now: Date, hour: number): Date {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS + hour * HOUR_MS;
  return new Date(today <= now.getTime() ? today : today - DAY_MS);
}

/** The digest's day, "YYYY-MM-DD" (UTC), part of its dedupe key: one digest per person and day. */
export function digestDay(cutoff: Date): string {
  return cutoff.toISOString().slice(0, 10);
}

/** One notification inside a digest: the message it would have been on its own. */
export type DigestEntry = Pick<MailContent, "subject" | "paragraphs" | "action">;

export interface DigestContent {
  lang: string;
  dir?: "ltr" | "rtl";
  subject: string;
  greeting: string;
  /** Said before the entries, e.g. "Here is what happened since your last digest." */
  intro: string;
  entries: readonly DigestEntry[];
  /** Closing lines: why the person gets this, how to stop it. */
  footer: readonly string[];
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const BODY_STYLE =
  "margin:0;padding:24px 16px;background:#ffffff;color:#1b1b1b;" +
  "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5";
const PARAGRAPH_STYLE = "margin:0 0 12px";
const HEADING_STYLE = "margin:24px 0 8px;font-size:18px";
const LINK_STYLE = "color:#0b4f8a;font-weight:bold";
const SMALL_STYLE = "margin:0 0 12px;font-size:14px;color:#3d3d3d";

const oneLine = (value: string) => value.replace(/[\r\n\t]+/g, " ").trim();
const htmlText = (value: string) => escapeHtml(value).replace(/\r?\n/g, "<br>");
const nonEmpty = (lines: readonly string[]) => lines.filter((line) => line.trim() !== "");

/**
 * The digest as one message, both parts with the same content: each entry
 * as a heading, its paragraphs and its link. Throws, like composeMail, on a
 * link that is not absolute http(s).
 */
export function composeDigest(content: DigestContent): ComposedMail {
  const lang = LANGUAGE_TAG.test(content.lang) ? content.lang : "en";
  // Unless the caller says otherwise, the direction of the language (Arabic: right to left).
  const dir = content.dir ?? languageDirection(lang);
  const subject = oneLine(content.subject);
  const entries = content.entries.map((entry) => ({
    subject: oneLine(entry.subject),
    paragraphs: nonEmpty(entry.paragraphs),
    action: entry.action ? { label: entry.action.label, url: safeMailLink(entry.action.url) } : null,
  }));
  const footer = nonEmpty(content.footer);

  const textBlocks = [content.greeting, content.intro];
  entries.forEach((entry, index) => {
    const lines = [`${index + 1}. ${entry.subject}`, ...entry.paragraphs];
    // The link on a line of its own, so that every client makes it clickable whole.
    if (entry.action) lines.push(`${entry.action.label}\n${entry.action.url}`);
    textBlocks.push(lines.join("\n\n"));
  });
  if (footer.length > 0) textBlocks.push(`--\n${footer.join("\n")}`);
  const text = `${textBlocks.join("\n\n")}\n`;

  const htmlBlocks = [content.greeting, content.intro].map(
    (paragraph) => `<p style="${PARAGRAPH_STYLE}">${htmlText(paragraph)}</p>`,
  );
  for (const entry of entries) {
    htmlBlocks.push(`<h2 style="${HEADING_STYLE}">${escapeHtml(entry.subject)}</h2>`);
    htmlBlocks.push(...entry.paragraphs.map((paragraph) => `<p style="${PARAGRAPH_STYLE}">${htmlText(paragraph)}</p>`));
    if (entry.action) {
      const href = escapeHtml(entry.action.url);
      htmlBlocks.push(
        `<p style="${PARAGRAPH_STYLE}"><a href="${href}" style="${LINK_STYLE}">${htmlText(entry.action.label)}</a></p>`,
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
