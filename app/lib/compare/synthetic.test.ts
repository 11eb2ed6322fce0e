import { describe, expect, it } from "vitest";

import { createRandom, generateDocumentPair } from "./synthetic";

describe("generateDocumentPair", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const first = generateDocumentPair({ paragraphs: 50, seed: 42 });
    expect(generateDocumentPair({ paragraphs: 50, seed: 42 })).toEqual(first);
    expect(generateDocumentPair({ paragraphs: 50, seed: 43 }).a[0].text).not.toBe(first.a[0].text);
  });

  it("accounts for every paragraph of both versions exactly once in the ground truth", () => {
    const { a, b, truth } = generateDocumentPair({ paragraphs: 1000, seed: 9, split: 0.03, merged: 0.03, moved: 0.03 });
    expect(truth.flatMap((fact) => fact.a).sort((x, y) => x - y)).toEqual(a.map((_, i) => i));
    expect(truth.flatMap((fact) => fact.b).sort((x, y) => x - y)).toEqual(b.map((_, j) => j));
    for (const fact of truth) {
      if (fact.kind === "split") {
        expect(fact.b).toHaveLength(2);
        expect(fact.b[1]).toBe(fact.b[0] + 1);
      }
      if (fact.kind === "merged") expect(fact.a).toEqual([fact.a[0], fact.a[0] + 1]);
    }
  });

  it("makes about 2 MB of text for 5,000 paragraphs, numbered by section", () => {
    const { a } = generateDocumentPair({ paragraphs: 5000, seed: 7 });
    const bytes = a.reduce((sum, paragraph) => sum + paragraph.text.length, 0);
    expect(bytes).toBeGreaterThan(1_800_000);
    expect(bytes).toBeLessThan(2_600_000);
    expect(a[0]).toMatchObject({ key: "a-0", number: "1.1", section: "s1", sectionNumber: "1" });
    expect(a[40]).toMatchObject({ number: "2.1", section: "s2" });
  });
});

describe("createRandom", () => {
  it("produces the same sequence in [0, 1) for the same seed", () => {
    const one = createRandom(1);
    const two = createRandom(1);
    const values = Array.from({ length: 5 }, () => one());
    expect(Array.from({ length: 5 }, () => two())).toEqual(values);
    for (const value of values) expect(value >= 0 && value < 1).toBe(true);
  });
});
