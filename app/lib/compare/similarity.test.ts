import { describe, expect, it } from "vitest";

import {
  containment,
  hashString,
  normalizedWords,
  novelContainment,
  similarity,
  textFeatures,
  unionFeatures,
} from "./similarity";

describe("textFeatures", () => {
  it("hashes exactly the words normalizedWords finds, including non-ASCII text", () => {
    for (const text of [
      "The ITU 2018 Plenipotentiary Conference adopted Resolution 130.",
      "Judge Stein Schjølberg — ITU’s “global centre of excellence”, ﬁnal ２０２２ text 😀 here",
      "  ",
      "",
    ]) {
      const expected = [...new Set(normalizedWords(text).map(hashString))].sort((x, y) => x - y);
      expect([...textFeatures(text).unigrams]).toEqual(expected);
    }
    expect(normalizedWords("ﬁnal ２０２２ ITU’s")).toEqual(["final", "2022", "itu", "s"]);
  });

  it("gives the same key to texts that differ only in case and punctuation", () => {
    expect(textFeatures("ITU should act, now.").key).toBe(textFeatures("itu should act now").key);
    expect(textFeatures("ITU should act now").key).not.toBe(textFeatures("now ITU should act").key);
  });
});

describe("similarity", () => {
  it("is 1 for the same words and 0 for disjoint texts", () => {
    expect(
      similarity(textFeatures("Member States are encouraged."), textFeatures("member states are encouraged")),
    ).toBe(1);
    expect(similarity(textFeatures("alpha beta gamma"), textFeatures("delta epsilon zeta"))).toBe(0);
  });

  it("rewards shared word order: the same words reordered score lower than an edit", () => {
    const base = textFeatures("ITU should continue to assist developing countries in the design of national CIRTs");
    const edited = textFeatures(
      "ITU should continue to assist developing countries in the implementation of national CIRTs",
    );
    const shuffled = textFeatures("CIRTs national of design the in countries developing assist to continue should ITU");
    expect(similarity(base, edited)).toBeGreaterThan(similarity(base, shuffled));
    // Same word set (Dice 1), no word pair in common (Dice 0).
    expect(similarity(textFeatures("alpha beta gamma delta"), textFeatures("delta gamma beta alpha"))).toBe(0.5);
  });
});

describe("containment", () => {
  it("measures how much of a piece is found in a whole, asymmetrically", () => {
    const whole = textFeatures(
      "ITU should assist developing countries. ITU should measure commitments of Member States.",
    );
    const piece = textFeatures("ITU should measure commitments of Member States.");
    expect(containment(piece, whole)).toBe(1);
    // 6 of the whole's 10 distinct word pairs ("itu should" occurs twice).
    expect(containment(whole, piece)).toBe(0.6);
  });

  it("counts only what the known partner lacks as novel", () => {
    const whole = textFeatures("alpha beta gamma delta epsilon zeta");
    const known = textFeatures("alpha beta gamma delta");
    expect(novelContainment(textFeatures("delta epsilon zeta"), whole, known)).toBe(1);
    expect(novelContainment(textFeatures("beta gamma delta"), whole, known)).toBe(0);
  });

  it("unions the features of several pieces", () => {
    const union = unionFeatures([textFeatures("alpha beta"), textFeatures("gamma delta")]);
    expect(union.wordCount).toBe(4);
    expect(containment(textFeatures("alpha beta gamma delta"), union)).toBe(2 / 3);
  });
});
