/**
 * The comparison page's rows: a cached comparison grouped under its section
 * headings, with per-section counts and, under each change, the comments made
 * on its old paragraphs and whether their proposed text was adopted. Pure:
 * app/models/comparison.server.ts loads the comparison and the comments the
 * actor may see, and drives {@link buildComparisonPage} a slice at a time.
 */
import { proposedTextAdoption, type AdoptionLevel } from "./adoption";
import { emptyCounts, type ChangeCounts } from "./compare";

import type { AlignmentKind } from "./align";
import type { CachedComparison } from "./payload";
import type { WordChange } from "./words";

/**
 * At most this many comments are listed under one change; the rest are a
 * link to the paragraph's comment panel. A mass campaign can put thousands
 * of comments on one paragraph, and the comparison is about the text.
 */
export const MAX_COMMENTS_PER_ROW = 25;

/** Rows built between two pauses of {@link buildComparisonPage}. */
export const ROWS_PER_SLICE = 1000;

/** A paragraph as a comparison row shows it. */
export interface RowParagraph {
  key: string;
  number: string | null;
}

/** A comment on an old paragraph as loaded for the page (its body not yet sanitized). */
export interface CarriedCommentSource {
  id: string;
  type: string;
  status: string;
  organization: { name: string } | null;
  sourceAttribution: string | null;
  bodyHtml: string;
  proposedText: string | null;
  quote: string | null;
  submittedAt: Date | null;
}

/** A comment made on an old paragraph, as listed under its change. */
export interface CarriedComment {
  id: string;
  type: string;
  status: string;
  organization: string | null;
  /** Set for comments recorded in a source document instead of by an organization. */
  sourceAttribution: string | null;
  /** Sanitized HTML. */
  bodyHtml: string;
  proposedText: string | null;
  quote: string | null;
  /** The old paragraph it was made on. */
  paragraph: RowParagraph;
  submittedAt: Date | null;
  /** Whether the proposed text made it into the new version; null without proposed text. */
  adoption: AdoptionLevel | null;
}

/** One change (or unchanged paragraph) of the comparison page. */
export interface ComparisonRowView {
  /** Element id of the row (`ch-<new key>`, or `ch-old-<old key>` for a deletion). */
  anchor: string;
  kind: AlignmentKind;
  moved: boolean;
  renumbered: boolean;
  similarity: number;
  old: RowParagraph[];
  new: RowParagraph[];
  changes: WordChange[];
  /** Anything but an unchanged paragraph in its place. */
  isChange: boolean;
  /** Element id of the row's comments (`c-<first old key>`), or null without old paragraphs. */
  commentsAnchor: string | null;
  /** Ids for the other old paragraphs of a merge, so `#c-<key>` works for each. */
  extraCommentAnchors: string[];
  /** Visible comments on the old paragraphs (at most {@link MAX_COMMENTS_PER_ROW}). */
  comments: CarriedComment[];
  /** All visible comments on the old paragraphs. */
  commentCount: number;
}

/** Rows under one section heading. */
export interface ComparisonGroup {
  /** Element id of the heading. */
  id: string;
  number: string | null;
  heading: string | null;
  /** The old version's heading when the section exists in both and was retitled. */
  formerHeading: string | null;
  counts: ChangeCounts;
  rows: ComparisonRowView[];
}

/** Counts of one section (all its rows, wherever they appear), for the summary table. */
export interface ComparisonSectionSummary {
  /** Element id of the section's first heading on the page. */
  groupId: string;
  number: string | null;
  heading: string | null;
  counts: ChangeCounts;
}

/** What {@link buildComparisonPage} returns once every row is built. */
export interface ComparisonPageBody {
  groups: ComparisonGroup[];
  sections: ComparisonSectionSummary[];
}

/** What {@link buildComparisonPage} reads. */
export interface ComparisonPageInput {
  comparison: CachedComparison;
  /** Visible comments on the old version, by paragraph key, oldest first. */
  comments: ReadonlyMap<string, readonly CarriedCommentSource[]>;
  /** Makes a stored comment body safe to show (called only for the comments listed). */
  sanitizeHtml: (html: string) => string;
}

/** Numbers of a row's paragraphs, joined ("5.14 j. + 5.14 k."); "" when none is numbered. */
export function rowNumbers(paragraphs: readonly RowParagraph[]) {
  return paragraphs
    .map((paragraph) => paragraph.number)
    .filter((number): number is string => number !== null)
    .join(" + ");
}

/** Parses a `a...b` range ("1...2"); null when it is not one. */
export function parseVersionRange(range: string | undefined): { from: number; to: number } | null {
  const match = /^([1-9]\d{0,5})\.\.\.([1-9]\d{0,5})$/.exec(range ?? "");
  if (!match) return null;
  return { from: Number(match[1]), to: Number(match[2]) };
}

/** Texts of the old and the new side of a row, per paragraph, from its word changes. */
function rowTexts(changes: readonly WordChange[]) {
  let before = "";
  let after = "";
  for (const change of changes) {
    if (change.type !== "insert") before += change.text;
    if (change.type !== "delete") after += change.text;
  }
  // Paragraph texts have their whitespace collapsed, so a blank line only
  // ever separates the joined paragraphs of a split or merge.
  return { oldTexts: before.split("\n\n"), newText: after };
}

/** The same buckets as the library's section summaries (each row counts once, renumbering aside). */
function countRow(counts: ChangeCounts, row: ComparisonRowView) {
  if (row.kind === "inserted") counts.added++;
  else if (row.kind === "deleted" || row.kind === "split" || row.kind === "merged") counts[row.kind]++;
  else if (row.moved) counts.moved++;
  else counts[row.kind]++;
  if (row.renumbered) counts.renumbered++;
}

type SectionNames = Partial<Record<"old" | "new", { number: string | null; heading: string | null }>>;

/** The number and heading of each section in each version, by grouping key. */
function sectionNames(comparison: CachedComparison) {
  const headings = new Map<string, SectionNames>();
  for (const summary of comparison.sections) {
    const entry = headings.get(summary.section ?? "") ?? {};
    entry[summary.version] = { number: summary.number, heading: summary.heading };
    headings.set(summary.section ?? "", entry);
  }
  return headings;
}

/** The comments listed under a row (capped) and how many there are in all. */
function carriedComments(
  row: CachedComparison["rows"][number],
  old: readonly RowParagraph[],
  { comments, sanitizeHtml }: Pick<ComparisonPageInput, "comments" | "sanitizeHtml">,
) {
  const carried: CarriedComment[] = [];
  let commentCount = 0;
  if (old.length === 0 || comments.size === 0) return { carried, commentCount };
  let texts: ReturnType<typeof rowTexts> | null = null;
  old.forEach((paragraph, position) => {
    for (const comment of comments.get(paragraph.key) ?? []) {
      texts ??= rowTexts(row.changes);
      const { oldTexts, newText } = texts;
      commentCount++;
      if (carried.length >= MAX_COMMENTS_PER_ROW) continue;
      carried.push({
        id: comment.id,
        type: comment.type,
        status: comment.status,
        organization: comment.organization?.name ?? null,
        sourceAttribution: comment.sourceAttribution,
        bodyHtml: sanitizeHtml(comment.bodyHtml),
        proposedText: comment.proposedText,
        quote: comment.quote,
        paragraph,
        submittedAt: comment.submittedAt,
        adoption: comment.proposedText
          ? proposedTextAdoption({
              original: comment.quote ?? oldTexts[position] ?? oldTexts.join(" "),
              proposed: comment.proposedText,
              revised: newText,
            }).level
          : null,
      });
    }
  });
  return { carried, commentCount };
}

/**
 * Builds the page's rows, grouped by section with per-section counts. A
 * generator that pauses after every {@link ROWS_PER_SLICE} rows, so that its
 * caller can let other requests run between slices of a large page; its
 * return value is the page. {@link comparisonPageBody} runs it in one go.
 */
export function* buildComparisonPage(
  input: ComparisonPageInput,
  rowsPerSlice = ROWS_PER_SLICE,
): Generator<void, ComparisonPageBody, void> {
  const { comparison } = input;
  const headings = sectionNames(comparison);
  const groups: ComparisonGroup[] = [];
  const summary = new Map<string, ComparisonSectionSummary>();
  let currentSection: string | null = null;
  for (const [index, row] of comparison.rows.entries()) {
    if (index > 0 && index % rowsPerSlice === 0) yield;
    const section = comparison.rowSections[index] ?? "";
    if (groups.length === 0 || section !== currentSection) {
      const names = headings.get(section) ?? {};
      const shown = names.new ?? names.old;
      const formerHeading =
        names.new && names.old?.heading && names.old.heading !== names.new.heading ? names.old.heading : null;
      groups.push({
        id: `s-${groups.length + 1}`,
        number: shown?.number ?? null,
        heading: shown?.heading ?? null,
        formerHeading,
        counts: emptyCounts(),
        rows: [],
      });
      currentSection = section;
    }
    const group = groups[groups.length - 1];
    let sectionSummary = summary.get(section);
    if (!sectionSummary) {
      sectionSummary = { groupId: group.id, number: group.number, heading: group.heading, counts: emptyCounts() };
      summary.set(section, sectionSummary);
    }
    const old = row.old.map(({ key, number }) => ({ key, number }));
    const { carried, commentCount } = carriedComments(row, old, input);
    const view: ComparisonRowView = {
      anchor: row.new.length > 0 ? `ch-${row.new[0].key}` : `ch-old-${row.old[0].key}`,
      kind: row.kind,
      moved: row.moved,
      renumbered: row.renumbered,
      similarity: row.similarity,
      old,
      new: row.new.map(({ key, number }) => ({ key, number })),
      changes: row.changes,
      isChange: row.kind !== "unchanged" || row.moved,
      commentsAnchor: old.length > 0 ? `c-${old[0].key}` : null,
      extraCommentAnchors: old.slice(1).map((paragraph) => `c-${paragraph.key}`),
      comments: carried,
      commentCount,
    };
    countRow(group.counts, view);
    countRow(sectionSummary.counts, view);
    group.rows.push(view);
  }
  return { groups, sections: [...summary.values()] };
}

/** {@link buildComparisonPage} without pauses. */
export function comparisonPageBody(input: ComparisonPageInput): ComparisonPageBody {
  const builder = buildComparisonPage(input);
  for (;;) {
    const step = builder.next();
    if (step.done) return step.value;
  }
}
