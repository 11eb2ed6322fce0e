import { describe, expect, it } from "vitest";

import { MAX_POSTINGS, ShingleIndex } from "./shingle-index";
import { FeatureList } from "./similarity";

describe("ShingleIndex", () => {
  it("ranks pool members by shared word pairs, ties by smaller id, and ignores non-members", () => {
    const features = new FeatureList([
      "alpha beta gamma delta",
      "alpha beta gamma epsilon",
      "zeta eta theta iota",
      "alpha beta zeta eta",
      "alpha beta gamma delta", // not in the pool
    ]);
    const index = new ShingleIndex([0, 1, 2, 3], features);
    const query = new FeatureList(["alpha beta gamma delta omega"]).get(0);
    // 0 shares 3 pairs, 1 shares 2, 3 shares 1 ("alpha beta"), 2 none.
    expect(index.candidates(query)).toEqual([0, 1, 3]);
    expect(index.candidates(query, 2)).toEqual([0, 1]);
  });

  it("skips a word pair carried by more than MAX_POSTINGS paragraphs (a stop pair)", () => {
    const texts = Array.from({ length: MAX_POSTINGS + 1 }, (_, i) => `of the word${i}`);
    const features = new FeatureList([...texts, "of the"]);
    const index = new ShingleIndex(
      texts.map((_, i) => i),
      features,
    );
    expect(index.candidates(features.get(texts.length))).toEqual([]);
    expect(index.candidates(features.get(3))).toEqual([3]);
  });
});
