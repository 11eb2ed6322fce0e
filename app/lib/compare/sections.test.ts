// Section lineage on small documents: each rule of alignSections, one case each.
import { describe, expect, it } from "vitest";

import { parseMarkdown } from "../import";
import { alignSections } from "./sections";

const para = (n: number) =>
  `Paragraph ${n} explains in its own words how the council reviews the budget line number ${n} every year.`;
const body = (...ns: number[]) => ns.map(para).join("\n\n");
const UNRELATED =
  "Observers may attend meetings without a vote.\n\nMinutes are published within a week of each meeting.";

/** [kind, old heading, new heading, renumbered, moved] of every link. */
function links(oldMarkdown: string, newMarkdown: string) {
  const before = parseMarkdown(oldMarkdown);
  const after = parseMarkdown(newMarkdown);
  return alignSections(before, after).links.map((link) => [
    link.kind,
    link.old === null ? null : before.sections[link.old].heading,
    link.new === null ? null : after.sections[link.new].heading,
    link.renumbered,
    link.moved,
  ]);
}

describe("alignSections", () => {
  it("calls a section whose heading changed but whose paragraphs stayed 'renamed', not deleted and added", () => {
    expect(
      links(`## 3. Scope\n\n${body(1, 2, 3)}`, `## 3. Scope and purpose of the charter\n\n${body(1, 2, 3)}`),
    ).toEqual([["renamed", "Scope", "Scope and purpose of the charter", false, false]]);
  });

  it("follows a section to its new number when one is inserted before it", () => {
    expect(
      links(`## 8. Voting\n\n${body(1, 2)}`, `## 8. Board\n\n${body(7, 8)}\n\n## 9. Ballots\n\n${body(1, 2)}`),
    ).toEqual([
      ["added", null, "Board", false, false],
      ["renamed", "Voting", "Ballots", true, false],
    ]);
  });

  it("keeps a heading that names one section in each version, even when all its text was rewritten", () => {
    expect(links(`## 8. Decision Making\n\n${body(1)}`, `## 9. Decision Making\n\n${body(5)}`)).toEqual([
      ["kept", "Decision Making", "Decision Making", true, false],
    ]);
  });

  it("keeps a numbered section whose heading only changed its punctuation, as renamed", () => {
    expect(
      links(`## 2. Pillar 1: Legal Measures\n\n${body(1)}`, `## 2. Pillar 1 - Legal Measures\n\n${body(5)}`),
    ).toEqual([["renamed", "Pillar 1: Legal Measures", "Pillar 1 - Legal Measures", false, false]]);
  });

  it("ignores case, spacing and final punctuation in headings", () => {
    expect(links(`## Data Retention.\n\n${body(1)}`, `## Data  retention\n\n${body(1)}`)[0][0]).toBe("kept");
  });

  it("flags the section that left the order of the others as moved", () => {
    const sections = (...names: string[]) => names.map((name) => `## ${name}\n\n${body("ABCD".indexOf(name) + 1)}`);
    expect(links(sections("A", "B", "C", "D").join("\n\n"), sections("A", "C", "D", "B").join("\n\n"))).toEqual([
      ["kept", "A", "A", false, false],
      ["kept", "C", "C", false, false],
      ["kept", "D", "D", false, false],
      ["kept", "B", "B", false, true],
    ]);
  });

  it("does not take a section for another that received fewer than half of its paragraphs", () => {
    expect(links(`## Old\n\n${body(1, 2, 3, 4, 5)}`, `## New\n\n${body(1)}\n\n${UNRELATED}`)).toEqual([
      // A deleted section with no kept section before it comes first.
      ["deleted", "Old", null, false, false],
      ["added", null, "New", false, false],
    ]);
  });
});
