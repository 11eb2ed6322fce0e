import { describe, expect, it } from "vitest";

import { PARAGRAPH_KEY_PATTERN, paragraphKey, withParagraphKeys, type UnkeyedSection } from "./keys";

describe("paragraphKey", () => {
  it.each([
    ["2.9 a.", "2-9-a"],
    ["1.1", "1-1"],
    ["1.9.a", "1-9-a"],
    ["5.", "5"],
    ["2. a.", "2-a"],
    ["1.7 a)", "1-7-a"],
    ["5.2 (1)", "5-2-1"],
    ["5.3.1", "5-3-1"],
  ])("%s → %s", (number, key) => {
    expect(paragraphKey(number)).toBe(key);
    expect(key).toMatch(PARAGRAPH_KEY_PATTERN);
  });
});

describe("withParagraphKeys", () => {
  const section = (number: string | null, paragraphs: UnkeyedSection["paragraphs"]): UnkeyedSection => ({
    number,
    heading: "H",
    level: 1,
    paragraphs,
  });

  it("keys unnumbered paragraphs from the last numbered paragraph, or the section position", () => {
    const sections = withParagraphKeys([
      section(null, [
        { number: null, text: "intro" },
        { number: null, text: "intro 2" },
      ]),
      section("3", [
        { number: null, text: "lead" },
        { number: "3.1", text: "a" },
        { number: null, text: "after 3.1" },
        { number: null, text: "after 3.1 again" },
        { number: "3.1 a.", text: "item" },
        { number: null, text: "after the item" },
      ]),
    ]);
    expect(sections.flatMap((s) => s.paragraphs.map((p) => p.key))).toEqual([
      "s1-u1",
      "s1-u2",
      "s2-u1",
      "3-1",
      "3-1-u1",
      "3-1-u2",
      "3-1-a",
      "3-1-a-u1",
    ]);
  });

  it("makes keys unique with -2, -3 in document order", () => {
    const sections = withParagraphKeys([
      section("1", [
        { number: "1.1", text: "first" },
        { number: "1.1", text: "repeated" },
        { number: "1.1.", text: "repeated again" },
      ]),
    ]);
    expect(sections[0].paragraphs.map((p) => p.key)).toEqual(["1-1", "1-1-2", "1-1-3"]);
  });

  it("prefixes annex keys so that an annex's 3.1 does not take the body's key", () => {
    const sections = withParagraphKeys([
      section("3", [{ number: "3.1", text: "body" }]),
      section("Annex 1", [
        { number: "3.1", text: "annex" },
        { number: null, text: "note" },
      ]),
    ]);
    expect(sections.flatMap((s) => s.paragraphs.map((p) => p.key))).toEqual(["3-1", "annex1-3-1", "annex1-3-1-u1"]);
  });

  it("falls back to a position key for a number without letters or digits", () => {
    const sections = withParagraphKeys([section(null, [{ number: "•", text: "odd" }])]);
    expect(sections[0].paragraphs[0].key).toBe("s1-u1");
  });
});
