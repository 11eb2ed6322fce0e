/**
 * The comparison page's section headings on the real pairs (tests/fixtures/corpus/real-pairs): each heading
 * row's change as the page model gives it, rows grouped by section lineage and per-section counts that do
 * not pool unrelated sections. The expected changes were read off both versions side by side (see
 * real-pairs.test.ts for the section lineage itself).
 */
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseMarkdown } from "../import";
import { indexComparison, pageRowIndexes, planRowPages, runToEnd, type ComparisonIndex } from "./page";
import { documentComparisonPayload } from "./payload";
import { isRelettering } from "./section-changes";

import type { WordChange } from "./words";

const read = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/corpus/real-pairs/${name}`, import.meta.url), "utf8");

function pageOf(oldName: string, newName: string) {
  const payload = documentComparisonPayload(parseMarkdown(read(oldName)), parseMarkdown(read(newName)));
  return { payload, index: runToEnd(indexComparison(payload)) };
}

/** The first group headed `heading` (and numbered `number`, when given). */
function group(index: ComparisonIndex, heading: string, number?: string) {
  const found = index.groups.find(
    (candidate) => candidate.heading === heading && (number === undefined || candidate.number === number),
  );
  expect(found, `group "${number ?? ""} ${heading}"`).toBeDefined();
  return found!;
}

/** [kinds, old number, formerly] of the first group so headed. */
function headingChange(index: ComparisonIndex, heading: string, number?: string) {
  const found = group(index, heading, number);
  return { kinds: found.change!.kinds, oldNumber: found.change!.oldNumber, formerHeading: found.formerHeading };
}

/** A heading's word diff as "[-deleted-]{+inserted+}" text. */
function diffText(changes: readonly WordChange[] | null | undefined) {
  return (changes ?? [])
    .map((change) =>
      change.type === "equal" ? change.text : change.type === "insert" ? `{+${change.text}+}` : `[-${change.text}-]`,
    )
    .join("");
}

/** No "(formerly …)" but on a section the lineage calls the same one, renamed. */
function expectFormerlyOnlyWhenRenamed(index: ComparisonIndex) {
  for (const candidate of index.groups) {
    expect(candidate.formerHeading !== null, `${candidate.number} ${candidate.heading}`).toBe(
      candidate.change!.kinds.includes("renamed"),
    );
  }
}

describe("section headings on the comparison page, real pairs", () => {
  it("GitHub privacy statement: renamed headings as word diffs, moved sections with where from, new, deleted", () => {
    const { index } = pageOf("github-privacy-statement-2017-06.md", "github-privacy-statement-2018-05.md");
    expect(headingChange(index, "Why we collect this")).toEqual({
      kinds: ["renamed"],
      oldNumber: null,
      formerHeading: "Why do we collect this?",
    });
    expect(diffText(group(index, "Why we collect this").change!.headingChanges)).toMatch(/\[-do -\]/);
    // Both "Why do we collect this?" sub-sections, each under its own section.
    expect(index.groups.filter((g) => g.heading === "Why we collect this" && g.level === 2)).toHaveLength(2);
    expect(headingChange(index, "How we, and others, communicate with you").kinds).toEqual(["renamed", "moved"]);
    expect(diffText(group(index, "How we, and others, communicate with you").change!.headingChanges)).toBe(
      "How we{+, and others,+} communicate with you",
    );
    // Only the capitals changed: the same name, no "(formerly …)".
    expect(headingChange(index, "Resolving complaints")).toEqual({ kinds: [], oldNumber: null, formerHeading: null });
    expect(group(index, "Data retention and deletion").change).toMatchObject({
      kinds: ["moved"],
      movedFrom: "How you can access and control the information we collect",
    });
    expect(headingChange(index, "Summary").kinds).toEqual(["added"]);
    expect(headingChange(index, "Tracking").kinds).toEqual(["deleted"]);
    expectFormerlyOnlyWhenRenamed(index);
  });

  it("in-toto: 4.2 renamed 'General principles', 1.6 Terminology renumbered 1.7, 4.3.3.2 renamed and moved", () => {
    const { index } = pageOf("in-toto-spec-v0.9.md", "in-toto-spec-v1.0.md");
    expect(headingChange(index, "General principles", "4.2")).toEqual({
      kinds: ["renamed"],
      oldNumber: "4.2",
      formerHeading: "File formats: general principles",
    });
    expect(diffText(group(index, "General principles").change!.headingChanges)).toBe(
      "[-File formats: general-]{+General+} principles",
    );
    expect(headingChange(index, "Terminology", "1.7")).toMatchObject({ kinds: ["renumbered"], oldNumber: "1.6" });
    expect(headingChange(index, "Hash object format", "4.2.3")).toMatchObject({
      kinds: ["renumbered"],
      oldNumber: "4.2.1",
    });
    expect(headingChange(index, "Rule processing", "4.3.3.1")).toMatchObject({
      kinds: ["renumbered", "renamed", "moved"],
      oldNumber: "4.3.3.2",
      formerHeading: "Verifying expected_products and expected_materials",
    });
    expect(headingChange(index, "in-toto Enhancements (ITEs)", "1.6").kinds).toEqual(["added"]);
    // "1 Introduction" holds no paragraph of its own: its heading is on the page all the same, before 1.1.
    const introduction = index.groups.findIndex((g) => g.number === "1" && g.heading === "Introduction");
    expect(index.groups[introduction]).toMatchObject({ level: 1, change: { kinds: [] } });
    expect(index.groups[introduction + 1]).toMatchObject({ number: "1.1", level: 2 });
    expect(index.groups[introduction].lastRow).toBeLessThan(index.groups[introduction].firstRow);
    expectFormerlyOnlyWhenRenamed(index);
  });

  it("NIST SP 800-63-3: 5.3 'Selecting the Appropriate xAL' is chapter 6, renumbered and renamed", () => {
    const { index } = pageOf("nist-sp800-63-3-xal-2017-01-30-draft.md", "nist-sp800-63-3-xal-2017-06-18-final.md");
    expect(headingChange(index, "Selecting Assurance Levels", "6")).toEqual({
      kinds: ["renumbered", "renamed"],
      oldNumber: "5.3",
      formerHeading: "Selecting the Appropriate xAL",
    });
    expect(group(index, "Selecting Assurance Levels").level).toBe(1);
    expect(headingChange(index, "Selecting IAL", "6.1")).toMatchObject({
      kinds: ["renumbered", "moved"],
      oldNumber: "5.3.3",
    });
    expect(group(index, "Selecting IAL").change!.movedFrom).toBe("5.3.2 Selecting AAL");
    expect(headingChange(index, "Selecting AAL", "6.2")).toMatchObject({ kinds: ["renumbered"], oldNumber: "5.3.2" });
    expect(headingChange(index, "Combining xALs", "6.4")).toMatchObject({
      kinds: ["renumbered", "renamed", "moved"],
      oldNumber: "5.2",
    });
    expect(headingChange(index, "Determining IAL, AAL, and FAL", "5").kinds).toEqual(["deleted"]);
    expect(headingChange(index, "Federation Considerations", "5.4").kinds).toEqual(["deleted"]);
    expectFormerlyOnlyWhenRenamed(index);
  });

  it("OpenJS charter: Sections 8, 9, 10 renumbered 9, 10, 11; the new 8 is new, with no false '(formerly …)'", () => {
    const { index } = pageOf("openjs-cpc-charter-2019-01-14.md", "openjs-cpc-charter-2026-01-07.md");
    expect(headingChange(index, "Decision Making", "9")).toEqual({
      kinds: ["renumbered"],
      oldNumber: "8",
      formerHeading: null,
    });
    expect(headingChange(index, "Voting", "10")).toMatchObject({ kinds: ["renumbered"], oldNumber: "9" });
    expect(headingChange(index, "Definitions", "11")).toMatchObject({ kinds: ["renumbered"], oldNumber: "10" });
    expect(headingChange(index, "Board Representation", "8")).toEqual({
      kinds: ["added"],
      oldNumber: null,
      formerHeading: null,
    });
    expect(headingChange(index, "Responsibilities Delegated to OpenJS Foundation Projects", "6")).toMatchObject({
      kinds: ["renamed"],
      formerHeading: "Non-Responsibilities of the CPC",
    });
    expectFormerlyOnlyWhenRenamed(index);
  });

  it("OpenJS charter: per-section counts follow the lineage, not the numbers", () => {
    const { payload, index } = pageOf("openjs-cpc-charter-2019-01-14.md", "openjs-cpc-charter-2026-01-07.md");
    const summary = (number: string) => index.sections.find((section) => section.number === number)!;
    // New Section 8 is all new text: none of the old Section 8's deletions count towards it.
    expect(summary("8")).toMatchObject({ heading: "Board Representation", counts: { deleted: 0, added: 5 } });
    // Old Section 8 "Decision Making" lives on as 9: its deletions count there.
    expect(summary("9")).toMatchObject({ heading: "Decision Making", counts: { deleted: 2 } });
    // One summary per top-level section; every row counted once.
    const sum = (key: "deleted" | "added" | "modified") =>
      index.sections.reduce((total, section) => total + section.counts[key], 0);
    expect(sum("deleted")).toBe(payload.totals.deleted);
    expect(sum("added")).toBe(payload.totals.added);
    expect(sum("modified")).toBe(payload.totals.modified);
    expect(new Set(index.sections.map((section) => `${section.number} ${section.heading}`)).size).toBe(
      index.sections.length,
    );
    // Each summary links to its section's own heading.
    for (const section of index.sections) {
      const heading = index.groups.find((g) => g.id === section.groupId)!;
      expect([heading.number, heading.heading]).toEqual([section.number, section.heading]);
    }
  });
});

describe("section headings: small cases", () => {
  const para = (n: number) => `Paragraph ${n} sets out in its own words how the budget line ${n} is reviewed.`;

  it("calls 'Annex A' → 'Annex B' re-lettered, '3.2' → '4.2' renumbered", () => {
    expect(isRelettering("Annex A", "Annex B")).toBe(true);
    expect(isRelettering("5.14 j.", "5.14 k.")).toBe(true);
    expect(isRelettering("3.2", "4.2")).toBe(false);
    expect(isRelettering("A", "A")).toBe(false);
    const payload = documentComparisonPayload(
      parseMarkdown(`# Annex A. Budget\n\n${para(1)}\n\n${para(2)}`),
      parseMarkdown(`# Annex A. Staffing\n\nA new annex on staffing.\n\n# Annex B. Budget\n\n${para(1)}\n\n${para(2)}`),
    );
    const index = runToEnd(indexComparison(payload));
    expect(index.groups.map((g) => [g.number, g.heading, g.change!.kinds, g.change!.oldNumber])).toEqual([
      ["Annex A", "Staffing", ["added"], null],
      ["Annex B", "Budget", ["relettered"], "Annex A"],
    ]);
  });

  it("shows a heading whose only change is its name in 'changes only', with no rows under it", () => {
    const payload = documentComparisonPayload(
      parseMarkdown(`## 1. Scope\n\n${para(1)}\n\n## 2. Budget\n\n${para(2)}`),
      parseMarkdown(`## 1. Scope and purpose\n\n${para(1)}\n\n## 2. Budget\n\n${para(2)} Amended.`),
    );
    const index = runToEnd(indexComparison(payload));
    const pages = planRowPages(index, true);
    const shown = pageRowIndexes(index, pages[0], true).map(({ group, rows }) => [
      index.groups[group].heading,
      rows.length,
    ]);
    expect(shown).toEqual([
      ["Scope and purpose", 0],
      ["Budget", 1],
    ]);
    // All paragraphs: both sections with their rows.
    expect(pageRowIndexes(index, planRowPages(index, false)[0], false).map(({ rows }) => rows.length)).toEqual([1, 1]);
  });
});
