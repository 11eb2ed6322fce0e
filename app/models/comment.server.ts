/**
 * Writing comments: create (comment-create.server.ts), edit, submit for the organization, withdraw,
 * each checked against the actor's permissions (authorize) and the comment
 * period (comment-period.ts). Reads are in comment-read.server.ts, which
 * this module re-exports for the models that read comments through it.
 */
import type { Prisma } from "~/generated/prisma/client";
import { MAX_WITHDRAWAL_REASON } from "~/lib/comment-types";
import { DomainError } from "~/lib/errors";
import type { Actor } from "~/lib/permissions";
import { parseRichText, plainTextToRichText, renderRichText, richTextToPlainText } from "~/lib/richtext";
import { prepareBody } from "~/models/comment-create.server";
import { assertCommentingOpen } from "~/models/comment-period";
import type { CommentEditInput } from "~/models/comment-schema";
import { submitDrafts } from "~/models/submission.server";
import { recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";

export { createComment } from "~/models/comment-create.server";
export {
  commentCountsByParagraph,
  listCommentRevisions,
  listParagraphComments,
  visibleCommentsWhere,
} from "~/models/comment-read.server";

const commentForChange = {
  id: true,
  authorId: true,
  organizationId: true,
  status: true,
  type: true,
  body: true,
  bodyHtml: true,
  proposedText: true,
  trackingNumber: true,
  submittedAt: true,
  version: {
    select: {
      status: true,
      commentsOpenAt: true,
      commentsCloseAt: true,
      consultation: { select: { timeZone: true, slug: true } },
    },
  },
} satisfies Prisma.CommentSelect;

/** Whether a comment has been official (submitted, or withdrawn after it was): only the focal point acts on it then. */
function wasOfficial(comment: { status: string; trackingNumber: string | null; submittedAt: Date | null }) {
  return comment.status === "submitted" || comment.trackingNumber !== null || comment.submittedAt !== null;
}

/**
 * The comment `action` is about to change, once the actor may: someone who
 * may not even read it gets the same 404 as for a missing comment; someone
 * who may read it but not do `action` gets 403. Returns the actor, known to
 * be signed in from here on.
 */
async function loadForChange(
  actor: Actor | null,
  commentId: string,
  action: "update" | "delete" | "submit" | "restore",
  clientAddress?: string,
) {
  const comment = await prisma.comment.findUnique({ where: { id: commentId }, select: commentForChange });
  // Someone else's comment and a missing one look the same from outside.
  if (!comment) throw new DomainError(404, "errors.notFound");
  const audit = { ip: clientAddress, action: `comment.${action}`, entity: "comment", entityId: commentId };
  await authorize({ actor, permission: "read:comment:own", row: comment, status: 404, key: "errors.notFound", audit });
  // Restoring a withdrawal is undoing one: the permission to withdraw.
  const permission = action === "restore" ? "delete" : action;
  await authorize({ actor, permission: `${permission}:comment:own`, row: comment, audit });
  // Once official, only a focal point of its organization may change it (threats: delegate edits after submission).
  if (wasOfficial(comment)) {
    await authorize({ actor, permission: "submit:comment:organization", row: comment, audit });
  }
  if (action === "restore") {
    if (comment.status !== "withdrawn") throw new DomainError(409, "workspace.errors.notWithdrawn");
  } else if (comment.status === "withdrawn") {
    throw new DomainError(409, "comments.errors.withdrawn");
  }
  return { comment, editor: actor! };
}

const AUDIT_VERB = { edited: "edit", submitted: "submit", withdrawn: "withdraw", restored: "restore" } as const;

async function writeRevision(input: {
  actor: Actor;
  comment: Prisma.CommentGetPayload<{ select: typeof commentForChange }>;
  event: "edited" | "submitted" | "withdrawn" | "restored";
  data: Prisma.CommentUpdateInput & {
    type?: string;
    body?: string;
    bodyHtml?: string;
    proposedText?: string | null;
    status?: string;
  };
  clientAddress?: string;
}) {
  const { actor, comment, event, data } = input;
  const next = {
    type: data.type ?? comment.type,
    body: data.body ?? comment.body,
    bodyHtml: data.bodyHtml ?? comment.bodyHtml,
    proposedText: data.proposedText === undefined ? comment.proposedText : data.proposedText,
    status: data.status ?? comment.status,
  };
  // Counted on its own: `_count` in commentForChange would be a GROUP BY over every comment's revisions.
  const revisions = await prisma.commentRevision.count({ where: { commentId: comment.id } });
  await prisma.$transaction([
    prisma.comment.update({ where: { id: comment.id }, data, select: { id: true } }),
    prisma.commentRevision.create({
      data: { commentId: comment.id, revision: revisions + 1, event, editedById: actor.id, ...next },
      select: { id: true },
    }),
  ]);
  await recordAuditEvent({
    actorId: actor.id,
    action: `comment.${AUDIT_VERB[event]}`,
    entity: "comment",
    entityId: comment.id,
    outcome: "ok",
    ip: input.clientAddress ?? null,
    details: {},
  });
}

/** Edits a comment before the deadline; the previous text stays in its history. */
export async function updateComment({
  actor,
  input,
  now = new Date(),
  clientAddress,
}: {
  actor: Actor | null;
  input: CommentEditInput;
  now?: Date;
  clientAddress?: string;
}) {
  const { comment, editor } = await loadForChange(actor, input.commentId, "update", clientAddress);
  assertCommentingOpen(comment.version, now);
  const body = prepareBody(input);
  await writeRevision({
    actor: editor,
    comment,
    event: "edited",
    data: { type: input.type, ...body, proposedText: input.proposedText ?? null },
    clientAddress,
  });
}

/**
 * The focal point submits one draft as the organization's official comment:
 * the same submission as the workspace's (tracking number and receipt).
 * Returns the receipt's reference.
 */
export async function submitComment({
  actor,
  commentId,
  now = new Date(),
  clientAddress,
}: {
  actor: Actor | null;
  commentId: string;
  now?: Date;
  clientAddress?: string;
}) {
  const { comment, editor } = await loadForChange(actor, commentId, "submit", clientAddress);
  const slug = comment.version.consultation.slug;
  return submitDrafts({ actor: editor, slug, commentIds: [comment.id], now, clientAddress });
}

/** The longest withdrawal reason kept. */

/**
 * Withdraws a comment before the deadline. Nothing is deleted. An official
 * comment is withdrawn only by a focal point of its organization, with a
 * reason that stays visible with it.
 */
export async function withdrawComment({
  actor,
  commentId,
  reason,
  now = new Date(),
  clientAddress,
}: {
  actor: Actor | null;
  commentId: string;
  reason?: string;
  now?: Date;
  clientAddress?: string;
}) {
  const { comment, editor } = await loadForChange(actor, commentId, "delete", clientAddress);
  assertCommentingOpen(comment.version, now);
  const official = comment.status === "submitted";
  const why = (reason ?? "").trim();
  if (official && why.length === 0) {
    throw new DomainError(400, "errors.checkFields", { fieldErrors: { reason: ["workspace.errors.reasonRequired"] } });
  }
  if (why.length > MAX_WITHDRAWAL_REASON) {
    throw new DomainError(400, "errors.checkFields", { fieldErrors: { reason: ["workspace.errors.reasonTooLong"] } });
  }
  await writeRevision({
    actor: editor,
    comment,
    event: "withdrawn",
    data: {
      status: "withdrawn",
      withdrawnAt: now,
      withdrawnBy: { connect: { id: editor.id } },
      withdrawalReason: why.length > 0 ? why : null,
    },
    clientAddress,
  });
}

/**
 * Undoes a withdrawal before the deadline: back to submitted (with its
 * tracking number) if it had been official, else back to draft. The reason
 * stays in the history (the revision), not on the comment.
 */
export async function restoreComment({
  actor,
  commentId,
  now = new Date(),
  clientAddress,
}: {
  actor: Actor | null;
  commentId: string;
  now?: Date;
  clientAddress?: string;
}) {
  const { comment, editor } = await loadForChange(actor, commentId, "restore", clientAddress);
  assertCommentingOpen(comment.version, now);
  const status = comment.trackingNumber !== null || comment.submittedAt !== null ? "submitted" : "draft";
  await writeRevision({
    actor: editor,
    comment,
    event: "restored",
    data: { status, withdrawnAt: null, withdrawnBy: { disconnect: true }, withdrawalReason: null },
    clientAddress,
  });
  return { status };
}

/**
 * Stores comments that a source document itself records (the HLEG report's
 * "One member wished to delete this proposal."), as submitted comments
 * attributed to the source, not to any account.
 */
export async function recordSourceComments({
  versionNumber,
  slug,
  attribution,
  comments,
  submittedAt,
}: {
  slug: string;
  versionNumber: number;
  attribution: string;
  comments: Array<{ paragraphKey: string; text: string }>;
  submittedAt: Date;
}) {
  const version = await prisma.version.findFirstOrThrow({
    where: { number: versionNumber, consultation: { slug } },
    select: { id: true, consultationId: true, paragraphs: { select: { id: true, key: true } } },
  });
  const paragraphIds = new Map(version.paragraphs.map((paragraph) => [paragraph.key, paragraph.id]));
  const rows = comments.map((comment) => {
    const paragraphId = paragraphIds.get(comment.paragraphKey);
    if (!paragraphId) throw new Error(`No paragraph "${comment.paragraphKey}" in version ${versionNumber}`);
    const parsed = parseRichText(plainTextToRichText(comment.text));
    if (!parsed.ok) throw new Error(`Source comment on ${comment.paragraphKey}: ${parsed.error.key}`);
    return {
      consultationId: version.consultationId,
      versionId: version.id,
      paragraphId,
      type: "general",
      status: "submitted",
      body: JSON.stringify(parsed.doc),
      bodyHtml: renderRichText(parsed.doc),
      bodyText: richTextToPlainText(parsed.doc),
      origin: "source",
      sourceAttribution: attribution,
      submittedAt,
      createdAt: submittedAt,
    };
  });
  await prisma.comment.createMany({ data: rows });
  return rows.length;
}
