/**
 * The published disposition table: each publication is a snapshot of the
 * table's rows (decision, response, comment text) taken when the
 * secretariat publishes; the public reads only the latest one
 * (docs/decisions/0015-published-dispositions-are-a-snapshot.md).
 */
import type { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import type { IsoRowSource } from "~/lib/feedback";
import type { Actor } from "~/lib/permissions";
import { NOTICE_TRANSACTION, noticeDispositionsPublished } from "~/models/notice.server";
import { recordAuditEvent } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";

/** Rows per statement when copying a large table. */
const WRITE_CHUNK = 500;

/** Column 1: the organization, or who the source document attributes the comment to. */
export function organizationLabel(comment: {
  organization: { name: string } | null;
  origin: string;
  sourceAttribution: string | null;
}) {
  if (comment.organization) return comment.organization.name;
  if (comment.origin === "source") return comment.sourceAttribution ?? "";
  return "";
}

export const tableSelect = {
  id: true,
  type: true,
  bodyText: true,
  proposedText: true,
  quote: true,
  origin: true,
  sourceAttribution: true,
  paragraphId: true,
  organization: { select: { name: true } },
  paragraph: { select: { key: true, number: true, sectionId: true } },
  disposition: { select: { status: true, response: true } },
} satisfies Prisma.CommentSelect;

/**
 * Whether the consultation's comment visibility still hides the comments
 * from the public: "after_close" and not yet published while a comment
 * period still runs (docs/decisions/0015-published-dispositions-are-a-snapshot.md).
 */
export async function commentsHiddenByVisibility(
  consultation: { id: string; commentsVisibility: string; commentsPublishedAt: Date | null },
  now = new Date(),
) {
  if (consultation.commentsVisibility === "during" || consultation.commentsPublishedAt !== null) return false;
  const running = await prisma.version.findFirst({
    where: {
      consultationId: consultation.id,
      OR: [{ commentsCloseAt: { gt: now } }, { status: "open", commentsCloseAt: null }],
    },
    select: { id: true },
  });
  return running !== null;
}

/**
 * Publishes the disposition table as it is now: a new DispositionPublication
 * with a copy of every submitted comment's row (decision, response, comment
 * text), which is all the public table reads. Refused (409) while the
 * comment visibility keeps the comments hidden.
 */
export async function publishDispositionSnapshot({
  actor,
  consultationId,
  action,
  now,
  ip,
}: {
  actor: Actor;
  consultationId: string;
  action: string;
  now: Date;
  ip?: string | null;
}) {
  const consultation = await prisma.consultation.findUniqueOrThrow({
    where: { id: consultationId },
    select: { id: true, commentsVisibility: true, commentsPublishedAt: true, dispositionsPublishedAt: true },
  });
  if (await commentsHiddenByVisibility(consultation, now)) {
    throw new DomainError(409, "dispositions.errors.commentsHidden");
  }
  const comments = await prisma.comment.findMany({
    where: { consultationId, status: "submitted" },
    select: {
      ...tableSelect,
      versionId: true,
      paragraph: { select: { key: true, number: true, sectionId: true, order: true } },
    },
  });
  const order = (row: (typeof comments)[number]) => row.paragraph?.order ?? Number.MAX_SAFE_INTEGER;
  comments.sort(
    (a, b) => a.versionId.localeCompare(b.versionId) || order(a) - order(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const publishedAt = consultation.dispositionsPublishedAt ?? now;
  const publication = await prisma.$transaction(async (tx) => {
    const created = await tx.dispositionPublication.create({
      data: { consultationId, publishedAt: now, publishedById: actor.id },
      select: { id: true },
    });
    const rows = comments.map((row, index) => ({
      publicationId: created.id,
      commentId: row.id,
      versionId: row.versionId,
      position: index,
      sectionId: row.paragraph?.sectionId ?? null,
      paragraphNumber: row.paragraph?.number ?? null,
      paragraphKey: row.paragraph?.key ?? null,
      organization: organizationLabel(row),
      type: row.type,
      quote: row.quote,
      commentText: row.bodyText,
      proposedText: row.proposedText,
      status: row.disposition?.status ?? null,
      response: row.disposition?.response ?? "",
    }));
    for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
      await tx.publishedDisposition.createMany({ data: rows.slice(start, start + WRITE_CHUNK) });
    }
    await tx.consultation.update({
      where: { id: consultationId },
      data: { dispositionsPublishedAt: publishedAt },
      select: { id: true },
    });
    await noticeDispositionsPublished(tx, { consultationId, publicationId: created.id, publishedAt });
    return created;
    // A large table and one notice per participant: more than Prisma's 5 s default on a busy machine.
  }, NOTICE_TRANSACTION);
  await recordAuditEvent({
    actorId: actor.id,
    action,
    entity: "consultation",
    entityId: consultationId,
    outcome: "ok",
    ip: ip ?? null,
    details: { publicationId: publication.id, rows: comments.length, publishedAt: now.toISOString() },
  });
  return { changed: true, publishedAt };
}

/** Whether publishing the disposition table would be refused now (comment visibility): for the confirmation page. */
export async function dispositionPublicationBlocked(consultationId: string, now = new Date()) {
  const consultation = await prisma.consultation.findUniqueOrThrow({
    where: { id: consultationId },
    select: { id: true, commentsVisibility: true, commentsPublishedAt: true },
  });
  return commentsHiddenByVisibility(consultation, now);
}

/** The latest publication of the disposition table, if any. */
export async function latestDispositionPublication(consultationId: string) {
  return prisma.dispositionPublication.findFirst({
    where: { consultationId },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: { id: true, publishedAt: true },
  });
}

/**
 * For the secretariat's screen: how many decisions were made or changed
 * since the latest publication (null when never published).
 */
export async function dispositionChangesSincePublication(consultationId: string) {
  const latest = await latestDispositionPublication(consultationId);
  if (!latest) return null;
  const changed = await prisma.disposition.count({
    where: { comment: { consultationId, status: "submitted" }, decidedAt: { gt: latest.publishedAt } },
  });
  return { publishedAt: latest.publishedAt, changed };
}

/** A published row as the export formats read it (see ExportRow in comment-export.server.ts). */
export interface PublishedExportRow extends IsoRowSource {
  id: string;
  paragraphOrder: number;
  sectionId: string | null;
  duplicateGroupId: null;
  submittedAt: null;
  decidedBy: null;
  decidedAt: null;
}

/**
 * The public's export: the rows of one publication for one version (one
 * section when given), in document order, in batches. Never the live table:
 * what the public downloads is what the public table shows.
 */
export async function* publishedExportRowBatches({
  publicationId,
  versionId,
  sections,
  sectionId,
  batchSize,
}: {
  publicationId: string;
  versionId: string;
  sections: ReadonlyArray<{ id: string; number: string | null; heading: string }>;
  sectionId?: string | null;
  batchSize: number;
}): AsyncGenerator<PublishedExportRow[]> {
  const sectionById = new Map(sections.map((section) => [section.id, section]));
  const where: Prisma.PublishedDispositionWhereInput = {
    publicationId,
    versionId,
    ...(sectionId ? { sectionId } : {}),
  };
  let after: number | undefined;
  for (;;) {
    const rows = await prisma.publishedDisposition.findMany({
      where: after === undefined ? where : { ...where, position: { gt: after } },
      orderBy: { position: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return;
    yield rows.map((row) => {
      const section = row.sectionId ? sectionById.get(row.sectionId) : undefined;
      return {
        id: row.commentId,
        paragraphOrder: row.position,
        sectionId: row.sectionId,
        organization: row.organization,
        paragraphNumber: row.paragraphNumber,
        section: section ? { number: section.number, heading: section.heading } : null,
        quote: row.quote,
        type: row.type,
        comment: row.commentText,
        proposedText: row.proposedText,
        disposition: row.status ? { status: row.status, response: row.response } : null,
        duplicateGroupId: null,
        submittedAt: null,
        decidedBy: null,
        decidedAt: null,
      };
    });
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].position;
  }
}
