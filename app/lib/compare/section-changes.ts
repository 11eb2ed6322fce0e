/**
 * What the comparison page says of each section heading: the section's
 * lineage ({@link linkSections}) turned into the changes a reader sees —
 * renumbered ("3.2 → 4.2"), re-lettered ("Annex A → Annex B"), renamed (old
 * and new heading as a word diff), moved (and from where), new, deleted —
 * with a key per section that the page groups rows by. The key follows the
 * lineage, not the number: old "8 Decision Making" and new "9 Decision
 * Making" share one key, old and new "8" do not.
 */
import { diffParagraphWords, type WordChange } from "./words";

import type { ImportedDocument } from "../import/types";
import type { SectionLink } from "./sections";

/** One way a heading changed; a section with none of them is unchanged. */
export type SectionChangeKind = "added" | "deleted" | "renumbered" | "relettered" | "renamed" | "moved";

/** A section's number and heading in one version. */
export interface SectionName {
  number: string | null;
  heading: string;
}

/** One section of the comparison (of either version or both) and how its heading changed. */
export interface SectionChange {
  /** Grouping key: `n<index>` for a section of the new version, `o<index>` for a deleted one. */
  key: string;
  /** Key of the top-level section that holds it (itself for a top-level section). */
  top: string;
  /** 1 for a top-level section, 2 for one inside it (in the version that names it). */
  level: 1 | 2;
  /** Null for an added section. */
  old: SectionName | null;
  /** Null for a deleted section. */
  new: SectionName | null;
  /** In reading order: added | deleted, or any of renumbered/relettered, renamed, moved; empty when unchanged. */
  kinds: SectionChangeKind[];
  /** Old heading → new heading, word by word; null unless renamed. */
  headingChanges: WordChange[] | null;
  /** For a moved section: the old section it used to follow (null when it came first). */
  movedFrom: SectionName | null;
}

/** Parts of a section number ("4.3.b" → ["4", "3", "b"], "Annex A" → ["Annex", "A"]). */
function numberParts(number: string) {
  return number.split(/[\s.)(]+/).filter((part) => part !== "");
}

/**
 * A number change where only letters changed ("Annex A" → "Annex B",
 * "5.14 j." → "5.14 k."): re-lettered, not renumbered.
 */
export function isRelettering(before: string | null, after: string | null): boolean {
  if (before === null || after === null || before === after) return false;
  const a = numberParts(before);
  const b = numberParts(after);
  if (a.length !== b.length) return false;
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (!/^\p{L}+$/u.test(a[i]) || !/^\p{L}+$/u.test(b[i])) return false;
    changed++;
  }
  return changed > 0;
}

/** Index of the top-level section that holds each section (the first section heads the document if nothing does). */
function topOfEachSection(document: ImportedDocument): number[] {
  let top = -1;
  return document.sections.map((section, index) => {
    if (section.level === 1 || top === -1) top = index;
    return top;
  });
}

const nameOf = (section: { number: string | null; heading: string }): SectionName => ({
  number: section.number,
  heading: section.heading,
});

/**
 * The heading changes of every section, in the lineage's order (the new
 * version's, deleted sections after the section that preceded them).
 */
export function describeSectionChanges(
  previous: ImportedDocument,
  next: ImportedDocument,
  links: readonly SectionLink[],
): SectionChange[] {
  const newKeyOfOld = new Map<number, string>();
  for (const link of links) if (link.old !== null && link.new !== null) newKeyOfOld.set(link.old, `n${link.new}`);
  const keyOfOld = (index: number) => newKeyOfOld.get(index) ?? `o${index}`;
  const oldTops = topOfEachSection(previous);
  const newTops = topOfEachSection(next);

  return links.map((link): SectionChange => {
    const before = link.old === null ? null : previous.sections[link.old];
    const after = link.new === null ? null : next.sections[link.new];
    const kinds: SectionChangeKind[] = [];
    if (!before) kinds.push("added");
    else if (!after) kinds.push("deleted");
    else {
      if (link.renumbered) kinds.push(isRelettering(before.number, after.number) ? "relettered" : "renumbered");
      if (link.kind === "renamed") kinds.push("renamed");
      if (link.moved) kinds.push("moved");
    }
    let movedFrom: SectionName | null = null;
    if (link.moved && link.old !== null && link.old > 0) movedFrom = nameOf(previous.sections[link.old - 1]);
    return {
      key: link.new === null ? `o${link.old}` : `n${link.new}`,
      top: link.new === null ? keyOfOld(oldTops[link.old!]) : `n${newTops[link.new]}`,
      level: (after ?? before)!.level,
      old: before ? nameOf(before) : null,
      new: after ? nameOf(after) : null,
      kinds,
      headingChanges:
        before && after && link.kind === "renamed" ? diffParagraphWords(before.heading, after.heading) : null,
      movedFrom,
    };
  });
}
