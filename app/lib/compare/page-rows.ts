/**
 * What the comparison page's index and rows share about one row: its
 * element id, whether it is a change, and the bucket it counts in.
 */
import { bucket, type ChangeCounts, type ComparisonRow } from "./compare";

/** Rows built between two pauses of the page's builders (app/lib/compare/page.ts). */
export const ROWS_PER_SLICE = 1000;

/** The same buckets as the library's section summaries (each row counts once, renumbering aside). */
export function countRow(
  counts: ChangeCounts,
  row: Pick<ComparisonRow, "kind" | "moved" | "renumbered" | "confidence">,
) {
  counts[bucket(row)]++;
  if (row.renumbered) counts.renumbered++;
}

/** Element id of a row's change (`ch-<new key>`, or `ch-old-<old key>` for a deletion). */
export function rowAnchor(row: ComparisonRow) {
  return row.new.length > 0 ? `ch-${row.new[0].key}` : `ch-old-${row.old[0].key}`;
}

export function isChangeRow(row: ComparisonRow) {
  return row.kind !== "unchanged" || row.moved;
}
