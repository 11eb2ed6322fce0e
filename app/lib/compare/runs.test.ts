import { describe, expect, it } from "vitest";

import { alignParagraphs, type AlignInput } from "./align";
import { alignRuns, hasSharedRepeats } from "./runs";

const paragraphs = (texts: string[], prefix: string): AlignInput[] =>
  texts.map((text, index) => ({ key: `${prefix}${index}`, number: `${index + 1}.`, text }));

/** Each new paragraph's old counterpart index (−1 when inserted), and how many pairings are flagged moved. */
function pairing(a: AlignInput[], b: AlignInput[]) {
  const counterpart = new Array<number>(b.length).fill(-1);
  let moved = 0;
  for (const operation of alignParagraphs(a, b).operations) {
    if (operation.moved) moved++;
    if (operation.a.length === 1 && operation.b.length === 1) counterpart[operation.b[0]] = operation.a[0];
  }
  return { counterpart, moved };
}

const COPY = "The Council notes the report.";
const EDITS = new Map([
  [3, "The Council notes the report with concern."],
  [400, "The Council notes the revised report."],
  [999, "The Council welcomes the report."],
  [1500, "The Council notes the report and its annex."],
  [1998, "The Council takes note of the report."],
]);

describe("repeated paragraphs pair by position", () => {
  it("pairs every one of 2,000 copies with its counterpart in order, five of them edited, in under a second", () => {
    const a = paragraphs(
      Array.from({ length: 2000 }, () => COPY),
      "a",
    );
    const b = paragraphs(
      Array.from({ length: 2000 }, (_, index) => EDITS.get(index) ?? COPY),
      "b",
    );
    const started = performance.now();
    const { counterpart, moved } = pairing(a, b);
    const elapsed = performance.now() - started;
    expect(counterpart).toEqual(Array.from({ length: 2000 }, (_, index) => index));
    expect(moved).toBe(0);
    const kinds = alignParagraphs(a, b).operations.filter((operation) => operation.kind === "modified");
    expect(kinds.map((operation) => operation.b[0])).toEqual([...EDITS.keys()]);
    expect(elapsed).toBeLessThan(1000);
  });

  it("has no cliff at 101 copies: 100, 101 and 500 identical paragraphs all pair", () => {
    for (const count of [100, 101, 500]) {
      const texts = Array.from({ length: count }, () => COPY);
      const { counterpart } = pairing(paragraphs(texts, "a"), paragraphs(texts, "b"));
      expect(counterpart.filter((index, position) => index === position)).toHaveLength(count);
    }
  });

  it("keeps each item's boilerplate with its own item when an item is deleted", () => {
    const items = (numbers: number[]) =>
      numbers.flatMap((n) => [`Item ${n}: report of working group ${n} on its ${n}th session.`, COPY]);
    const a = paragraphs(items([1, 2, 3, 4, 5]), "a");
    const b = paragraphs(items([1, 2, 4, 5]), "b"); // item 3 and its copy deleted
    const { counterpart, moved } = pairing(a, b);
    expect(counterpart).toEqual([0, 1, 2, 3, 6, 7, 8, 9]);
    expect(moved).toBe(0);
  });
});

describe("alignRuns", () => {
  it("prefers a substitution to a deletion plus an insertion, so copies keep their positions", () => {
    expect(alignRuns(["x", "x", "x"], ["x", "y", "x"])).toEqual([
      [0, 0],
      [2, 2],
    ]);
  });

  it("gives up (null) past its cell budget instead of taking unbounded work", () => {
    const many = Array.from({ length: 3000 }, (_, index) => `k${index}`);
    const other = Array.from({ length: 3000 }, (_, index) => `j${index}`);
    expect(alignRuns(many, other, 100_000)).toBeNull();
    expect(alignRuns(many, many, 100_000)).toHaveLength(3000);
  });

  it("is used only where text repeats on both sides", () => {
    expect(hasSharedRepeats(["x", "x"], ["x"])).toBe(true);
    expect(hasSharedRepeats(["x", "y"], ["x", "y"])).toBe(false);
    expect(hasSharedRepeats(["x", "x"], ["y"])).toBe(false);
  });
});
