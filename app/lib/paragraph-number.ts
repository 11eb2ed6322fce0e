/**
 * Paragraph numbers as people type them: "2.9 e", "2.9e", "2.9 (e)", "2.9.e"
 * and "2.9 e." all name the paragraph numbered "2.9 e." in the document.
 * Pure: used by the "Go to paragraph" field (app/components/paragraph-jump.tsx)
 * on the reader and the comparison.
 */

/** A place a paragraph number can lead to: its displayed number and the element id. */
export interface ParagraphTarget {
  number: string;
  id: string;
}

/** Words people put in front of a number ("paragraph 2.9 e", "para. 3", "§ 4", "¶ 2"). */
const PREFIX = /^\s*(?:paragraphs?|paras?|p|§|¶)\.?\s*(?=\d)/iu;

/**
 * The parts of a paragraph number, lower-cased, without separators:
 * "2.9 (e)." → ["2", "9", "e"]. Leading zeros do not count ("02.09" is "2.9").
 */
export function paragraphNumberParts(value: string): string[] {
  const text = value.normalize("NFKC").replace(PREFIX, "").toLocaleLowerCase("en");
  const parts = text.match(/\d+|\p{L}+/gu) ?? [];
  return parts.map((part) => (/^\d+$/.test(part) ? String(Number(part)) : part));
}

/** Whether two paragraph numbers are the same number however they are written. */
export function sameParagraphNumber(a: string, b: string): boolean {
  const left = paragraphNumberParts(a);
  const right = paragraphNumberParts(b);
  return left.length > 0 && left.length === right.length && left.every((part, index) => part === right[index]);
}

/**
 * The first target whose number is the typed one, or null. "2.9e" is split
 * only between digits and letters, so "2.9e" finds "2.9 e." and never "2.9".
 */
export function findParagraph<T extends ParagraphTarget>(typed: string, targets: readonly T[]): T | null {
  if (paragraphNumberParts(typed).length === 0) return null;
  return targets.find((target) => sameParagraphNumber(typed, target.number)) ?? null;
}
