// The key rules of lineage: which key each new paragraph gets, which links are written.
import { describe, expect, it } from "vitest";

import { planLineage } from "./lineage";

describe("planLineage (the key rules)", () => {
  const p = (key: string, text: string, number: string | null = null) => ({ key, number, text });
  const A = "Member States should adopt national cybersecurity strategies with clear roles for every agency involved.";
  const B =
    "ITU should continue to support capacity building in developing countries through regional workshops and training.";
  const C =
    "The secretariat will report annually to the Council on the implementation of these guidelines and their impact.";

  it("gives the first piece of a split the old key and the second piece a new one", () => {
    const [first, second] = [
      "Member States should adopt national cybersecurity strategies.",
      "Clear roles for every agency involved should be defined in such strategies with care.",
    ];
    const previous = [p("1", `${first} ${second}`, "1."), p("2", C, "2.")];
    const next = [p("1", first, "1."), p("2", second, "2."), p("3", C, "3.")];
    const plan = planLineage({ previous, next, versionNumber: 2 });
    expect(plan.keys).toEqual(["1", "2-v2", "2"]);
    expect(plan.links.map((link) => [link.kind, link.from, link.to])).toEqual([
      ["split", 0, 0],
      ["split", 0, 1],
      ["unchanged", 1, 2],
    ]);
  });

  it("suffixes a new paragraph whose key an old one kept, and leaves unrelated new keys alone", () => {
    const previous = [p("a", A), p("b", B)];
    const next = [p("a", C), p("x", A), p("b", B)];
    expect(planLineage({ previous, next, versionNumber: 4 }).keys).toEqual(["a-v4", "a", "b"]);
  });

  it("keeps the imported keys of a first version", () => {
    expect(planLineage({ previous: [], next: [p("a", A), p("b", B)], versionNumber: 1 })).toEqual({
      keys: ["a", "b"],
      links: [],
    });
  });
});
