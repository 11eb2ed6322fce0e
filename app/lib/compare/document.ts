/**
 * Adapter from an imported document to the flat paragraph list that
 * {@link compareVersions} takes.
 */
import type { ImportedDocument } from "../import/types";
import type { CompareParagraph } from "./compare";

/**
 * Flattens a document's sections into paragraphs in document order.
 *
 * Summaries group by top-level section: paragraphs under a sub-heading
 * (level 2, such as the 2020 draft's "Introduction" or "Evolution of the …
 * landscape since 2008") count towards the level-1 section that contains
 * them, because that is the unit a reader navigates by and because
 * sub-headings repeat ("Introduction" appears in every 2020 section). The
 * grouping key is the section's number, or `#<position>` for an unnumbered
 * section.
 */
export function paragraphsForComparison(document: ImportedDocument): CompareParagraph[] {
  const paragraphs: CompareParagraph[] = [];
  let top: { key: string; number: string | null; heading: string } | null = null;
  document.sections.forEach((section, position) => {
    if (section.level === 1 || top === null) {
      top = { key: section.number ?? `#${position}`, number: section.number, heading: section.heading };
    }
    for (const paragraph of section.paragraphs) {
      paragraphs.push({
        key: paragraph.key,
        number: paragraph.number,
        text: paragraph.text,
        section: top.key,
        sectionNumber: top.number,
        sectionHeading: top.heading,
      });
    }
  });
  return paragraphs;
}
