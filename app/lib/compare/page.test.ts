// The comparison page's rows, built from a hand-made cached comparison so every output is exact.
import { describe, expect, it } from "vitest";

import { emptyCounts, type ComparisonRow } from "./compare";
import {
  buildComparisonPage,
  comparisonPageBody,
  MAX_COMMENTS_PER_ROW,
  parseVersionRange,
  rowNumbers,
  type CarriedCommentSource,
} from "./page";
import { comparisonPayload, type CachedComparison } from "./payload";

const OLD = "ITU should continue its efforts with partners and other stakeholders.";
const NEW = "ITU should continue its efforts with all stakeholders.";

const modified: ComparisonRow = {
  kind: "modified",
  moved: false,
  renumbered: true,
  similarity: 0.7,
  old: [{ index: 0, key: "2-9-a", number: "2.9 a." }],
  new: [{ index: 0, key: "2-9-a", number: "2. a." }],
  changes: [
    { type: "equal", text: "ITU should continue its efforts with " },
    { type: "delete", text: "partners and other" },
    { type: "insert", text: "all" },
    { type: "equal", text: " stakeholders." },
  ],
};
const deleted: ComparisonRow = {
  kind: "deleted",
  moved: false,
  renumbered: false,
  similarity: 0,
  old: [{ index: 1, key: "2-10", number: "2.10" }],
  new: [],
  changes: [{ type: "delete", text: "A paragraph that was dropped." }],
};
const merged: ComparisonRow = {
  kind: "merged",
  moved: false,
  renumbered: false,
  similarity: 0.9,
  old: [
    { index: 2, key: "3-1", number: "3.1" },
    { index: 3, key: "3-2", number: null },
  ],
  new: [{ index: 1, key: "3-1", number: "3.1" }],
  changes: [{ type: "equal", text: "First half.\n\nSecond half." }],
};
const unchanged: ComparisonRow = {
  kind: "unchanged",
  moved: true,
  renumbered: false,
  similarity: 1,
  old: [{ index: 4, key: "4-1", number: "4.1" }],
  new: [{ index: 2, key: "4-1", number: "4.1" }],
  changes: [{ type: "equal", text: "Moved elsewhere." }],
};

const comparison: CachedComparison = {
  rows: [modified, deleted, merged, unchanged],
  rowSections: ["2", "2", "3", "3"],
  sections: [
    { version: "new", section: "2", number: "2", heading: "Pillar 1 - Legal Measures", counts: emptyCounts() },
    { version: "old", section: "2", number: "2", heading: "Pillar 1: Legal Measures", counts: emptyCounts() },
    { version: "new", section: "3", number: "3", heading: "Pillar 2", counts: emptyCounts() },
  ],
  totals: emptyCounts(),
};

function comment(id: string, proposedText: string | null = null): CarriedCommentSource {
  return {
    id,
    type: "technical",
    status: "submitted",
    organization: { name: "Delegation A" },
    sourceAttribution: null,
    bodyHtml: `<p>${id}</p><script>x</script>`,
    proposedText,
    quote: null,
    submittedAt: null,
  };
}

const stripScripts = (html: string) => html.replace(/<script>.*?<\/script>/g, "");

describe("comparisonPageBody", () => {
  it("groups rows by section, names retitled sections and counts each row once per section", () => {
    const body = comparisonPageBody({ comparison, comments: new Map(), sanitizeHtml: stripScripts });
    expect(body.groups.map((group) => [group.id, group.number, group.heading, group.formerHeading])).toEqual([
      ["s-1", "2", "Pillar 1 - Legal Measures", "Pillar 1: Legal Measures"],
      ["s-2", "3", "Pillar 2", null],
    ]);
    expect(body.groups[0].counts).toEqual({ ...emptyCounts(), modified: 1, deleted: 1, renumbered: 1 });
    expect(body.groups[1].counts).toEqual({ ...emptyCounts(), merged: 1, moved: 1 });
    expect(body.sections).toEqual([
      { groupId: "s-1", number: "2", heading: "Pillar 1 - Legal Measures", counts: body.groups[0].counts },
      { groupId: "s-2", number: "3", heading: "Pillar 2", counts: body.groups[1].counts },
    ]);
  });

  it("gives each row its anchors: the new key, ch-old- for a deletion, c- for every old paragraph", () => {
    const rows = comparisonPageBody({ comparison, comments: new Map(), sanitizeHtml: stripScripts }).groups.flatMap(
      (group) => group.rows,
    );
    expect(rows.map((row) => [row.anchor, row.commentsAnchor, row.extraCommentAnchors, row.isChange])).toEqual([
      ["ch-2-9-a", "c-2-9-a", [], true],
      ["ch-old-2-10", "c-2-10", [], true],
      ["ch-3-1", "c-3-1", ["c-3-2"], true],
      ["ch-4-1", "c-4-1", [], true],
    ]);
    expect(rows[0].old).toEqual([{ key: "2-9-a", number: "2.9 a." }]);
    expect(rows[0].new).toEqual([{ key: "2-9-a", number: "2. a." }]);
  });

  it("carries low confidence as 'possibly related' and links each end of a moved sentence to the other row", () => {
    const moving: CachedComparison = {
      ...comparison,
      rows: [
        { ...modified, confidence: "low", movedSentences: [{ side: "old", start: 0, end: 10, row: 1 }] },
        { ...deleted, movedSentences: [{ side: "new", start: 0, end: 5, row: 0 }] },
        merged,
        unchanged,
      ],
    };
    const rows = comparisonPageBody({
      comparison: moving,
      comments: new Map(),
      sanitizeHtml: stripScripts,
    }).groups.flatMap((group) => group.rows);
    expect(rows.map((row) => row.possiblyRelated)).toEqual([true, false, false, false]);
    expect(rows[0].movedSentences).toEqual([
      // Deleted here, now in the other row's new paragraphs (a deletion has none: "").
      { side: "old", start: 0, end: 10, row: 1, anchor: "ch-old-2-10", number: "", page: null },
    ]);
    expect(rows[1].movedSentences).toEqual([
      { side: "new", start: 0, end: 5, row: 0, anchor: "ch-2-9-a", number: "2.9 a.", page: null },
    ]);
    expect(rows[2].movedSentences).toEqual([]);
  });

  it("lists the comments of the old paragraphs, sanitized, with the adoption of their proposed text", () => {
    const comments = new Map([
      [
        "2-9-a",
        [comment("adopted", NEW), comment("not adopted", OLD.replace("partners", "academia")), comment("none")],
      ],
      ["3-2", [comment("on the second source")]],
    ]);
    const body = comparisonPageBody({ comparison, comments, sanitizeHtml: stripScripts });
    const [first, , mergedRow] = body.groups.flatMap((group) => group.rows);
    expect(first.comments.map((c) => [c.id, c.organization, c.bodyHtml, c.adoption, c.paragraph.key])).toEqual([
      ["adopted", "Delegation A", "<p>adopted</p>", "full", "2-9-a"],
      ["not adopted", "Delegation A", "<p>not adopted</p>", "none", "2-9-a"],
      ["none", "Delegation A", "<p>none</p>", null, "2-9-a"],
    ]);
    expect(first.commentCount).toBe(3);
    expect(mergedRow.comments.map((c) => c.paragraph)).toEqual([{ key: "3-2", number: null }]);
  });

  it(`lists at most ${MAX_COMMENTS_PER_ROW} comments under a change, counts all, sanitizes only those listed`, () => {
    const many = Array.from({ length: MAX_COMMENTS_PER_ROW + 5 }, (_, k) => comment(`c${k}`));
    let sanitized = 0;
    const body = comparisonPageBody({
      comparison,
      comments: new Map([["2-9-a", many]]),
      sanitizeHtml: (html) => {
        sanitized++;
        return html;
      },
    });
    const row = body.groups[0].rows[0];
    expect(row.comments).toHaveLength(MAX_COMMENTS_PER_ROW);
    expect(row.commentCount).toBe(MAX_COMMENTS_PER_ROW + 5);
    expect(sanitized).toBe(MAX_COMMENTS_PER_ROW);
  });
});

describe("buildComparisonPage", () => {
  it("pauses after every slice of rows and returns the same page as comparisonPageBody", () => {
    const input = { comparison, comments: new Map(), sanitizeHtml: stripScripts };
    const builder = buildComparisonPage(input, 2);
    let pauses = 0;
    let step = builder.next();
    while (!step.done) {
      pauses++;
      step = builder.next();
    }
    expect(pauses).toBe(1);
    expect(step.value).toEqual(comparisonPageBody(input));
  });
});

describe("comparisonPayload", () => {
  it("records each row's section: the new version's, the old one's for a deletion", () => {
    const p = (key: string, text: string, section: string) => ({ key, number: null, text, section });
    const payload = comparisonPayload(
      [p("a", OLD, "1"), p("b", "A paragraph about something else that will be dropped entirely.", "2")],
      [p("a", NEW, "9")],
    );
    expect(payload.rows.map((row) => row.kind)).toEqual(["modified", "deleted"]);
    expect(payload.rowSections).toEqual(["9", "2"]);
  });
});

describe("rowNumbers and parseVersionRange", () => {
  it("joins the numbered paragraphs of a row", () => {
    expect(rowNumbers(merged.old)).toBe("3.1");
    expect(
      rowNumbers([
        { key: "j", number: "5.14 j." },
        { key: "k", number: "5.14 k." },
      ]),
    ).toBe("5.14 j. + 5.14 k.");
    expect(rowNumbers([])).toBe("");
  });

  it("parses only a...b ranges", () => {
    expect(parseVersionRange("1...2")).toEqual({ from: 1, to: 2 });
    expect(parseVersionRange("12...3")).toEqual({ from: 12, to: 3 });
    for (const bad of ["1..2", "1...", "0...1", "a...b", "1...2...3", "1.0...2", "", undefined]) {
      expect(parseVersionRange(bad)).toBeNull();
    }
  });
});
