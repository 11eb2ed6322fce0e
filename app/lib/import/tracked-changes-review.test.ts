// The review of a .docx's tracked changes: its summary is the reading's own counts, its list is bounded.
import { describe, expect, it } from "vitest";

import { reviewedDraft } from "./__fixtures__/tracked-changes";
import { readDocxRevisions, type DocxRevisions, type RevisedParagraph } from "./docx-revisions";
import {
  acceptedTrackedChangesDetails,
  fileDigest,
  MAX_REVIEWED_PARAGRAPHS,
  trackedChangesReview,
  trackedChangesSummary,
} from "./tracked-changes-review";

const paragraph = (n: number): RevisedParagraph => ({
  accepted: `Paragraph ${n}.`,
  rejected: `Paragraph ${n}`,
  segments: [
    { kind: "same", text: `Paragraph ${n}` },
    { kind: "insert", text: ".", author: "Ana Lima" },
  ],
  insertions: 1,
  deletions: 0,
});

describe("trackedChangesSummary", () => {
  it("is the reading's counts as they are, without the paragraphs", async () => {
    const revisions = (await readDocxRevisions(await reviewedDraft()))!;
    expect(trackedChangesSummary(revisions)).toEqual({
      changes: 4,
      insertions: 2,
      deletions: 2,
      moved: 0,
      authors: ["Ana Lima", "Bo Chen"],
      unknownAuthor: false,
    });
  });
});

describe("trackedChangesReview", () => {
  it("carries the file's name and digest, the summary, and every revised paragraph of a short file", async () => {
    const bytes = await reviewedDraft();
    const revisions = (await readDocxRevisions(bytes))!;
    const review = await trackedChangesReview(revisions, { fileName: "draft-2.docx", bytes });
    expect(review).toEqual({
      fileName: "draft-2.docx",
      digest: await fileDigest(bytes),
      changes: 4,
      insertions: 2,
      deletions: 2,
      moved: 0,
      authors: ["Ana Lima", "Bo Chen"],
      unknownAuthor: false,
      paragraphCount: 3,
      paragraphs: revisions.paragraphs,
    });
  });

  it("lists at most MAX_REVIEWED_PARAGRAPHS paragraphs and counts them all: the summary adds none back", async () => {
    const paragraphs = Array.from({ length: MAX_REVIEWED_PARAGRAPHS + 50 }, (_, n) => paragraph(n + 1));
    const revisions: DocxRevisions = {
      changes: paragraphs.length,
      insertions: paragraphs.length,
      deletions: 0,
      moved: 0,
      authors: ["Ana Lima"],
      unknownAuthor: false,
      paragraphs,
    };
    const review = await trackedChangesReview(revisions, { fileName: "long.docx", bytes: new Uint8Array([1]) });
    expect(review.paragraphCount).toBe(250);
    expect(review.paragraphs).toHaveLength(200);
    expect(review.paragraphs[199].accepted).toBe("Paragraph 200.");
    expect(review.changes).toBe(250);
  });
});

describe("acceptedTrackedChangesDetails", () => {
  it("records the counts, the number of paragraphs and the authors, as the audit event always did", async () => {
    const revisions = (await readDocxRevisions(await reviewedDraft()))!;
    expect(acceptedTrackedChangesDetails(revisions)).toEqual({
      changes: 4,
      insertions: 2,
      deletions: 2,
      paragraphs: 3,
      authors: ["Ana Lima", "Bo Chen"],
    });
  });
});
