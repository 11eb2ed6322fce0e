import { describe, expect, it } from "vitest";

import { countByKind, feedbackKind, heatLevel, heatMap, sectionScope, timeSeries } from "./aggregate";

const sections = [
  { id: "s1", number: "1", heading: "Introduction", level: 1, order: 0 },
  { id: "s2", number: "2", heading: "Pillar 1", level: 1, order: 1 },
  { id: "s2a", number: null, heading: "Introduction", level: 2, order: 2 },
  { id: "s2b", number: null, heading: "Guidelines", level: 2, order: 3 },
  { id: "s3", number: "3", heading: "Pillar 2", level: 1, order: 4 },
];

describe("stakeholder groups", () => {
  it("puts source comments in their own bucket and unknown kinds in other", () => {
    expect(feedbackKind("source", null)).toBe("source");
    expect(feedbackKind("platform", "member_state")).toBe("member_state");
    expect(feedbackKind("import", "secretariat")).toBe("other");
    expect(feedbackKind("platform", null)).toBe("other");
  });
  it("sums groupBy rows per kind, every kind present in order", () => {
    const kinds = new Map([
      ["a", "member_state"],
      ["b", "member_state"],
      ["t", "sector_member"],
    ]);
    expect(
      countByKind(
        [
          { organizationId: "a", origin: "platform", count: 3 },
          { organizationId: "b", origin: "import", count: 2 },
          { organizationId: "t", origin: "platform", count: 1 },
          { organizationId: null, origin: "source", count: 4 },
        ],
        kinds,
      ),
    ).toEqual([
      { kind: "member_state", count: 5 },
      { kind: "sector_member", count: 1 },
      { kind: "academia", count: 0 },
      { kind: "civil_society", count: 0 },
      { kind: "international_organization", count: 0 },
      { kind: "source", count: 4 },
      { kind: "other", count: 0 },
    ]);
  });
});

describe("sections and the heat map", () => {
  it("scopes a section to itself and its sub-headings", () => {
    expect(sectionScope(sections, "s2")).toEqual(["s2", "s2a", "s2b"]);
    expect(sectionScope(sections, "s2a")).toEqual(["s2a"]);
    expect(sectionScope(sections, "s3")).toEqual(["s3"]);
    expect(sectionScope(sections, "nope")).toEqual([]);
  });
  it("shades paragraphs on a log scale and rolls totals up to the parent section", () => {
    const paragraphs = [
      { id: "p1", sectionId: "s1" },
      { id: "p2", sectionId: "s2a" },
      { id: "p3", sectionId: "s2b" },
      { id: "p4", sectionId: "s2b" },
    ];
    const map = heatMap(
      sections,
      paragraphs,
      new Map([
        ["p2", 1],
        ["p3", 100],
        ["p4", 10],
      ]),
    );
    expect(map.max).toBe(100);
    expect(map.sections.map((entry) => [entry.section.id, entry.count, entry.total])).toEqual([
      ["s1", 0, 0],
      ["s2", 0, 111],
      ["s2a", 1, 1],
      ["s2b", 110, 110],
      ["s3", 0, 0],
    ]);
    expect(map.sections[3].paragraphs.map((p) => [p.id, p.count, p.level])).toEqual([
      ["p3", 100, 5],
      ["p4", 10, 3],
    ]);
    expect([heatLevel(0, 10), heatLevel(1, 1), heatLevel(1, 1000), heatLevel(1000, 1000)]).toEqual([0, 5, 1, 5]);
  });
});

describe("timeSeries", () => {
  it("fills the days without comments", () => {
    expect(
      timeSeries([
        { day: "2026-01-07", count: 2 },
        { day: "2026-01-05", count: 1 },
      ]),
    ).toEqual({
      unit: "day",
      points: [
        { date: "2026-01-05", count: 1 },
        { date: "2026-01-06", count: 0 },
        { date: "2026-01-07", count: 2 },
      ],
    });
    expect(timeSeries([])).toEqual({ unit: "day", points: [] });
  });
  it("sums long spans into weeks starting on Monday", () => {
    const series = timeSeries([
      { day: "2026-01-01", count: 1 }, // a Thursday: week of Monday 29 December
      { day: "2026-01-04", count: 2 }, // Sunday, same week
      { day: "2026-06-01", count: 5 },
    ]);
    expect(series.unit).toBe("week");
    expect(series.points[0]).toEqual({ date: "2025-12-29", count: 3 });
    expect(series.points[series.points.length - 1]).toEqual({ date: "2026-06-01", count: 5 });
    expect(series.points.reduce((sum, point) => sum + point.count, 0)).toBe(8);
  });
});
