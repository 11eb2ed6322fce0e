// Markdown constructs that line rules got wrong (issue 16 items 3-6), read through the CommonMark parser.
import { describe, expect, it } from "vitest";

import { markdownToBlocks, parseMarkdown } from "./markdown";

/** Every paragraph as [section heading, number, text]. */
function rows(markdown: string) {
  return parseMarkdown(markdown).sections.flatMap((s) => s.paragraphs.map((p) => [s.heading, p.number, p.text]));
}

describe("markup that is not a paragraph", () => {
  it("reads the title of YAML front matter and imports none of it", () => {
    const doc = parseMarkdown("---\ntitle: 'GitHub Privacy Statement'\nredirect_from:\n - /privacy/\n---\n\nText.");
    expect(doc.title).toBe("GitHub Privacy Statement");
    expect(rows("---\ntitle: X\nredirect_from:\n - /privacy/\n---\n\nText.")).toEqual([["X", null, "Text."]]);
  });

  it("reads TOML front matter too", () => {
    expect(parseMarkdown('+++\ntitle = "Charter"\n+++\n\n## Scope\n\nText.').title).toBe("Charter");
  });

  it("drops HTML comments, anchors, thematic breaks, link definitions and kramdown attributes", () => {
    const markdown = [
      '<a name="sec5"></a>',
      "<!-- TODO: remove before release\n- a list inside a comment -->",
      "## Scope {#scope}",
      "Text with a [link][ref].",
      "{: .note}",
      "***",
      "[ref]: https://example.org/ref",
    ].join("\n\n");
    expect(rows(markdown)).toEqual([["Scope", null, "Text with a link."]]);
  });

  it("drops a bare table delimiter row: the table is rows of cells", () => {
    expect(rows("## T\n\n| Term | Meaning |\n|---|---|\n| IAL | identity |\n| AAL | _authenticator_ |")).toEqual([
      ["T", null, "Term | Meaning"],
      ["T", null, "IAL | identity"],
      ["T", null, "AAL | authenticator"],
    ]);
  });

  it("reads HTML tables row by row, without their tags", () => {
    const html =
      "<table>\n<tr><th>Level</th><th>Meaning</th></tr>\n<tr><td>IAL1</td><td>Self&nbsp;asserted</td></tr>\n</table>";
    expect(rows(`## T\n\n${html}`)).toEqual([
      ["T", null, "Level | Meaning"],
      ["T", null, "IAL1 | Self asserted"],
    ]);
  });
});

describe("text as a reader sees it", () => {
  it("keeps the text of _underscore_ and *star* emphasis, without the marks", () => {
    expect(rows("The _$FOUNDATION_ Foundation and *the* __Board__.")).toEqual([
      ["Untitled document", null, "The $FOUNDATION Foundation and the Board."],
    ]);
  });

  it("numbers an ordered list the way it renders, whatever number the source repeats", () => {
    const doc = parseMarkdown("## Steps\n\n1. Plan.\n1. Build.\n1. Test.\n\n## Later\n\n4. Four.\n4. Five.");
    expect(doc.sections.map((s) => s.paragraphs.map((p) => [p.number, p.text]))).toEqual([
      [
        ["1.", "Plan."],
        ["2.", "Build."],
        ["3.", "Test."],
      ],
      [
        ["4.", "Four."],
        ["5.", "Five."],
      ],
    ]);
  });

  it("keeps a fenced code block whole, lines starting with '#' and '+' included", () => {
    const code = "```\n# a comment, not a heading\n+---+\n| figure |\n+---+\n```";
    expect(markdownToBlocks(`## Layout\n\n${code}\n\nAfter.`)).toEqual([
      { kind: "heading", depth: 2, text: "Layout" },
      { kind: "paragraph", text: "# a comment, not a heading\n+---+\n| figure |\n+---+", bullet: true },
      { kind: "paragraph", text: "After.", keepSeparate: true },
    ]);
  });

  it("reads closed ATX headings, CRLF line endings and a byte order mark", () => {
    const doc = parseMarkdown(
      "\uFEFF# in-toto Specification #\r\n\r\n## 1 Introduction\r\n### 1.1 Scope ###\r\n\r\nThis.\r\n",
    );
    expect(doc.title).toBe("in-toto Specification");
    expect(doc.sections.map((s) => [s.number, s.heading])).toEqual([
      ["1", "Introduction"],
      ["1.1", "Scope"],
    ]);
  });

  it("imports the text of a block quote and of every paragraph of a list item", () => {
    expect(rows("## Q\n\n> Quoted\n> text.\n\n- Item.\n\n  Second paragraph of the item.")).toEqual([
      ["Q", null, "Quoted text."],
      ["Q", null, "Item."],
      ["Q", null, "Second paragraph of the item."],
    ]);
  });

  it("does not glue a lower-case paragraph after a blank line to the one before (no page breaks in Markdown)", () => {
    expect(rows("## S\n\nThe members are\n\nappointed by the board.")).toEqual([
      ["S", null, "The members are"],
      ["S", null, "appointed by the board."],
    ]);
  });
});

describe("navigation", () => {
  it("drops a table of contents: a list made only of links to places in the document", () => {
    const toc = "- [Scope](#scope)\n  - [Goals](#goals)\n- [Terms](#terms)";
    expect(rows(`## Contents\n\n${toc}\n\n## Scope\n\n- [A link](https://example.org) in a real item.`)).toEqual([
      ["Scope", null, "A link in a real item."],
    ]);
  });
});

describe("section levels", () => {
  it("reads a numbered sub-heading ('### 1. Account Controls') as a sub-section of the article above it", () => {
    const doc = parseMarkdown("## Article 2. Security\n\n### 1. Account Controls\n\nText.\n\n## 3. Privacy\n\nMore.");
    expect(doc.sections.map((s) => [s.number, s.heading, s.level])).toEqual([
      ["Article 2", "Security", 1],
      ["1", "Account Controls", 2],
      ["3", "Privacy", 1],
    ]);
  });
});
