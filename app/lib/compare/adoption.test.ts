import { describe, expect, it } from "vitest";

import { proposedTextAdoption } from "./adoption";

// GCA 2020 guideline 2.9 b. and a proposal close to what 2022 2. b. became.
const original =
  "ITU should continue to work with partners to develop and maintain resources, such as the Cybercrime Legislation " +
  "Resources, to help Member States understand the legal aspects of cybersecurity.";
const proposed =
  "ITU should continue to work with relevant partners to foster development and maintenance of " +
  "resources on cybersecurity " +
  "and cybercrime legislation to help Member States understand the legal aspects of cybersecurity.";

describe("proposedTextAdoption", () => {
  it("is full when the revised text contains the proposal verbatim, even with more text around it", () => {
    expect(
      proposedTextAdoption({
        original,
        proposed,
        revised: `${proposed} It should also support the exchange of experience.`,
      }),
    ).toEqual({
      level: "full",
      score: 1,
    });
  });

  it("is full when the proposal's changes are all in, despite a further edit elsewhere ('all Member States')", () => {
    const revised = proposed.replace("help Member States", "help all Member States");
    expect(proposedTextAdoption({ original, proposed, revised })).toEqual({ level: "full", score: 1 });
  });

  it("is full for the 2022 wording of 5. b. against a proposal adding 'least-developed countries and SIDS'", () => {
    expect(
      proposedTextAdoption({
        original:
          "Continue supporting developing countries in cybersecurity capacity building efforts, with the support " +
          "of the national and international cybersecurity capacity building communities.",
        proposed:
          "Continue supporting developing countries, least-developed countries and SIDS in cybersecurity capacity " +
          "building efforts, with the support of the national and international cybersecurity capacity " +
          "building communities.",
        revised:
          "Continue supporting developing countries least-developed countries and SIDS in cybersecurity capacity " +
          "building efforts, with the support of the national and international cybersecurity capacity " +
          "building communities.",
      }),
    ).toEqual({ level: "full", score: 1 });
  });

  it("credits a deletion when the words around the cut are joined in the revised text", () => {
    expect(
      proposedTextAdoption({
        original: "strengthen its relationship with partners and other stakeholders to deliver assistance",
        proposed: "strengthen its relationship with stakeholders to deliver assistance",
        revised: "strengthen its relationship with stakeholders to deliver assistance to Member States",
      }),
    ).toEqual({ level: "full", score: 1 });
  });

  it("is partial when some of the proposed changes were adopted", () => {
    // "relevant partners to foster development and maintenance of resources" is in, the rest is not.
    const revised =
      "ITU should continue to work with relevant partners to foster development and maintenance of resources, such " +
      "as the Cybercrime Legislation Resources, to help Member States understand the legal aspects of cybersecurity.";
    expect(proposedTextAdoption({ original, proposed, revised })).toEqual({ level: "partial", score: 0.6154 });
    // One of two single-word replacements.
    expect(
      proposedTextAdoption({ original: "a b c d e f g h", proposed: "a X c d e f Y h", revised: "a X c d e f g h" }),
    ).toEqual({
      level: "partial",
      score: 0.5,
    });
  });

  it("is none when the paragraph stayed as it was, although it still contains most of the proposal's words", () => {
    expect(proposedTextAdoption({ original, proposed, revised: original })).toEqual({ level: "none", score: 0 });
  });

  it("is none when the paragraph was rewritten in another direction", () => {
    expect(
      proposedTextAdoption({
        original,
        proposed,
        revised:
          "Member States are encouraged to cooperate with other stakeholders to search for a global common ground " +
          "on legal measures on cybersecurity.",
      }),
    ).toEqual({ level: "none", score: 0.0769 });
  });

  it("judges a proposal to delete the whole paragraph by whether the paragraph is gone", () => {
    expect(proposedTextAdoption({ original, proposed: "", revised: "" })).toEqual({ level: "full", score: 1 });
    expect(proposedTextAdoption({ original, proposed: "", revised: original })).toEqual({ level: "none", score: 0 });
  });

  it("falls back to verbatim containment when the proposal repeats the original", () => {
    expect(proposedTextAdoption({ original, proposed: original, revised: original })).toEqual({
      level: "full",
      score: 1,
    });
  });

  it("ignores case, punctuation and spacing", () => {
    expect(
      proposedTextAdoption({ original: "ITU should act.", proposed: "ITU must act!", revised: "itu   MUST act" }),
    ).toEqual({ level: "full", score: 1 });
  });
});
