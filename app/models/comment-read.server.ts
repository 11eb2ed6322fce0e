/**
 * Reading comments: which ones an actor may see, their counts per paragraph,
 * one paragraph's comments with what the actor may do to each, and a
 * comment's history. Writes are in comment.server.ts.
 */
import type { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import { can, type Actor, type OwnedRow } from "~/lib/permissions";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";

/** What decides which comments of a consultation are public. */
export interface CommentVisibility {
  id: string;
  commentsVisibility: string;
  commentsPublishedAt: Date | null;
}

/**
 * Which comments the actor may see on a consultation: the secretariat sees
 * every submitted comment; members of an organization also see their
 * organization's drafts; everyone sees submitted comments once they are
 * public (during the period if the consultation says so, or once published).
 */
export function visibleCommentsWhere(actor: Actor | null, consultation: CommentVisibility): Prisma.CommentWhereInput {
  const base: Prisma.CommentWhereInput = { consultationId: consultation.id };
  if (can(actor, "read:comment:any")) return { ...base, status: { in: ["submitted", "withdrawn"] } };
  const isPublic = consultation.commentsVisibility === "during" || consultation.commentsPublishedAt !== null;
  const own: Prisma.CommentWhereInput[] = [];
  if (actor?.organization && can(actor, "read:comment:organization")) {
    own.push({ organizationId: actor.organization.id });
  }
  if (actor) own.push({ authorId: actor.id });
  const open: Prisma.CommentWhereInput[] = isPublic ? [{ status: "submitted" }] : [];
  const any = [...own, ...open];
  if (any.length === 0) return { id: "__none__" };
  return { ...base, OR: any };
}

/** Whether the actor may read a comment's revisions: whoever may edit it, and the secretariat. */
function maySeeHistory(actor: Actor | null, comment: OwnedRow) {
  return can(actor, "update:comment:own", comment) || can(actor, "read:comment:any");
}

/** Visible, not withdrawn, comment counts per paragraph of a version, in one query. */
export async function commentCountsByParagraph({
  actor,
  version,
  paragraphIds,
}: {
  actor: Actor | null;
  version: { id: string; consultation: CommentVisibility };
  /** Only these paragraphs (one page of a long version). */
  paragraphIds?: string[];
}) {
  // Whoever reads every comment counts the version's submitted ones: the
  // same rows as the general form, in a shape the (versionId, status,
  // paragraphId, …) index answers alone, already grouped, without reading
  // a row of the table.
  const where: Prisma.CommentWhereInput = can(actor, "read:comment:any")
    ? { versionId: version.id, status: "submitted" }
    : {
        AND: [
          visibleCommentsWhere(actor, version.consultation),
          { versionId: version.id, status: { not: "withdrawn" } },
        ],
      };
  const only: Prisma.CommentWhereInput = paragraphIds ? { AND: [where, { paragraphId: { in: paragraphIds } }] } : where;
  const rows = await prisma.comment.groupBy({ by: ["paragraphId"], where: only, _count: { _all: true } });
  const counts: Record<string, number> = {};
  for (const row of rows) if (row.paragraphId) counts[row.paragraphId] = row._count._all;
  return counts;
}

/** The comments on one paragraph that the actor may see, with what the actor may do to each. */
export async function listParagraphComments({
  actor,
  version,
  paragraphId,
}: {
  actor: Actor | null;
  version: { id: string; consultation: CommentVisibility };
  paragraphId: string;
}) {
  const comments = await prisma.comment.findMany({
    where: { AND: [visibleCommentsWhere(actor, version.consultation), { versionId: version.id, paragraphId }] },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      type: true,
      status: true,
      body: true,
      bodyHtml: true,
      proposedText: true,
      quote: true,
      origin: true,
      sourceAttribution: true,
      createdAt: true,
      submittedAt: true,
      authorId: true,
      organizationId: true,
      author: { select: { name: true } },
      organization: { select: { name: true, kind: true } },
      ...officialSelect,
    },
  });
  const revisions = await revisionCounts(
    prisma,
    comments.map((comment) => comment.id),
  );
  return comments.map(({ authorId, organizationId, submission, ...comment }) => ({
    ...comment,
    _count: { revisions: revisions.get(comment.id) ?? 0 },
    // The receipt is for the organization and the secretariat only (submission.server getReceipt).
    submission: mayReadReceipt(actor, organizationId) ? submission : null,
    mine: actor?.id === authorId,
    ...commentCapabilities(actor, { ...comment, authorId, organizationId }),
  }));
}

/**
 * How many revisions each of the comments has, by comment id. Not `_count`
 * in the comments' select: Prisma turns that into a join with a GROUP BY
 * over the whole CommentRevision table, a scan of every revision of every
 * comment on each submission; this reads only the given comments' rows
 * (the unique index on commentId, revision).
 */
export async function revisionCounts(db: Prisma.TransactionClient, commentIds: string[]) {
  const groups = await db.commentRevision.groupBy({
    by: ["commentId"],
    where: { commentId: { in: commentIds } },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.commentId, group._count._all]));
}

/** Whether the actor may read the receipts of `organizationId` (as getReceipt decides). */
export function mayReadReceipt(actor: Actor | null, organizationId: string | null) {
  if (can(actor, "read:comment:any")) return true;
  return (
    organizationId !== null && actor?.organization?.id === organizationId && can(actor, "read:comment:organization")
  );
}

/** What a comment shows about being official: tracking number, receipt, and a withdrawal's who and why. */
export const officialSelect = {
  trackingNumber: true,
  withdrawnAt: true,
  withdrawalReason: true,
  withdrawnBy: { select: { name: true } },
  submission: { select: { reference: true } },
} satisfies Prisma.CommentSelect;

/**
 * What the actor may do to a comment, as the models decide it (comment.server
 * loadForChange): once official (submitted, or withdrawn after it was), only
 * a focal point of its organization may edit, withdraw or restore it.
 */
export function commentCapabilities(
  actor: Actor | null,
  comment: OwnedRow & { status: string; origin: string; trackingNumber: string | null; submittedAt: Date | null },
) {
  const target = { authorId: comment.authorId, organizationId: comment.organizationId };
  const platform = comment.origin === "platform";
  const live = comment.status !== "withdrawn" && platform;
  const official = comment.status === "submitted" || comment.trackingNumber !== null || comment.submittedAt !== null;
  const officialOk = !official || can(actor, "submit:comment:organization", target);
  return {
    canEdit: live && officialOk && can(actor, "update:comment:own", target),
    canWithdraw: live && officialOk && can(actor, "delete:comment:own", target),
    canSubmit: live && comment.status === "draft" && can(actor, "submit:comment:own", target),
    canRestore: platform && comment.status === "withdrawn" && officialOk && can(actor, "delete:comment:own", target),
    canSeeHistory: maySeeHistory(actor, target),
  };
}

/** Every revision of a comment, for its author, their organization and the secretariat. */
export async function listCommentRevisions({
  actor,
  commentId,
  clientAddress,
}: {
  actor: Actor | null;
  commentId: string;
  clientAddress?: string;
}) {
  const comment = await prisma.comment.findUnique({
    where: { id: commentId },
    select: { authorId: true, organizationId: true },
  });
  // Someone else's comment and a missing one look the same from outside.
  if (!comment) throw new DomainError(404, "errors.notFound");
  if (!can(actor, "read:comment:any")) {
    await authorize({
      actor,
      permission: "update:comment:own",
      row: comment,
      status: 404,
      key: "errors.notFound",
      audit: { ip: clientAddress, action: "comment.history", entity: "comment", entityId: commentId },
    });
  }
  return prisma.commentRevision.findMany({
    where: { commentId },
    orderBy: { revision: "asc" },
    select: {
      revision: true,
      event: true,
      type: true,
      bodyHtml: true,
      proposedText: true,
      status: true,
      createdAt: true,
      editedBy: { select: { name: true } },
    },
  });
}

/**
 * One comment for its action page (the withdrawal's confirmation): what it
 * says, where it is, and what the actor may do. Someone who may not read it
 * gets the 404 of a missing comment.
 */
export async function getCommentForAction({
  actor,
  slug,
  commentId,
}: {
  actor: Actor | null;
  slug: string;
  commentId: string;
}) {
  const comment = await prisma.comment.findFirst({
    where: { id: commentId, consultation: { slug } },
    select: {
      id: true,
      type: true,
      status: true,
      bodyHtml: true,
      origin: true,
      submittedAt: true,
      authorId: true,
      organizationId: true,
      consultation: {
        select: {
          id: true,
          slug: true,
          title: true,
          timeZone: true,
          commentsVisibility: true,
          commentsPublishedAt: true,
        },
      },
      paragraph: { select: { key: true, number: true } },
      version: { select: { number: true } },
      ...officialSelect,
    },
  });
  if (!comment) throw new DomainError(404, "errors.notFound");
  const visible = await prisma.comment.count({
    where: { AND: [visibleCommentsWhere(actor, comment.consultation), { id: comment.id }] },
  });
  if (visible === 0) throw new DomainError(404, "errors.notFound");
  return { ...comment, ...commentCapabilities(actor, comment) };
}
