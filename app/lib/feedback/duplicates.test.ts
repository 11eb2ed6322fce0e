import { describe, expect, it } from "vitest";

import { groupNearDuplicates, jaccard, normalizeForDuplicates, shingleHashes } from "./duplicates";

const LETTER =
  "We ask that this guideline states explicitly that any legal measure on cybersecurity must comply with " +
  "international human rights law, including the rights to privacy and to freedom of expression.";

describe("normalizeForDuplicates", () => {
  it("folds case, punctuation, accents, full-width letters and invisible characters", () => {
    expect(normalizeForDuplicates("  Delete   THIS, please!")).toBe("delete this please");
    expect(normalizeForDuplicates("Régional\u200b organisations — “ITU”")).toBe("regional organisations itu");
    expect(normalizeForDuplicates("ＩＴＵ should\u202e act")).toBe("itu should act");
    expect(normalizeForDuplicates("!!!")).toBe("");
  });
});

describe("shingles and Jaccard", () => {
  it("hashes word triples into a sorted set without repeats", () => {
    const set = shingleHashes("a b c a b c".split(" "), 3);
    // "a b c", "b c a", "c a b", "a b c" again: three distinct shingles.
    expect(set.length).toBe(3);
    expect([...set]).toEqual([...set].sort((x, y) => x - y));
  });
  it("is 1 for identical sets and 0 for disjoint ones", () => {
    const a = shingleHashes("the quick brown fox jumps".split(" "), 3);
    const b = shingleHashes("lorem ipsum dolor sit amet".split(" "), 3);
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, b)).toBe(0);
    expect(jaccard(new Uint32Array(0), new Uint32Array(0))).toBe(1);
  });
});

describe("groupNearDuplicates (crafted cases, exact groups)", () => {
  it("groups exact copies after normalization under the first one's id", () => {
    const { groupIds, stats } = groupNearDuplicates([
      { id: "a", text: LETTER },
      { id: "b", text: "Something entirely different about capacity building in small island states and their needs." },
      { id: "c", text: LETTER.toUpperCase() },
      { id: "d", text: `  ${LETTER.replace(/,/g, " ,")}  ` },
    ]);
    expect(groupIds).toEqual(["a", "b", "a", "a"]);
    expect(stats).toMatchObject({ items: 4, exactCopies: 2, hashed: 2, groups: 1, groupedItems: 3 });
  });

  it("groups light edits of a campaign letter (a word added, a word changed) and keeps other texts apart", () => {
    const items = [
      { id: "first", text: LETTER },
      { id: "kindly", text: LETTER.replace("We ask", "We kindly ask") },
      { id: "notably", text: LETTER.replace("including the rights", "notably the rights") },
      { id: "longer", text: LETTER.replace("freedom of expression", "freedom of expression and of association") },
      {
        id: "other-topic",
        text:
          "The figure of 85 countries without a national CIRT should be updated with the latest data " +
          "and its source cited.",
      },
      {
        id: "same-words-other-order",
        text: "Rights to privacy and freedom of expression must be protected; we ask the guideline to comply with law.",
      },
    ];
    const { groupIds, stats } = groupNearDuplicates(items);
    expect(groupIds).toEqual(["first", "first", "first", "first", "other-topic", "same-words-other-order"]);
    expect(stats.groups).toBe(1);
    expect(stats.groupedItems).toBe(4);
  });

  it("does not group texts below the similarity threshold", () => {
    // Half the letter replaced: well under 0.7 Jaccard.
    const half =
      LETTER.split(" ").slice(0, 14).join(" ") +
      " and we also want more funding for capacity building programmes in every region of the world";
    const { groupIds } = groupNearDuplicates([
      { id: "a", text: LETTER },
      { id: "b", text: half },
    ]);
    expect(groupIds).toEqual(["a", "b"]);
  });

  it("groups short identical texts only on the same paragraph", () => {
    const { groupIds } = groupNearDuplicates([
      { id: "a", text: "Agree.", scope: "p1" },
      { id: "b", text: "agree", scope: "p1" },
      { id: "c", text: "Agree.", scope: "p2" },
      { id: "d", text: "Delete this paragraph.", scope: "p1" },
    ]);
    expect(groupIds).toEqual(["a", "a", "c", "d"]);
  });

  it("is transitive through union-find: A~B and B~C put A, B and C together though A and C differ more", () => {
    const words = Array.from({ length: 40 }, (_, k) => `w${k}`);
    const edit = (positions: number[]) => words.map((word, k) => (positions.includes(k) ? `x${k}` : word)).join(" ");
    const a = words.join(" ");
    const b = edit([10, 30]);
    const c = edit([10, 30, 20, 35]);
    const set = (text: string) => shingleHashes(text.split(" "), 3);
    // Jaccard 0.727 for A~B and B~C, 0.52 for A~C: only the chain joins A and C.
    expect(jaccard(set(a), set(b))).toBeCloseTo(0.727, 3);
    expect(jaccard(set(b), set(c))).toBeCloseTo(0.727, 3);
    expect(jaccard(set(a), set(c))).toBeCloseTo(0.52, 3);
    const { groupIds } = groupNearDuplicates([
      { id: "a", text: a },
      { id: "c", text: c },
      { id: "b", text: b },
    ]);
    expect(groupIds).toEqual(["a", "a", "a"]);
  });

  it("is deterministic and independent of unrelated items", () => {
    const items = Array.from({ length: 200 }, (_, k) => ({
      id: `n${k}`,
      text: `Comment number ${k} about topic ${k * 7} with words ${k % 13} and ${k % 17} and more text here.`,
    }));
    items.push({ id: "copy", text: items[5].text });
    const first = groupNearDuplicates(items).groupIds;
    const second = groupNearDuplicates(items).groupIds;
    expect(first).toEqual(second);
    expect(first[200]).toBe("n5");
  });

  it("verifies a large campaign against a bounded number of representatives, not all pairs", () => {
    // 2,000 distinct near-identical letters (one word varies): all-pairs would be 2 million comparisons.
    const items = Array.from({ length: 2000 }, (_, k) => ({
      id: `c${k}`,
      text: LETTER.replace("international", `international-${k}`),
    }));
    const { groupIds, stats } = groupNearDuplicates(items);
    expect(new Set(groupIds)).toEqual(new Set(["c0"]));
    expect(stats.verifications).toBeLessThan(items.length * 20);
  });
});
