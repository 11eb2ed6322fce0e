// Shape detection on small inputs (the corpus files are covered next to
// their parsers) and the glued-text fallback without a table of contents.
import { describe, expect, it } from "vitest";

import { allParagraphs } from "./__fixtures__/corpus";
import { detectTextShape } from "./detect";
import { parseText } from "./parse-text";
import { parseWebExtract } from "./web-extract";

describe("detectTextShape", () => {
  it.each([
    ["# Title\n\nOne paragraph.", "markdown"],
    ["**1.1** First.\n\n**1.2** Second.", "markdown"],
    ["See [the draft](#) and [the report](#).\nMore.", "markdown"],
    ["Intro line\n1.1\tFirst.\n1.2\tSecond.\n1.3\tThird.", "word-export"],
    ["[bookmark: _Toc1]1.1 Text.", "word-export"],
    [
      "Proposals:\n1.1. Do.\nOne member disagreed.\n1.2. Do more.\n" +
        "Two members agreed.\nGeneral consensus was achieved.",
      "proposals-with-comments",
    ],
    ["A title line\nA paragraph.\n1. A recommendation.", "plain"],
    ['Contents TOC \\o "1-3" \\h Section 1Intro PAGEREF _Toc1 \\h 3Section 1Intro1.1Text.', "web-extract"],
  ] as const)("%j is %s", (text, shape) => {
    expect(detectTextShape(text)).toBe(shape);
  });

  it("recognises glued paragraph numbers in one very long line without a TOC", () => {
    const sentence = (i: number) =>
      `1.${i + 1}Paragraph number ${i + 1} has some words in it, and enough further words to make the line very long.`;
    const glued = `Title\n${Array.from({ length: 60 }, (_, i) => sentence(i)).join("")}`;
    expect(glued.split("\n")[1].length).toBeGreaterThan(5000);
    expect(detectTextShape(glued)).toBe("web-extract");
    expect(allParagraphs(parseText(glued))).toHaveLength(60);
  });
});

describe("parseWebExtract without a table of contents", () => {
  it("splits on numbers that continue the sequence, across sections, and keeps the rest in the text", () => {
    const doc = parseWebExtract(
      "My document\n1.1The first paragraph has 2.5 billion users.1.2Second, see Section 2.1 below:a.First " +
        "item.b.Second " +
        "item.2.1Next section.",
    );
    expect(doc.title).toBe("My document");
    expect(doc.sections.map((s) => [s.number, s.heading])).toEqual([[null, "My document"]]);
    expect(allParagraphs(doc).map((p) => [p.key, p.number, p.text])).toEqual([
      ["1-1", "1.1", "The first paragraph has 2.5 billion users."],
      ["1-2", "1.2", "Second, see Section 2.1 below:"],
      ["1-2-a", "1.2 a.", "First item."],
      ["1-2-b", "1.2 b.", "Second item."],
      ["2-1", "2.1", "Next section."],
    ]);
  });
});
