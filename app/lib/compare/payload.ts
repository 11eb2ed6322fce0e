/**
 * What the comparison cache stores for a pair of versions (ComparisonCache
 * rows): the comparison plus the section of each row, so that a page can be
 * grouped by section from the cache alone.
 */
import { compareVersions, type CompareParagraph, type Comparison } from "./compare";

/**
 * The comparison plus, for each row, the grouping key of the section it
 * belongs to (the old version's for a deletion, the new one's otherwise — as
 * in the section summaries).
 */
export interface CachedComparison extends Comparison {
  rowSections: Array<string | null>;
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
