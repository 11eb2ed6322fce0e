/**
 * A delegation's annotated copy of the 2020 GCA draft (C20/65) as a .docx,
 * built with the `docx` package: every section heading and paragraph of the
 * draft as the importer reads it (tests/fixtures/corpus), each numbered
 * paragraph starting with its printed number, and Word comments on it:
 *
 * - "whole-1-1": on paragraph 1.1, the whole paragraph selected;
 * - "whole-4-8-b": on paragraph 4.8 b. (a lettered item), the whole paragraph selected;
 * - "phrase-5-1": on the phrase "a cybersecurity culture" of paragraph 5.1,
 *   the selection running over three runs (one of them bold);
 * - "new-paragraph": on a paragraph the delegation added to its copy, which
 *   the draft does not have;
 * - with `reply`, an answer to "whole-1-1" by a colleague.
 *
 * Used by the unit tests, the model's integration test and the e2e test.
 */
import { readFileSync } from "node:fs";

import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from "docx";

import { parseText } from "../parse-text";

const DRAFT = new URL("../../../../tests/fixtures/corpus/gca-guidelines-draft-2020-C20-65.txt", import.meta.url);

/** What each comment of the fixture says, and where it should land. */
export const ANNOTATED_GCA_COMMENTS = {
  "whole-1-1": {
    id: 0,
    paragraphKey: "1-1",
    quote: null,
    body: "We suggest recalling Resolution 130 in full in a footnote.",
  },
  "whole-4-8-b": {
    id: 1,
    paragraphKey: "4-8-b",
    quote: null,
    body: "Which criteria define “proper” organizational structures?\nPlease list them in an annex.",
  },
  "phrase-5-1": {
    id: 2,
    paragraphKey: "5-1",
    quote: "a cybersecurity culture",
    body: "Replace with “a culture of cybersecurity”, as in Resolution 130.",
  },
  "new-paragraph": {
    id: 3,
    paragraphKey: null,
    quote: null,
    body: "This paragraph is our proposal: please add it after 1.5.",
  },
} as const;

export const ANNOTATED_GCA_REPLY = { id: 4, body: "Agreed; the footnote should cite the Dubai text." };

/** The paragraph the delegation added to its copy (after 1.5). */
export const ADDED_PARAGRAPH =
  "1.5 bis The Member States further request a yearly report on the implementation of these Guidelines.";

const AUTHOR = "Dario Delegate";

function draftDocument() {
  return parseText(readFileSync(DRAFT, "utf8"));
}

/** The annotated copy, as the bytes of a .docx. */
export async function buildAnnotatedGcaDocx({ reply = false }: { reply?: boolean } = {}): Promise<Uint8Array> {
  const draft = draftDocument();
  const c = ANNOTATED_GCA_COMMENTS;
  const children: Paragraph[] = [new Paragraph({ text: draft.title, heading: HeadingLevel.TITLE })];
  const whole = (id: number, text: string) =>
    new Paragraph({
      children: [
        new CommentRangeStart(id),
        new TextRun(text),
        new CommentRangeEnd(id),
        new TextRun({ children: [new CommentReference(id)] }),
      ],
    });
  for (const section of draft.sections) {
    const heading = section.number ? `${section.number} ${section.heading}` : section.heading;
    children.push(
      new Paragraph({ text: heading, heading: section.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 }),
    );
    for (const paragraph of section.paragraphs) {
      const text = paragraph.number ? `${paragraph.number} ${paragraph.text}` : paragraph.text;
      if (paragraph.key === c["whole-1-1"].paragraphKey) {
        const ids = reply ? [c["whole-1-1"].id, ANNOTATED_GCA_REPLY.id] : [c["whole-1-1"].id];
        const runs: ParagraphChild[] = [
          ...ids.map((id) => new CommentRangeStart(id)),
          new TextRun(text),
          ...ids.map((id) => new CommentRangeEnd(id)),
          ...ids.map((id) => new TextRun({ children: [new CommentReference(id)] })),
        ];
        children.push(new Paragraph({ children: runs }));
      } else if (paragraph.key === c["whole-4-8-b"].paragraphKey) {
        children.push(whole(c["whole-4-8-b"].id, text));
      } else if (paragraph.key === c["phrase-5-1"].paragraphKey) {
        const quote = c["phrase-5-1"].quote;
        const at = text.indexOf(quote);
        if (at < 0) throw new Error(`"${quote}" is not in paragraph 5.1`);
        const id = c["phrase-5-1"].id;
        // "a cyber" | "security" (bold) | " culture": the selection spans runs.
        children.push(
          new Paragraph({
            children: [
              new TextRun(text.slice(0, at)),
              new CommentRangeStart(id),
              new TextRun(quote.slice(0, 7)),
              new TextRun({ text: quote.slice(7, 15), bold: true }),
              new TextRun(quote.slice(15)),
              new CommentRangeEnd(id),
              new TextRun({ children: [new CommentReference(id)] }),
              new TextRun(text.slice(at + quote.length)),
            ],
          }),
        );
      } else {
        children.push(new Paragraph({ children: [new TextRun(text)] }));
      }
      if (paragraph.key === "1-5") children.push(whole(c["new-paragraph"].id, ADDED_PARAGRAPH));
    }
  }
  const date = new Date("2026-03-02T10:00:00Z");
  const comments: Array<{
    id: number;
    author: string;
    initials: string;
    date: Date;
    children: Paragraph[];
    parentId?: number;
  }> = Object.values(c).map((comment) => ({
    id: comment.id,
    author: AUTHOR,
    initials: "DD",
    date,
    children: comment.body.split("\n").map((line) => new Paragraph({ children: [new TextRun(line)] })),
  }));
  if (reply) {
    comments.push({
      id: ANNOTATED_GCA_REPLY.id,
      author: "Fatima Focal",
      initials: "FF",
      date,
      children: [new Paragraph({ children: [new TextRun(ANNOTATED_GCA_REPLY.body)] })],
      parentId: c["whole-1-1"].id,
    });
  }
  const document = new Document({ comments: { children: comments }, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
