/**
 * The comparison page's index ({@link indexComparison}): groups of rows
 * under their section headings, with section lineage
 * (app/lib/compare/section-changes.ts) a group per run of rows of a section
 * at any level, under its heading and heading change.
 */
import { emptyCounts, type ComparisonRow } from "./compare";
import { countRow, isChangeRow, rowAnchor, ROWS_PER_SLICE } from "./page-rows";

import type { ComparisonIndex, ComparisonSectionSummary, IndexedGroup, RowTarget } from "./page";
import type { CachedComparison } from "./payload";
import type { SectionChange } from "./section-changes";

/** A section's title as one line ("4.2 General principles"). */
const sectionTitle = (name: { number: string | null; heading: string }) =>
  [name.number, name.heading].filter(Boolean).join(" ");

/** A group's heading and heading change, from the section's lineage. */
function groupOfSection(change: SectionChange): Omit<IndexedGroup, "id" | "firstRow" | "lastRow" | "continued"> {
  const shown = change.new ?? change.old!;
  return {
    number: shown.number,
    heading: shown.heading,
    level: change.level,
    formerHeading: change.kinds.includes("renamed") ? change.old!.heading : null,
    change: {
      kinds: change.kinds,
      oldNumber: change.old?.number ?? null,
      headingChanges: change.headingChanges,
      movedFrom: change.movedFrom ? sectionTitle(change.movedFrom) : null,
    },
    counts: emptyCounts(),
    changes: 0,
  };
}

/**
 * What both ways of grouping collect from each row once it has its group
 * and its section's summary: the counts of both, where the changes are and
 * the paragraph numbers to go to.
 */
function indexedRows() {
  const changeRows: number[] = [];
  const newTargets: RowTarget[] = [];
  const oldTargets: RowTarget[] = [];
  return {
    /** Adds row `index` (`row`) to the end of `group` and to the counts of `summary`. */
    add(row: ComparisonRow, index: number, group: IndexedGroup, summary: ComparisonSectionSummary) {
      group.lastRow = index;
      countRow(group.counts, row);
      countRow(summary.counts, row);
      if (isChangeRow(row)) {
        group.changes++;
        changeRows.push(index);
      }
      const id = rowAnchor(row);
      for (const paragraph of row.new)
        if (paragraph.number) newTargets.push({ number: paragraph.number, id, row: index });
      for (const paragraph of row.old)
        if (paragraph.number) oldTargets.push({ number: paragraph.number, id, row: index });
    },
    /** The index of the rows added, under `groups` and `sections`. */
    index(groups: IndexedGroup[], sections: ComparisonSectionSummary[]): ComparisonIndex {
      return { groups, sections, changeRows, targets: [...newTargets, ...oldTargets] };
    },
  };
}

/**
 * {@link indexComparison} of a comparison with section lineage: one group per
 * run of rows of a section at any level, under its own heading and heading
 * change; a section without rows of its own (a chapter heading over its
 * sub-sections, an emptied section) still gets its heading, as an empty group
 * where the lineage places it. Summaries sum the rows by top-level section.
 */
function* indexByLineage(
  comparison: CachedComparison,
  sectionChanges: readonly SectionChange[],
  rowsPerSlice: number,
): Generator<void, ComparisonIndex, void> {
  const position = new Map(sectionChanges.map((change, at) => [change.key, at]));
  const withRows = new Set(comparison.rowSections);
  const groups: IndexedGroup[] = [];
  const summary = new Map<string, ComparisonSectionSummary>();
  const rows = indexedRows();
  const summaryOf = (change: SectionChange, groupId: string) => {
    let found = summary.get(change.top);
    if (!found) {
      const top = sectionChanges[position.get(change.top)!];
      const shown = top.new ?? top.old!;
      // Until the top-level section's own heading is on the page, the first of its groups stands for it.
      found = { groupId, number: shown.number, heading: shown.heading, counts: emptyCounts() };
      summary.set(change.top, found);
    }
    return found;
  };
  // Top-level sections whose own heading is on the page: their summary links to it.
  const headed = new Set<string>();
  // Sections that have a group already.
  const opened = new Set<string>();
  const open = (change: SectionChange, row: number) => {
    const group: IndexedGroup = {
      id: `s-${groups.length + 1}`,
      ...groupOfSection(change),
      continued: opened.has(change.key),
      firstRow: row,
      lastRow: row - 1,
    };
    opened.add(change.key);
    groups.push(group);
    const owner = summaryOf(change, group.id);
    if (change.key === change.top && !headed.has(change.key)) {
      owner.groupId = group.id;
      headed.add(change.key);
    }
    return group;
  };
  // Sections whose heading has not been shown yet, in lineage order, from `pending` on.
  let pending = 0;
  const headingsUpTo = (end: number, row: number) => {
    for (; pending < end; pending++) {
      const change = sectionChanges[pending];
      if (!withRows.has(change.key)) open(change, row);
    }
  };
  let current: IndexedGroup | null = null;
  let currentKey: string | null = null;
  for (const [index, row] of comparison.rows.entries()) {
    if (index > 0 && index % rowsPerSlice === 0) yield;
    const key = comparison.rowSections[index] ?? "";
    if (current === null || key !== currentKey) {
      const at = position.get(key);
      if (at === undefined) throw new Error(`row ${index} names no section of the lineage: ${key}`);
      if (at >= pending) {
        headingsUpTo(at, index);
        pending = at + 1;
      }
      current = open(sectionChanges[at], index);
      currentKey = key;
    }
    rows.add(row, index, current, summaryOf(sectionChanges[position.get(key)!], current.id));
  }
  headingsUpTo(sectionChanges.length, comparison.rows.length);
  return rows.index(groups, [...summary.values()]);
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

/** Indexes a comparison; a generator that pauses after every {@link ROWS_PER_SLICE} rows. */
export function* indexComparison(
  comparison: CachedComparison,
  rowsPerSlice = ROWS_PER_SLICE,
): Generator<void, ComparisonIndex, void> {
  if (comparison.sectionChanges) return yield* indexByLineage(comparison, comparison.sectionChanges, rowsPerSlice);
  const headings = sectionNames(comparison);
  const groups: IndexedGroup[] = [];
  const summary = new Map<string, ComparisonSectionSummary>();
  const rows = indexedRows();
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
        level: 1,
        formerHeading,
        change: null,
        continued: summary.has(section),
        counts: emptyCounts(),
        firstRow: index,
        lastRow: index,
        changes: 0,
      });
      currentSection = section;
    }
    const group = groups[groups.length - 1];
    let sectionSummary = summary.get(section);
    if (!sectionSummary) {
      sectionSummary = { groupId: group.id, number: group.number, heading: group.heading, counts: emptyCounts() };
      summary.set(section, sectionSummary);
    }
    rows.add(row, index, group, sectionSummary);
  }
  return rows.index(groups, [...summary.values()]);
}
