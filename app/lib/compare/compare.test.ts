import { describe, expect, it } from "vitest";

import { compareVersions, emptyCounts, type CompareParagraph } from "./compare";
import { generateDocumentPair } from "./synthetic";

const paragraph = (key: string, number: string, section: string, text: string): CompareParagraph => ({
  key,
  number,
  text,
  section,
  sectionNumber: section,
  sectionHeading: `Heading ${section}`,
});

describe("compareVersions", () => {
  it("returns rows with word changes and per-section counts (deletions under the old section)", () => {
    const a = [
      paragraph("1-1", "1.1", "1", "The GCA is comprised of five Pillars or Work Areas."),
      paragraph("1-2", "1.2", "1", "The HLEG comprised an independent global expert group."),
      paragraph("2-9-a", "2.9 a.", "2", "ITU should continue to work with partners to develop resources."),
      paragraph("2-9-b", "2.9 b.", "2", "Member States are urged to design any appropriate legal measures."),
    ];
    const b = [
      paragraph("1-1", "1.1", "1", "The GCA is comprised of five Pillars or Work Areas."),
      paragraph("2-a", "2. a.", "2", "ITU should continue to work with relevant partners to develop resources."),
      paragraph("2-b", "2. b.", "2", "ITU should promote a better understanding of emerging technologies."),
    ];
    const counts = (partial: Partial<ReturnType<typeof emptyCounts>>) => ({ ...emptyCounts(), ...partial });
    expect(compareVersions(a, b)).toEqual({
      rows: [
        {
          kind: "unchanged",
          moved: false,
          renumbered: false,
          similarity: 1,
          old: [{ index: 0, key: "1-1", number: "1.1" }],
          new: [{ index: 0, key: "1-1", number: "1.1" }],
          changes: [{ type: "equal", text: "The GCA is comprised of five Pillars or Work Areas." }],
        },
        {
          kind: "deleted",
          moved: false,
          renumbered: false,
          similarity: 0,
          old: [{ index: 1, key: "1-2", number: "1.2" }],
          new: [],
          changes: [{ type: "delete", text: "The HLEG comprised an independent global expert group." }],
        },
        {
          kind: "modified",
          moved: false,
          renumbered: true,
          similarity: 0.8947,
          old: [{ index: 2, key: "2-9-a", number: "2.9 a." }],
          new: [{ index: 1, key: "2-a", number: "2. a." }],
          changes: [
            { type: "equal", text: "ITU should continue to work with " },
            { type: "insert", text: "relevant " },
            { type: "equal", text: "partners to develop resources." },
          ],
        },
        {
          kind: "deleted",
          moved: false,
          renumbered: false,
          similarity: 0,
          old: [{ index: 3, key: "2-9-b", number: "2.9 b." }],
          new: [],
          changes: [{ type: "delete", text: "Member States are urged to design any appropriate legal measures." }],
        },
        {
          kind: "inserted",
          moved: false,
          renumbered: false,
          similarity: 0,
          old: [],
          new: [{ index: 2, key: "2-b", number: "2. b." }],
          changes: [{ type: "insert", text: "ITU should promote a better understanding of emerging technologies." }],
        },
      ],
      sections: [
        { version: "new", section: "1", number: "1", heading: "Heading 1", counts: counts({ unchanged: 1 }) },
        { version: "old", section: "1", number: "1", heading: "Heading 1", counts: counts({ deleted: 1 }) },
        {
          version: "new",
          section: "2",
          number: "2",
          heading: "Heading 2",
          counts: counts({ modified: 1, added: 1, renumbered: 1 }),
        },
        { version: "old", section: "2", number: "2", heading: "Heading 2", counts: counts({ deleted: 1 }) },
      ],
      totals: counts({ unchanged: 1, modified: 1, added: 1, deleted: 2, renumbered: 1 }),
    });
  });

  it("diffs a split against the new paragraphs joined by a blank line", () => {
    const a = [
      paragraph(
        "p",
        "1",
        "1",
        "ITU should assist developing countries. ITU should measure commitments of Member States.",
      ),
    ];
    const b = [
      paragraph("q1", "1", "1", "ITU should assist developing countries."),
      paragraph("q2", "2", "1", "ITU should measure commitments of Member States."),
    ];
    const [row] = compareVersions(a, b).rows;
    expect(row.kind).toBe("split");
    expect(row.new.map((ref) => ref.key)).toEqual(["q1", "q2"]);
    expect(row.changes).toEqual([
      { type: "equal", text: "ITU should assist developing countries." },
      { type: "delete", text: " " },
      { type: "insert", text: "\n\n" },
      { type: "equal", text: "ITU should measure commitments of Member States." },
    ]);
  });

  it("counts a moved paragraph as moved, not as modified or unchanged", () => {
    const texts = [
      "The GCA is comprised of five Pillars or Work Areas and is designed for multi-stakeholder cooperation.",
      "ITU should continue to assist developing countries in the implementation of national CIRTs.",
      "ITU should increase its efforts to measure institutional commitments of Member States.",
      "ITU should continue to foster greater collaboration among cybersecurity organizational structures.",
    ];
    const a = texts.map((text, i) => paragraph(`a${i}`, String(i + 1), "1", text));
    const b = [texts[0], texts[2], texts[3], texts[1]].map((text, i) => paragraph(`b${i}`, String(i + 1), "1", text));
    const { totals } = compareVersions(a, b);
    expect(totals).toEqual({ ...emptyCounts(), unchanged: 3, moved: 1, renumbered: 3 });
  });

  it("matches the generator's ground truth in its totals on a synthetic pair", () => {
    const pair = generateDocumentPair({ paragraphs: 600, seed: 3, split: 0.02, merged: 0.02 });
    const { totals, rows } = compareVersions(pair.a, pair.b);
    const truthCount = (test: (fact: (typeof pair.truth)[number]) => boolean) => pair.truth.filter(test).length;
    expect(totals.added).toBe(truthCount((fact) => fact.kind === "inserted"));
    expect(totals.deleted).toBe(truthCount((fact) => fact.kind === "deleted"));
    expect(totals.split).toBe(truthCount((fact) => fact.kind === "split"));
    expect(totals.merged).toBe(truthCount((fact) => fact.kind === "merged"));
    expect(totals.moved).toBe(truthCount((fact) => fact.moved));
    expect(rows).toHaveLength(pair.truth.length);
    // Rows survive a JSON round trip unchanged: the comparison is plain data.
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });
});
