import { describe, expect, it } from "vitest";

import { TEXT, doc } from "./__fixtures__/paragraphs";
import { alignParagraphs, type AlignmentOperation } from "./align";
import { generateDocumentPair, scoreAgainstTruth } from "./synthetic";

const same = (a: number, b: number, renumbered = false): AlignmentOperation => ({
  kind: "unchanged",
  a: [a],
  b: [b],
  similarity: 1,
  moved: false,
  renumbered,
});
const deleted = (a: number): AlignmentOperation => ({
  kind: "deleted",
  a: [a],
  b: [],
  similarity: 0,
  moved: false,
  renumbered: false,
});
const inserted = (b: number): AlignmentOperation => ({
  kind: "inserted",
  a: [],
  b: [b],
  similarity: 0,
  moved: false,
  renumbered: false,
});

describe("alignParagraphs", () => {
  it("pairs identical documents one to one, unchanged", () => {
    const texts = [TEXT.intro, TEXT.cirt, TEXT.gci];
    expect(alignParagraphs(doc("a", texts), doc("b", texts)).operations).toEqual([same(0, 0), same(1, 1), same(2, 2)]);
  });

  it("returns no operations for two empty documents", () => {
    expect(alignParagraphs([], []).operations).toEqual([]);
  });

  it("deletes everything when the new version is empty, inserts everything when the old one is", () => {
    const texts = [TEXT.intro, TEXT.cirt];
    expect(alignParagraphs(doc("a", texts), []).operations).toEqual([deleted(0), deleted(1)]);
    expect(alignParagraphs([], doc("b", texts)).operations).toEqual([inserted(0), inserted(1)]);
  });

  it("reports a renumbered paragraph as one operation, not a deletion plus an insertion", () => {
    const texts = [TEXT.cirt, TEXT.gci];
    const operations = alignParagraphs(
      doc("a", texts, ["2.9 a.", "2.9 b."]),
      doc("b", texts, ["2. a.", "2. b."]),
    ).operations;
    expect(operations).toEqual([same(0, 0, true), same(1, 1, true)]);
  });

  it("matches by content even when a number is reused for different text (2020 vs 2022 numbering)", () => {
    const a = doc("a", [TEXT.cirt, TEXT.gci], ["2.9 a.", "2.9 b."]);
    const b = doc("b", [TEXT.gci, TEXT.un], ["2.9 a.", "2.9 b."]);
    expect(alignParagraphs(a, b).operations).toEqual([deleted(0), same(1, 0, true), inserted(1)]);
  });

  it("pairs an edited and renumbered guideline as modified (GCA 2020 2.9 a. → 2022 2. a.)", () => {
    const a = doc(
      "a",
      [
        "ITU should continue its efforts to facilitate multi-stakeholder discussions and collaboration " +
          "on the challenges " +
          "associated with addressing the issue of cybersecurity, and in particular, strengthen " +
          "its relationship with " +
          "partners and other stakeholders to deliver assistance to Member States in this regard.",
      ],
      ["2.9 a."],
    );
    const b = doc(
      "b",
      [
        "ITU should continue its efforts to facilitate multi-stakeholder discussions and collaboration " +
          "for addressing " +
          "the challenges associated with cybersecurity, and in particular, strengthen its relationship " +
          "with all stakeholders " +
          "to deliver assistance to Member States in this regard.",
      ],
      ["2. a."],
    );
    expect(alignParagraphs(a, b).operations).toEqual([
      { kind: "modified", a: [0], b: [0], similarity: 0.8488, moved: false, renumbered: true },
    ]);
  });

  it("places an inserted paragraph in the new order and flags the paragraphs it pushed down as renumbered", () => {
    const a = doc("a", [TEXT.intro, TEXT.cirt, TEXT.gci]);
    const b = doc("b", [TEXT.intro, TEXT.un, TEXT.cirt, TEXT.gci]);
    expect(alignParagraphs(a, b).operations).toEqual([same(0, 0), inserted(1), same(1, 2, true), same(2, 3, true)]);
  });

  it("places a deleted paragraph where it stood in the old version", () => {
    const a = doc("a", [TEXT.intro, TEXT.cirt, TEXT.gci]);
    const b = doc("b", [TEXT.intro, TEXT.gci]);
    expect(alignParagraphs(a, b).operations).toEqual([same(0, 0), deleted(1), same(2, 1, true)]);
  });

  it("lists a deletion before an insertion at the same place", () => {
    const a = doc("a", [TEXT.intro, TEXT.cirt, TEXT.gci]);
    const b = doc("b", [TEXT.intro, TEXT.un, TEXT.gci]);
    expect(alignParagraphs(a, b).operations).toEqual([same(0, 0), deleted(1), inserted(1), same(2, 2)]);
  });

  it("flags the one paragraph that left the document order as moved", () => {
    const a = doc("a", [TEXT.intro, TEXT.cirt, TEXT.gci, TEXT.drills, TEXT.youth]);
    const b = doc("b", [TEXT.intro, TEXT.gci, TEXT.drills, TEXT.youth, TEXT.cirt]);
    expect(alignParagraphs(a, b).operations).toEqual([
      same(0, 0),
      same(2, 1, true),
      same(3, 2, true),
      same(4, 3, true),
      { ...same(1, 4, true), moved: true },
    ]);
  });

  it("finds a paragraph that was moved and edited", () => {
    const a = doc("a", [TEXT.intro, TEXT.cirt, TEXT.gci, TEXT.drills, TEXT.youth]);
    const edited = TEXT.cirt
      .replace("continue to assist", "continue to support")
      .replace("national", "national and regional");
    const b = doc("b", [TEXT.intro, TEXT.gci, TEXT.drills, TEXT.youth, edited]);
    expect(alignParagraphs(a, b).operations[4]).toEqual({
      kind: "modified",
      a: [1],
      b: [4],
      similarity: 0.8483,
      moved: true,
      renumbered: true,
    });
  });

  it("recognizes one paragraph split into two consecutive ones", () => {
    const a = doc("a", [TEXT.intro, `${TEXT.cirt} ${TEXT.gci}`, TEXT.un]);
    const b = doc("b", [TEXT.intro, TEXT.cirt, TEXT.gci, TEXT.un]);
    expect(alignParagraphs(a, b).operations).toEqual([
      same(0, 0),
      { kind: "split", a: [1], b: [1, 2], similarity: 0.993, moved: false, renumbered: false },
      same(2, 3, true),
    ]);
  });

  it("recognizes a split into three consecutive pieces", () => {
    const a = doc("a", [TEXT.intro, `${TEXT.cirt} ${TEXT.gci} ${TEXT.drills}`, TEXT.un]);
    const b = doc("b", [TEXT.intro, TEXT.cirt, TEXT.gci, TEXT.drills, TEXT.un]);
    expect(alignParagraphs(a, b).operations).toEqual([
      same(0, 0),
      { kind: "split", a: [1], b: [1, 2, 3], similarity: 0.9902, moved: false, renumbered: false },
      same(2, 4, true),
    ]);
  });

  it("recognizes two consecutive paragraphs merged into one (2020 5.14 j. + k. → 2022 5. j.)", () => {
    const a = doc(
      "a",
      [
        "Disseminate tools, resources and good practices to Member States, industry, and other stakeholders with " +
          "an aim to support their efforts in building the capacity of MSMEs to address security " +
          "challenges, and build " +
          "trust and confidence in MSME use of ICTs.",
        "Continue to promote a culture of cybersecurity.",
      ],
      ["5.14 j.", "5.14 k."],
    );
    const b = doc(
      "b",
      [
        "Disseminate tools, resources and good practices to Member States, industry, and other stakeholders with " +
          "an aim to support their efforts in building the capacity of MSMEs to build trust and " +
          "confidence in the use " +
          "of ICTs, and continue to promote a culture of cybersecurity.",
      ],
      ["5. j."],
    );
    expect(alignParagraphs(a, b).operations).toEqual([
      { kind: "merged", a: [0, 1], b: [0], similarity: 0.904, moved: false, renumbered: true },
    ]);
  });

  it("does not treat a new paragraph that repeats a sentence of a kept one as a split", () => {
    const a = doc("a", [TEXT.intro, `${TEXT.cirt} ${TEXT.gci}`, TEXT.un]);
    const b = doc("b", [TEXT.intro, `${TEXT.cirt} ${TEXT.gci} Progress will be reviewed yearly.`, TEXT.gci, TEXT.un]);
    expect(alignParagraphs(a, b).operations.map((operation) => operation.kind)).toEqual([
      "unchanged",
      "modified",
      "inserted",
      "unchanged",
    ]);
  });

  it("is deterministic and never uses numbers or keys to pair", () => {
    const texts = [TEXT.intro, TEXT.cirt, TEXT.gci, TEXT.drills];
    const a = doc("a", texts);
    const b = doc("b", [TEXT.gci, TEXT.intro, TEXT.drills, TEXT.cirt]);
    const first = alignParagraphs(a, b);
    expect(alignParagraphs(a, b)).toEqual(first);
    const renamed = b.map((paragraph, index) => ({ ...paragraph, key: `x${index}`, number: `9.${index}` }));
    expect(alignParagraphs(a, renamed).operations.map(({ a, b, kind, moved }) => ({ a, b, kind, moved }))).toEqual(
      first.operations.map(({ a, b, kind, moved }) => ({ a, b, kind, moved })),
    );
  });

  it("recovers every generated change of a small synthetic pair with all kinds of change", () => {
    const pair = generateDocumentPair({
      paragraphs: 400,
      seed: 11,
      edited: 0.2,
      moved: 0.05,
      split: 0.04,
      merged: 0.04,
      deleted: 0.05,
      inserted: 0.05,
    });
    const kinds = new Set(pair.truth.map((fact) => fact.kind));
    expect([...kinds].sort()).toEqual(["deleted", "inserted", "merged", "modified", "split", "unchanged"]);
    expect(pair.truth.some((fact) => fact.moved)).toBe(true);
    const score = scoreAgainstTruth(pair.truth, alignParagraphs(pair.a, pair.b).operations);
    expect(score.missed).toEqual([]);
  });

  it("recovers at least 99% of the pairings of a 5,000-paragraph synthetic pair", () => {
    const pair = generateDocumentPair({ paragraphs: 5000, seed: 7 });
    const { operations } = alignParagraphs(pair.a, pair.b);
    const score = scoreAgainstTruth(pair.truth, operations);
    expect(score.recovered / score.total).toBeGreaterThanOrEqual(0.99);
    // Every paragraph of both versions is in exactly one operation.
    expect(operations.flatMap((operation) => operation.a).sort((x, y) => x - y)).toEqual(pair.a.map((_, i) => i));
    expect(operations.flatMap((operation) => operation.b)).toEqual(pair.b.map((_, j) => j));
  });
});
