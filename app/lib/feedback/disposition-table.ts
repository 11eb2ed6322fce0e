/**
 * The disposition table's layout: rows in document order, cut into one
 * table per section, each section named with its parent when it is a
 * sub-heading ("1 Introduction › Background").
 */
import type { OutlineSection } from "./aggregate";

/** A section as the table's caption shows it. */
export interface TableSection {
  id: string;
  number: string | null;
  heading: string;
  /** The top-level section a sub-heading sits under; null for a top-level section. */
  parent: { number: string | null; heading: string } | null;
}

/** One table of the page: a section (null for comments without a paragraph) and its rows, in order. */
export interface SectionGroup<R> {
  section: TableSection | null;
  rows: R[];
}

/**
 * Groups consecutive rows by the section of their paragraph. The rows must
 * already be in document order: a section met again after another one
 * starts a new group (which document order never does).
 */
export function groupRowsBySection<R>(
  sections: readonly OutlineSection[],
  rows: readonly R[],
  sectionIdOf: (row: R) => string | null,
): Array<SectionGroup<R>> {
  const sectionById = new Map(sections.map((section) => [section.id, section]));
  const parentOf = new Map<string, { number: string | null; heading: string }>();
  let top: { number: string | null; heading: string } | null = null;
  for (const section of sections) {
    if (section.level <= 1) top = { number: section.number, heading: section.heading };
    else if (top) parentOf.set(section.id, top);
  }
  const groups: Array<SectionGroup<R>> = [];
  for (const row of rows) {
    const id = sectionIdOf(row);
    const section = id === null ? null : (sectionById.get(id) ?? null);
    const last = groups[groups.length - 1];
    if (last && (last.section?.id ?? null) === (section?.id ?? null)) {
      last.rows.push(row);
      continue;
    }
    groups.push({
      section: section
        ? { id: section.id, number: section.number, heading: section.heading, parent: parentOf.get(section.id) ?? null }
        : null,
      rows: [row],
    });
  }
  return groups;
}
