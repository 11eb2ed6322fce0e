/**
 * Lineage of sections between two versions of a document, the way paragraphs
 * have it: which old section lives on as which new one, and whether its
 * heading was renamed, its number changed or its place in the order moved.
 *
 * Sections are matched by what they hold, not by their number or heading:
 * numbers are reused ("8. Decision Making" becomes 9 when a new Section 8 is
 * inserted) and headings are reworded ("Selecting the Appropriate xAL" becomes
 * "Selecting Assurance Levels"). A section whose heading changed but whose
 * paragraphs mostly stayed is the same section, renamed, not a deletion and
 * an insertion.
 */
import { alignParagraphs, type Alignment, type AlignmentKind, type AlignOptions } from "./align";

import type { ImportedDocument } from "../import/types";

/** How a section fared between the versions. */
export type SectionLinkKind = "kept" | "renamed" | "added" | "deleted";

/** One section of either version and what became of it. */
export interface SectionLink {
  kind: SectionLinkKind;
  /** Index into the old version's sections, or null for an added section. */
  old: number | null;
  /** Index into the new version's sections, or null for a deleted section. */
  new: number | null;
  /** The displayed number changed ("5.3.2" → "6.2", "8" → "9"). */
  renumbered: boolean;
  /** The section stands elsewhere in the order of the sections both versions keep. */
  moved: boolean;
  /** Old paragraphs of the section whose pairing lands in the new section. */
  sharedParagraphs: number;
  /** How the link was found: by the paragraphs the sections share, or by an identical heading. */
  evidence: "paragraphs" | "heading" | null;
}

/** The lineage of every section of both versions. */
export interface SectionLineage {
  /** In the new version's order; deleted sections after the section that preceded them. */
  links: SectionLink[];
  /** The paragraph alignment the lineage was read from (flattened document order). */
  alignment: Alignment;
}

/** A heading as compared: case, spacing and final punctuation do not make a new name. */
function headingIdentity(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s.:;]+$/, "")
    .trim();
}

/** A heading's words alone, for the same-number rule: "Pillar 1: Legal Measures" is "Pillar 1 - Legal Measures". */
function headingWords(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function sectionOfEachParagraph(document: ImportedDocument): number[] {
  return document.sections.flatMap((section, index) => section.paragraphs.map(() => index));
}

/** Indices (into `sequence`) of a longest strictly increasing subsequence. */
function longestIncreasing(sequence: readonly number[]): Set<number> {
  const length: number[] = [];
  const previous: number[] = [];
  sequence.forEach((value, i) => {
    length[i] = 1;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if (sequence[j] < value && length[j] + 1 > length[i]) {
        length[i] = length[j] + 1;
        previous[i] = j;
      }
    }
  });
  let end = -1;
  length.forEach((l, i) => {
    if (end === -1 || l > length[end]) end = i;
  });
  const kept = new Set<number>();
  for (let i = end; i !== -1; i = previous[i]) kept.add(i);
  return kept;
}

/**
 * Matches the sections of `previous` with those of `next`.
 *
 * 1. A heading that occurs once in each version matches; so does the same
 *    number with a heading whose words contain the other's ("File formats:
 *    general principles" → "General principles", "Pillar 1: Legal Measures"
 *    → "Pillar 1 - Legal Measures").
 * 2. The paragraphs of both versions are aligned as for a comparison.
 *    Every pairing counts towards the (old section, new section) it joins;
 *    pairs are accepted greedily, most shared paragraphs first, when the
 *    shared paragraphs are at least half of the smaller section's
 *    paragraphs: most of the content stayed together.
 * 3. Sections left over (headings with no paragraphs of their own, such as
 *    "## 1 Introduction" over its sub-sections) are matched by identical
 *    heading, in document order.
 * A matched section is "renamed" when its heading changed beyond case,
 * spacing and final punctuation.
 */
export function alignSections(
  previous: ImportedDocument,
  next: ImportedDocument,
  options: AlignOptions = {},
): SectionLineage {
  const flat = (document: ImportedDocument) =>
    document.sections.flatMap((section) => section.paragraphs.map(({ key, number, text }) => ({ key, number, text })));
  const alignment = alignParagraphs(flat(previous), flat(next), options);
  return { links: linkSections(previous, next, alignment.operations), alignment };
}

/** What {@link linkSections} reads of a paragraph alignment (a comparison's rows give the same). */
export interface PairingOperation {
  kind: AlignmentKind;
  /** Indices into the old version's paragraphs, in document order. */
  a: readonly number[];
  /** Indices into the new version's paragraphs, in document order. */
  b: readonly number[];
}

/**
 * The section links of {@link alignSections}, from a paragraph alignment
 * already made (the comparison's, so the paragraphs are aligned once).
 */
export function linkSections(
  previous: ImportedDocument,
  next: ImportedDocument,
  operations: readonly PairingOperation[],
): SectionLink[] {
  const alignment = { operations };
  const oldSectionOf = sectionOfEachParagraph(previous);
  const newSectionOf = sectionOfEachParagraph(next);

  const shared = new Map<string, { old: number; new: number; count: number }>();
  for (const operation of alignment.operations) {
    if (operation.kind === "inserted" || operation.kind === "deleted") continue;
    for (const from of operation.a) {
      // A split old paragraph counts once, towards the section of its first piece.
      const to = operation.b[0];
      const id = `${oldSectionOf[from]}:${newSectionOf[to]}`;
      const entry = shared.get(id) ?? { old: oldSectionOf[from], new: newSectionOf[to], count: 0 };
      entry.count++;
      shared.set(id, entry);
    }
  }

  const oldMatch = new Map<number, { new: number; count: number; evidence: "paragraphs" | "heading" }>();
  const newMatched = new Set<number>();
  const sharedCount = (oldIndex: number, newIndex: number) => shared.get(`${oldIndex}:${newIndex}`)?.count ?? 0;
  const accept = (oldIndex: number, newIndex: number, evidence: "paragraphs" | "heading") => {
    oldMatch.set(oldIndex, { new: newIndex, count: sharedCount(oldIndex, newIndex), evidence });
    newMatched.add(newIndex);
  };

  // A heading that names one section in each version names the same section, whatever its content became
  // ("5 Detailed workflows" keeps its name while its text moves into new sub-sections); so does one
  // number whose heading only lost or gained words around the old one ("4.2 File formats: general
  // principles" → "4.2 General principles").
  const identities = (document: ImportedDocument) => {
    const counts = new Map<string, number>();
    for (const section of document.sections) {
      const identity = headingIdentity(section.heading);
      counts.set(identity, (counts.get(identity) ?? 0) + 1);
    }
    return counts;
  };
  const oldIdentities = identities(previous);
  const newIdentities = identities(next);
  previous.sections.forEach((section, oldIndex) => {
    const identity = headingIdentity(section.heading);
    if (oldIdentities.get(identity) !== 1 || newIdentities.get(identity) !== 1) return;
    const newIndex = next.sections.findIndex((candidate) => headingIdentity(candidate.heading) === identity);
    if (!newMatched.has(newIndex)) accept(oldIndex, newIndex, "heading");
  });
  previous.sections.forEach((section, oldIndex) => {
    if (oldMatch.has(oldIndex) || section.number === null) return;
    const identity = headingWords(section.heading);
    const newIndex = next.sections.findIndex((candidate, index) => {
      if (newMatched.has(index) || candidate.number !== section.number) return false;
      const other = headingWords(candidate.heading);
      return other.includes(identity) || identity.includes(other);
    });
    if (newIndex !== -1) accept(oldIndex, newIndex, "heading");
  });

  const candidates = [...shared.values()].sort((x, y) => y.count - x.count || x.old - y.old || x.new - y.new);
  for (const candidate of candidates) {
    if (oldMatch.has(candidate.old) || newMatched.has(candidate.new)) continue;
    const smaller = Math.min(
      previous.sections[candidate.old].paragraphs.length,
      next.sections[candidate.new].paragraphs.length,
    );
    if (candidate.count * 2 < smaller) continue;
    accept(candidate.old, candidate.new, "paragraphs");
  }

  previous.sections.forEach((section, oldIndex) => {
    if (oldMatch.has(oldIndex)) return;
    const identity = headingIdentity(section.heading);
    const newIndex = next.sections.findIndex(
      (candidate, index) => !newMatched.has(index) && headingIdentity(candidate.heading) === identity,
    );
    if (newIndex !== -1) accept(oldIndex, newIndex, "heading");
  });

  const kept = [...oldMatch.entries()].sort(([x], [y]) => x - y);
  const inOrder = longestIncreasing(kept.map(([, match]) => match.new));
  const movedOld = new Set(kept.filter((_, i) => !inOrder.has(i)).map(([oldIndex]) => oldIndex));
  const oldOf = new Map(kept.map(([oldIndex, match]) => [match.new, oldIndex]));

  const links: SectionLink[] = [];
  const deletedAfter = new Map<number, number[]>();
  previous.sections.forEach((_, oldIndex) => {
    if (oldMatch.has(oldIndex)) return;
    // A deleted section is listed after the new section that its predecessor became.
    let anchor = -1;
    for (let i = oldIndex - 1; i >= 0; i--) {
      const match = oldMatch.get(i);
      if (match) {
        anchor = match.new;
        break;
      }
    }
    deletedAfter.set(anchor, [...(deletedAfter.get(anchor) ?? []), oldIndex]);
  });
  const pushDeleted = (anchor: number) => {
    for (const oldIndex of deletedAfter.get(anchor) ?? []) {
      links.push({
        kind: "deleted",
        old: oldIndex,
        new: null,
        renumbered: false,
        moved: false,
        sharedParagraphs: 0,
        evidence: null,
      });
    }
  };
  pushDeleted(-1);
  next.sections.forEach((section, newIndex) => {
    const oldIndex = oldOf.get(newIndex);
    if (oldIndex === undefined) {
      links.push({
        kind: "added",
        old: null,
        new: newIndex,
        renumbered: false,
        moved: false,
        sharedParagraphs: 0,
        evidence: null,
      });
    } else {
      const before = previous.sections[oldIndex];
      const match = oldMatch.get(oldIndex)!;
      links.push({
        kind: headingIdentity(before.heading) === headingIdentity(section.heading) ? "kept" : "renamed",
        old: oldIndex,
        new: newIndex,
        renumbered: before.number !== section.number,
        moved: movedOld.has(oldIndex),
        sharedParagraphs: match.count,
        evidence: match.evidence,
      });
    }
    pushDeleted(newIndex);
  });
  return links;
}
