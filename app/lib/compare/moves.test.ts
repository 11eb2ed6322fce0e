/**
 * Issue #16, item 7: moves by containment, the short-paragraph guard,
 * low-confidence pairings and sentences moved between paragraphs.
 */
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseText } from "../import";
import { TEXT, doc } from "./__fixtures__/paragraphs";
import { alignParagraphs, LOW_CONFIDENCE_SIMILARITY, MOVE_THRESHOLD, SANDWICH_THRESHOLD } from "./align";
import { compareVersions, type ChangeCounts, type ComparisonRow } from "./compare";
import { CONTAINED_SHARE, inOrderShare } from "./containment";
import { paragraphsForComparison } from "./document";
import { findMovedSentences, sentenceRanges } from "./moved-sentences";
import { indexComparison, runToEnd } from "./page";
import { documentComparisonPayload } from "./payload";
import { hashString, normalizedWords, similarity, textFeatures } from "./similarity";

const operationOf = (operations: ReturnType<typeof alignParagraphs>["operations"], a: number) =>
  operations.find((operation) => operation.a.includes(a));

describe("moves by containment", () => {
  // The youth guideline moved to the end and grew a sentence on each side:
  // its similarity to its new form is below the move threshold, but every one
  // of its words is found, in order, in the new paragraph.
  const reworded =
    "Taking into account the different national contexts and the resources available to each Member State, " +
    "and in close consultation with regional organizations, ITU should " +
    TEXT.youth.charAt(0).toLowerCase() +
    TEXT.youth.slice(1, -1) +
    ", and review it every two years with the help of academia, civil society and the private sector, " +
    "publishing the results.";

  it("pairs a reworded paragraph moved elsewhere as moved + modified, its similarity below the move bar", () => {
    const a = doc("a", [TEXT.youth, TEXT.intro, TEXT.cirt, TEXT.gci, TEXT.drills]);
    const b = doc("b", [TEXT.intro, TEXT.cirt, TEXT.gci, TEXT.drills, reworded]);
    // The premise: the pair is not a move by similarity, but by containment.
    expect(similarity(textFeatures(TEXT.youth), textFeatures(reworded))).toBeLessThan(MOVE_THRESHOLD);
    const words = (text: string) => Uint32Array.from(normalizedWords(text).map(hashString));
    expect(inOrderShare(words(TEXT.youth), words(reworded))).toBeGreaterThanOrEqual(CONTAINED_SHARE);

    const { operations } = alignParagraphs(a, b);
    expect(operationOf(operations, 0)).toMatchObject({ kind: "modified", a: [0], b: [4], moved: true });
    expect(operationOf(operations, 0)?.confidence).toBeUndefined();
    expect(operations.filter((operation) => operation.kind === "deleted" || operation.kind === "inserted")).toEqual([]);
  });

  it("does not pair a paragraph that merely shares a few words with a longer one", () => {
    const quoting =
      "The Secretariat reported that national computer incident response teams were discussed at length during " +
      "the regional forum held in Geneva, with several delegations asking for follow-up.";
    const a = doc("a", [TEXT.cirt, TEXT.intro, TEXT.gci]);
    const b = doc("b", [TEXT.intro, TEXT.gci, quoting]);
    const { operations } = alignParagraphs(a, b);
    expect(operationOf(operations, 0)).toMatchObject({ kind: "deleted" });
  });

  it("counts words in order: the same words shuffled are not contained", () => {
    const words = (...values: number[]) => new Uint32Array(values);
    expect(inOrderShare(words(1, 2, 3, 4, 5), words(9, 1, 2, 8, 3, 4, 5, 7))).toBe(1);
    expect(inOrderShare(words(1, 2, 3, 4, 5), words(5, 4, 3, 2, 1))).toBe(0.2);
    expect(inOrderShare(words(), words(1))).toBe(0);
  });
});

describe("short paragraphs", () => {
  it("does not pair two different short labels by similarity, neither in place nor as a move", () => {
    // Three-word labels sharing two words score above the move threshold.
    expect(similarity(textFeatures("Data retention policy"), textFeatures("Data retention rules"))).toBeGreaterThan(
      MOVE_THRESHOLD,
    );
    const a = doc("a", ["Data retention policy", TEXT.intro, TEXT.cirt, "Scope of work", TEXT.gci, TEXT.drills]);
    const b = doc("b", [TEXT.intro, TEXT.cirt, "Scope of review", TEXT.gci, TEXT.drills, "Data retention rules"]);
    const { operations } = alignParagraphs(a, b);
    expect(operationOf(operations, 0)).toMatchObject({ kind: "deleted", moved: false });
    expect(operationOf(operations, 3)).toMatchObject({ kind: "deleted" });
    expect(operations.filter((operation) => operation.kind === "inserted").map((operation) => operation.b)).toEqual([
      [2],
      [5],
    ]);
    expect(operations.some((operation) => operation.moved)).toBe(false);
  });

  it("still pairs an identical short paragraph in its place", () => {
    const a = doc("a", [TEXT.intro, "Definitions", TEXT.cirt, "Definitions", TEXT.gci]);
    const b = doc("b", [TEXT.intro, "Definitions", TEXT.cirt, "Definitions", TEXT.drills, TEXT.gci]);
    const { operations } = alignParagraphs(a, b);
    expect(operationOf(operations, 1)).toMatchObject({ kind: "unchanged", b: [1], moved: false });
    expect(operationOf(operations, 3)).toMatchObject({ kind: "unchanged", b: [3], moved: false });
  });
});

describe("low-confidence pairings", () => {
  it("flags a one-for-one replacement paired on little shared wording as low confidence, not a confident one", () => {
    const before =
      "ITU should continue to assist developing countries with the design of national cybersecurity " +
      "strategies and plans.";
    const after =
      "ITU should help Member States share their national cybersecurity strategies and plans, and publish " +
      "a yearly overview of them.";
    const score = similarity(textFeatures(before), textFeatures(after));
    expect(score).toBeGreaterThanOrEqual(SANDWICH_THRESHOLD);
    expect(score).toBeLessThan(LOW_CONFIDENCE_SIMILARITY);
    const { operations } = alignParagraphs(
      doc("a", [TEXT.intro, before, TEXT.gci]),
      doc("b", [TEXT.intro, after, TEXT.gci]),
    );
    expect(operationOf(operations, 1)).toMatchObject({ kind: "modified", b: [1], confidence: "low" });
    // Confident pairings carry no flag at all.
    expect(operationOf(operations, 0)).not.toHaveProperty("confidence");
  });
});

const read = (name: string) => readFileSync(new URL(`../../../tests/fixtures/corpus/${name}`, import.meta.url), "utf8");

describe("the GCA guidelines, 2020 draft → 2022 final", () => {
  const draft = parseText(read("gca-guidelines-draft-2020-C20-65.txt"));
  const final = parseText(read("gca-guidelines-final-2022.txt"));
  const a = paragraphsForComparison(draft);
  const b = paragraphsForComparison(final);
  const comparison = compareVersions(a, b);
  const rowIndexOfOld = (number: string) =>
    comparison.rows.findIndex((row) => row.old.some((p) => p.number === number));
  const oldText = (row: ComparisonRow) =>
    row.changes
      .filter((change) => change.type !== "insert")
      .map((change) => change.text)
      .join("");
  const newText = (row: ComparisonRow) =>
    row.changes
      .filter((change) => change.type !== "delete")
      .map((change) => change.text)
      .join("");

  it("shows the UN sentence moved from 6.17 a. into 6., linked both ways", () => {
    const from = rowIndexOfOld("6.17 a.");
    const to = rowIndexOfOld("6.17");
    expect(comparison.rows[to].new.map((p) => p.number)).toEqual(["6."]);
    const [away] = comparison.rows[from].movedSentences ?? [];
    const [arrived] = comparison.rows[to].movedSentences ?? [];
    expect(away).toMatchObject({ side: "old", row: to });
    expect(arrived).toMatchObject({ side: "new", row: from });
    const sentence =
      "The United Nations has a unique role in fostering cooperation, dialogue, and coordination among all " +
      "nations, as well as with the private sector and other stakeholders, on global cybersecurity matters.";
    expect(oldText(comparison.rows[from]).slice(away.start, away.end)).toBe(sentence);
    expect(newText(comparison.rows[to]).slice(arrived.start, arrived.end)).toBe(sentence);
  });

  it("marks no other moved sentence and flags only 3.12 e. → 3. e. as possibly related", () => {
    expect(comparison.rows.filter((row) => row.movedSentences).length).toBe(2);
    const low = comparison.rows.filter((row) => row.confidence === "low");
    expect(low.map((row) => `${row.old[0].number} → ${row.new[0].number}`)).toEqual(["3.12 e. → 3. e."]);
  });

  it("counts 3.12 e. → 3. e. as possibly related, not modified, in its group, its section and the totals", () => {
    const payload = documentComparisonPayload(draft, final);
    const index = runToEnd(indexComparison(payload));
    const row = payload.rows.findIndex((candidate) => candidate.confidence === "low");
    const group = index.groups.find((candidate) => candidate.firstRow <= row && row <= candidate.lastRow)!;
    expect(group.counts).toMatchObject({ possiblyRelated: 1 });
    expect(index.sections.find((section) => section.number === "3")?.counts).toMatchObject({ possiblyRelated: 1 });
    const sum = (key: keyof ChangeCounts) => index.sections.reduce((total, { counts }) => total + counts[key], 0);
    expect([sum("possiblyRelated"), sum("modified")]).toEqual([1, payload.totals.modified]);
    expect(payload.totals).toMatchObject({ possiblyRelated: 1, modified: 35 });
  });
});

describe("moved sentences", () => {
  const moved =
    "Member States are encouraged to share their experience with national cybersecurity strategies " +
    "at the regional level.";

  it("links a sentence deleted from one paragraph and inserted into another", () => {
    const comparison = compareVersions(
      doc("a", [`${TEXT.cirt} ${moved}`, TEXT.gci]),
      doc("b", [TEXT.cirt, `${TEXT.gci} ${moved}`]),
    );
    const [first, second] = comparison.rows;
    expect(first.movedSentences).toEqual([
      { side: "old", start: TEXT.cirt.length + 1, end: TEXT.cirt.length + 1 + moved.length, row: 1 },
    ]);
    expect(second.movedSentences).toEqual([
      { side: "new", start: TEXT.gci.length + 1, end: TEXT.gci.length + 1 + moved.length, row: 0 },
    ]);
  });

  it("ignores short sentences and sentences deleted or inserted in several places", () => {
    const rows = [
      { changes: [{ type: "delete" as const, text: `See above. ${moved}` }] },
      { changes: [{ type: "delete" as const, text: moved }] },
      { changes: [{ type: "insert" as const, text: `See above. ${moved}` }] },
    ];
    expect(findMovedSentences(rows)).toEqual([[], [], []]);
  });

  it("does not link a sentence that was only partly deleted", () => {
    const rows = [
      {
        changes: [
          { type: "delete" as const, text: "Member States are encouraged to share " },
          { type: "equal" as const, text: "their experience" },
          { type: "delete" as const, text: " with national cybersecurity strategies at the regional level." },
        ],
      },
      { changes: [{ type: "insert" as const, text: moved }] },
    ];
    expect(findMovedSentences(rows)).toEqual([[], []]);
  });

  it("cuts sentences at full stops before a capital, not inside abbreviations and numbers", () => {
    const text = "See Res. 130 and e.g. the report. ITU should act. 中文句子。第二句";
    expect(sentenceRanges(text).map(([start, end]) => text.slice(start, end))).toEqual([
      "See Res. 130 and e.g. the report.",
      "ITU should act.",
      "中文句子。",
      "第二句",
    ]);
  });
});
