import { describe, expect, it } from "vitest";

import { groupRowsBySection } from "./disposition-table";

// The outline of tests/integration/feedback-fixtures.ts: "Guidelines" is a sub-heading of "2 Legal measures".
const sections = [
  { id: "s1", number: "1", heading: "Introduction", level: 1, order: 0 },
  { id: "s2", number: "2", heading: "Legal measures", level: 1, order: 1 },
  { id: "s2a", number: null, heading: "Guidelines", level: 2, order: 2 },
  { id: "s3", number: "3", heading: "Cooperation", level: 1, order: 3 },
];

const row = (id: string, sectionId: string | null) => ({ id, sectionId });

describe("groupRowsBySection", () => {
  it("cuts rows in document order into one group per section, a sub-heading with its parent", () => {
    const groups = groupRowsBySection(
      sections,
      [row("a", "s1"), row("b", "s1"), row("c", "s2a"), row("d", "s3"), row("e", null)],
      (r) => r.sectionId,
    );
    expect(groups).toEqual([
      {
        section: { id: "s1", number: "1", heading: "Introduction", parent: null },
        rows: [row("a", "s1"), row("b", "s1")],
      },
      {
        section: { id: "s2a", number: null, heading: "Guidelines", parent: { number: "2", heading: "Legal measures" } },
        rows: [row("c", "s2a")],
      },
      { section: { id: "s3", number: "3", heading: "Cooperation", parent: null }, rows: [row("d", "s3")] },
      { section: null, rows: [row("e", null)] },
    ]);
  });

  it("treats an unknown section like no section, and starts a new group when a section comes back", () => {
    const groups = groupRowsBySection(
      sections,
      [row("a", "gone"), row("b", null), row("c", "s1"), row("d", "s3"), row("e", "s1")],
      (r) => r.sectionId,
    );
    expect(groups.map((group) => [group.section?.id ?? null, group.rows.map((r) => r.id)])).toEqual([
      [null, ["a", "b"]],
      ["s1", ["c"]],
      ["s3", ["d"]],
      ["s1", ["e"]],
    ]);
  });

  it("gives no parent to a sub-heading before any top-level section", () => {
    const [group] = groupRowsBySection(
      [{ id: "x", number: null, heading: "Preamble", level: 2, order: 0 }],
      [row("a", "x")],
      (r) => r.sectionId,
    );
    expect(group.section).toEqual({ id: "x", number: null, heading: "Preamble", parent: null });
  });

  it("returns no group for no rows", () => {
    expect(groupRowsBySection(sections, [], () => null)).toEqual([]);
  });
});
