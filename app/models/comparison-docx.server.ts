/**
 * A comparison as a Word document with real tracked changes: deletions are
 * `w:del` runs and insertions `w:ins` runs, so Word's Review tab lists them,
 * "Accept all" turns the old version into the new one and "Reject all"
 * gives the old one back. Moves, splits and merges, which Word's revision
 * marks cannot express across paragraphs, are explained in Word comments;
 * so are a sentence moved from one paragraph into another (a comment on
 * each end, saying where it went or came from) and a "possibly related"
 * pairing, which the comparison does not call a certain modification.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from "docx";

import { markMovedSentences, rowNumbers, type ComparisonRowView, type MovedSentenceView } from "~/lib/compare";
import type { Translate } from "~/lib/translate";
import type { ComparisonPage } from "~/models/comparison.server";

interface Revision {
  author: string;
  date: string;
}

/**
 * Builds the .docx for a comparison page (all rows, comments left out: the
 * document is the text, not the discussion).
 */
export async function comparisonDocx({
  page,
  t,
  now = new Date(),
}: {
  page: ComparisonPage;
  t: Translate;
  now?: Date;
}) {
  let nextId = 1;
  const revision: Revision = { author: page.to.label, date: (page.to.publishedAt ?? now).toISOString() };
  const tracked = () => ({ id: nextId++, ...revision });
  const comments: ICommentOptions[] = [];

  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(page.documentTitle)] }),
    new Paragraph({
      children: [
        new TextRun({ text: t("compare.docx.subtitle", { from: page.from.label, to: page.to.label }), bold: true }),
      ],
    }),
    new Paragraph({
      children: [
        new TextRun({ text: t("compare.docx.intro", { from: page.from.label, to: page.to.label }), italics: true }),
      ],
    }),
  ];

  for (const group of page.groups) {
    body.push(headingParagraph(group));
    for (const row of group.rows) body.push(...rowParagraphs(row));
  }

  /**
   * A section heading with its change as tracked changes, as the page shows it: a new section's heading
   * inserted, a deleted one's deleted, a new number or a reworded heading word by word.
   */
  function headingParagraph(group: ComparisonPage["groups"][number]): Paragraph {
    const level = group.level === 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2;
    const kinds = group.change?.kinds ?? [];
    const whole = kinds.includes("added") ? "insert" : kinds.includes("deleted") ? "delete" : "equal";
    const run = (type: "equal" | "insert" | "delete", text: string): ParagraphChild =>
      type === "equal"
        ? new TextRun(text)
        : type === "insert"
          ? new InsertedTextRun({ ...tracked(), text })
          : new DeletedTextRun({ ...tracked(), text });
    const children: ParagraphChild[] = [];
    const oldNumber = group.change?.oldNumber ?? null;
    if (whole === "equal" && group.change && oldNumber !== group.number) {
      if (oldNumber) children.push(run("delete", oldNumber));
      if (group.number) children.push(run("insert", group.number));
    } else if (group.number) children.push(run(whole, group.number));
    if (children.length > 0) children.push(new TextRun(" "));
    const changes = group.change?.headingChanges;
    if (whole === "equal" && changes) for (const change of changes) children.push(run(change.type, change.text));
    else children.push(run(whole, group.heading ?? t("compare.untitledSection")));
    return new Paragraph({ heading: level, children });
  }

  /** A Word comment by the new version's author; its id. */
  function addComment(texts: readonly string[]): number {
    const id = comments.length;
    comments.push({
      id,
      author: revision.author,
      date: new Date(revision.date),
      children: texts.map((text) => new Paragraph(text)),
    });
    return id;
  }

  /** What a row's comment says: how its paragraphs moved, split or merged, and whether the pairing is a guess. */
  function notes(row: ComparisonRowView): string[] {
    const from = rowNumbers(row.old) || t("compare.unnumbered");
    const said: string[] = [];
    if (row.kind === "split")
      said.push(t("compare.docx.splitNote", { number: from, count: row.new.length, version: page.from.label }));
    else if (row.kind === "merged")
      said.push(t("compare.docx.mergedNote", { numbers: from, version: page.from.label }));
    else if (row.moved) said.push(t("compare.docx.movedNote", { number: from, version: page.from.label }));
    if (row.possiblyRelated) said.push(t("compare.possiblyRelatedNote"));
    return said;
  }

  /** Where a moved sentence went (deleted here) or came from (inserted here), as its comment says it. */
  function movedSentenceNote(move: MovedSentenceView): string {
    const number = move.number || t("compare.unnumberedLong");
    return move.side === "old"
      ? t("compare.docx.movedSentenceToNote", { number, version: page.to.label })
      : t("compare.docx.movedSentenceFromNote", { number, version: page.from.label });
  }

  function rowParagraphs(row: ComparisonRowView): Paragraph[] {
    const paragraphs: ParagraphChild[][] = [[]];
    const marks: Array<"inserted" | "deleted" | null> = [];
    const oldNumbers = rowNumbers(row.old);
    const newNumbers = rowNumbers(row.new);
    const lead = paragraphs[0];
    if (oldNumbers !== newNumbers) {
      if (oldNumbers) lead.push(new DeletedTextRun({ ...tracked(), text: oldNumbers }));
      if (newNumbers) lead.push(new InsertedTextRun({ ...tracked(), text: newNumbers }));
    } else if (newNumbers) {
      lead.push(new TextRun(newNumbers));
    }
    if (oldNumbers || newNumbers) lead.push(new TextRun({ text: "\t" }));

    // The comment open on each moved sentence of the row, from its first run to its last.
    const movedSentenceComments = new Map<MovedSentenceView, number>();
    for (const change of markMovedSentences(row.changes, row.movedSentences)) {
      // A blank line inside a change is a paragraph boundary (the joined
      // pieces of a split or merge): the paragraph it ends gets a tracked
      // paragraph mark when only one side has it.
      const pieces = change.text.split("\n\n");
      pieces.forEach((piece, index) => {
        if (index > 0) {
          marks[paragraphs.length - 1] =
            change.type === "insert" ? "inserted" : change.type === "delete" ? "deleted" : null;
          paragraphs.push([]);
        }
        if (!piece) return;
        const target = paragraphs[paragraphs.length - 1];
        const move = change.move;
        if (move && !movedSentenceComments.has(move)) {
          const id = addComment([movedSentenceNote(move)]);
          movedSentenceComments.set(move, id);
          target.push(new CommentRangeStart(id));
        }
        if (change.type === "equal") target.push(new TextRun(piece));
        else if (change.type === "insert") target.push(new InsertedTextRun({ ...tracked(), text: piece }));
        else target.push(new DeletedTextRun({ ...tracked(), text: piece }));
        if (move && change.moveEnds && index === pieces.length - 1) {
          const id = movedSentenceComments.get(move)!;
          target.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
        }
      });
    }
    // A wholly inserted or deleted paragraph takes its paragraph mark with it.
    if (row.kind === "inserted") marks[paragraphs.length - 1] = "inserted";
    if (row.kind === "deleted") marks[paragraphs.length - 1] = "deleted";

    const explanation = notes(row);
    if (explanation.length > 0) {
      const id = addComment(explanation);
      paragraphs[0].unshift(new CommentRangeStart(id));
      const last = paragraphs[paragraphs.length - 1];
      last.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
    }
    return paragraphs.map(
      (children, index) =>
        new Paragraph({
          alignment: AlignmentType.LEFT,
          spacing: { after: 160 },
          children,
          run:
            marks[index] === "inserted"
              ? { insertion: tracked() }
              : marks[index] === "deleted"
                ? { deletion: tracked() }
                : undefined,
        }),
    );
  }

  const document = new Document({
    title: t("compare.docx.subtitle", { from: page.from.label, to: page.to.label }),
    creator: t("app.name"),
    features: { trackRevisions: true },
    comments: { children: comments },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}
