/**
 * .docx files with Word tracked changes, made with the `docx` package
 * (InsertedTextRun, DeletedTextRun, paragraph mark revisions), for the unit,
 * integration and e2e tests of the tracked-changes review.
 */
import { DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun } from "docx";

/** Who made a change and when (the `docx` package requires both). */
export interface ChangeBy {
  author: string;
  date: string;
}

/** One piece of a paragraph: plain text, or text inserted / deleted by someone. */
export type Piece = string | { ins: string; by: ChangeBy } | { del: string; by: ChangeBy };

export interface TrackedParagraph {
  pieces: Piece[];
  heading?: 1 | 2;
  /** The paragraph mark itself was inserted (a new paragraph) or deleted (joined with the next). */
  mark?: { ins: ChangeBy } | { del: ChangeBy };
}

export const ANA: ChangeBy = { author: "Ana Lima", date: "2026-03-02T09:30:00Z" };
export const BO: ChangeBy = { author: "Bo Chen", date: "2026-03-03T14:05:00Z" };

/** A .docx of `paragraphs` with their tracked changes, as bytes. */
export async function buildTrackedChangesDocx(paragraphs: TrackedParagraph[], title = "Tracked draft") {
  let id = 0;
  const next = () => (id += 1);
  const document = new Document({
    title,
    sections: [
      {
        children: paragraphs.map((paragraph) => {
          const mark = paragraph.mark
            ? "ins" in paragraph.mark
              ? { insertion: { id: next(), ...paragraph.mark.ins } }
              : { deletion: { id: next(), ...paragraph.mark.del } }
            : undefined;
          return new Paragraph({
            ...(paragraph.heading
              ? { heading: paragraph.heading === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 }
              : {}),
            ...(mark ? { run: mark } : {}),
            children: paragraph.pieces.map((piece) =>
              typeof piece === "string"
                ? new TextRun(piece)
                : "ins" in piece
                  ? new InsertedTextRun({ text: piece.ins, id: next(), ...piece.by })
                  : new DeletedTextRun({ text: piece.del, id: next(), ...piece.by }),
            ),
          });
        }),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * A short draft with four tracked changes by two authors in three paragraphs
 * of the import: a word replaced (a deletion and an insertion), a sentence
 * added, a paragraph deleted (shown with the paragraph after it, which it is
 * joined to).
 */
export function reviewedDraft(): Promise<Uint8Array> {
  return buildTrackedChangesDocx([
    { pieces: ["Section 1. Scope"], heading: 1 },
    {
      pieces: [
        "1.1 Member States ",
        { del: "should", by: ANA },
        { ins: "shall", by: ANA },
        " cooperate on cybersecurity.",
      ],
    },
    { pieces: ["1.2 The Secretariat reports every year.", { ins: " It consults the regions first.", by: BO }] },
    { pieces: [{ del: "1.3 This paragraph is withdrawn.", by: BO }], mark: { del: BO } },
    { pieces: ["1.4 Nothing else changes."] },
    { pieces: ["1.5 A paragraph nobody touched."] },
  ]);
}

/** The text of {@link reviewedDraft} with every change accepted, paragraph by paragraph (numbers stripped). */
export const REVIEWED_DRAFT_ACCEPTED = [
  "Member States shall cooperate on cybersecurity.",
  "The Secretariat reports every year. It consults the regions first.",
  "Nothing else changes.",
  "A paragraph nobody touched.",
];
