/**
 * Comparison of two versions of a document: paragraph alignment plus word
 * changes inside each aligned pair, with per-section counts. The result is
 * plain JSON so a loader can return it and a cache can store it.
 */
import { alignParagraphs, type AlignInput, type AlignmentKind, type AlignOptions } from "./align";
import { findMovedSentences, type MovedSentence } from "./moved-sentences";
import { diffParagraphWords, type WordChange, type WordDiffOptions } from "./words";

/**
 * A paragraph of a version, as compared. `section` is the grouping key of the
 * per-section summary (falls back to `sectionNumber`, then `sectionHeading`);
 * number and heading are copied into the summary for display.
 */
export interface CompareParagraph extends AlignInput {
  /** Section number as displayed ("2"), or null. */
  sectionNumber?: string | null;
  /** Section heading ("Pillar 1: Legal Measures"), or null. */
  sectionHeading?: string | null;
}

/** A paragraph as a comparison row refers to it. */
export interface ParagraphRef {
  /** Index in its version's paragraph list. */
  index: number;
  /** The paragraph's stable key in its version (`#p-<key>` anchors). */
  key: string;
  /** Display number in its version, or null. */
  number: string | null;
}

/** One row of the tracked-changes view: one alignment operation with its word changes. */
export interface ComparisonRow {
  kind: AlignmentKind;
  /** The paragraph sits elsewhere in the new version than its order in the old one implies. */
  moved: boolean;
  /** The display number changed (first paragraph of each side). */
  renumbered: boolean;
  /** Content similarity, 0..1 (see {@link AlignmentOperation.similarity}). */
  similarity: number;
  /** Old-version paragraphs (empty for an insertion). */
  old: ParagraphRef[];
  /** New-version paragraphs (empty for a deletion). */
  new: ParagraphRef[];
  /**
   * Word changes from the old text to the new one; the whole text as one
   * `equal`, `insert` or `delete` run for unchanged, inserted and deleted
   * rows. For a split or merge, the paragraphs of the longer side are
   * joined with a blank line ("\n\n") before diffing.
   */
  changes: WordChange[];
  /** `"low"`: a pairing on little shared wording, shown as "possibly related" (see align.ts). */
  confidence?: "low";
  /** Sentences of this row moved to or from another row (absent when none). */
  movedSentences?: MovedSentence[];
}

/**
 * How many rows fall in each bucket. Each row counts once, in the first
 * bucket that applies: `added` (inserted), `deleted`, `split`, `merged`,
 * `possiblyRelated` (a pairing of low confidence, see
 * {@link ComparisonRow.confidence}), `moved`, `modified`, `unchanged`.
 * `renumbered` counts separately, across buckets.
 */
export interface ChangeCounts {
  unchanged: number;
  modified: number;
  /** Pairings on little shared wording: not counted as `modified`, since the page does not call them certain. */
  possiblyRelated: number;
  moved: number;
  split: number;
  merged: number;
  added: number;
  deleted: number;
  renumbered: number;
}

/** Counts for one section. */
export interface SectionSummary {
  /**
   * Deletions are counted under the old version's section (the paragraph has
   * no place in the new one); everything else under the new version's.
   */
  version: "old" | "new";
  /** Grouping key (see {@link CompareParagraph}). */
  section: string | null;
  /** Section number as displayed in that version, or null. */
  number: string | null;
  /** Section heading in that version, or null. */
  heading: string | null;
  /** Rows of this section, by bucket. */
  counts: ChangeCounts;
}

/** A complete comparison, serializable as JSON. */
export interface Comparison {
  /** In the order of {@link Alignment.operations}: new version's order, deletions where they stood. */
  rows: ComparisonRow[];
  /** Sections in order of first appearance among the rows. */
  sections: SectionSummary[];
  totals: ChangeCounts;
}

/** Options passed through to alignment and word diffing. */
export interface CompareOptions {
  align?: AlignOptions;
  words?: WordDiffOptions;
}

/** A fresh set of zero counts. */
export function emptyCounts(): ChangeCounts {
  return {
    unchanged: 0,
    modified: 0,
    possiblyRelated: 0,
    moved: 0,
    split: 0,
    merged: 0,
    added: 0,
    deleted: 0,
    renumbered: 0,
  };
}

/** The one bucket a row counts in (see {@link ChangeCounts}). */
export function bucket(
  row: Pick<ComparisonRow, "kind" | "moved" | "confidence">,
): keyof Omit<ChangeCounts, "renumbered"> {
  if (row.kind === "inserted") return "added";
  if (row.kind === "deleted" || row.kind === "split" || row.kind === "merged") return row.kind;
  if (row.confidence === "low") return "possiblyRelated";
  if (row.moved) return "moved";
  return row.kind;
}

/**
 * Compares version `a` (old) with version `b` (new).
 *
 * @example
 * const comparison = compareVersions(oldParagraphs, newParagraphs);
 * comparison.totals.modified; // number of paragraphs edited in place
 */
export function compareVersions(
  a: readonly CompareParagraph[],
  b: readonly CompareParagraph[],
  options: CompareOptions = {},
): Comparison {
  const alignment = alignParagraphs(a, b, options.align);
  const ref =
    (paragraphs: readonly CompareParagraph[]) =>
    (index: number): ParagraphRef => ({
      index,
      key: paragraphs[index].key,
      number: paragraphs[index].number,
    });
  const joined = (paragraphs: readonly CompareParagraph[], indices: readonly number[]) =>
    indices.map((index) => paragraphs[index].text).join("\n\n");

  const rows: ComparisonRow[] = alignment.operations.map((operation) => {
    const oldText = joined(a, operation.a);
    const newText = joined(b, operation.b);
    let changes: WordChange[];
    if (operation.kind === "unchanged") changes = [{ type: "equal", text: newText }];
    else if (operation.kind === "inserted") changes = [{ type: "insert", text: newText }];
    else if (operation.kind === "deleted") changes = [{ type: "delete", text: oldText }];
    else changes = diffParagraphWords(oldText, newText, options.words);
    const row: ComparisonRow = {
      kind: operation.kind,
      moved: operation.moved,
      renumbered: operation.renumbered,
      similarity: operation.similarity,
      old: operation.a.map(ref(a)),
      new: operation.b.map(ref(b)),
      changes,
    };
    if (operation.confidence) row.confidence = operation.confidence;
    return row;
  });
  findMovedSentences(rows).forEach((moved, index) => {
    if (moved.length > 0) rows[index].movedSentences = moved;
  });

  const totals = emptyCounts();
  const sections = new Map<string, SectionSummary>();
  for (const row of rows) {
    const version = row.kind === "deleted" ? "old" : "new";
    const paragraph = version === "old" ? a[row.old[0].index] : b[row.new[0].index];
    const section = paragraph.section ?? paragraph.sectionNumber ?? paragraph.sectionHeading ?? null;
    const id = `${version}\u0000${section ?? ""}`;
    let summary = sections.get(id);
    if (!summary) {
      summary = {
        version,
        section,
        number: paragraph.sectionNumber ?? null,
        heading: paragraph.sectionHeading ?? null,
        counts: emptyCounts(),
      };
      sections.set(id, summary);
    }
    const kind = bucket(row);
    summary.counts[kind]++;
    totals[kind]++;
    if (row.renumbered) {
      summary.counts.renumbered++;
      totals.renumbered++;
    }
  }
  return { rows, sections: [...sections.values()], totals };
}
