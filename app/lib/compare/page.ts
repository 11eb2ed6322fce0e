/**
 * The comparison page's rows: a cached comparison grouped under its section
 * headings, with per-section counts and, under each change, the comments made
 * on its old paragraphs and whether their proposed text was adopted. Pure:
 * app/models/comparison.server.ts loads the comparison and the comments the
 * actor may see, and drives {@link buildComparisonPage} a slice at a time.
 */
import { proposedTextAdoption, type AdoptionLevel } from "./adoption";
import { type ChangeCounts } from "./compare";
import { movedSentenceViews, type MovedSentenceView } from "./moved-sentences";
import { isChangeRow, rowAnchor, ROWS_PER_SLICE } from "./page-rows";
import { indexComparison } from "./page-sections";

export { indexComparison, ROWS_PER_SLICE };

import type { ParagraphTarget } from "../paragraph-number";
import type { AlignmentKind } from "./align";
import type { CachedComparison } from "./payload";
import type { SectionChangeKind } from "./section-changes";
import type { WordChange } from "./words";

/**
 * At most this many comments are listed under one change; the rest are a
 * link to the paragraph's comment panel. A mass campaign can put thousands
 * of comments on one paragraph, and the comparison is about the text.
 */
export const MAX_COMMENTS_PER_ROW = 25;

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
  /** A pairing on little shared wording: shown as "possibly related", not as certain. */
  possiblyRelated: boolean;
  /** Sentences moved to or from other rows. */
  movedSentences: MovedSentenceView[];
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

/** How a section's heading changed, as its heading row shows it (see {@link SectionChange}). */
export interface SectionHeadingChange {
  /** Empty for an unchanged heading. */
  kinds: SectionChangeKind[];
  /** The number in the old version, for "3.2 → 4.2" (null when it had none or did not exist). */
  oldNumber: string | null;
  /** Old heading → new heading, word by word; null unless renamed. */
  headingChanges: WordChange[] | null;
  /** For a moved section: the section it used to follow, as a title ("4.3.3.1 Rule processing"); null when first. */
  movedFrom: string | null;
}

/** Rows under one section heading. */
export interface ComparisonGroup {
  /** Element id of the heading. */
  id: string;
  number: string | null;
  heading: string | null;
  /** 1 for a top-level section, 2 for a section inside one. */
  level: 1 | 2;
  /** The old version's heading when the lineage says the section is the same one and it was retitled. */
  formerHeading: string | null;
  /** How the heading changed; null for a comparison made without section lineage. */
  change: SectionHeadingChange | null;
  /** A later run of rows of a section whose heading came before (rows shown where the old version had them). */
  continued: boolean;
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
  /** The page of the view showing a row, for links between rows when the comparison has several pages. */
  pageOf?: (row: number) => number | null;
}

export { parseVersionRange } from "./range";

/** Numbers of a row's paragraphs, joined ("5.14 j. + 5.14 k."); "" when none is numbered. */
export function rowNumbers(paragraphs: readonly RowParagraph[]) {
  return paragraphs
    .map((paragraph) => paragraph.number)
    .filter((number): number is string => number !== null)
    .join(" + ");
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

/** One run of consecutive rows of a section, as the index keeps it (rows not built). */
export interface IndexedGroup extends Omit<ComparisonGroup, "rows"> {
  /** Row indexes in the comparison, inclusive, and how many of them are changes. */
  firstRow: number;
  lastRow: number;
  changes: number;
}

/** A "go to paragraph" target: a paragraph number and the row (anchor `id`, index `row`) that shows it. */
export type RowTarget = ParagraphTarget & { row: number };

/**
 * What a page of a comparison is planned from without building any row: the
 * groups with their counts and row ranges, the section summaries, where the
 * changes are and every paragraph number. Built once per comparison, in one
 * pass over the rows (no word changes read, no comments).
 */
export interface ComparisonIndex {
  groups: IndexedGroup[];
  sections: ComparisonSectionSummary[];
  /** Row indexes of the changes, ascending. */
  changeRows: number[];
  /** Every row under its new paragraphs' numbers first, then its old ones (a deletion has only old ones). */
  targets: RowTarget[];
}

/** Rows per page of a long comparison: whole sections together, a larger section split across pages. */
export const ROWS_PER_PAGE = 400;

/**
 * A part of a group shown on a page: positions `start..end` (inclusive) in
 * the group's rows as the view lists them (all its rows, or its changes).
 */
export interface PageSegment {
  group: number;
  start: number;
  end: number;
}

/** A page of a comparison in a view: parts of consecutive groups, at most {@link ROWS_PER_PAGE} rows. */
export interface RowPage {
  segments: PageSegment[];
  rows: number;
  /** The page goes on with a group the page before began. */
  continued: boolean;
}

/** How many rows a group lists in a view. */
function viewRows(group: IndexedGroup, changesOnly: boolean) {
  return changesOnly ? group.changes : group.lastRow - group.firstRow + 1;
}

/**
 * A group that a view shows as its heading alone: a section without rows of
 * its own, or, in "changes only", one whose only change is its heading.
 */
function headingOnly(group: IndexedGroup, changesOnly: boolean) {
  if (viewRows(group, changesOnly) > 0 || !group.change) return false;
  return changesOnly ? group.change.kinds.length > 0 : true;
}

/**
 * The pages of a comparison in a view: groups (sections) together under
 * {@link ROWS_PER_PAGE} rows — counting only changes in "changes only",
 * where a group without changes is left out — and a larger group split into
 * pages of its own. Always at least one page (possibly empty).
 */
export function planRowPages(index: ComparisonIndex, changesOnly: boolean, perPage = ROWS_PER_PAGE): RowPage[] {
  const pages: RowPage[] = [];
  // Headings shown alone wait for the rows that follow them, so a chapter heading opens the page of its sections.
  let waiting: PageSegment[] = [];
  index.groups.forEach((group, position) => {
    const rows = viewRows(group, changesOnly);
    if (rows === 0) {
      if (headingOnly(group, changesOnly)) waiting.push({ group: position, start: 0, end: -1 });
      return;
    }
    const last = pages.at(-1);
    if (last && last.rows + rows <= perPage) {
      last.segments.push(...waiting, { group: position, start: 0, end: rows - 1 });
      last.rows += rows;
      waiting = [];
      return;
    }
    for (let start = 0; start < rows; start += perPage) {
      const end = Math.min(rows, start + perPage) - 1;
      const segments = start === 0 ? [...waiting, { group: position, start, end }] : [{ group: position, start, end }];
      pages.push({ segments, rows: end - start + 1, continued: start > 0 });
    }
    waiting = [];
  });
  if (waiting.length > 0) {
    const last = pages.at(-1);
    if (last) last.segments.push(...waiting);
    else pages.push({ segments: waiting, rows: 0, continued: false });
  }
  return pages.length > 0 ? pages : [{ segments: [], rows: 0, continued: false }];
}

/** The first of `count` positions for which `below` is false (`below` true up to some position, then false). */
function firstNotBelow(count: number, below: (position: number) => boolean) {
  let [low, high] = [0, count];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (below(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** First position in the ascending `values` holding a value ≥ `target`. */
const lowerBound = (values: readonly number[], target: number) =>
  firstNotBelow(values.length, (i) => values[i] < target);

/** The row indexes a page shows, by group (every row of every group in the view when `page` is null). */
export function pageRowIndexes(index: ComparisonIndex, page: RowPage | null, changesOnly: boolean) {
  const segments =
    page?.segments ??
    index.groups.map((group, position) => ({ group: position, start: 0, end: viewRows(group, changesOnly) - 1 }));
  const selection: Array<{ group: number; rows: number[] }> = [];
  for (const { group: position, start, end } of segments) {
    if (end < start) {
      if (headingOnly(index.groups[position], changesOnly)) selection.push({ group: position, rows: [] });
      continue;
    }
    const { firstRow } = index.groups[position];
    // In "changes only", positions count the group's changes, which follow one another in changeRows.
    const base = changesOnly ? lowerBound(index.changeRows, firstRow) : 0;
    const rows = Array.from({ length: end - start + 1 }, (_, offset) =>
      changesOnly ? index.changeRows[base + start + offset] : firstRow + start + offset,
    );
    selection.push({ group: position, rows });
  }
  return selection;
}

/** The page (1-based) of a view that shows row `row`, or null when the view does not show it. */
export function pageOfRow(index: ComparisonIndex, pages: readonly RowPage[], row: number, changesOnly: boolean) {
  const { groups } = index;
  if (groups.length === 0) return null;
  if (changesOnly && index.changeRows[lowerBound(index.changeRows, row)] !== row) return null;
  const low = Math.max(0, firstNotBelow(groups.length, (i) => groups[i].firstRow <= row) - 1);
  const group = groups[low];
  const position = changesOnly
    ? lowerBound(index.changeRows, row) - lowerBound(index.changeRows, group.firstRow)
    : row - group.firstRow;
  const found = pages.findIndex((page) =>
    page.segments.some((segment) => segment.group === low && segment.start <= position && position <= segment.end),
  );
  return found === -1 ? null : found + 1;
}

/** The nearest change before and after a page, with the page of the view that shows it (for the change navigator). */
export function adjacentChanges(
  input: Pick<ComparisonPageInput, "comparison"> & { index: ComparisonIndex },
  pages: readonly RowPage[],
  current: number,
  changesOnly: boolean,
) {
  const { index, comparison } = input;
  const page = pages[current - 1];
  const rows = page ? pageRowIndexes(index, page, changesOnly).flatMap((group) => group.rows) : [];
  if (rows.length === 0) return { previous: null, next: null };
  const at = lowerBound(index.changeRows, rows[0]);
  const before = at > 0 ? index.changeRows[at - 1] : undefined;
  const after = index.changeRows[lowerBound(index.changeRows, rows[rows.length - 1] + 1)];
  const link = (row: number | undefined) => {
    if (row === undefined) return null;
    const number = pageOfRow(index, pages, row, changesOnly);
    return number === null ? null : { page: number, anchor: rowAnchor(comparison.rows[row]) };
  };
  return { previous: link(before), next: link(after) };
}

/** One row as the page shows it, with the comments on its old paragraphs. */
function rowView(row: CachedComparison["rows"][number], input: ComparisonPageInput): ComparisonRowView {
  const old = row.old.map(({ key, number }) => ({ key, number }));
  const { carried, commentCount } = carriedComments(row, old, input);
  return {
    anchor: rowAnchor(row),
    kind: row.kind,
    moved: row.moved,
    renumbered: row.renumbered,
    similarity: row.similarity,
    possiblyRelated: row.confidence === "low",
    movedSentences: movedSentenceViews(row, input.comparison.rows, { rowAnchor, rowNumbers, pageOf: input.pageOf }),
    old,
    new: row.new.map(({ key, number }) => ({ key, number })),
    changes: row.changes,
    isChange: isChangeRow(row),
    commentsAnchor: old.length > 0 ? `c-${old[0].key}` : null,
    extraCommentAnchors: old.slice(1).map((paragraph) => `c-${paragraph.key}`),
    comments: carried,
    commentCount,
  };
}

/**
 * Builds the selected rows only (see {@link pageRowIndexes}), grouped as in
 * the index. A generator that pauses after every {@link ROWS_PER_SLICE} rows.
 */
export function* buildComparisonRows(
  input: ComparisonPageInput & { index: ComparisonIndex },
  selection: ReturnType<typeof pageRowIndexes>,
  rowsPerSlice = ROWS_PER_SLICE,
): Generator<void, ComparisonGroup[], void> {
  const groups: ComparisonGroup[] = [];
  let built = 0;
  for (const { group, rows } of selection) {
    const { firstRow: _first, lastRow: _last, changes: _changes, ...shown } = input.index.groups[group];
    const views: ComparisonRowView[] = [];
    for (const row of rows) {
      if (built > 0 && built % rowsPerSlice === 0) yield;
      views.push(rowView(input.comparison.rows[row], input));
      built++;
    }
    groups.push({ ...shown, counts: { ...shown.counts }, rows: views });
  }
  return groups;
}

/**
 * Builds every row of the comparison, grouped by section with per-section counts: a generator that pauses
 * after every {@link ROWS_PER_SLICE} rows (the caller lets other requests run); {@link comparisonPageBody}
 * runs it in one go.
 */
export function* buildComparisonPage(
  input: ComparisonPageInput,
  rowsPerSlice = ROWS_PER_SLICE,
): Generator<void, ComparisonPageBody, void> {
  // The index pass reads no word changes and no comments: the pauses are the building's.
  const index = runToEnd(indexComparison(input.comparison, Number.POSITIVE_INFINITY));
  const groups = yield* buildComparisonRows({ ...input, index }, pageRowIndexes(index, null, false), rowsPerSlice);
  return { groups, sections: index.sections };
}

/** {@link buildComparisonPage} without pauses. */
export function comparisonPageBody(input: ComparisonPageInput): ComparisonPageBody {
  return runToEnd(buildComparisonPage(input));
}

/** Runs one of this module's generators without pauses. */
export function runToEnd<T>(builder: Generator<void, T, void>): T {
  let step = builder.next();
  while (!step.done) step = builder.next();
  return step.value;
}
