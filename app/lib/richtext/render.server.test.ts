/**
 * Threat-model rows covered here (docs: /work/shared/design/threats.md):
 * - comment body with `<script>`, `<img onerror=…>` → rendered inert, never executed
 * - link with `javascript:`, `JaVaScRiPt:`, `data:text/html` href → href removed
 *   (validation refuses these first — validate.test.ts; these tests force them
 *   past validation to prove each later layer holds on its own)
 */
import { generateHTML, generateJSON } from "@tiptap/html/server";
import { describe, expect, it } from "vitest";

import { richTextExtensions } from "./extensions";
import { plainTextToRichText } from "./plain-text";
import { renderRichText, renderStoredRichText, sanitizeRichTextHtml } from "./render.server";
import { parseRichText } from "./validate";

import type { RichTextDoc } from "./types";

const REL = 'rel="nofollow noopener noreferrer"';

/** A document as it might be stored if validation had been bypassed. */
const unvalidated = (value: unknown) => value as RichTextDoc;
const textDoc = (text: string) =>
  unvalidated({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const linkDoc = (href: string) =>
  unvalidated({
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] }] },
    ],
  });

const BAD_HREFS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "/relative",
  "//evil.example",
];

const RICH: RichTextDoc = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Intro " },
        { type: "text", text: "bold", marks: [{ type: "bold" }] },
        { type: "text", text: " " },
        { type: "text", text: "both", marks: [{ type: "bold" }, { type: "italic" }] },
        { type: "hardBreak" },
        { type: "text", text: "see " },
        {
          type: "text",
          text: "the report",
          marks: [{ type: "link", attrs: { href: "https://example.org/report?a=1&b=2" } }],
        },
      ],
    },
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [
            { type: "paragraph", content: [{ type: "text", text: "first" }] },
            {
              type: "orderedList",
              attrs: { start: 3, type: "a" },
              content: [
                { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "nested" }] }] },
              ],
            },
          ],
        },
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "second" }] }] },
      ],
    },
    {
      type: "orderedList",
      attrs: { start: 1, type: null },
      content: [
        {
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: "numbered", marks: [{ type: "italic" }] }] }],
        },
      ],
    },
  ],
};

const RICH_HTML =
  `<p>Intro <strong>bold</strong> <strong><em>both</em></strong><br />see ` +
  `<a href="https://example.org/report?a=1&amp;b=2" ${REL}>the report</a></p>` +
  `<ul><li><p>first</p><ol start="3" type="a"><li><p>nested</p></li></ol></li><li><p>second</p></li></ul>` +
  `<ol><li><p><em>numbered</em></p></li></ol>`;

describe("renderRichText", () => {
  it("renders bold, italic, line breaks, links and nested lists to exactly this HTML", () => {
    expect(renderRichText(RICH)).toBe(RICH_HTML);
  });

  it("gives the same HTML as Tiptap's own generateHTML followed by the sanitizer", () => {
    // renderRichText reuses one schema and one DOM instead of generateHTML's per-call ones.
    expect(renderRichText(RICH)).toBe(sanitizeRichTextHtml(generateHTML(RICH, richTextExtensions)));
  });

  it("renders <script> typed into a comment as text", () => {
    expect(renderRichText(textDoc("<script>alert(1)</script>"))).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });

  it("renders <img onerror=…> typed into a comment as text", () => {
    expect(renderRichText(textDoc('<img src=x onerror="alert(1)">'))).toBe(
      '<p>&lt;img src=x onerror="alert(1)"&gt;</p>',
    );
  });

  it.each(BAD_HREFS)("renders a link to %j forced past validation without its href", (href) => {
    expect(renderRichText(linkDoc(href))).toBe(`<p><a ${REL}>x</a></p>`);
  });

  it("puts the fixed rel on every link and never a target", () => {
    expect(renderRichText(linkDoc("mailto:secretariat@example.org"))).toBe(
      `<p><a href="mailto:secretariat@example.org" ${REL}>x</a></p>`,
    );
  });
});

describe("sanitizeRichTextHtml (second layer on its own)", () => {
  it("removes script elements with their content and img elements", () => {
    expect(sanitizeRichTextHtml('<p>a<script>alert(1)</script><img src=x onerror="alert(1)">b</p>')).toBe("<p>ab</p>");
  });

  it("removes iframes, svg and styles, and event handler, style and class attributes", () => {
    expect(
      sanitizeRichTextHtml(
        '<p onclick="alert(1)" style="color:red" class="x">a</p><iframe src="https://evil.example"></iframe>' +
          '<svg><script>alert(1)</script></svg><style>p{}</style><li onmouseover="x">b</li>',
      ),
    ).toBe("<p>a</p><li>b</li>");
  });

  it.each([...BAD_HREFS, "&#106;avascript:alert(1)", "jav&#x09;ascript:alert(1)", "javascript&colon;alert(1)"])(
    "strips an href of %j",
    (href) => {
      expect(sanitizeRichTextHtml(`<a href="${href}">x</a>`)).toBe(`<a ${REL}>x</a>`);
    },
  );

  it("forces rel and drops target, whatever arrives", () => {
    expect(sanitizeRichTextHtml('<a href="https://example.org" target="_blank" rel="opener" title="t">x</a>')).toBe(
      `<a href="https://example.org" ${REL}>x</a>`,
    );
  });

  it("keeps only the ordered-list attributes Tiptap produces", () => {
    expect(
      sanitizeRichTextHtml('<ol start="2" type="disc" reversed><li>x</li></ol><ol start="2x" type="I"></ol>'),
    ).toBe('<ol start="2"><li>x</li></ol><ol type="I"></ol>');
  });
});

describe("the shared extensions (first layer, also what the editor accepts on paste)", () => {
  it("renders a link outside http, https and mailto with an empty href", () => {
    // ftp: and tel: pass Tiptap's default check; only our isAllowedUri refuses them.
    expect(generateHTML(linkDoc("ftp://example.org"), richTextExtensions)).toBe(
      `<p><a rel="nofollow noopener noreferrer" href="">x</a></p>`,
    );
    expect(generateHTML(linkDoc("tel:+41227300000"), richTextExtensions)).toBe(
      `<p><a rel="nofollow noopener noreferrer" href="">x</a></p>`,
    );
  });

  it("drops refused links, link attributes other than href, and unknown elements from pasted HTML", () => {
    const pasted = generateJSON(
      '<p><a href="https://example.org" target="_blank" class="c" title="t" onclick="alert(1)">ok</a> ' +
        '<a href="javascript:alert(1)">js</a> <a href="ftp://example.org">ftp</a><img src=x onerror="alert(1)"></p>' +
        '<iframe src="https://evil.example"></iframe><h1 style="color:red">Title</h1>',
      richTextExtensions,
    );
    expect(pasted).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", marks: [{ type: "link", attrs: { href: "https://example.org" } }], text: "ok" },
            { type: "text", text: " js ftp" },
          ],
        },
        { type: "paragraph", content: [{ type: "text", text: "Title" }] },
      ],
    });
    // And what the editor produces from a paste, the server accepts.
    expect(parseRichText(pasted).ok).toBe(true);
  });
});

describe("renderStoredRichText", () => {
  it("validates a stored body again before rendering it", () => {
    expect(renderStoredRichText(JSON.stringify(RICH))).toBe(RICH_HTML);
    expect(renderStoredRichText(JSON.stringify(linkDoc("javascript:alert(1)")))).toBeNull();
    expect(renderStoredRichText("[".repeat(10_000))).toBeNull();
  });
});

describe("plainTextToRichText → renderRichText", () => {
  it("imports blank-line separated blocks as paragraphs and single newlines as line breaks, escaping markup", () => {
    const imported = plainTextToRichText(
      "The secretariat should consider:\r\n<b>scope</b> & timing\r\n\r\n  Second point.  \n\n\n",
    );
    const parsed = parseRichText(imported);
    expect(parsed.ok && renderRichText(parsed.doc)).toBe(
      "<p>The secretariat should consider:<br />&lt;b&gt;scope&lt;/b&gt; &amp; timing</p><p>Second point.</p>",
    );
  });
});
