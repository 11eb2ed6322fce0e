/**
 * Import and comparison on real documents revised in public (tests/fixtures/corpus/real-pairs, see its
 * README): a privacy statement, a NIST chapter, a foundation charter and a specification. Every expectation
 * below was checked by reading both versions side by side; none was copied from the output.
 */
import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { importDocument, parseMarkdown } from "../import";
import { alignSections, type SectionLink } from "./sections";

import type { ImportedDocument } from "../import";

const read = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/corpus/real-pairs/${name}`, import.meta.url), "utf8");

interface Pair {
  old: ImportedDocument;
  new: ImportedDocument;
  links: SectionLink[];
  /** The paragraph alignment's operations, with paragraphs as [section heading, text]. */
  rows: Array<{ kind: string; moved: boolean; old: string[][]; new: string[][] }>;
}

function loadPair(oldName: string, newName: string): Pair {
  const before = parseMarkdown(read(oldName));
  const after = parseMarkdown(read(newName));
  const lineage = alignSections(before, after);
  const flat = (document: ImportedDocument) =>
    document.sections.flatMap((section) => section.paragraphs.map((p) => [section.heading, p.text]));
  const oldFlat = flat(before);
  const newFlat = flat(after);
  const rows = lineage.alignment.operations.map((operation) => ({
    kind: operation.kind,
    moved: operation.moved,
    old: operation.a.map((index) => oldFlat[index]),
    new: operation.b.map((index) => newFlat[index]),
  }));
  return { old: before, new: after, links: lineage.links, rows };
}

/** The heading of the section holding the one paragraph that starts with `start`. */
function sectionOf(document: ImportedDocument, start: string): string {
  const holders = document.sections.filter((section) => section.paragraphs.some((p) => p.text.startsWith(start)));
  const count = holders.flatMap((s) => s.paragraphs.filter((p) => p.text.startsWith(start))).length;
  expect(count, `paragraphs starting "${start}"`).toBe(1);
  return holders[0].heading;
}

/** What became of the old section headed `heading` (the first one so headed): [kind, new heading]. */
function fate(pair: Pair, heading: string, { occurrence = 0 } = {}) {
  const index = pair.old.sections.map((s, i) => [s.heading, i] as const).filter(([h]) => h === heading)[occurrence][1];
  const link = pair.links.find((l) => l.old === index)!;
  return {
    kind: link.kind,
    heading: link.new === null ? null : pair.new.sections[link.new].heading,
    number: link.new === null ? null : pair.new.sections[link.new].number,
    renumbered: link.renumbered,
    moved: link.moved,
  };
}

/** The new section nobody's old section became, by heading. */
function isAdded(pair: Pair, heading: string) {
  const index = pair.new.sections.findIndex((s) => s.heading === heading);
  return pair.links.find((l) => l.new === index)?.kind === "added";
}

/** The row pairing the old paragraph that starts with `start`. */
function rowOf(pair: Pair, start: string) {
  return pair.rows.find((row) => row.old.some(([, text]) => text.startsWith(start)));
}

/** Text that is markup, not something a reader sees or comments on. */
const MARKUP =
  /^(?:-{3,}|\|?\s*:?-{3,}:?\s*\|)|<!--|<\/?(?:a|div|table|tr|td|th|sup|br|p|span)\b|^\[[^\]]+\]:\s|\{:|^title:|redirect_from/im;

function expectNoMarkup(document: ImportedDocument) {
  const texts = document.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)]);
  expect(texts.filter((text) => MARKUP.test(text))).toEqual([]);
}

describe("GitHub Privacy Statement, January 2017 → May 2018 (the GDPR update)", () => {
  const pair = loadPair("github-privacy-statement-2017-06.md", "github-privacy-statement-2018-05.md");

  it("takes the title from the YAML front matter and imports none of it", () => {
    expect(pair.old.title).toBe("GitHub Privacy Statement");
    expect(pair.new.title).toBe("GitHub Privacy Statement");
    expectNoMarkup(pair.old);
    expectNoMarkup(pair.new);
  });

  it("imports the same through an upload of the .md file: the front matter title, not the file name", async () => {
    const name = "github-privacy-statement-2018-05.md";
    const uploaded = await importDocument({ fileName: name, bytes: new TextEncoder().encode(read(name)) });
    expect(uploaded).toEqual(pair.new);
  });

  it("imports the new summary table row by row under 'Summary', without its delimiter row", () => {
    const summary = pair.new.sections.find((s) => s.heading === "Summary")!;
    expect(summary.paragraphs[0].text).toBe("Section | What can you find there?");
    expect(summary.paragraphs.every((p) => p.text.includes(" | "))).toBe(true);
    expect(isAdded(pair, "Summary")).toBe(true);
  });

  it("puts each paragraph under its own '###'/'####' heading", () => {
    expect(sectionOf(pair.old, "GitHub will retain User Personal Information for as long as")).toBe(
      "Data Retention and Deletion",
    );
    expect(sectionOf(pair.new, "Generally, GitHub will retain User Personal Information for as long as")).toBe(
      "Data retention and deletion",
    );
    // "##### Our legal basis …": the bullets under it belong to it too.
    expect(sectionOf(pair.new, "Under certain international laws (including GDPR)")).toBe(
      "Our legal basis for processing information",
    );
    expect(sectionOf(pair.new, "When you create a GitHub account, you provide your user name")).toBe(
      "Our legal basis for processing information",
    );
  });

  it("recognizes renamed headings as the same sections", () => {
    expect(fate(pair, "Why do we collect this?")).toMatchObject({ kind: "renamed", heading: "Why we collect this" });
    expect(fate(pair, "Why do we collect this?", { occurrence: 1 })).toMatchObject({
      kind: "renamed",
      heading: "Why we collect this",
    });
    expect(fate(pair, "How we communicate with you")).toMatchObject({
      kind: "renamed",
      heading: "How we, and others, communicate with you",
    });
    // Only the capitals changed: the same name.
    expect(fate(pair, "Resolving Complaints")).toMatchObject({ kind: "kept", heading: "Resolving complaints" });
  });

  it("shows the account-access sections moved up, before cookies, with their paragraphs", () => {
    // 2017: … compelled disclosure, How you can access …, Data Retention; 2018: they come before cookies.
    expect(fate(pair, "How you can access and control the information we collect")).toMatchObject({
      kind: "kept",
      moved: true,
    });
    expect(fate(pair, "Data Retention and Deletion")).toMatchObject({ kind: "kept", moved: true });
    expect(rowOf(pair, "GitHub will retain User Personal Information for as long as")).toMatchObject({
      moved: true,
      new: [["Data retention and deletion", expect.stringMatching(/^Generally, GitHub will retain/) as string]],
    });
  });
});

describe("NIST SP 800-63-3, assurance levels: public draft (chapter 5) → final (chapter 6)", () => {
  const pair = loadPair("nist-sp800-63-3-xal-2017-01-30-draft.md", "nist-sp800-63-3-xal-2017-06-18-final.md");

  it("drops anchors, breaker divs and table tags; reads heading numbers with or without a final dot", () => {
    expectNoMarkup(pair.old);
    expectNoMarkup(pair.new);
    expect(pair.old.sections.map((s) => s.number)).toEqual([
      "5",
      "5.1",
      "5.2",
      "5.3",
      "5.3.1",
      "5.3.2",
      "5.3.3",
      "5.3.4",
      "5.4",
    ]);
    // "## 6 <a name="CYOA"></a>Selecting Assurance Levels"
    expect(pair.new.sections.map((s) => [s.number, s.heading])).toEqual([
      ["6", "Selecting Assurance Levels"],
      ["6.1", "Selecting IAL"],
      ["6.2", "Selecting AAL"],
      ["6.3", "Selecting FAL"],
      ["6.4", "Combining xALs"],
    ]);
  });

  it("reads the HTML table of acceptable IAL/AAL combinations row by row", () => {
    expect(sectionOf(pair.new, "IAL1: With personal data | NO | Allowed | Allowed")).toBe("Combining xALs");
    expect(sectionOf(pair.old, "IAL1: With personal data | NO | Allowed | Allowed")).toBe(
      "Mapping xAL to M-04-04 LOAs",
    );
  });

  it("follows Selecting IAL/AAL/FAL to their new numbers; IAL now comes first", () => {
    expect(fate(pair, "Selecting IAL")).toMatchObject({ kind: "kept", number: "6.1", renumbered: true, moved: true });
    expect(fate(pair, "Selecting AAL")).toMatchObject({ kind: "kept", number: "6.2", renumbered: true, moved: false });
    expect(fate(pair, "Selecting FAL")).toMatchObject({ kind: "kept", number: "6.3", renumbered: true });
    expect(rowOf(pair, "The IAL selection does not mean the digital service provider")).toMatchObject({
      moved: true,
      old: [["Selecting IAL", expect.any(String) as string]],
      new: [["Selecting IAL", expect.any(String) as string]],
    });
  });

  it("sees 5.3 'Selecting the Appropriate xAL' as chapter 6, renamed; deletes 5.1 and 5.4", () => {
    expect(fate(pair, "Selecting the Appropriate xAL")).toMatchObject({
      kind: "renamed",
      heading: "Selecting Assurance Levels",
      number: "6",
    });
    expect(fate(pair, "Categories of Assurance Levels").kind).toBe("deleted");
    expect(fate(pair, "Federation Considerations").kind).toBe("deleted");
  });

  it("keeps Table 5-2 (now 6-2) paired row by row, while Table 5-1 (the M-04-04 mapping) is deleted", () => {
    expect(rowOf(pair, "IAL1: Without personal data | Allowed")).toMatchObject({ kind: "unchanged" });
    expect(rowOf(pair, "Table 5-1. Mapping xAL to Legacy M-04-04 Requirements")?.kind).toBe("deleted");
    // 6.4 "Combining xALs" holds what is left of 5.2: it is that section, renamed.
    expect(fate(pair, "Mapping xAL to M-04-04 LOAs")).toMatchObject({ kind: "renamed", heading: "Combining xALs" });
  });
});

describe("OpenJS Foundation CPC charter, January 2019 → January 2026", () => {
  const pair = loadPair("openjs-cpc-charter-2019-01-14.md", "openjs-cpc-charter-2026-01-07.md");

  it("reads _$FOUNDATION_ placeholders as emphasis and hard-wrapped lines as one paragraph", () => {
    expectNoMarkup(pair.old);
    expect(pair.old.sections[0].paragraphs.map((p) => p.text)).toEqual([
      "The $FOUNDATION Foundation will operate transparently, openly, collaboratively, and ethically. Project " +
        "proposals, timelines, and status must not merely be open, but also easily visible to outsiders.",
    ]);
    expect(rowOf(pair, "The $FOUNDATION Foundation will operate transparently")?.kind).toBe("modified");
  });

  it("follows Sections 8, 9 and 10 to 9, 10 and 11 around the new Section 8", () => {
    expect(fate(pair, "Decision Making")).toMatchObject({ kind: "kept", number: "9", renumbered: true });
    expect(fate(pair, "Voting")).toMatchObject({ kind: "kept", number: "10", renumbered: true });
    expect(fate(pair, "Definitions")).toMatchObject({ kind: "kept", number: "11", renumbered: true });
    expect(isAdded(pair, "Board Representation")).toBe(true);
    expect(isAdded(pair, "Changes to this Document")).toBe(true);
  });

  it("sees Section 6 renamed and Sections 2 and 3 renamed where the placeholder was filled", () => {
    expect(fate(pair, "Non-Responsibilities of the CPC")).toMatchObject({
      kind: "renamed",
      heading: "Responsibilities Delegated to OpenJS Foundation Projects",
      number: "6",
      renumbered: false,
    });
    expect(fate(pair, "Evolution of $FOUNDATION Foundation Governance.")).toMatchObject({
      kind: "renamed",
      heading: "Evolution of OpenJS Foundation Governance.",
    });
  });

  it("reads the old 'Section 5.' line as the paragraph it is there, under 'Voting members'", () => {
    expect(sectionOf(pair.old, "Section 5. Responsibilities and Expectations of the CPC")).toBe("Voting members");
    expect(fate(pair, "Voting members")).toMatchObject({ kind: "kept", heading: "Voting members" });
    expect(isAdded(pair, "Responsibilities and Expectations of the CPC")).toBe(true);
  });
});

describe("in-toto specification, v0.9 → v1.0", () => {
  const pair = loadPair("in-toto-spec-v0.9.md", "in-toto-spec-v1.0.md");

  it("reads BOM, CRLF and closed ATX headings; imports no table of contents", () => {
    expect(pair.old.title).toBe("in-toto Specification");
    expect(pair.new.title).toBe("in-toto Specification");
    expectNoMarkup(pair.old);
    expectNoMarkup(pair.new);
    expect(pair.new.sections.find((s) => s.heading === "Table of Contents")?.paragraphs).toEqual([]);
  });

  it("keeps fenced code whole: its '# ' lines are neither headings nor cut paragraphs", () => {
    const headings = pair.old.sections.map((s) => s.heading);
    // Comment lines of the VERIFY_EXPECTED_ARTIFACTS pseudo-code, " # load the artifacts from the link".
    expect(headings.filter((h) => /load the artifacts|iterate over all the rules|compare both sets/.test(h))).toEqual(
      [],
    );
    expect(sectionOf(pair.old, "VERIFY_EXPECTED_ARTIFACTS(rule_set, link, target_links)")).toBe(
      "Verifying expected_products and expected_materials",
    );
  });

  it("follows 1.6 Terminology to 1.7 around the new 1.6", () => {
    expect(fate(pair, "Terminology")).toMatchObject({ kind: "kept", number: "1.7", renumbered: true });
    expect(isAdded(pair, "in-toto Enhancements (ITEs)")).toBe(true);
  });

  it("sees 4.2 renamed 'General principles', its hash object format now 4.2.3", () => {
    expect(fate(pair, "File formats: general principles")).toMatchObject({
      kind: "renamed",
      heading: "General principles",
      number: "4.2",
    });
    expect(fate(pair, "Hash object format")).toMatchObject({ kind: "kept", number: "4.2.3", renumbered: true });
  });

  it("keeps section 5 and follows both '5.1.2' headings of v0.9 to 5.3.1 and 5.3.2", () => {
    expect(fate(pair, "Detailed workflows")).toMatchObject({ kind: "kept", number: "5" });
    expect(fate(pair, "Alice's Python script")).toMatchObject({ kind: "kept", number: "5.3.1" });
    expect(fate(pair, "Alice uses testing (with a threshold of 2)")).toMatchObject({ kind: "kept", number: "5.3.2" });
  });

  it("shows the artifact-rule processing moved ahead of 'MATCH rule behavior', into 4.3.3.1 'Rule processing'", () => {
    // v0.9: 4.3.3.1 MATCH rule behavior, 4.3.3.2 Verifying expected_products …; v1.0: 4.3.3.1 Rule processing,
    // 4.3.3.2 MATCH rule behavior.
    expect(fate(pair, "Verifying expected_products and expected_materials")).toMatchObject({
      kind: "renamed",
      heading: "Rule processing",
      number: "4.3.3.1",
      moved: true,
    });
    expect(fate(pair, "MATCH rule behavior")).toMatchObject({ kind: "kept", number: "4.3.3.2", moved: false });
    expect(rowOf(pair, "VERIFY_EXPECTED_ARTIFACTS(rule_set, link, target_links)")).toMatchObject({
      moved: true,
      new: [["Rule processing", expect.stringMatching(/^VERIFY_EXPECTED_ARTIFACTS/) as string]],
    });
  });
});
