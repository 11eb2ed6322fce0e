/**
 * Threat-model rows covered here (docs: /work/shared/design/threats.md):
 * - link with `javascript:`, `JaVaScRiPt:`, `data:text/html` href → request rejected
 * - rich-text JSON with unknown node types (iframe) or extra attributes (onclick, style) → 400, clear message
 * - 5 MB comment, or JSON nested 10,000 deep → 413/400; the process stays up
 */
import i18next from "i18next";
import { describe, expect, it } from "vitest";

import type { Message } from "~/lib/errors";
import en from "~/locales/en";

import {
  MAX_COMMENT_CHARS,
  MAX_JSON_DEPTH,
  MAX_RICH_TEXT_BYTES,
  RICH_TEXT_ERRORS,
  parseRichText,
  readRichTextDraft,
} from "./validate";

import type { RichTextDoc } from "./types";

const doc = (...content: unknown[]) => ({ type: "doc", content });
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });
const text = (value: string, marks?: unknown[]) =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };
const link = (href: string, extra: Record<string, unknown> = {}) =>
  doc(paragraph(text("the source", [{ type: "link", attrs: { href, ...extra } }])));

// Refusals carry an i18n key and values; they are compared as the English sentence the author reads.
const i18n = i18next.createInstance();
await i18n.init({ lng: "en", resources: { en }, defaultNS: "common", interpolation: { escapeValue: false } });
const translate = i18n.t as unknown as (key: string, values: object) => string;
const english = (message: Message) => translate(message.key, message.values ?? {});

const ONLY_ALLOWED_CONTENT = "Use only paragraphs, bold, italic, lists, line breaks and links.";

function refusal(input: unknown) {
  const result = parseRichText(input);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.doc)}`);
  return { status: result.status, error: english(result.error) };
}

describe("parseRichText: accepted bodies", () => {
  it("accepts what the editor emits and returns the canonical JSON and the plain text", () => {
    const submitted = doc(
      paragraph(text("See "), text("paragraph 2.9", [{ type: "bold" }]), { type: "hardBreak" }, text("and")),
      {
        type: "bulletList",
        content: [{ type: "listItem", content: [paragraph(text("one", [{ type: "italic" }]))] }],
      },
    );
    const result = parseRichText(JSON.stringify(submitted));
    expect(result).toEqual({ ok: true, doc: submitted, text: "See paragraph 2.9\nand\n\none" });
  });

  it("accepts an object as well as a JSON string", () => {
    expect(parseRichText(doc(paragraph(text("Agreed."))))).toEqual({
      ok: true,
      doc: doc(paragraph(text("Agreed."))),
      text: "Agreed.",
    });
  });

  it("keeps http, https and mailto links, trimmed, and drops stock-Tiptap link attributes at their defaults", () => {
    const result = parseRichText(
      link(" https://example.org/a?b=1 ", {
        target: null,
        rel: "noopener noreferrer nofollow",
        class: null,
        title: null,
      }),
    );
    expect(result.ok && result.doc).toEqual(
      doc(
        paragraph({
          type: "text",
          marks: [{ type: "link", attrs: { href: "https://example.org/a?b=1" } }],
          text: "the source",
        }),
      ),
    );
    expect(parseRichText(link("http://example.org")).ok).toBe(true);
    expect(parseRichText(link("mailto:secretariat@example.org")).ok).toBe(true);
  });

  it("canonicalizes: marks in schema order, equal adjacent runs merged, list attributes filled in", () => {
    const result = parseRichText(
      doc(
        paragraph(text("a", [{ type: "italic" }, { type: "bold" }]), text("b", [{ type: "bold" }, { type: "italic" }])),
        { type: "orderedList", content: [{ type: "listItem", content: [paragraph(text("x"))] }] },
      ),
    );
    expect(result.ok && result.doc).toEqual(
      doc(
        { type: "paragraph", content: [{ type: "text", marks: [{ type: "bold" }, { type: "italic" }], text: "ab" }] },
        {
          type: "orderedList",
          attrs: { start: 1, type: null },
          content: [{ type: "listItem", content: [paragraph(text("x"))] }],
        },
      ),
    );
  });
});

describe("parseRichText: link schemes (threat: javascript:, JaVaScRiPt:, data:text/html hrefs)", () => {
  const schemeRefused = { status: 400, error: english(RICH_TEXT_ERRORS.link.scheme) };
  it.each([
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    [" javascript:alert(1)"],
    ["java\tscript:alert(1)"],
    ["java\nscript:alert(1)"],
    ["\u0000javascript:alert(1)"],
    ["java\u00a0script:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="],
    ["vbscript:msgbox(1)"],
    ["file:///etc/passwd"],
    ["/admin/delete"],
    ["//evil.example"],
    ["https:"],
    ["https://"],
  ])("refuses %j", (href) => {
    expect(refusal(link(href))).toEqual(schemeRefused);
  });

  it("refuses invisible characters inside an otherwise allowed link", () => {
    expect(refusal(link("ht\u200btps://example.org"))).toEqual({
      status: 400,
      error: english(RICH_TEXT_ERRORS.link["control-characters"]),
    });
    expect(refusal(link("https://exa\u202emple.org"))).toEqual({
      status: 400,
      error: english(RICH_TEXT_ERRORS.link["control-characters"]),
    });
  });

  it("refuses empty and overlong links", () => {
    expect(refusal(link("  "))).toEqual({ status: 400, error: english(RICH_TEXT_ERRORS.link.empty) });
    expect(refusal(link(`https://example.org/${"a".repeat(2048)}`))).toEqual({
      status: 400,
      error: english(RICH_TEXT_ERRORS.link["too-long"]),
    });
  });

  it("refuses link attributes other than href, or stock attributes with non-default values", () => {
    expect(refusal(link("https://example.org", { target: "_blank" }))).toEqual({
      status: 400,
      error: 'Comments cannot contain the attribute "target".',
    });
    expect(refusal(link("https://example.org", { rel: "opener" }))).toEqual({
      status: 400,
      error: 'Comments cannot contain the attribute "rel".',
    });
    expect(refusal(link("https://example.org", { onclick: "alert(1)" }))).toEqual({
      status: 400,
      error: 'Comments cannot contain the attribute "onclick".',
    });
  });
});

describe("parseRichText: unknown content and attributes (threat: iframe, onclick, style)", () => {
  it.each([
    ["iframe", doc({ type: "iframe", attrs: { src: "https://evil.example" } })],
    ["image", doc(paragraph({ type: "image", attrs: { src: "x", onerror: "alert(1)" } }))],
    ["heading", doc({ type: "heading", attrs: { level: 1 }, content: [text("x")] })],
    ["codeBlock", doc({ type: "codeBlock", content: [text("x")] })],
    ["html", doc({ type: "html", content: "<script>alert(1)</script>" })],
  ])("refuses a %s node", (name, input) => {
    expect(refusal(JSON.stringify(input))).toEqual({
      status: 400,
      error: `Comments cannot contain "${name}" content. ${ONLY_ALLOWED_CONTENT}`,
    });
  });

  it("does not echo a node type that is not a plain name", () => {
    expect(refusal(doc({ type: "<img src=x onerror=alert(1)>" }))).toEqual({
      status: 400,
      error: `Comments cannot contain this kind of content. ${ONLY_ALLOWED_CONTENT}`,
    });
  });

  it("refuses an unknown mark", () => {
    expect(refusal(doc(paragraph(text("x", [{ type: "underline" }]))))).toEqual({
      status: 400,
      error: 'Comments cannot use "underline" formatting. Use only bold, italic and links.',
    });
  });

  it.each([
    ["onclick on a paragraph", doc({ ...paragraph(text("x")), onclick: "alert(1)" }), "onclick"],
    [
      "style in a paragraph's attrs",
      doc({ ...paragraph(text("x")), attrs: { style: "background:url(javascript:x)" } }),
      "style",
    ],
    ["class on a text node", doc(paragraph({ ...text("x"), class: "admin-banner" })), "class"],
    ["style on a bold mark", doc(paragraph(text("x", [{ type: "bold", attrs: { style: "color:red" } }]))), "style"],
    [
      "onmouseover on a list item",
      doc({ type: "bulletList", content: [{ type: "listItem", onmouseover: "x", content: [paragraph(text("x"))] }] }),
      "onmouseover",
    ],
    ["onload on the document", { ...doc(paragraph(text("x"))), onload: "x" }, "onload"],
  ])("refuses %s", (_case, input, attribute) => {
    expect(refusal(input)).toEqual({ status: 400, error: `Comments cannot contain the attribute "${attribute}".` });
  });

  it("refuses structures the editor schema forbids", () => {
    const malformed = { status: 400, error: english(RICH_TEXT_ERRORS.malformed) };
    // A list item must start with a paragraph.
    expect(
      refusal(
        doc({
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [{ type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("x"))] }] }],
            },
          ],
        }),
      ),
    ).toEqual(malformed);
    // The same mark twice on one run.
    expect(refusal(doc(paragraph(text("x", [{ type: "bold" }, { type: "bold" }]))))).toEqual(malformed);
    // Text directly in the document, empty text, empty document.
    expect(refusal(doc(text("x")))).toEqual({
      status: 400,
      error: 'Comments cannot contain "text" content. Use only paragraphs, bold, italic, lists, line breaks and links.',
    });
    expect(refusal(doc(paragraph(text(""))))).toEqual(malformed);
    expect(refusal(doc())).toEqual(malformed);
    expect(refusal("[1,2]")).toEqual(malformed);
  });

  it("gives the message as an i18n key and values, never as English", () => {
    expect(parseRichText("{not json")).toEqual({
      ok: false,
      status: 400,
      error: { key: "comments.errors.richText.unreadable" },
    });
    expect(parseRichText(doc(paragraph(text("x", [{ type: "underline" }]))))).toMatchObject({
      error: { key: "comments.errors.richText.markNotAllowedNamed", values: { name: "underline" } },
    });
  });

  it("refuses input that is not JSON or not a document", () => {
    const unreadable = { status: 400, error: english(RICH_TEXT_ERRORS.unreadable) };
    expect(refusal("{not json")).toEqual(unreadable);
    expect(refusal(42)).toEqual(unreadable);
    expect(refusal(null)).toEqual(unreadable);
    expect(refusal(undefined)).toEqual(unreadable);
  });
});

describe("parseRichText: size and depth (threat: 5 MB comment, JSON nested 10,000 deep)", () => {
  it("refuses a 5 MB body with 413 before parsing it", () => {
    // A well-formed document, so without the byte limit it would reach (and fail) the text limit with 400 instead.
    const fiveMegabytes = JSON.stringify(doc(paragraph(text("a".repeat(5 * 1024 * 1024)))));
    const started = performance.now();
    expect(refusal(fiveMegabytes)).toEqual({ status: 413, error: english(RICH_TEXT_ERRORS.tooLarge) });
    expect(performance.now() - started).toBeLessThan(250);
  });

  it("measures UTF-8 bytes, not UTF-16 units", () => {
    // 100,000 × "€" is 100,000 units but 300,000 bytes, over the 256 KiB limit.
    expect(MAX_RICH_TEXT_BYTES).toBe(262_144);
    expect(refusal(JSON.stringify(doc(paragraph(text("€".repeat(100_000))))))).toEqual({
      status: 413,
      error: english(RICH_TEXT_ERRORS.tooLarge),
    });
  });

  it("refuses a parsed object whose JSON is over the byte limit with 413", () => {
    expect(refusal(doc(paragraph(text("a".repeat(MAX_RICH_TEXT_BYTES)))))).toEqual({
      status: 413,
      error: english(RICH_TEXT_ERRORS.tooLarge),
    });
  });

  it("refuses brackets nested 10,000 deep with 400, without a stack overflow", () => {
    const brackets = "[".repeat(10_000) + "]".repeat(10_000);
    expect(refusal(brackets)).toEqual({ status: 400, error: english(RICH_TEXT_ERRORS.tooDeep) });
  });

  it("refuses objects nested 10,000 deep with 400", () => {
    const objects = '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000);
    expect(refusal(objects)).toEqual({ status: 400, error: english(RICH_TEXT_ERRORS.tooDeep) });
  });

  it("refuses lists nested as deep as the size limit allows (3,000) with 400, without a stack overflow", () => {
    // Valid-looking all the way down, so without the depth check Zod and ProseMirror would recurse into it.
    let nested = '{"type":"paragraph","content":[{"type":"text","text":"x"}]}';
    for (let i = 0; i < 3_000; i++) {
      nested = `{"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph"},${nested}]}]}`;
    }
    const started = performance.now();
    expect(refusal(`{"type":"doc","content":[${nested}]}`)).toEqual({
      status: 400,
      error: english(RICH_TEXT_ERRORS.tooDeep),
    });
    expect(performance.now() - started).toBeLessThan(250);
  });

  it("refuses a parsed object nested 10,000 deep, and a cyclic one, with 400", () => {
    let deep: Record<string, unknown> = paragraph(text("x"));
    for (let i = 0; i < 10_000; i++) deep = { type: "bulletList", content: [{ type: "listItem", content: [deep] }] };
    expect(refusal(doc(deep))).toEqual({ status: 400, error: english(RICH_TEXT_ERRORS.tooDeep) });

    const cyclic: Record<string, unknown> = { type: "doc" };
    cyclic.content = [cyclic];
    expect(refusal(cyclic)).toEqual({ status: 400, error: english(RICH_TEXT_ERRORS.tooDeep) });
  });

  it("accepts lists nested six deep with a link at the bottom (depth exactly 32), refuses seven", () => {
    const nest = (levels: number) => {
      let block: Record<string, unknown> = paragraph(
        text("x", [{ type: "link", attrs: { href: "https://example.org" } }]),
      );
      for (let i = 0; i < levels; i++)
        block = { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("x")), block] }] };
      return JSON.stringify(doc(block));
    };
    expect(MAX_JSON_DEPTH).toBe(32);
    expect(parseRichText(nest(6)).ok).toBe(true);
    expect(refusal(nest(7))).toEqual({ status: 400, error: english(RICH_TEXT_ERRORS.tooDeep) });
  });

  it("does not count brackets inside strings, including escaped quotes", () => {
    const tricky = `[[[{{{ \\" ]]] ${"[".repeat(100)}`;
    const result = parseRichText(JSON.stringify(doc(paragraph(text(tricky)))));
    expect(result.ok && result.text).toBe(tricky);
  });
});

describe("parseRichText: text limits", () => {
  it("refuses an empty comment, including one of spaces, line breaks and invisible characters", () => {
    const empty = { status: 400, error: "The comment is empty." };
    expect(refusal(doc({ type: "paragraph" }))).toEqual(empty);
    expect(
      refusal(doc(paragraph(text("  \u200b\u202e\ufeff "), { type: "hardBreak" }), { type: "paragraph" })),
    ).toEqual(empty);
  });

  it(`accepts ${MAX_COMMENT_CHARS} characters of text and refuses one more`, () => {
    expect(MAX_COMMENT_CHARS).toBe(20_000);
    // Paragraph breaks and list structure do not count; characters outside the BMP count once.
    const atLimit = doc(
      paragraph(text("a".repeat(9_999))),
      paragraph(text("😀".repeat(10_000)), { type: "hardBreak" }),
      paragraph(text("b")),
    );
    expect(parseRichText(atLimit).ok).toBe(true);
    const overLimit = doc(paragraph(text("a".repeat(20_001))));
    expect(refusal(overLimit)).toEqual({
      status: 400,
      error: "The comment is too long (20,001 characters). The limit is 20,000 characters.",
    });
  });
});

describe("readRichTextDraft", () => {
  it("returns a safe draft even when it breaks the comment limits, so it can be fixed", () => {
    const tooLong = doc(paragraph(text("a".repeat(20_001))));
    expect(readRichTextDraft(JSON.stringify(tooLong))).toEqual(tooLong);
    expect(readRichTextDraft(doc({ type: "paragraph" }))).toEqual(doc({ type: "paragraph" }) as RichTextDoc);
  });

  it("returns null for anything that is not an acceptable document", () => {
    expect(readRichTextDraft(link("javascript:alert(1)"))).toBeNull();
    expect(readRichTextDraft(doc({ type: "iframe" }))).toBeNull();
    expect(readRichTextDraft("[".repeat(10_000))).toBeNull();
  });
});
