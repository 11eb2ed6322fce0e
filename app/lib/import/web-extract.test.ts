// The 2020 draft (Council document C20/65) as extracted from a web preview:
// 9 physical lines, paragraph breaks lost, TOC field codes, "?" for
// non-breaking spaces, web-page footer. Every assertion is on the real file.
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
import { repairGluedWords, splitLetteredItems, splitTrailingHeading } from "./glued-text";
import { parseText } from "./parse-text";
import { readTableOfContents } from "./toc";
import { parseWebExtract } from "./web-extract";

const text = readCorpus("gca-guidelines-draft-2020-C20-65.txt");
const draft = parseWebExtract(text);

describe("2020 draft C20/65 (web extraction)", () => {
  it("is detected as a web extraction and parseText dispatches to it", () => {
    expect(detectTextShape(text)).toBe("web-extract");
    expect(parseText(text)).toEqual(draft);
  });

  it("completes the title cut off by the web page from the cover page", () => {
    expect(draft.title).toBe("GUIDELINES FOR UTILIZATION OF THE GLOBAL CYBERSECURITY AGENDA");
  });

  it("finds every TOC heading plus the six sub-headings missing from the TOC", () => {
    expect(draft.sections.map((s) => [s.number, s.heading, s.level, s.paragraphs.length])).toEqual([
      ["1", "Introduction", 1, 5],
      [null, "Background", 2, 6],
      [null, "Context", 2, 11],
      [null, "Continued relevance and applicability of the GCA as a global framework for action", 2, 5],
      ["2", "Pillar 1: Legal Measures", 1, 0],
      [null, "Introduction", 2, 2],
      [null, "Evolution of the legal landscape since 2008", 2, 2],
      [null, "Legal measures and new technologies", 2, 6],
      [null, "Procedural laws - General principles", 2, 1],
      [null, "Guidelines to utilize Pillar 1 - Legal Measures", 2, 11],
      ["3", "Pillar 2: Technical & Procedural Measures", 1, 0],
      [null, "Introduction", 2, 2],
      [null, "Evolution of the Technical & Procedural Measures landscape since 2008", 2, 4],
      [null, "The proliferation of standardization initiatives and the need for greater cooperation", 2, 5],
      [null, "Guidelines to utilize Pillar 2 - Technical & Procedural Measures", 2, 7],
      ["4", "Pillar 3: Organizational Structures", 1, 0],
      [null, "Introduction", 2, 2],
      [null, "Evolution of the Organizational Structures landscape since 2008", 2, 5],
      [null, "Guidelines to utilize Pillar 3 – Organizational Structures", 2, 7],
      ["5", "Pillar 4: Capacity Building", 1, 0],
      [null, "Introduction", 2, 3],
      [null, "Evolution of the Capacity Building landscape since 2008", 2, 6],
      [null, "Guidelines to utilize Pillar 4 – Capacity Building", 2, 16],
      ["6", "Pillar 5: International Cooperation", 1, 0],
      [null, "Introduction", 2, 2],
      [null, "Evolution of the International cooperation landscape since 2008", 2, 0],
      [null, "Global High-level Dialogues", 2, 6],
      [null, "International Multi-stakeholder Partnerships", 2, 3],
      [null, "Better coordination within the UN System", 2, 5],
      [null, "Guidelines to utilize Pillar 5 - International Cooperation", 2, 6],
      ["7", "General Guidelines for the GCA Framework", 1, 7],
      // The body words the annex heading differently from the TOC ("Some
      // regional…"); the body's wording wins.
      ["Annex 1", "Some examples of regional and global developments since 2008", 1, 20],
    ]);
  });

  it("numbers every paragraph in sequence, 1.1–1.27 through Annex 1 5.4, and nothing else", () => {
    expect(numbersOf(draft)).toEqual([
      ...sequence("1.", 1, 27),
      ...sequence("2.", 1, 5),
      ...lettered("2.5", "e"),
      ...sequence("2.", 6, 9),
      ...lettered("2.9", "h"),
      ...sequence("3.", 1, 12),
      ...lettered("3.12", "f"),
      ...sequence("4.", 1, 8),
      ...lettered("4.8", "f"),
      ...sequence("5.", 1, 14),
      ...lettered("5.14", "k"),
      ...sequence("6.", 1, 17),
      ...lettered("6.17", "e"),
      "7.1",
      ...lettered("7.1", "f"),
      "1.",
      "2.",
      "3.",
      ...sequence("3.", 1, 8),
      "4.",
      ...sequence("4.", 1, 3),
      "5.",
      ...sequence("5.", 1, 4),
    ]);
    expect(allParagraphs(draft)).toHaveLength(155);
    expect(allParagraphs(draft).every((p) => p.number !== null)).toBe(true);
  });

  it("splits the eight Pillar 1 guidelines 2.9 a.–h. and keeps the intro as 2.9", () => {
    expect(paragraphNumbered(draft, "2.9").text).toMatch(
      /^Given the rapid advancements in technology, .* proposed guidelines for utilization of Pillar 1 are set out below:$/,
    );
    const starts = lettered("2.9", "h").map((n) => paragraphNumbered(draft, n).text.slice(0, 60));
    expect(starts).toEqual([
      "ITU should continue its efforts to facilitate multi-stakehol",
      "ITU should continue to work with partners to develop and mai",
      "ITU, in collaboration with appropriate partners, should prom",
      "Member States are urged to design and develop any appropriat",
      "Member States are encouraged to cooperate as well as work to",
      "Member States are encouraged to continue taking appropriate ",
      "Appropriate legal measures also need to be taken by Member S",
      "Noting that the principle of state sovereignty applies in cy",
    ]);
    expect(paragraphNumbered(draft, "2.9 h.").text).toMatch(/where end-to-end encryption has been implemented\.$/);
    expect(paragraphNumbered(draft, "2.9 a.").key).toBe("2-9-a");
  });

  it("drops the cover page, summary and table of contents", () => {
    const first = allParagraphs(draft)[0];
    expect(first.number).toBe("1.1");
    expect(first.text).toMatch(/^The ITU 2018 Plenipotentiary Conference in Dubai adopted Resolution 130: /);
    const texts = allParagraphs(draft).map((p) => p.text);
    for (const frontMatter of ["PAGEREF", "_Toc", "TOC \\o", "Agenda item: PL 1.4", "Action required"]) {
      expect(texts.filter((t) => t.includes(frontMatter))).toEqual([]);
    }
  });

  it("drops the web page footer after the closing rule", () => {
    const paragraphs = allParagraphs(draft);
    expect(paragraphs[paragraphs.length - 1].text).toMatch(
      /the U\.S\. and UK governments also agreed on a CLOUD Act Agreement\.$/,
    );
    const texts = paragraphs.map((p) => p.text).join("\n");
    expect(texts).not.toMatch(/Google Online Preview|copyright disputes|_{3,}|\.{4,}/);
  });

  it("restores the non-breaking spaces written as '?' and keeps the one real question", () => {
    expect(paragraphNumbered(draft, "1.5").text).toMatch(
      /^As per the process for developing the draft Guidelines, set out in Circular Letter \(CL-20\/18\), an open consultation .* on the draft Guidelines \(Open Consultation\)\./,
    );
    expect(paragraphNumbered(draft, "1.10").text).toContain("almost 100 individuals from around the world");
    const questionMarks = allParagraphs(draft).flatMap((p) => p.text.match(/.{20}\?.{4}/g) ?? []);
    expect(questionMarks).toEqual(["into a lawless space? The"]);
  });

  it("does not split on numbers inside sentences", () => {
    expect(paragraphNumbered(draft, "1.2").text).toContain("retention on resolves 12.1 which would allow ITU");
    expect(paragraphNumbered(draft, "1.14").text).toContain("Facebook has more than 2.5 billion monthly active users");
    expect(paragraphNumbered(draft, "1.19").text).toContain("The Tallinn Manual 2.0 was also published in 2017");
    expect(paragraphNumbered(draft, "1.27").text).toContain(
      "Section 2 focuses on Legal Measures. Section 3 covers Technical and Procedural Measures.",
    );
    // "3.5" is also a paragraph of Annex 1, hence the key.
    expect(paragraphKeyed(draft, "3-5").text).toContain("(e.g., 2.1, 2.6, 2.7, 2.10, 2.12, 2.16)");
    expect(paragraphNumbered(draft, "5.11").text).toContain("up to 3.5 million cybersecurity related job openings");
    expect(paragraphNumbered(draft, "6.6").text).toContain("suggested in Recommendation 1.15 of the HLEG Report 2008");
    // A glued number at the start of a paragraph text means a missed split.
    expect(allParagraphs(draft).filter((p) => /^\d+\.\d*/.test(p.text))).toEqual([]);
  });

  it("cuts sub-headings glued after the last sentence out of the paragraph", () => {
    expect(paragraphNumbered(draft, "2.4").text).toMatch(/for the purpose of global coordination\.$/);
    expect(paragraphNumbered(draft, "2.5 e.").text).toMatch(
      /^Online child sexual abuse The United Nations Convention .* or such other similar technology\.$/,
    );
    expect(paragraphNumbered(draft, "2.5").text).toMatch(/are set out below:$/);
    expect(paragraphNumbered(draft, "1.5").text).toMatch(
      /highlighted the need for further consultations with stakeholders\.$/,
    );
  });

  it("keys annex paragraphs apart from the body's", () => {
    expect(
      allParagraphs(draft)
        .filter((p) => p.number === "3.1")
        .map((p) => p.key),
    ).toEqual(["3-1", "annex1-3-1"]);
    const annex = draft.sections[draft.sections.length - 1];
    expect(annex.paragraphs.map((p) => p.key).slice(0, 5)).toEqual([
      "annex1-1",
      "annex1-2",
      "annex1-3",
      "annex1-3-1",
      "annex1-3-2",
    ]);
    expect(annex.paragraphs.find((p) => p.key === "annex1-3-5")?.text).toMatch(/^A Cybersecurity Tech Accord 2018/);
  });
});

describe("readTableOfContents", () => {
  it("reads the 26 TOC entries of the draft, with dot leaders removed", () => {
    const toc = readTableOfContents(text);
    expect(toc?.entries).toHaveLength(26);
    expect(toc?.entries.slice(0, 5)).toEqual([
      { kind: "section", number: "1", heading: "Introduction" },
      { kind: "subsection", number: null, heading: "Background" },
      { kind: "subsection", number: null, heading: "Context" },
      {
        kind: "subsection",
        number: null,
        heading: "Continued relevance and applicability of the GCA as a global framework for action",
      },
      { kind: "section", number: "2", heading: "Pillar 1: Legal Measures" },
    ]);
    expect(toc?.entries[25]).toEqual({
      kind: "annex",
      number: "Annex 1",
      heading: "Some regional and global developments since 2008",
    });
  });

  it("returns null for text without a TOC field", () => {
    expect(readTableOfContents("1.1 Text. 1.2 More text.")).toBeNull();
  });
});

describe("splitLetteredItems", () => {
  it("splits glued items in order after a list intro", () => {
    expect(splitLetteredItems("set out below:a.ITU should act.b. ITU should help.")).toEqual({
      intro: "set out below:",
      items: [
        { letter: "a", text: "ITU should act." },
        { letter: "b", text: " ITU should help." },
      ],
    });
  });

  it("ignores letters out of order and abbreviations such as e.g.", () => {
    expect(splitLetteredItems("Groups, e.g. SG20 on IoT. c. Not an item.").items).toEqual([]);
    expect(splitLetteredItems("Intro:a.First, e.g. SG20 works.b.Second.").items.map((i) => i.letter)).toEqual([
      "a",
      "b",
    ]);
  });
});

describe("splitTrailingHeading", () => {
  it("separates a title-like tail after the last sentence", () => {
    expect(splitTrailingHeading("…similar technology.Procedural laws - General principles ")).toEqual({
      body: "…similar technology.",
      heading: "Procedural laws - General principles",
    });
  });

  it("leaves a paragraph that ends with a sentence alone", () => {
    expect(splitTrailingHeading("It ends here. And so does this sentence.").heading).toBeNull();
    expect(splitTrailingHeading("Some examples of statements by Heads of State").heading).toBeNull();
  });
});

describe("repairGluedWords", () => {
  it("restores spaces lost with the line breaks, and only those", () => {
    expect(repairGluedWords("will be encrypted.On October 4")).toBe("will be encrypted. On October 4");
    expect(repairGluedWords("Intelligence (AI)Algorithmic transparency")).toBe(
      "Intelligence (AI) Algorithmic transparency",
    );
    expect(repairGluedWords("Security (2009);The League")).toBe("Security (2009); The League");
    expect(repairGluedWords("algorithms; andnew security")).toBe("algorithms; and new security");
    expect(repairGluedWords("Summit 2019The US")).toBe("Summit 2019 The US");
    expect(repairGluedWords("YouTube, FinTech, e.g. SG20, MoUs")).toBe("YouTube, FinTech, e.g. SG20, MoUs");
  });
});
