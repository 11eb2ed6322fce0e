// A Member State's written contribution (plain text) and the plain-text rules.
import { describe, expect, it } from "vitest";

import { allParagraphs, readCorpus } from "./__fixtures__/corpus";
import { detectTextShape } from "./detect";
import { parseText } from "./parse-text";
import { looksLikeHeading, parsePlainText, plainTextToBlocks } from "./plain-text";

const text = readCorpus("member-state-contribution-gca-guidelines.txt");
const contribution = parsePlainText(text);

describe("Member State contribution (plain text)", () => {
  it("is detected as plain text and parseText dispatches to it", () => {
    expect(detectTextShape(text)).toBe("plain");
    expect(parseText(text)).toEqual(contribution);
  });

  it("takes the capitalised first line as the title and puts all text under it", () => {
    const title = "RECOMMENDATIONS FOR ITU TO DEVELOP GUIDELINES FOR UTILIZATION OF THE GLOBAL CYBERSECURITY AGENDA";
    expect(contribution.title).toBe(title);
    expect(contribution.sections.map((s) => [s.number, s.heading, s.level])).toEqual([[null, title, 1]]);
  });

  it("numbers the five recommendations 1.–5. and keeps the other paragraphs unnumbered", () => {
    expect(allParagraphs(contribution).map((p) => [p.key, p.number, p.text.slice(0, 40)])).toEqual([
      ["s1-u1", null, "The Global Cybersecurity Agenda (GCA), r"],
      ["s1-u2", null, "Considering the rapid development of the"],
      ["s1-u3", null, "Against such a backdrop, we believe that"],
      ["1", "1.", "Draw up the guidelines or carry out work"],
      ["2", "2.", "In terms of legal measures, paragraphs 1"],
      ["3", "3.", "As to technical and procedural measures,"],
      ["4", "4.", "For organizational structures and capaci"],
      ["5", "5.", "Regarding international cooperation, the"],
    ]);
    // Non-breaking spaces in "a National Cybersecurity Strategy" become spaces.
    expect(allParagraphs(contribution)[6].text).toContain(
      "Guide to Developing a National Cybersecurity Strategy (NCS)",
    );
  });
});

describe("plainTextToBlocks", () => {
  it("treats short title-like lines as headings and numbered titles by their depth", () => {
    expect(plainTextToBlocks("Introduction\n1.\tScope\n1.1\tThe text applies.\n2.1 Sub-heading\n· A bullet")).toEqual([
      { kind: "heading", depth: 1, text: "Introduction" },
      { kind: "heading", depth: 1, text: "1.\tScope" },
      { kind: "paragraph", text: "1.1\tThe text applies." },
      { kind: "heading", depth: 2, text: "2.1 Sub-heading" },
      { kind: "paragraph", text: "A bullet", bullet: true },
    ]);
  });

  it("joins hard-wrapped lines into paragraphs separated by blank lines", () => {
    const wrapped = [
      "The first paragraph is wrapped at about seventy columns like an",
      "e-mail, and continues on this second line of the same paragraph.",
      "",
      "The second paragraph is wrapped the same way and it also runs over",
      "two lines before the end of the text is reached, as e-mails do.",
    ].join("\n");
    expect(plainTextToBlocks(wrapped).map((b) => b.text)).toEqual([
      "The first paragraph is wrapped at about seventy columns like an e-mail, and continues on this second line " +
        "of the same paragraph.",
      "The second paragraph is wrapped the same way and it also runs over two lines before the end of the text is " +
        "reached, as e-mails do.",
    ]);
  });
});

describe("looksLikeHeading", () => {
  it("accepts short titles and rejects sentences and list intros", () => {
    expect(looksLikeHeading("Action required")).toBe(true);
    expect(looksLikeHeading("GCA Pillar 1: Legal Measures")).toBe(true);
    expect(looksLikeHeading("The Council is invited to note the Report.")).toBe(false);
    expect(looksLikeHeading("Proposals were made in the following areas:")).toBe(false);
    expect(looksLikeHeading("lowercase start")).toBe(false);
  });
});
