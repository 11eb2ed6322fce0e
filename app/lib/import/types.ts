/**
 * The structure every importer produces, whatever the source format.
 * Pure data: no Prisma, no Remix. The model layer persists it as
 * sections and paragraphs of a version.
 */
import type { Message } from "~/lib/errors";
import type { MessageKey, MessageValues } from "~/lib/translate";

import type { DocxRevisions } from "./docx-revisions";

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
  /**
   * Word's tracked changes, when the .docx has any. The sections hold the
   * text with every change accepted (the file "as it stands"); this says
   * what that accepted, for the secretariat to review before the upload
   * (docx-revisions.ts). Absent for a file without tracked changes.
   */
  revisions?: DocxRevisions;
}

/** The source formats the importer understands. */
export type ImportFormat = "text" | "markdown" | "docx";

/**
 * Raised for input that cannot be imported. It carries an i18n key
 * (`import.errors.*`, app/locales/en/import.ts) and the values it
 * interpolates, never English: whoever shows it translates
 * `{ key, values }` (see {@link ImportError.userMessage}). `message` is the
 * key too, for logs and for callers that only pass it on.
 */
export class ImportError extends Error {
  override name = "ImportError";
  readonly values: MessageValues;
  constructor(
    readonly key: MessageKey,
    values: MessageValues = {},
    options?: ErrorOptions,
  ) {
    super(key, options);
    this.values = values;
  }

  /** The message to show, as a form or the error boundary takes it. */
  get userMessage(): Message {
    return { key: this.key, values: this.values };
  }
}
