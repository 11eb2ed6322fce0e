/**
 * Paragraph keys: the stable, URL-safe identity of a paragraph inside a
 * document (`#p-<key>` anchors, comment targets). Keys are derived from what
 * a reader sees (the printed number) so that they survive re-imports of the
 * same text, and later versions inherit them through paragraph alignment.
 */
import type { ImportedParagraph, ImportedSection } from "./types";

/** A paragraph before keys are assigned. */
export type UnkeyedParagraph = Omit<ImportedParagraph, "key">;

/** A section whose paragraphs have no keys yet. */
export type UnkeyedSection = Omit<ImportedSection, "paragraphs"> & {
  paragraphs: UnkeyedParagraph[];
};

/** Every key matches this pattern. */
export const PARAGRAPH_KEY_PATTERN = /^[a-z0-9-]+$/;

/**
 * Slug of a printed number: "2.9 a." → "2-9-a", "1.1" → "1-1",
 * "1.9.a" → "1-9-a", "5." → "5", "1.7 a)" → "1-7-a", "5.2 (1)" → "5-2-1".
 * Returns "" when the number has no letters or digits.
 */
export function paragraphKey(number: string): string {
  return number
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Prefix for the keys of an annex ("Annex 1" → "annex1-"). Annexes restart
 * their numbering at "1.", so without a prefix their paragraph "3.1" would
 * collide with paragraph 3.1 of the body and get an arbitrary "-2" suffix.
 */
function sectionKeyPrefix(section: UnkeyedSection): string {
  const annex = /^(annex|appendix)\s*([a-z0-9]+)/i.exec(section.number ?? "");
  return annex ? `${annex[1].toLowerCase()}${annex[2].toLowerCase()}-` : "";
}

/**
 * Assigns a key to every paragraph, in document order:
 * - numbered paragraphs: `paragraphKey(number)` (prefixed inside an annex);
 * - unnumbered paragraphs: `<key of the last numbered paragraph of the same
 *   section>-u<n>`, or `s<section position>-u<n>` when the section has no
 *   numbered paragraph before it (e.g. "s1-u2" is the second unnumbered
 *   paragraph at the top of the first section). `n` restarts after every
 *   numbered paragraph, so inserting text elsewhere does not shift the key;
 * - collisions get "-2", "-3", … in document order.
 */
export function withParagraphKeys(sections: UnkeyedSection[]): ImportedSection[] {
  const used = new Set<string>();
  const unique = (base: string): string => {
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  };

  return sections.map((section, sectionIndex) => {
    const prefix = sectionKeyPrefix(section);
    let anchor = `s${sectionIndex + 1}`;
    let unnumberedSinceAnchor = 0;
    const paragraphs = section.paragraphs.map((paragraph): ImportedParagraph => {
      const slug = paragraph.number ? paragraphKey(paragraph.number) : "";
      let key: string;
      if (slug) {
        key = unique(`${prefix}${slug}`);
        anchor = key;
        unnumberedSinceAnchor = 0;
      } else {
        unnumberedSinceAnchor += 1;
        key = unique(`${anchor}-u${unnumberedSinceAnchor}`);
      }
      return { key, ...paragraph };
    });
    return { ...section, paragraphs };
  });
}
