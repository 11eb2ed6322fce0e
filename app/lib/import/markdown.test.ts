// The 2022 final guidelines (Markdown-ish) and the Markdown rules they rely on.
import { describe, expect, it } from "vitest";

import {
  allParagraphs,
  lettered,
  numbersOf,
  paragraphKeyed,
  paragraphNumbered,
  readCorpus,
  sequence,
} from "./__fixtures__/corpus";
import { detectTextShape } from "./detect";
import { markdownToBlocks, parseMarkdown, stripInlineMarkdown } from "./markdown";
import { parseText } from "./parse-text";

const text = readCorpus("gca-guidelines-final-2022.txt");
const final = parseMarkdown(text);

describe("2022 final guidelines (Markdown-ish)", () => {
  it("is detected as Markdown and parseText dispatches to it", () => {
    expect(detectTextShape(text)).toBe("markdown");
    expect(parseText(text)).toEqual(final);
  });

  it("takes the single '#' heading as the title", () => {
    expect(final.title).toBe("GUIDELINES FOR UTILIZATION OF THE GLOBAL CYBERSECURITY AGENDA BY THE ITU");
  });

  it("reads the seven sections whether written '##', '## **…**' or '###'", () => {
    expect(final.sections.map((s) => [s.number, s.heading, s.level, s.paragraphs.length])).toEqual([
      ["1", "Introduction", 1, 11],
      ["2", "Pillar 1 - Legal Measures", 1, 5],
      ["3", "Pillar 2 - Technical & Procedural Measures", 1, 7],
      ["4", "Guidelines to Utilize Pillar 3 – Organizational Structures", 1, 6],
      ["5", "Guidelines to Utilize Pillar 4 – Capacity Building", 1, 12],
      ["6", "Guidelines to Utilize Pillar 5 - International Cooperation", 1, 6],
      ["7", "General Guidelines for the GCA Framework", 1, 6],
    ]);
  });

  it("numbers bold numbers, section-level paragraphs and every list-item style", () => {
    expect(numbersOf(final)).toEqual([
      ...sequence("1.", 1, 7),
      "1.7 a)",
      "1.7 b)",
      "1.8",
      "2.",
      ...lettered("2.", "d"), // "- a. …"
      "3.",
      ...lettered("3.", "f"), // "- 3.**", "- a.**", "  - b.**"
      "4.",
      ...lettered("4.", "e"),
      "5.",
      ...lettered("5.", "j"), // "**a.**"
      "6.",
      ...lettered("6.", "e"),
      "7.",
      ...lettered("7.", "e"),
    ]);
    expect(paragraphNumbered(final, "2. a.").key).toBe("2-a");
    expect(paragraphNumbered(final, "2. a.").text).toMatch(
      /^ITU should continue its efforts to facilitate multi-stakeholder/,
    );
    expect(paragraphNumbered(final, "2. d.").text).toMatch(
      /^ITU should continue to strengthen the Child Online Protection programme/,
    );
    expect(paragraphNumbered(final, "5. j.").text).toMatch(/and continue to promote a culture of cybersecurity\.$/);
    expect(paragraphNumbered(final, "7. e.").text).toMatch(
      /^Given the intrinsically transnational and cross-sectoral impact/,
    );
  });

  it("keeps the two unnumbered paragraphs, after 1.7 b) and inside 5. c.", () => {
    const unnumbered = allParagraphs(final).filter((p) => p.number === null);
    expect(unnumbered.map((p) => [p.key, p.text.slice(0, 50)])).toEqual([
      ["1-7-b-u1", "In developing these documents, recommendations of "],
      ["5-c-u1", "Continue capacity building efforts on bridging the"],
    ]);
    const section5 = final.sections[4].paragraphs.map((p) => p.number);
    expect(section5.slice(0, 6)).toEqual(["5.", "5. a.", "5. b.", "5. c.", null, "5. d."]);
  });

  it("re-joins 1.6, which a page of footnotes cut in two", () => {
    expect(paragraphNumbered(final, "1.6").text).toMatch(
      /regarding the draft Guidelines "to instruct the secretariat to conduct further consultations with Council Member States, .* at the next session of the Council"\.$/,
    );
  });

  it("drops footnote markers and footnote texts, link targets and emphasis", () => {
    expect(paragraphNumbered(final, "1.2").text).toMatch(/Judge Stein Schjolberg, in that connection\.$/);
    expect(paragraphNumbered(final, "1.1").text).toMatch(
      /^The ITU 2018 Plenipotentiary Conference in Dubai adopted Resolution 130: Strengthening the role of ITU/,
    );
    expect(paragraphNumbered(final, "1.4").text).toContain(
      "set out in Circular Letter (CL-20/55) and two open consultations",
    );
    const texts = allParagraphs(final)
      .map((p) => p.text)
      .join("\n");
    expect(texts).not.toMatch(/<sup>|<\/?[a-z]+>|\]\(#\)|\*|Minutes of the Plenipotentiary|https?:/);
  });

  it("keys every paragraph from its number", () => {
    expect(paragraphKeyed(final, "1-7-a").number).toBe("1.7 a)");
    expect(paragraphKeyed(final, "3").text).toMatch(
      /^Recommendations related to Pillar 2 in the HLEG Report 2008 remain valid\./,
    );
  });
});

describe("stripInlineMarkdown", () => {
  it("keeps link and image text, drops footnote markers and markup", () => {
    expect(stripInlineMarkdown("adopted [Resolution 130](#): *Strengthening*<sup>1</sup> **now**[^2]")).toBe(
      "adopted Resolution 130: Strengthening now",
    );
    expect(stripInlineMarkdown("see ![the chart](c.png) at <https://itu.int/x> and `code`")).toBe(
      "see the chart at https://itu.int/x and code",
    );
  });
});

describe("markdownToBlocks", () => {
  it("keeps soft-wrapped lines in one paragraph, even one that starts with a number", () => {
    // Issue 16 item 3: "…as described in Section⏎6.2 of …" is one paragraph, not a paragraph "6.2".
    expect(markdownToBlocks("First line\nsecond line\n1.2 Next paragraph\n\n- bullet\n-\n---\n## Heading")).toEqual([
      { kind: "paragraph", text: "First line\nsecond line\n1.2 Next paragraph", keepSeparate: true },
      { kind: "paragraph", text: "bullet", bullet: true },
      { kind: "heading", depth: 2, text: "Heading" },
    ]);
  });

  it("drops standard Markdown footnote definitions with their continuation lines", () => {
    expect(markdownToBlocks("Text[^1].\n\n[^1]: The note\n  continues here.\n\nMore.")).toEqual([
      { kind: "paragraph", text: "Text.", keepSeparate: true },
      { kind: "paragraph", text: "More.", keepSeparate: true },
    ]);
  });
});

describe("parseMarkdown", () => {
  it("uses heading depth for unnumbered headings and numbers for numbered ones", () => {
    const doc = parseMarkdown(
      "# Title\n\n## Part one\n\nIntro.\n\n### Details\n\n1.1 First.\n\n- a. Item\n- Plain bullet\n\n## " +
        "2. Part two\n\n2.1 " +
        "Second.",
    );
    expect(doc.title).toBe("Title");
    expect(doc.sections.map((s) => [s.number, s.heading, s.level])).toEqual([
      [null, "Part one", 1],
      [null, "Details", 2],
      ["2", "Part two", 1],
    ]);
    expect(doc.sections.flatMap((s) => s.paragraphs.map((p) => [p.key, p.number, p.text]))).toEqual([
      ["s1-u1", null, "Intro."],
      ["1-1", "1.1", "First."],
      ["1-1-a", "1.1 a.", "Item"],
      ["1-1-a-u1", null, "Plain bullet"],
      ["2-1", "2.1", "Second."],
    ]);
  });

  it("reads 'Chapter II' and 'Article 3' headings as section numbers, their level from the depth", () => {
    const doc = parseMarkdown(
      "# Statute\n\n## Chapter II: Scope\n\n### Article 3. Definitions\n\nIn this Statute:\n\n" +
        "### Article 4 - Members\n\nMembers are states.\n\n## Part one of the text\n\nPlain.",
    );
    expect(doc.sections.map((s) => [s.number, s.heading, s.level])).toEqual([
      ["Chapter II", "Scope", 1],
      ["Article 3", "Definitions", 2],
      ["Article 4", "Members", 2],
      [null, "Part one of the text", 1],
    ]);
  });

  it("puts paragraphs before the first heading in a section named after the title", () => {
    const doc = parseMarkdown("Just a paragraph.", { title: "Given title" });
    expect(doc).toEqual({
      title: "Given title",
      sections: [
        {
          number: null,
          heading: "Given title",
          level: 1,
          paragraphs: [{ key: "s1-u1", number: null, text: "Just a paragraph." }],
        },
      ],
    });
  });
});
