/**
 * What the comparison cache stores for a pair of versions (ComparisonCache
 * rows): the comparison plus the section of each row, so that a page can be
 * grouped by section from the cache alone.
 */
import {
  bucket,
  compareVersions,
  emptyCounts,
  type CompareParagraph,
  type Comparison,
  type SectionSummary,
} from "./compare";
import { paragraphsForComparison } from "./document";
import { describeSectionChanges, type SectionChange } from "./section-changes";
import { linkSections } from "./sections";

import type { ImportedDocument } from "../import/types";

/**
 * The comparison plus, for each row, the grouping key of the section it
 * belongs to (the old version's for a deletion, the new one's otherwise — as
 * in the section summaries).
 */
export interface CachedComparison extends Comparison {
  rowSections: Array<string | null>;
  /**
   * Every section of both versions with its heading change, in the new
   * version's order (deleted sections after the one that preceded them);
   * `rowSections` then hold their keys (the innermost section of each row)
   * and `sections` sums them by top-level section. Absent from comparisons
   * made from paragraph lists alone, which group by top-level section number.
   */
  sectionChanges?: SectionChange[];
}

/** The comparison of `a` (old) and `b` (new) with its row sections. */
export function comparisonPayload(a: readonly CompareParagraph[], b: readonly CompareParagraph[]): CachedComparison {
  const comparison = compareVersions(a, b);
  const sectionOf = (paragraph: CompareParagraph) =>
    paragraph.section ?? paragraph.sectionNumber ?? paragraph.sectionHeading ?? null;
  const rowSections = comparison.rows.map((row) =>
    row.kind === "deleted" ? sectionOf(a[row.old[0].index]) : sectionOf(b[row.new[0].index]),
  );
  return { ...comparison, rowSections };
}

/** Index of the section holding each paragraph, in document order. */
function sectionOfEachParagraph(document: ImportedDocument): number[] {
  return document.sections.flatMap((section, index) => section.paragraphs.map(() => index));
}

/**
 * The comparison of two documents with the lineage of their sections: rows
 * grouped under the section they belong to by lineage (not by number), and
 * each section's heading change ({@link SectionChange}). The paragraphs are
 * aligned once; the sections are linked from that alignment.
 */
export function documentComparisonPayload(previous: ImportedDocument, next: ImportedDocument): CachedComparison {
  const comparison = compareVersions(paragraphsForComparison(previous), paragraphsForComparison(next));
  const operations = comparison.rows.map((row) => ({
    kind: row.kind,
    a: row.old.map((paragraph) => paragraph.index),
    b: row.new.map((paragraph) => paragraph.index),
  }));
  const links = linkSections(previous, next, operations);
  const sectionChanges = describeSectionChanges(previous, next, links);
  // Section index → its change, in each version (links and changes go together).
  const oldChange: SectionChange[] = [];
  const newChange: SectionChange[] = [];
  links.forEach((link, position) => {
    if (link.old !== null) oldChange[link.old] = sectionChanges[position];
    if (link.new !== null) newChange[link.new] = sectionChanges[position];
  });
  const oldSections = sectionOfEachParagraph(previous);
  const newSections = sectionOfEachParagraph(next);
  const rowChanges = comparison.rows.map((row) =>
    row.kind === "deleted" ? oldChange[oldSections[row.old[0].index]] : newChange[newSections[row.new[0].index]],
  );

  // Per-section counts by top-level section, as lineage has it: the deletions of old "8 Decision Making"
  // count towards new "9 Decision Making", never towards the new "8".
  const byKey = new Map(sectionChanges.map((change) => [change.key, change]));
  const summaries = new Map<string, SectionSummary>();
  comparison.rows.forEach((row, index) => {
    const top = byKey.get(rowChanges[index].top)!;
    let summary = summaries.get(top.key);
    if (!summary) {
      const shown = top.new ?? top.old!;
      summary = {
        version: top.new ? "new" : "old",
        section: top.key,
        number: shown.number,
        heading: shown.heading,
        counts: emptyCounts(),
      };
      summaries.set(top.key, summary);
    }
    summary.counts[bucket(row)]++;
    if (row.renumbered) summary.counts.renumbered++;
  });
  return {
    ...comparison,
    sections: [...summaries.values()],
    rowSections: rowChanges.map((change) => change.key),
    sectionChanges,
  };
}
