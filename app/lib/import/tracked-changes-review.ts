/**
 * What the secretariat is shown before a .docx with tracked changes becomes
 * a version, and how its acceptance is tied to that very file
 * (docs/decisions/0030-word-tracked-changes.md): the review carries the
 * SHA-256 of the file's bytes; the form posts the file again with
 * `acceptTrackedChanges=<that digest>`, and the upload goes ahead only when
 * the digest of the file posted the second time is the same. An acceptance
 * given for one file never applies to another: a different file is reviewed
 * afresh. Nothing is stored between the two posts.
 *
 * Web Crypto (global in Node and browsers), so the page can import the
 * types and the field name from here.
 */
import { DomainError } from "~/lib/errors";

import type { DocxRevisions, RevisedParagraph } from "./docx-revisions";

/** Most revised paragraphs listed on the page; the counts always cover them all. */
export const MAX_REVIEWED_PARAGRAPHS = 200;

/** The form field that carries the acceptance (the digest of the reviewed file). */
export const ACCEPT_TRACKED_CHANGES_FIELD = "acceptTrackedChanges";

/**
 * The counts of a document's tracked changes (changes, insertions,
 * deletions, moves, authors), as the review shows them: taken from
 * {@link DocxRevisions}, where they are counted, rather than declared and
 * copied a second time.
 */
export type TrackedChangesSummary = Omit<DocxRevisions, "paragraphs">;

/** The review of one file's tracked changes, as the upload page shows it. */
export interface TrackedChangesReview extends TrackedChangesSummary {
  fileName: string;
  /** SHA-256 of the file, hex: what the acceptance must echo. */
  digest: string;
  /** Paragraphs of the import that carry changes (all of them, listed or not). */
  paragraphCount: number;
  /** The first {@link MAX_REVIEWED_PARAGRAPHS} of them. */
  paragraphs: RevisedParagraph[];
}

/** The summary of a document's tracked changes: everything the reading counted, without the paragraphs. */
export function trackedChangesSummary(revisions: DocxRevisions): TrackedChangesSummary {
  const { paragraphs: _paragraphs, ...summary } = revisions;
  return summary;
}

/** SHA-256 of the bytes, hex. */
export async function fileDigest(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

export async function trackedChangesReview(
  revisions: DocxRevisions,
  file: { fileName: string; bytes: Uint8Array },
): Promise<TrackedChangesReview> {
  return {
    fileName: file.fileName,
    digest: await fileDigest(file.bytes),
    ...trackedChangesSummary(revisions),
    paragraphCount: revisions.paragraphs.length,
    paragraphs: revisions.paragraphs.slice(0, MAX_REVIEWED_PARAGRAPHS),
  };
}

/** Whether `posted` (the form's acceptance field) accepts the tracked changes of exactly these bytes. */
export async function acceptsTrackedChanges(posted: unknown, bytes: Uint8Array): Promise<boolean> {
  return typeof posted === "string" && posted === (await fileDigest(bytes));
}

/** What the version's audit event records of the changes accepted. */
export function acceptedTrackedChangesDetails(revisions: DocxRevisions) {
  return {
    changes: revisions.changes,
    insertions: revisions.insertions,
    deletions: revisions.deletions,
    paragraphs: revisions.paragraphs.length,
    authors: revisions.authors,
  };
}

/**
 * What every model that writes an imported document (a new version, a new
 * consultation, a language edition) checks first: a document with tracked
 * changes is written only once they were reviewed and accepted; otherwise
 * 422 and nothing is written.
 */
export function refuseUnacceptedTrackedChanges(
  imported: { revisions?: DocxRevisions },
  sourceFileName: string,
  accepted: boolean,
): void {
  if (imported.revisions && !accepted) {
    throw new DomainError(422, "trackedChanges.errors.notAccepted", {
      values: { fileName: sourceFileName, count: imported.revisions.changes },
    });
  }
}
