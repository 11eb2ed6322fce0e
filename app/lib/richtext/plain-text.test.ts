import { describe, expect, it } from "vitest";

import { plainTextToRichText, richTextToPlainText } from "./plain-text";

import type { RichTextDoc } from "./types";

const DOC: RichTextDoc = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Replace " },
        { type: "text", text: "shall", marks: [{ type: "bold" }] },
        { type: "hardBreak" },
        { type: "text", text: "with should", marks: [{ type: "link", attrs: { href: "https://example.org" } }] },
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
              attrs: { start: 3, type: null },
              content: [
                { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "nested" }] }] },
                {
                  type: "listItem",
                  content: [
                    { type: "paragraph", content: [{ type: "text", text: "second nested" }] },
                    { type: "paragraph", content: [{ type: "text", text: "more" }] },
                  ],
                },
              ],
            },
          ],
        },
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "second" }] }] },
      ],
    },
    { type: "paragraph" },
    { type: "paragraph", content: [{ type: "text", text: "End." }] },
  ],
};

describe("richTextToPlainText", () => {
  it("puts blocks a blank line apart and list items, nested blocks and line breaks on their own lines", () => {
    expect(richTextToPlainText(DOC)).toBe(
      "Replace shall\nwith should\n\nfirst\nnested\nsecond nested\nmore\nsecond\n\n\n\nEnd.",
    );
  });

  it("adds list markers, numbered from the list's start and indented by level, when asked", () => {
    expect(richTextToPlainText(DOC, { listMarkers: true })).toBe(
      "Replace shall\nwith should\n\n• first\n  3. nested\n  4. second nested\n     more\n• second\n\n\n\nEnd.",
    );
  });
});

describe("plainTextToRichText", () => {
  it("makes a paragraph per blank-line separated block and a line break per newline", () => {
    expect(plainTextToRichText("First line\r\n  second line  \r\n \t \r\nNext\rblock\n\n\n")).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "First line" }, { type: "hardBreak" }, { type: "text", text: "second line" }],
        },
        {
          type: "paragraph",
          content: [{ type: "text", text: "Next" }, { type: "hardBreak" }, { type: "text", text: "block" }],
        },
      ],
    });
  });

  it("gives one empty paragraph for empty or blank text", () => {
    expect(plainTextToRichText("")).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(plainTextToRichText(" \n\n \r\n")).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });

  it("round-trips paragraphs and line breaks through richTextToPlainText", () => {
    const text = "One\ntwo\n\nThree";
    expect(richTextToPlainText(plainTextToRichText(text))).toBe(text);
  });
});
