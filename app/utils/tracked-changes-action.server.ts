/**
 * The step every action that imports an uploaded document takes first (a
 * new version, a new consultation, a language edition), so that a Word
 * file's tracked changes are never imported unseen
 * (docs/decisions/0030-word-tracked-changes.md):
 *
 * ```ts
 * const upload = await importUploadedDocument({ form, file, headers });
 * if (upload.review) return upload.review;
 * await uploadVersion({ actor: user, slug, ...upload.document, clientAddress });
 * ```
 *
 * A file with tracked changes whose post does not carry the acceptance of
 * exactly these bytes answers 422 with the review, and nothing is handed to
 * the model; otherwise the document goes to the model with the acceptance,
 * which the model checks again (`refuseUnacceptedTrackedChanges`). An
 * ImportError (a file that cannot be read) is thrown as before: each route
 * answers it with its own status.
 */
import { data } from "@remix-run/node";

import { importDocument, type ImportedDocument } from "~/lib/import";
import {
  ACCEPT_TRACKED_CHANGES_FIELD,
  acceptsTrackedChanges,
  trackedChangesReview,
  type TrackedChangesReview,
} from "~/lib/import/tracked-changes-review";

/** What the action answers with the review: the form shows it, and refills `typed` when the page is new. */
export interface TrackedChangesAnswer {
  trackedChanges: TrackedChangesReview;
  /** What the person typed in the form's other fields (a page rendered without JavaScript is a new form). */
  typed?: Record<string, string>;
}

/** The imported document, ready to be spread into the model call that writes it. */
export interface ReviewedDocument {
  imported: ImportedDocument;
  sourceFileName: string;
  /** The post accepted this very file's tracked changes (false when it has none). */
  acceptTrackedChanges: boolean;
}

export type UploadedDocument =
  | { document: ReviewedDocument; review?: never }
  | { review: ReturnType<typeof data<TrackedChangesAnswer>>; document?: never };

/**
 * Reads and imports the uploaded `file`; when it has tracked changes that
 * `form` does not accept, the 422 answer with their review instead.
 */
export async function importUploadedDocument({
  form,
  file,
  headers,
  typed,
}: {
  form: FormData;
  file: File;
  headers?: HeadersInit;
  typed?: Record<string, string>;
}): Promise<UploadedDocument> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const imported = await importDocument({ fileName: file.name, bytes });
  const accepted =
    imported.revisions !== undefined && (await acceptsTrackedChanges(form.get(ACCEPT_TRACKED_CHANGES_FIELD), bytes));
  if (imported.revisions && !accepted) {
    const trackedChanges = await trackedChangesReview(imported.revisions, { fileName: file.name, bytes });
    return {
      review: data<TrackedChangesAnswer>({ trackedChanges, ...(typed ? { typed } : {}) }, { status: 422, headers }),
    };
  }
  return { document: { imported, sourceFileName: file.name, acceptTrackedChanges: accepted } };
}
