import { describe, expect, it } from "vitest";

import { findHeaderRow, validateTemplateRows, type TemplateRow } from "./template";

const paragraphs = [
  {
    id: "p1",
    key: "2-9-a",
    number: "2.9 a.",
    text: "ITU should continue its efforts to facilitate multi-stakeholder discussions.",
  },
  {
    id: "p2",
    key: "5-14-f",
    number: "5.14 f.",
    text: "Continue to maintain special focus on the needs of the more vulnerable groups—such as woman, children.",
  },
  { id: "p3", key: "intro", number: null, text: "Unnumbered." },
];

const row = (rowNumber: number, cells: string[]): TemplateRow => ({ rowNumber, cells });

describe("findHeaderRow", () => {
  it("finds the header by its type and comment columns, after title rows", () => {
    const rows = [
      row(1, ["Commenting template"]),
      row(2, ["One comment per row"]),
      row(3, [
        "(1) Organization",
        "(2) Line",
        "(3) Clause",
        "(4) Paragraph",
        "(5) Type of comment",
        "(6) Comments",
        "(7) Proposed change",
        "(8) Observations",
      ]),
    ];
    expect(findHeaderRow(rows)).toBe(2);
    expect(findHeaderRow([row(1, ["a", "b"])])).toBe(-1);
  });
});

describe("validateTemplateRows", () => {
  it("accepts valid rows, skips empty ones, and maps them to paragraphs, types and quotes", () => {
    const result = validateTemplateRows({
      organizationName: "Delegation of Member State A",
      paragraphs,
      rows: [
        row(4, [
          "Delegation of Member State A",
          "2.9 a.",
          "2 Pillar 1",
          "“multi-stakeholder discussions”",
          "te",
          "Name regional organizations.",
          "ITU, with regional organizations, should …",
          "",
        ]),
        row(5, ["", "", "", "", "", "", "", ""]),
        row(6, ["", "5.14f", "", "", "ed", "woman → women", "", "ignored observation"]),
        row(7, ["", "intro", "", "", "general", "On the key.", "", ""]),
      ],
    });
    expect(result).toEqual({
      ok: true,
      comments: [
        {
          rowNumber: 4,
          paragraphId: "p1",
          paragraphKey: "2-9-a",
          type: "technical",
          comment: "Name regional organizations.",
          proposedText: "ITU, with regional organizations, should …",
          quote: { text: "multi-stakeholder discussions", start: 46, end: 75 },
        },
        {
          rowNumber: 6,
          paragraphId: "p2",
          paragraphKey: "5-14-f",
          type: "editorial",
          comment: "woman → women",
          proposedText: null,
          quote: null,
        },
        {
          rowNumber: 7,
          paragraphId: "p3",
          paragraphKey: "intro",
          type: "general",
          comment: "On the key.",
          proposedText: null,
          quote: null,
        },
      ],
    });
  });

  it("rejects every bad row with its number and reason", () => {
    const result = validateTemplateRows({
      organizationName: "Delegation of Member State A",
      paragraphs,
      rows: [
        row(4, ["", "2.9 a.", "", "", "te", "Fine.", "", ""]),
        row(5, ["", "9.99", "", "", "te", "Unknown paragraph.", "", ""]),
        row(6, ["", "2.9 a.", "", "", "urgent", "Bad type.", "", ""]),
        row(7, ["", "2.9 a.", "", "", "ge", "   ", "", ""]),
        row(8, ["", "", "", "", "ge", "No paragraph.", "", ""]),
        row(9, ["", "2.9 a.", "", "not in the paragraph", "ge", "Bad quote.", "", ""]),
        row(10, ["Delegation of Member State B", "2.9 a.", "", "", "ge", "Other organization.", "", ""]),
        row(11, ["", "2.9 a.", "", "", "ge", "x".repeat(20_001), "", ""]),
      ],
    });
    expect(result).toEqual({
      ok: false,
      validRows: 1,
      errors: [
        { rowNumber: 5, code: "paragraphUnknown", values: { number: "9.99" } },
        { rowNumber: 6, code: "typeInvalid", values: { value: "urgent" } },
        { rowNumber: 7, code: "commentEmpty", values: {} },
        { rowNumber: 8, code: "paragraphMissing", values: {} },
        { rowNumber: 9, code: "quoteNotFound", values: { number: "2.9 a." } },
        {
          rowNumber: 10,
          code: "organizationMismatch",
          values: { found: "Delegation of Member State B", expected: "Delegation of Member State A" },
        },
        { rowNumber: 11, code: "commentTooLong", values: { length: 20_001, max: 20_000 } },
      ],
    });
  });
});

describe("paragraphs sharing a number (an annex restarting its numbering)", () => {
  const twins = [
    {
      id: "pillar",
      key: "4-1",
      number: "4.1",
      text: "Organizational structures.",
      section: { number: null, heading: "Introduction" },
    },
    {
      id: "annex",
      key: "annex-1-4-1",
      number: "4.1",
      text: "Regional example.",
      section: { number: "Annex 1", heading: "Some examples" },
    },
  ];
  const rowWithSection = (section: string) => row(4, ["", "4.1", section, "", "ge", "Which one?", "", ""]);
  it("uses column 3 to choose, and rejects the row when it does not tell", () => {
    const chosen = validateTemplateRows({
      organizationName: "X",
      paragraphs: twins,
      rows: [rowWithSection("Annex 1 Some examples")],
    });
    expect(chosen.ok && chosen.comments[0].paragraphId).toBe("annex");
    const byKey = validateTemplateRows({
      organizationName: "X",
      paragraphs: twins,
      rows: [row(4, ["", "annex-1-4-1", "", "", "ge", "By key.", "", ""])],
    });
    expect(byKey.ok && byKey.comments[0].paragraphId).toBe("annex");
    expect(validateTemplateRows({ organizationName: "X", paragraphs: twins, rows: [rowWithSection("")] })).toEqual({
      ok: false,
      validRows: 0,
      errors: [{ rowNumber: 4, code: "paragraphAmbiguous", values: { number: "4.1" } }],
    });
  });
});
