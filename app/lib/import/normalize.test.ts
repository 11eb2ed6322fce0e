import { describe, expect, it } from "vitest";

import { collapseWhitespace, isSeparatorLine, removeInvisibleCharacters, repairQuestionMarkSpaces } from "./normalize";
import { itemNumber, parseLeadingMarker } from "./numbering";

describe("repairQuestionMarkSpaces", () => {
  it.each([
    // Cases from the 2020 draft's web extraction.
    ["formulated?with the support", "formulated with the support"],
    ["Circular Letter?(CL-20/18)", "Circular Letter (CL-20/18)"],
    ["(C19/117,?C19/58)", "(C19/117, C19/58)"],
    ["criminal purposes.? In so doing", "criminal purposes.  In so doing"],
    ["two resolutions: ?“Advancing", "two resolutions:  “Advancing"],
    ["almost 100?individuals", "almost 100 individuals"],
    ["(2017);The?European Union", "(2017);The European Union"],
    ["on the draft?Guidelines (Open", "on the draft Guidelines (Open"],
  ])("%s → %s", (input, output) => {
    expect(repairQuestionMarkSpaces(input)).toBe(output);
  });

  it.each([
    "Have encryption schemes turned Internet into a lawless space? The Australia Minister",
    "Is it ready?",
    "What next?”",
    "Why now?The next sentence was glued.",
  ])("keeps the real question in %s", (input) => {
    expect(repairQuestionMarkSpaces(input)).toBe(input);
  });
});

describe("whitespace and invisible characters", () => {
  it("turns non-breaking spaces into spaces and drops zero-width characters", () => {
    expect(removeInvisibleCharacters("\uFEFFa\u00A0b\u200Bc\u00ADd")).toBe("a bcd");
  });

  it("collapses tabs and line breaks", () => {
    expect(collapseWhitespace(" 1.1\tThe ITU \n adopted ")).toBe("1.1 The ITU adopted");
  });

  it("recognises rules and fillers but not text", () => {
    expect(isSeparatorLine("____________________")).toBe(true);
    expect(isSeparatorLine("................")).toBe(true);
    expect(isSeparatorLine("-")).toBe(false);
    expect(isSeparatorLine("... and more")).toBe(false);
  });
});

describe("parseLeadingMarker", () => {
  it.each([
    ["1.1\tThe ITU", { kind: "dotted", label: "1.1", rest: "The ITU" }],
    ["1.1. ITU is", { kind: "dotted", label: "1.1", rest: "ITU is" }],
    ["1.9.a Given", { kind: "dotted", label: "1.9.a", rest: "Given" }],
    ["5.3.1 To facilitate", { kind: "dotted", label: "5.3.1", rest: "To facilitate" }],
    ["2. Given", { kind: "whole", label: "2.", rest: "Given" }],
    ["a.\tAn integral", { kind: "letter", label: "a.", rest: "An integral" }],
    ["d. \tRecognizing", { kind: "letter", label: "d.", rest: "Recognizing" }],
    ["b) these Guidelines", { kind: "letter", label: "b)", rest: "these Guidelines" }],
    ["(c) create awareness", { kind: "letter", label: "(c)", rest: "create awareness" }],
    ["(2) promote", { kind: "enumerated", label: "(2)", rest: "promote" }],
  ] as const)("%s", (text, marker) => {
    expect(parseLeadingMarker(text)).toEqual(marker);
  });

  it("rejects years and numbers glued to a word", () => {
    expect(parseLeadingMarker("2018. The year of the conference")).toBeNull();
    expect(parseLeadingMarker("2.5G networks")).toBeNull();
    expect(parseLeadingMarker("e.g. the study groups")).toBeNull();
  });

  it("composes item numbers from the parent", () => {
    expect(itemNumber("2.9", "a.")).toBe("2.9 a.");
    expect(itemNumber("2.", "a.")).toBe("2. a.");
    expect(itemNumber(null, "a)")).toBe("a)");
  });
});
