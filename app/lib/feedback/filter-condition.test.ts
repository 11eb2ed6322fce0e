import { describe, expect, it } from "vitest";

import { describeFeedbackFilter, searchWords } from "./filter-condition";

// Sections 1 and 2, with "Guidelines" a sub-heading of 2; one organization of each kind that matters.
const scope = {
  consultationId: "k",
  versionId: "v",
  sections: [
    { id: "s1", number: "1", heading: "Introduction", level: 1, order: 0, param: "1" },
    { id: "s2", number: "2", heading: "Legal measures", level: 1, order: 1, param: "2" },
    { id: "s2a", number: null, heading: "Guidelines", level: 2, order: 2, param: "s2" },
  ],
  paragraphs: [
    { id: "p1", sectionId: "s1" },
    { id: "p2", sectionId: "s2a" },
    { id: "p3", sectionId: "s2a" },
  ],
  organizations: [
    { id: "ms", kind: "member_state" },
    { id: "sec", kind: "secretariat" },
  ],
};

const base = [
  { kind: "equals", column: "versionId", value: "v" },
  { kind: "equals", column: "status", value: "submitted" },
];

describe("describeFeedbackFilter", () => {
  it("without filters keeps the version's submitted comments, counted from the indexes", () => {
    expect(describeFeedbackFilter(scope, {})).toEqual({ conditions: base, readOnce: null });
  });

  it("turns a section into its paragraphs and those of its sub-headings", () => {
    expect(describeFeedbackFilter(scope, { section: "2" }).conditions).toEqual([
      ...base,
      { kind: "in", column: "paragraphId", values: ["p2", "p3"] },
    ]);
    expect(describeFeedbackFilter(scope, { section: "99" }).conditions[2]).toEqual({
      kind: "in",
      column: "paragraphId",
      values: [],
    });
  });

  it("turns a stakeholder group into organizations; 'other' also keeps comments from no organization", () => {
    expect(describeFeedbackFilter(scope, { kind: "member_state" }).conditions.slice(2)).toEqual([
      { kind: "notEquals", column: "origin", value: "source" },
      { kind: "in", column: "organizationId", values: ["ms"] },
    ]);
    expect(describeFeedbackFilter(scope, { kind: "other" }).conditions.slice(2)).toEqual([
      { kind: "notEquals", column: "origin", value: "source" },
      {
        kind: "anyOf",
        conditions: [
          { kind: "isNull", column: "organizationId" },
          { kind: "in", column: "organizationId", values: ["sec"] },
        ],
      },
    ]);
    expect(describeFeedbackFilter(scope, { kind: "source" }).conditions.slice(2)).toEqual([
      { kind: "equals", column: "origin", value: "source" },
    ]);
  });

  it("reads decisions from dispositionStatus: NULL while undecided", () => {
    expect(describeFeedbackFilter(scope, { status: "undecided" }).conditions[2]).toEqual({
      kind: "isNull",
      column: "dispositionStatus",
    });
    expect(describeFeedbackFilter(scope, { status: "decided" }).conditions[2]).toEqual({
      kind: "isNotNull",
      column: "dispositionStatus",
    });
    expect(describeFeedbackFilter(scope, { status: "noted" }).conditions[2]).toEqual({
      kind: "equals",
      column: "dispositionStatus",
      value: "noted",
    });
  });

  it("wants each search word in the comment or its proposed change, and reads a search's rows once", () => {
    const { conditions, readOnce } = describeFeedbackFilter(scope, { q: "regional bodies" });
    expect(conditions.slice(2)).toEqual(
      ["regional", "bodies"].map((text) => ({
        kind: "anyOf",
        conditions: [
          { kind: "contains", column: "bodyText", text },
          { kind: "contains", column: "proposedText", text },
        ],
      })),
    );
    expect(readOnce).toBe("consultation");
  });

  it("finds a near-duplicate group through the consultation's group index", () => {
    expect(describeFeedbackFilter(scope, { group: "g1", q: "x" })).toMatchObject({
      conditions: expect.arrayContaining([
        { kind: "equals", column: "consultationId", value: "k" },
        { kind: "equals", column: "duplicateGroupId", value: "g1" },
      ]) as unknown,
      readOnce: "group",
    });
  });
});

describe("searchWords", () => {
  it("splits on spaces and on LIKE's wildcards and escape, at most 8 words", () => {
    expect(searchWords("  50%_off\\now  ")).toEqual(["50", "off", "now"]);
    expect(searchWords("%")).toEqual([]);
    expect(searchWords(undefined)).toEqual([]);
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
  });
});
