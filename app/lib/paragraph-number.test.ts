import { describe, expect, it } from "vitest";

import { findParagraph, paragraphNumberParts, sameParagraphNumber } from "./paragraph-number";

const targets = [
  { number: "1.1", id: "p-1-1" },
  { number: "2.9", id: "p-2-9" },
  { number: "2.9 a.", id: "p-2-9-a" },
  { number: "2.9 e.", id: "p-2-9-e" },
  { number: "2. a.", id: "p-2-a" },
  { number: "10.2", id: "p-10-2" },
];

describe("paragraph numbers as typed", () => {
  it.each(["2.9e", "2.9 (e)", "2.9.e", "2.9 e", "2.9 e.", " 2.9  E ", "2.9(e)", "paragraph 2.9 e", "02.09 e"])(
    "%j finds 2.9 e.",
    (typed) => {
      expect(findParagraph(typed, targets)?.id).toBe("p-2-9-e");
    },
  );

  it("tells 2.9 from 2.9 a. and 2. a. from 2.9 a.", () => {
    expect(findParagraph("2.9", targets)?.id).toBe("p-2-9");
    expect(findParagraph("2.9a", targets)?.id).toBe("p-2-9-a");
    expect(findParagraph("2 a", targets)?.id).toBe("p-2-a");
    expect(findParagraph("1.10", targets)).toBeNull();
    expect(findParagraph("10.2", targets)?.id).toBe("p-10-2");
  });

  it("finds nothing for what is not there or not a number", () => {
    expect(findParagraph("2.9 z", targets)).toBeNull();
    expect(findParagraph("", targets)).toBeNull();
    expect(findParagraph("   ", targets)).toBeNull();
    expect(findParagraph("(.)", targets)).toBeNull();
    expect(findParagraph("2.9 e", [])).toBeNull();
  });

  it("splits numbers into parts", () => {
    expect(paragraphNumberParts("2.9 (e).")).toEqual(["2", "9", "e"]);
    expect(paragraphNumberParts("§ 4")).toEqual(["4"]);
    expect(sameParagraphNumber("", "")).toBe(false);
  });
});
