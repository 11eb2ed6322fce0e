/**
 * The comparison on the real GCA consultation: the 2020 draft (C20/65)
 * against the guidelines approved in 2022. Expected pairings were checked by
 * reading both texts side by side.
 */
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseText } from "../import";
import { compareVersions, type ComparisonRow } from "./compare";
import { paragraphsForComparison } from "./document";

const read = (name: string) => readFileSync(new URL(`../../../tests/fixtures/corpus/${name}`, import.meta.url), "utf8");
const draft = parseText(read("gca-guidelines-draft-2020-C20-65.txt"));
const final = parseText(read("gca-guidelines-final-2022.txt"));
const a = paragraphsForComparison(draft);
const b = paragraphsForComparison(final);
const comparison = compareVersions(a, b);

const label = (numbers: Array<string | null>) => numbers.map((number) => number ?? "(unnumbered)").join(" + ") || "–";
const numbers = (refs: ComparisonRow["old"]) => label(refs.map((ref) => ref.number));
const describeRow = (row: ComparisonRow) =>
  `${row.kind}${row.moved ? " moved" : ""} ${numbers(row.old)} → ${numbers(row.new)}`;
const rowOfOld = (number: string) => comparison.rows.find((row) => row.old.some((ref) => ref.number === number));

describe("comparison of the GCA guidelines, 2020 draft → 2022 final", () => {
  it("pairs the 2020 guideline 2.9 a. with the 2022 guideline 2. a. (same text, new number)", () => {
    expect(rowOfOld("2.9 a.")).toMatchObject({
      kind: "modified",
      renumbered: true,
      moved: false,
      old: [{ key: "2-9-a", number: "2.9 a." }],
      new: [{ key: "2-a", number: "2. a." }],
    });
    expect(rowOfOld("2.9 a.")?.changes).toEqual([
      {
        type: "equal",
        text: "ITU should continue its efforts to facilitate multi-stakeholder discussions and collaboration ",
      },
      { type: "delete", text: "on" },
      { type: "insert", text: "for addressing" },
      { type: "equal", text: " the challenges associated with " },
      { type: "delete", text: "addressing the issue of " },
      { type: "equal", text: "cybersecurity, and in particular, strengthen its relationship with " },
      { type: "delete", text: "partners and other" },
      { type: "insert", text: "all" },
      { type: "equal", text: " stakeholders to deliver assistance to Member States in this regard." },
    ]);
  });

  it("shows the dropped background ('Evolution of the … since 2008' up to each pillar's guidelines) as deleted", () => {
    // In the draft, each pillar section runs: Introduction, Evolution of the …
    // landscape since 2008, further background subsections, Guidelines to
    // utilize Pillar n. Everything from "Evolution" to "Guidelines" was cut.
    const dropped: string[] = [];
    let inBackground = false;
    for (const section of draft.sections) {
      if (section.level === 1 || /^Guidelines to utilize/i.test(section.heading)) inBackground = false;
      if (/^Evolution of the .* landscape since 2008$/i.test(section.heading)) inBackground = true;
      if (inBackground) dropped.push(...section.paragraphs.map((paragraph) => paragraph.key));
    }
    // 2.3–2.6 (with 2.5 a.–e.), 3.3–3.11, 4.3–4.7, 5.4–5.9, 6.3–6.16.
    expect(dropped).toHaveLength(9 + 9 + 5 + 6 + 14);
    const kindOf = new Map(comparison.rows.flatMap((row) => row.old.map((ref) => [ref.key, row.kind] as const)));
    expect(dropped.filter((key) => kindOf.get(key) !== "deleted")).toEqual([]);
  });

  it("reports renumbered paragraphs as one row each, never as a deletion plus an insertion", () => {
    expect(rowOfOld("1.27")).toMatchObject({ kind: "unchanged", renumbered: true, new: [{ number: "1.8" }] });
    expect(rowOfOld("4.8")).toMatchObject({ kind: "unchanged", renumbered: true, new: [{ number: "4." }] });
    expect(rowOfOld("1.4")).toMatchObject({ kind: "modified", renumbered: true, new: [{ number: "1.5" }] });
    expect(rowOfOld("1.25")).toMatchObject({ kind: "modified", renumbered: true, new: [{ number: null }] });
    // No surviving 2022 paragraph is reported as new: the only insertions are
    // the genuinely new text about the 2021–2022 process and the standardization gap.
    const inserted = comparison.rows.filter((row) => row.kind === "inserted");
    expect(inserted.map((row) => row.new[0].number)).toEqual(["1.6", "1.7", "1.7 a)", "1.7 b)", null]);
    expect(b[inserted[4].new[0].index].text).toMatch(
      /^Continue capacity building efforts on bridging the standardisation gap/,
    );
  });

  it("pairs every surviving paragraph as verified by reading the two texts", () => {
    expect(comparison.rows.filter((row) => row.kind !== "deleted").map(describeRow)).toEqual([
      "unchanged 1.1 → 1.1",
      "modified 1.2 → 1.2",
      "modified 1.3 → 1.3",
      // 2020 1.4 and 1.5 swapped places: the consultation paragraph now
      // comes before the one on who formulated the guidelines.
      "modified moved 1.5 → 1.4",
      "modified 1.4 → 1.5",
      "inserted – → 1.6",
      "inserted – → 1.7",
      "inserted – → 1.7 a)",
      "inserted – → 1.7 b)",
      "modified 1.25 → (unnumbered)",
      "unchanged 1.27 → 1.8",
      "modified 2.9 → 2.",
      "modified 2.9 a. → 2. a.",
      "modified 2.9 b. → 2. b.",
      "modified 2.9 c. → 2. c.",
      // The Child Online Protection half of 2.9 g. became 2. d.
      "modified 2.9 g. → 2. d.",
      "modified 3.12 → 3.",
      "modified 3.12 a. → 3. a.",
      "modified 3.12 b. → 3. b.",
      "unchanged 3.12 c. → 3. c.",
      "modified 3.12 d. → 3. d.",
      "modified 3.12 e. → 3. e.",
      "modified 3.12 f. → 3. f.",
      "unchanged 4.8 → 4.",
      "modified 4.8 a. → 4. a.",
      // 4.8 b. (prioritize countries without structures) was dropped.
      "modified 4.8 c. → 4. b.",
      "modified 4.8 d. → 4. c.",
      "modified 4.8 e. → 4. d.",
      "unchanged 4.8 f. → 4. e.",
      "modified 5.14 → 5.",
      "modified 5.14 a. → 5. a.",
      "modified 5.14 b. → 5. b.",
      "modified 5.14 c. → 5. c.",
      "inserted – → (unnumbered)",
      "modified 5.14 d. → 5. d.",
      "modified 5.14 e. → 5. e.",
      "modified 5.14 f. → 5. f.",
      "modified 5.14 g. → 5. g.",
      "modified 5.14 h. → 5. h.",
      "modified 5.14 i. → 5. i.",
      // "Continue to promote a culture of cybersecurity." joined the end of j.
      "merged 5.14 j. + 5.14 k. → 5. j.",
      "modified 6.17 → 6.",
      "modified 6.17 a. → 6. a.",
      "modified 6.17 b. → 6. b.",
      "modified 6.17 c. → 6. c.",
      "unchanged 6.17 d. → 6. d.",
      "modified 6.17 e. → 6. e.",
      "unchanged 7.1 → 7.",
      "unchanged 7.1 a. → 7. a.",
      "unchanged 7.1 b. → 7. b.",
      "modified 7.1 c. → 7. c.",
      "modified 7.1 d. → 7. d.",
      "unchanged 7.1 e. → 7. e.",
    ]);
  });

  it("deletes the dropped guidelines and the annex, and counts every row once", () => {
    for (const number of ["2.9 d.", "2.9 e.", "2.9 f.", "2.9 h.", "4.8 b.", "7.1 f."]) {
      expect(rowOfOld(number)?.kind).toBe("deleted");
    }
    const annex = comparison.sections.find((section) => section.version === "old" && section.section === "Annex 1");
    expect(annex?.counts.deleted).toBe(20);
    expect(comparison.totals).toEqual({
      unchanged: 10,
      modified: 35,
      // 3.12 e. → 3. e. (ADR 0033), counted apart from the certain modifications.
      possiblyRelated: 1,
      moved: 1,
      split: 0,
      merged: 1,
      added: 5,
      deleted: 106,
      renumbered: 45,
    });
    expect(comparison.rows.flatMap((row) => row.old).length).toBe(a.length);
    expect(comparison.rows.flatMap((row) => row.new).length).toBe(b.length);
  });
});
