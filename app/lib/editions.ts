/**
 * Language editions of a version: the languages an edition may be in, and the
 * matching of an uploaded translation to the original's paragraphs by number
 * and order. Pure (no database): app/models/edition.server.ts stores what
 * `matchEdition` answers, or refuses the upload with its report.
 *
 * The rule (docs/decisions/0027-language-editions.md):
 * - a numbered paragraph of the translation matches the original's paragraph
 *   with the same number ("2. a." and "2 a)" are the same number), looked for
 *   after the previous match: numbers come in the original's order;
 * - an unnumbered paragraph matches the original's next paragraph when that
 *   one is unnumbered too (unnumbered paragraphs are matched by order);
 * - original paragraphs passed over are "missing": the edition is partial and
 *   the reader shows the original there, marked. Accepted, and reported;
 * - a translated paragraph that matches nothing is a problem: "extra" (its
 *   number is not in the original), "outOfOrder" (its number was passed
 *   already, or is repeated) or "numberMismatch" (unnumbered where the
 *   original has a number). Any problem refuses the whole upload, as does a
 *   translation that matches no paragraph at all.
 * Section headings follow their paragraphs: a translated section's heading is
 * the heading of the original section holding its first matched paragraph; a
 * section without paragraphs matches the original's next section with the
 * same number and level.
 */
import { paragraphNumberParts } from "~/lib/paragraph-number";

/** The languages of the UI (app/i18n.ts); the original is English, an edition is in one of the others. */
export const EDITION_LANGUAGES = ["ar", "es", "fr", "ru", "zh"] as const;
export type EditionLanguage = (typeof EDITION_LANGUAGES)[number];
/** Every language a comment may be written in: the original's and the editions'. */
export const COMMENT_LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh"] as const;
export type CommentLanguage = (typeof COMMENT_LANGUAGES)[number];
/** The language of every original (imported) version. */
export const ORIGINAL_LANGUAGE = "en";

export function isEditionLanguage(value: unknown): value is EditionLanguage {
  return typeof value === "string" && (EDITION_LANGUAGES as readonly string[]).includes(value);
}

export function isCommentLanguage(value: unknown): value is CommentLanguage {
  return typeof value === "string" && (COMMENT_LANGUAGES as readonly string[]).includes(value);
}

/** The primary subtag of a locale ("fr-CH" → "fr"), when it is one of the six. */
export function commentLanguageOf(locale: string | null | undefined): CommentLanguage | null {
  const primary = (locale ?? "").toLowerCase().split(/[-_]/)[0];
  return isCommentLanguage(primary) ? primary : null;
}

export interface OriginalParagraph {
  id: string;
  number: string | null;
  sectionId: string;
}

export interface OriginalSection {
  id: string;
  number: string | null;
  level: number;
}

export interface TranslatedParagraph {
  number: string | null;
  text: string;
}

export interface TranslatedSection {
  number: string | null;
  heading: string;
  level: number;
  paragraphs: TranslatedParagraph[];
}

/** One problem of a translation, by its position (1-based, document order) and number. */
export type EditionProblem =
  | { kind: "extra"; position: number; number: string | null; excerpt: string }
  | { kind: "outOfOrder"; position: number; number: string; excerpt: string }
  | { kind: "numberMismatch"; position: number; number: string | null; expected: string | null; excerpt: string };

export interface EditionReport {
  /** Original paragraphs matched. */
  matched: number;
  /** Original paragraphs in all. */
  total: number;
  /** Paragraphs of the translation. */
  translated: number;
  /** Original paragraphs without a translation (the edition is partial when there are any). */
  missing: Array<{ position: number; number: string | null }>;
  /** Why the translation is refused; empty when it is accepted. */
  problems: EditionProblem[];
}

export interface EditionMatch {
  report: EditionReport;
  /** Original paragraph id → translated text (only when accepted). */
  paragraphs: Array<{ paragraphId: string; text: string }>;
  /** Original section id → translated heading. */
  sections: Array<{ sectionId: string; heading: string }>;
  accepted: boolean;
}

/** "2. a." → "2.a": the number as its parts, so that punctuation differences do not count. */
function numberKey(number: string | null): string | null {
  if (number === null) return null;
  const parts = paragraphNumberParts(number);
  return parts.length > 0 ? parts.join(".") : null;
}

const EXCERPT_CHARS = 60;
const excerptOf = (text: string) => (text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text);

/** Most problems listed in a report (the count says how many there were in all). */
export const MAX_REPORTED_PROBLEMS = 50;

/** Matches a translation to the original's paragraphs and sections (see the module comment for the rule). */
export function matchEdition({
  original,
  originalSections,
  translation,
}: {
  original: readonly OriginalParagraph[];
  originalSections: readonly OriginalSection[];
  translation: readonly TranslatedSection[];
}): EditionMatch {
  const keys = original.map((paragraph) => numberKey(paragraph.number));
  const matchedAt = new Map<number, string>();
  const problems: EditionProblem[] = [];
  const sectionOfTranslated: number[] = [];
  const matchedIndexOfTranslated: number[] = [];
  let next = 0;
  let position = 0;
  translation.forEach((section, sectionIndex) => {
    for (const paragraph of section.paragraphs) {
      position++;
      sectionOfTranslated.push(sectionIndex);
      const key = numberKey(paragraph.number);
      const excerpt = excerptOf(paragraph.text);
      let found = -1;
      if (key === null) {
        if (next < original.length && keys[next] === null) found = next;
        else if (next < original.length) {
          problems.push({ kind: "numberMismatch", position, number: null, expected: original[next].number, excerpt });
        } else problems.push({ kind: "extra", position, number: null, excerpt });
      } else {
        found = keys.indexOf(key, next);
        if (found < 0) {
          const earlier = keys.indexOf(key) >= 0;
          problems.push(
            earlier
              ? { kind: "outOfOrder", position, number: paragraph.number!, excerpt }
              : { kind: "extra", position, number: paragraph.number, excerpt },
          );
        }
      }
      matchedIndexOfTranslated.push(found);
      if (found >= 0) {
        matchedAt.set(found, paragraph.text);
        next = found + 1;
      }
    }
  });

  const missing = original.flatMap((paragraph, index) =>
    matchedAt.has(index) ? [] : [{ position: index + 1, number: paragraph.number }],
  );
  const report: EditionReport = {
    matched: matchedAt.size,
    total: original.length,
    translated: position,
    missing,
    problems: problems.slice(0, MAX_REPORTED_PROBLEMS),
  };
  const accepted = problems.length === 0 && matchedAt.size > 0;
  if (!accepted) return { report, paragraphs: [], sections: [], accepted };

  return {
    report,
    accepted,
    paragraphs: [...matchedAt].map(([index, text]) => ({ paragraphId: original[index].id, text })),
    sections: matchSections(original, originalSections, translation, sectionOfTranslated, matchedIndexOfTranslated),
  };
}

function matchSections(
  original: readonly OriginalParagraph[],
  originalSections: readonly OriginalSection[],
  translation: readonly TranslatedSection[],
  sectionOfTranslated: readonly number[],
  matchedIndexOfTranslated: readonly number[],
) {
  const order = new Map(originalSections.map((section, index) => [section.id, index]));
  const headings = new Map<string, string>();
  let last = -1;
  translation.forEach((section, sectionIndex) => {
    const first = matchedIndexOfTranslated.find(
      (found, index) => found >= 0 && sectionOfTranslated[index] === sectionIndex,
    );
    let target: number | undefined;
    if (first !== undefined) target = order.get(original[first].sectionId);
    else {
      const key = numberKey(section.number);
      const index = originalSections.findIndex(
        (candidate, index) => index > last && candidate.level === section.level && numberKey(candidate.number) === key,
      );
      if (index >= 0) target = index;
    }
    if (target === undefined || target <= last) return;
    last = target;
    const heading = section.heading.trim();
    if (heading) headings.set(originalSections[target].id, heading);
  });
  return [...headings].map(([sectionId, heading]) => ({ sectionId, heading }));
}

/** A language's name in `uiLanguage` ("fr" in English: "French"), from Intl; the code itself where Intl has none. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A language's name in itself ("fr": "français"), for a switch between languages. */
export function languageEndonym(code: string): string {
  return languageName(code, code);
}
