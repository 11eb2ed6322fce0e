import { describe, expect, it } from "vitest";

import { isoRow, ISO_COLUMNS, normalizeParagraphNumber, parseCommentType, sectionLabel } from "./iso-table";

describe("the ISO 8-column row", () => {
  it("has the eight columns in the template's order", () => {
    expect(ISO_COLUMNS).toEqual([
      "organization",
      "paragraphNumber",
      "section",
      "paragraphFigureTable",
      "type",
      "comment",
      "proposedChange",
      "observations",
    ]);
  });
  it("writes a decided comment on a phrase", () => {
    const row = isoRow(
      {
        organization: "Delegation of Member State A",
        paragraphNumber: "2.9 a.",
        section: { number: null, heading: "Guidelines to utilize Pillar 1 - Legal Measures" },
        quote: "multi-stakeholder discussions",
        type: "technical",
        comment: "Mention regional organizations.",
        proposedText: "ITU, with regional organizations, should …",
        disposition: { status: "accepted_in_part", response: " Regional organizations are now named. " },
      },
      (status) => ({ accepted_in_part: "Accepted in part" })[status] ?? status,
    );
    expect(row).toEqual([
      "Delegation of Member State A",
      "2.9 a.",
      "Guidelines to utilize Pillar 1 - Legal Measures",
      "“multi-stakeholder discussions”",
      "te",
      "Mention regional organizations.",
      "ITU, with regional organizations, should …",
      "Accepted in part. Regional organizations are now named.",
    ]);
  });
  it("leaves the observation empty until decided, and shows a decision without response alone", () => {
    const base = {
      organization: "X",
      paragraphNumber: null,
      section: null,
      quote: null,
      type: "editorial",
      comment: "c",
      proposedText: null,
    };
    expect(isoRow({ ...base, disposition: null }, String)).toEqual(["X", "", "", "", "ed", "c", "", ""]);
    expect(isoRow({ ...base, disposition: { status: "noted", response: "" } }, () => "Noted")[7]).toBe("Noted");
  });
  it("labels a section with its number", () => {
    expect(sectionLabel({ number: "2", heading: "Pillar 1: Legal Measures" })).toBe("2 Pillar 1: Legal Measures");
    expect(sectionLabel(null)).toBe("");
  });
});

describe("template cells", () => {
  it.each([
    ["ge", "general"],
    [" TE ", "technical"],
    ["ed", "editorial"],
    ["Editorial", "editorial"],
    ["te – technical", "technical"],
    ["general comment", "general"],
  ])("reads the type %j", (cell, type) => {
    expect(parseCommentType(cell)).toBe(type);
  });
  it.each(["", "x", "gen", "tech", "1"])("refuses the type %j", (cell) => {
    expect(parseCommentType(cell)).toBeNull();
  });
  it("compares paragraph numbers as people type them", () => {
    const target = normalizeParagraphNumber("2.9 a.");
    for (const typed of ["2.9 a.", "2.9a", "2.9 (a)", "2.9.a", "2-9-a", " 2.9 A "])
      expect(normalizeParagraphNumber(typed)).toBe(target);
    expect(normalizeParagraphNumber("1.10")).not.toBe(normalizeParagraphNumber("1.1"));
  });
});
