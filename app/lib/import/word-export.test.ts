// The 2020 secretariat report, saved as text from Word: bookmarks, inline
// footnotes, a tab after numbers, "a.\t" items and "·" bullets.
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
import { parseText } from "./parse-text";
import { parseWordExport, stripWordFieldCodes } from "./word-export";

const text = readCorpus("secretariat-report-gca-utilization-2020.txt");
const report = parseWordExport(text);

describe("2020 secretariat report (Word text export)", () => {
  it("is detected as a Word export and parseText dispatches to it", () => {
    expect(detectTextShape(text)).toBe("word-export");
    expect(parseText(text)).toEqual(report);
  });

  it("has no title of its own: 'Summary' is a heading, not the document's name", () => {
    expect(report.title).toBe("Untitled document");
    expect(parseWordExport(text, { defaultTitle: "Secretariat report" }).title).toBe("Secretariat report");
  });

  it("reads numbered and unnumbered headings, numbered sub-headings as level 2", () => {
    expect(report.sections.map((s) => [s.number, s.heading, s.level, s.paragraphs.length])).toEqual([
      [null, "Summary", 1, 3],
      [null, "Action required", 1, 1],
      ["1", "Introduction", 1, 4],
      ["2", "Background", 1, 9],
      ["3", "Some examples of ITU’s Activities", 1, 3],
      ["3.4", "GCA Pillar 1: Legal Measures", 2, 2],
      ["3.5", "GCA Pillar 2: Technical and Procedural Measures", 2, 5],
      ["3.6", "GCA Pillar 3: Organizational Structures", 2, 3],
      ["3.7", "GCA Pillar 4: Capacity Building", 2, 3],
      ["3.8", "GCA Pillar 5: International Cooperation", 2, 4],
      ["3.9", "Child Online Protection Initiative", 2, 9],
    ]);
  });

  it("numbers paragraphs and the a./b. items under each numbered sub-heading", () => {
    expect(numbersOf(report)).toEqual([
      ...sequence("1.", 1, 4),
      ...sequence("2.", 1, 9),
      ...sequence("3.", 1, 3),
      ...lettered("3.4", "b"),
      ...lettered("3.5", "e"),
      ...lettered("3.6", "c"),
      ...lettered("3.7", "c"),
      ...lettered("3.8", "d"), // "d. \t" has a space before the tab
      ...lettered("3.9", "d"),
    ]);
    expect(paragraphNumbered(report, "1.1").text).toMatch(
      /^The ITU 2018 Plenipotentiary Conference in Dubai adopted Resolution 130/,
    );
    expect(paragraphNumbered(report, "3.8 d.").text).toMatch(/^Recognizing the importance of working towards/);
  });

  it("keeps the five '·' bullets of 3.9 c. as unnumbered paragraphs", () => {
    const bullets = report.sections[10].paragraphs.filter((p) => p.number === null);
    expect(bullets.map((p) => [p.key, p.text.split(":")[0]])).toEqual([
      ["3-9-c-u1", "Legal Measures"],
      ["3-9-c-u2", "Technical and Procedural Measures"],
      ["3-9-c-u3", "Organizational Structures"],
      ["3-9-c-u4", "Capacity Building"],
      ["3-9-c-u5", "International Cooperation"],
    ]);
  });

  it("removes bookmarks, footnote references and footnote texts, even over two lines", () => {
    expect(paragraphNumbered(report, "1.2").text).toMatch(/Judge Stein Schjolberg, in that connection\.$/);
    expect(paragraphNumbered(report, "1.3").text).toMatch(
      /better utilization of the GCA\. Council instructed the Secretary-General, .* for Council’s consideration and approval\.$/,
    );
    expect(paragraphNumbered(report, "2.5").text).toMatch(
      /in a Chairman’s Report in August 2008 \(HLEG Report 2008\)\.$/,
    );
    expect(paragraphNumbered(report, "1.4").text).toContain("for consideration and approval by Council. In parallel,");
    const texts = allParagraphs(report)
      .map((p) => p.text)
      .join("\n");
    expect(texts).not.toMatch(/\[bookmark|footnoteRef|\[\d+:|Minutes of the Plenipotentiary|gca\.aspx|_{3,}/);
    expect(paragraphKeyed(report, "s1-u1").text).toMatch(
      /^The 2019 session of Council instructed the Secretary-General/,
    );
  });
});

describe("stripWordFieldCodes", () => {
  it("removes only the footnote texts that were referenced", () => {
    expect(stripWordFieldCodes("[bookmark: _Toc1]Text[footnoteRef:1] more. [1:  The note]\nKeep [2: this] text.")).toBe(
      "Text more. \nKeep [2: this] text.",
    );
  });
});
