import { describe, expect, it } from "vitest";

import { heaviestChain } from "./chain";

describe("heaviestChain", () => {
  it("with unit weights finds a longest increasing subsequence (patience anchors)", () => {
    const pairs = [
      { a: 0, b: 0, weight: 1 },
      { a: 3, b: 1, weight: 1 },
      { a: 1, b: 2, weight: 1 },
      { a: 2, b: 3, weight: 1 },
    ];
    expect(heaviestChain(pairs, 4)).toEqual([pairs[0], pairs[2], pairs[3]]);
  });

  it("prefers one strong pairing over two weak ones that cross it when they weigh less", () => {
    const strong = { a: 0, b: 1, weight: 0.5 };
    const weak = [
      { a: 0, b: 0, weight: 0.15 },
      { a: 1, b: 1, weight: 0.15 },
    ];
    expect(heaviestChain([...weak, strong], 2)).toEqual([strong]);
  });

  it("never takes two candidates for the same paragraph on either side", () => {
    const pairs = [
      { a: 0, b: 0, weight: 1 },
      { a: 1, b: 0, weight: 1 },
      { a: 1, b: 1, weight: 1 },
    ];
    expect(heaviestChain(pairs, 2)).toEqual([pairs[0], pairs[2]]);
  });

  it("returns an empty chain for no candidates", () => {
    expect(heaviestChain([], 0)).toEqual([]);
  });
});
