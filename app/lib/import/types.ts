import type { Message } from "~/lib/errors";
import type { MessageKey, MessageValues } from "~/lib/translate";

/**
 * The structure every importer produces, whatever the source format.
 * Pure data: no Prisma, no Remix. The model layer persists it as
 * sections and paragraphs of a version.
 */

/** One paragraph as found in a source document. */
export interface ImportedParagraph {
  /**
   * Stable key, unique within the document, URL-safe (`[a-z0-9-]+`).
   * Derived from the number where there is one ("2.9 a." → "2-9-a"),
   * otherwise from the section and position. Used in `#p-<key>` anchors;
   * later versions inherit keys through paragraph alignment.
   */
  key: string;
  /**
   * Display number as printed, normalized: "1.1", "2.9 a.", "2. a.",
   * "1.9.a", "5.3.1", "1." — or null for an unnumbered paragraph.
   */
  number: string | null;
  /** Plain text without the number; whitespace collapsed, no markup. */
  text: string;
  /**
   * Comments recorded in the source itself under this paragraph (the HLEG
   * report's "One member wished to delete this proposal." paragraphs).
   * The seed turns them into comments on this paragraph.
   */
  memberComments?: string[];
}

/** A heading and the paragraphs up to the next heading. */
export interface ImportedSection {
  /** "1", "2", "Annex 1", "2)" normalized to "2" — or null. */
  number: string | null;
  /** Heading text without the number, e.g. "Pillar 1: Legal Measures". */
  heading: string;
  /** 1 for a top-level section ("Section 2 …"), 2 for a sub-heading inside it. */
  level: 1 | 2;
  paragraphs: ImportedParagraph[];
}

/** A parsed document: its title and its sections in document order. */
export interface ImportedDocument {
  title: string;
  sections: ImportedSection[];
}

/** The source formats the importer understands. */
export type ImportFormat = "text" | "markdown" | "docx";

/** The messages an import refusal can carry (manage.errors.import.* in app/locales/en/manage.ts). */
export type ImportErrorKey = Extract<MessageKey, `manage.errors.import.${string}`>;

/**
 * Raised for input that cannot be imported. It carries the message for the
 * person who uploaded the file as an i18n key and its values (the file name,
 * sizes), translated where it is shown; `message` is the key, for logs.
 */
export class ImportError extends Error {
  override name = "ImportError";
  constructor(
    readonly key: ImportErrorKey,
    readonly values: MessageValues = {},
    options?: ErrorOptions,
  ) {
    super(key, options);
  }

  get userMessage(): Message {
    return { key: this.key, values: this.values };
  }
}
