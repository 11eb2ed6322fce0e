import { describe, expect, it } from "vitest";

import { paragraphsForComparison } from "./document";

describe("paragraphsForComparison", () => {
  it("flattens sections in order and counts sub-sections towards their top-level section", () => {
    const paragraphs = paragraphsForComparison({
      title: "Guidelines",
      sections: [
        {
          number: null,
          heading: "Preamble",
          level: 1,
          paragraphs: [{ key: "s1-u1", number: null, text: "Preamble text." }],
        },
        { number: "2", heading: "Pillar 1: Legal Measures", level: 1, paragraphs: [] },
        {
          number: null,
          heading: "Introduction",
          level: 2,
          paragraphs: [{ key: "2-1", number: "2.1", text: "The legal dimension." }],
        },
      ],
    });
    expect(paragraphs).toEqual([
      {
        key: "s1-u1",
        number: null,
        text: "Preamble text.",
        section: "#0",
        sectionNumber: null,
        sectionHeading: "Preamble",
      },
      {
        key: "2-1",
        number: "2.1",
        text: "The legal dimension.",
        section: "2",
        sectionNumber: "2",
        sectionHeading: "Pillar 1: Legal Measures",
      },
    ]);
  });
});
