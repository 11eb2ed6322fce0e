import { describe, expect, it } from "vitest";

import { commentLanguageOf, matchEdition, type OriginalParagraph, type TranslatedSection } from "./editions";

const originalSections = [
  { id: "s1", number: "1", level: 1 },
  { id: "s2", number: "2", level: 1 },
  { id: "s3", number: "3", level: 1 },
];
const original: OriginalParagraph[] = [
  { id: "p1", number: "1.1", sectionId: "s1" },
  { id: "p2", number: "1.2", sectionId: "s1" },
  { id: "p3", number: null, sectionId: "s1" },
  { id: "p4", number: "2.", sectionId: "s2" },
  { id: "p5", number: "2. a.", sectionId: "s2" },
  { id: "p6", number: "3.", sectionId: "s3" },
];

const section = (
  number: string | null,
  heading: string,
  paragraphs: Array<[string | null, string]>,
): TranslatedSection => ({
  number,
  heading,
  level: 1,
  paragraphs: paragraphs.map(([n, text]) => ({ number: n, text })),
});

describe("matchEdition", () => {
  it("matches every paragraph by number and the unnumbered one by order, with the headings", () => {
    const result = matchEdition({
      original,
      originalSections,
      translation: [
        section("1", "Introduction (fr)", [
          ["1.1", "Un"],
          ["1.2", "Deux"],
          [null, "Sans numéro"],
        ]),
        section("2", "Pilier 1", [
          ["2.", "Deux point"],
          ["2 a)", "Deux a"],
        ]),
        section("3", "Pilier 2", [["3.", "Trois"]]),
      ],
    });
    expect(result.accepted).toBe(true);
    expect(result.report).toMatchObject({ matched: 6, total: 6, translated: 6, missing: [], problems: [] });
    expect(result.paragraphs).toEqual([
      { paragraphId: "p1", text: "Un" },
      { paragraphId: "p2", text: "Deux" },
      { paragraphId: "p3", text: "Sans numéro" },
      { paragraphId: "p4", text: "Deux point" },
      { paragraphId: "p5", text: "Deux a" },
      { paragraphId: "p6", text: "Trois" },
    ]);
    expect(result.sections).toEqual([
      { sectionId: "s1", heading: "Introduction (fr)" },
      { sectionId: "s2", heading: "Pilier 1" },
      { sectionId: "s3", heading: "Pilier 2" },
    ]);
  });

  it("accepts a partial edition and reports the paragraphs it leaves out", () => {
    const result = matchEdition({
      original,
      originalSections,
      translation: [section("1", "Introduction", [["1.1", "Un"]]), section("2", "Pilier 1", [["2.", "Deux"]])],
    });
    expect(result.accepted).toBe(true);
    expect(result.report.missing).toEqual([
      { position: 2, number: "1.2" },
      { position: 3, number: null },
      { position: 5, number: "2. a." },
      { position: 6, number: "3." },
    ]);
    expect(result.paragraphs.map((paragraph) => paragraph.paragraphId)).toEqual(["p1", "p4"]);
  });

  it("refuses an unknown number, a number out of order, an unnumbered paragraph for a numbered one", () => {
    const result = matchEdition({
      original,
      originalSections,
      translation: [
        section("1", "Introduction", [
          ["1.2", "Deux"],
          ["1.1", "Un, trop tard"],
          ["1.9", "Inconnu"],
        ]),
        section("2", "Pilier 1", [
          ["2.", "Deux"],
          [null, "Sans numéro à la place de 2. a."],
        ]),
      ],
    });
    expect(result.accepted).toBe(false);
    expect(result.paragraphs).toEqual([]);
    expect(result.report.problems).toEqual([
      { kind: "outOfOrder", position: 2, number: "1.1", excerpt: "Un, trop tard" },
      { kind: "extra", position: 3, number: "1.9", excerpt: "Inconnu" },
      {
        kind: "numberMismatch",
        position: 5,
        number: null,
        expected: "2. a.",
        excerpt: "Sans numéro à la place de 2. a.",
      },
    ]);
  });

  it("refuses a repeated number and a translation longer than the original", () => {
    const result = matchEdition({
      original,
      originalSections,
      translation: [
        section("3", "Pilier 2", [
          ["3.", "Trois"],
          ["3.", "Trois encore"],
          [null, "Après la fin"],
        ]),
      ],
    });
    expect(result.accepted).toBe(false);
    expect(result.report.problems.map((problem) => problem.kind)).toEqual(["outOfOrder", "extra"]);
  });

  it("refuses a translation that matches no paragraph", () => {
    const result = matchEdition({ original, originalSections, translation: [section(null, "Vide", [])] });
    expect(result.accepted).toBe(false);
    expect(result.report.matched).toBe(0);
  });

  it("translates a section heading without paragraphs by its number and level", () => {
    const sections = [
      { id: "s1", number: "1", level: 1 },
      { id: "s1a", number: null, level: 2 },
    ];
    const result = matchEdition({
      original: [{ id: "p1", number: "1.1", sectionId: "s1a" }],
      originalSections: sections,
      translation: [
        { number: "1", heading: "Partie 1", level: 1, paragraphs: [] },
        { number: null, heading: "Sous-titre", level: 2, paragraphs: [{ number: "1.1", text: "Un" }] },
      ],
    });
    expect(result.sections).toEqual([
      { sectionId: "s1", heading: "Partie 1" },
      { sectionId: "s1a", heading: "Sous-titre" },
    ]);
  });
});

describe("commentLanguageOf", () => {
  it("takes the primary subtag of one of the six languages, else nothing", () => {
    expect(commentLanguageOf("fr-CH")).toBe("fr");
    expect(commentLanguageOf("zh")).toBe("zh");
    expect(commentLanguageOf("de")).toBeNull();
    expect(commentLanguageOf(undefined)).toBeNull();
  });
});
