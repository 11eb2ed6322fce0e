/**
 * Dispositions: the secretariat's decision on each comment (accepted,
 * accepted in part, not accepted, noted) and its response, decided one by
 * one, for a selection, or for a whole near-duplicate group; publication of
 * the comments received and of the disposition table; the table itself.
 */
import type { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import {
  groupRowsBySection,
  type DispositionFormInput,
  type FeedbackAction,
  type FeedbackActionResult,
  type PublicationTarget,
} from "~/lib/feedback";
import { can, type Actor } from "~/lib/permissions";
import { PUBLISHED_VERSION_STATUSES } from "~/lib/version-status";
import { recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";

import { regroupDuplicates } from "./feedback/duplicates.server";
import { pageInDocumentOrder } from "./feedback/listing.server";
import {
  latestDispositionPublication,
  organizationLabel,
  publishDispositionSnapshot,
  tableSelect,
} from "./feedback/published-table.server";
import { authorizeConsolidation, dispositionTableAccess, loadFeedbackScope } from "./feedback/scope.server";
import { NOTICE_TRANSACTION, noticeCommentsPublished } from "./notice.server";

import type { TableAccess } from "./feedback/scope.server";

export { dispositionTableAccess, type TableAccess } from "./feedback/scope.server";
export {
  commentsHiddenByVisibility,
  dispositionChangesSincePublication,
  dispositionPublicationBlocked,
  organizationLabel,
} from "./feedback/published-table.server";

/** Rows per transaction statement when deciding a large group. */
const WRITE_CHUNK = 500;

/** Rows per page of the published table. */
export const DISPOSITION_TABLE_PAGE_SIZE = 200;

/**
 * Records one decision for one comment, a selection, or a near-duplicate
 * group, all or nothing. Only the secretariat (consolidate:comment:any) may
 * decide; anyone else gets a 403 and nothing changes. Every comment whose
 * decision actually changes gets `decidedById`/`decidedAt` and its own
 * audit event, written in the same transaction.
 */
export async function decideDispositions({
  actor,
  slug,
  input,
  now = new Date(),
  ip,
}: {
  actor: Actor | null;
  slug: string;
  input: DispositionFormInput;
  now?: Date;
  ip?: string | null;
}) {
  const decider = await authorizeConsolidation(actor, {
    ip,
    action: "disposition.decide",
    details: { intent: input.intent },
  });
  const consultation = await prisma.consultation.findUnique({ where: { slug }, select: { id: true } });
  if (!consultation) throw new DomainError(404, "feedback.errors.noConsultation");

  const scope: Prisma.CommentWhereInput =
    input.intent === "dispose-group"
      ? { consultationId: consultation.id, status: "submitted", duplicateGroupId: input.groupId }
      : { consultationId: consultation.id, status: "submitted", id: { in: input.commentIds } };
  const targets = await prisma.comment.findMany({
    where: scope,
    select: { id: true, disposition: { select: { status: true, response: true } } },
  });
  if (targets.length === 0) throw new DomainError(404, "dispositions.errors.noComment");
  if (input.intent !== "dispose-group" && targets.length !== new Set(input.commentIds).size) {
    // A withdrawn, draft or foreign comment in the selection: decide nothing rather than part.
    throw new DomainError(409, "dispositions.errors.notDecidable");
  }

  const changed = targets.filter(
    (target) =>
      !target.disposition ||
      target.disposition.status !== input.status ||
      target.disposition.response !== input.response,
  );
  const existing = changed.filter((target) => target.disposition).map((target) => target.id);
  const created = changed.filter((target) => !target.disposition).map((target) => target.id);
  const previous = new Map(changed.map((target) => [target.id, target.disposition?.status ?? null]));
  const decision = { status: input.status, response: input.response, decidedById: decider.id, decidedAt: now };

  await prisma.$transaction(async (tx) => {
    for (let start = 0; start < existing.length; start += WRITE_CHUNK) {
      await tx.disposition.updateMany({
        where: { commentId: { in: existing.slice(start, start + WRITE_CHUNK) } },
        data: decision,
      });
    }
    for (let start = 0; start < created.length; start += WRITE_CHUNK) {
      await tx.disposition.createMany({
        data: created.slice(start, start + WRITE_CHUNK).map((commentId) => ({ commentId, ...decision })),
      });
    }
    // One audit event per changed comment (the audit module writes one row
    // at a time; here they must commit together with the decisions).
    for (let start = 0; start < changed.length; start += WRITE_CHUNK) {
      await tx.auditEvent.createMany({
        data: changed.slice(start, start + WRITE_CHUNK).map((target) => ({
          actorId: decider.id,
          action: "disposition.decide",
          entity: "comment",
          entityId: target.id,
          outcome: "ok",
          ip: ip ?? null,
          createdAt: now,
          details: JSON.stringify({
            status: input.status,
            previousStatus: previous.get(target.id),
            intent: input.intent,
            ...(input.intent === "dispose-group" ? { groupId: input.groupId } : {}),
            comments: targets.length,
          }),
        })),
      });
    }
  });
  logger.info("audit", {
    actorId: decider.id,
    action: "disposition.decide",
    outcome: "ok",
    ip: ip ?? null,
    details: {
      intent: input.intent,
      status: input.status,
      changed: changed.length,
      unchanged: targets.length - changed.length,
    },
  });
  return { decided: targets.length, changed: changed.length };
}

/**
 * Publishes (or withdraws the publication of) the comments received or the
 * disposition table. The date of the first publication is kept when it is
 * published again. Comments: update:consultation:any; dispositions:
 * publish:disposition:any.
 */
export async function setPublication({
  actor,
  slug,
  what,
  publish,
  now = new Date(),
  ip,
}: {
  actor: Actor | null;
  slug: string;
  what: PublicationTarget;
  publish: boolean;
  now?: Date;
  ip?: string | null;
}) {
  const permission = what === "comments" ? "update:consultation:any" : "publish:disposition:any";
  const action = `consultation.${publish ? "publish" : "unpublish"}_${what}`;
  const consultation = await prisma.consultation.findUnique({
    where: { slug },
    select: { id: true, commentsPublishedAt: true, dispositionsPublishedAt: true },
  });
  await authorize({
    actor,
    permission,
    audit: { ip, action, entity: "consultation", entityId: consultation?.id ?? null },
  });
  if (!consultation) throw new DomainError(404, "feedback.errors.noConsultation");
  if (what === "dispositions" && publish) {
    return publishDispositionSnapshot({ actor: actor as Actor, consultationId: consultation.id, action, now, ip });
  }
  const field = what === "comments" ? "commentsPublishedAt" : "dispositionsPublishedAt";
  const current = consultation[field];
  const next = publish ? (current ?? now) : null;
  if ((current === null) === (next === null)) return { changed: false, publishedAt: current };
  await prisma.$transaction(async (tx) => {
    await tx.consultation.update({ where: { id: consultation.id }, data: { [field]: next }, select: { id: true } });
    // Participants are told with the publication (notice.server.ts); a withdrawal tells no one.
    if (next && what === "comments")
      await noticeCommentsPublished(tx, { consultationId: consultation.id, publishedAt: next });
  }, NOTICE_TRANSACTION);
  await recordAuditEvent({
    actorId: actor?.id ?? null,
    action,
    entity: "consultation",
    entityId: consultation.id,
    outcome: "ok",
    ip: ip ?? null,
    details: { publishedAt: next?.toISOString() ?? null },
  });
  return { changed: true, publishedAt: next };
}

/**
 * One page of the disposition table of a version, in document order,
 * grouped by section. Before publication it is a 404 for everyone but the
 * secretariat, who sees a live preview; everyone else reads the latest
 * publication (a snapshot), and only public versions: a draft version is a
 * 404 and never listed.
 */
export async function getDispositionTable({
  actor,
  slug,
  versionNumber,
  page = 1,
}: {
  actor: Actor | null;
  slug: string;
  versionNumber?: number;
  page?: number;
}) {
  let scope = await loadFeedbackScope({ slug, versionNumber });
  const access = await dispositionTableAccess({ actor, consultation: scope.consultation });
  if (access === "public") return publishedTable({ actor, scope, versionNumber, page });
  return { ...(await liveTable(scope, page)), access, publishedAt: scope.consultation.dispositionsPublishedAt };

  async function publishedTable({
    actor,
    scope: first,
    versionNumber,
    page,
  }: {
    actor: Actor | null;
    scope: Awaited<ReturnType<typeof loadFeedbackScope>>;
    versionNumber?: number;
    page: number;
  }) {
    const seesDrafts = can(actor, "read:version:any");
    const isPublic = (status: string) => (PUBLISHED_VERSION_STATUSES as readonly string[]).includes(status);
    const versions = first.consultation.versions.filter((version) => seesDrafts || isPublic(version.status));
    if (versionNumber && !versions.some((version) => version.number === versionNumber)) {
      throw new DomainError(404, "feedback.errors.noVersion");
    }
    if (!versions.some((version) => version.id === first.version.id)) {
      const fallback = [...versions].reverse().find((version) => version.hasComments) ?? versions[versions.length - 1];
      if (!fallback) throw new DomainError(404, "feedback.errors.noVersionYet");
      scope = await loadFeedbackScope({ slug, versionNumber: fallback.number });
    } else {
      scope = first;
    }
    const publication = await latestDispositionPublication(scope.consultation.id);
    if (!publication) {
      throw new DomainError(404, "dispositions.notPublished", {
        values: { title: scope.consultation.title },
        details: { notPublished: true },
      });
    }
    const where = { publicationId: publication.id, versionId: scope.version.id };
    const [total, rows] = await Promise.all([
      prisma.publishedDisposition.count({ where }),
      prisma.publishedDisposition.findMany({
        where,
        orderBy: { position: "asc" },
        skip: (page - 1) * DISPOSITION_TABLE_PAGE_SIZE,
        take: DISPOSITION_TABLE_PAGE_SIZE,
      }),
    ]);
    const groups = groupRowsBySection(scope.sections, rows, (row) => row.sectionId);
    const { versions: _all, ...consultation } = scope.consultation;
    return {
      access: "public" as TableAccess,
      consultation: { ...consultation, versions },
      version: scope.version,
      publishedAt: publication.publishedAt,
      page,
      pageSize: DISPOSITION_TABLE_PAGE_SIZE,
      total,
      groups: groups.map((group) => ({
        section: group.section,
        rows: group.rows.map((row) => ({
          id: row.commentId,
          organization: row.organization,
          paragraphNumber: row.paragraphNumber,
          paragraphKey: row.paragraphKey,
          quote: row.quote,
          type: row.type,
          comment: row.commentText,
          proposedText: row.proposedText,
          disposition: row.status ? { status: row.status, response: row.response } : null,
        })),
      })),
    };
  }
}

/** The secretariat's preview: the table as it is now. */
async function liveTable(scope: Awaited<ReturnType<typeof loadFeedbackScope>>, page: number) {
  const where: Prisma.CommentWhereInput = { versionId: scope.version.id, status: "submitted" };
  const byParagraph = await prisma.comment.groupBy({ by: ["paragraphId"], where, _count: { _all: true } });
  const countByParagraph = new Map<string, number>();
  let withoutParagraph = 0;
  let total = 0;
  for (const row of byParagraph) {
    total += row._count._all;
    if (row.paragraphId) countByParagraph.set(row.paragraphId, row._count._all);
    else withoutParagraph += row._count._all;
  }
  const rows = await pageInDocumentOrder({
    where,
    paragraphs: scope.paragraphs,
    countByParagraph,
    withoutParagraph,
    offset: (page - 1) * DISPOSITION_TABLE_PAGE_SIZE,
    limit: DISPOSITION_TABLE_PAGE_SIZE,
    select: tableSelect,
  });
  const groups = groupRowsBySection(scope.sections, rows, (row) => row.paragraph?.sectionId ?? null);
  return {
    consultation: scope.consultation,
    version: scope.version,
    page,
    pageSize: DISPOSITION_TABLE_PAGE_SIZE,
    total,
    groups: groups.map((group) => ({
      section: group.section,
      rows: group.rows.map((row) => ({
        id: row.id,
        organization: organizationLabel(row),
        paragraphNumber: row.paragraph?.number ?? null,
        paragraphKey: row.paragraph?.key ?? null,
        quote: row.quote,
        type: row.type,
        comment: row.bodyText,
        proposedText: row.proposedText,
        disposition: row.disposition,
      })),
    })),
  };
}

/**
 * The consolidation forms of the dashboard and of a paragraph's page, by
 * `intent` (parsed by the route with FeedbackActionSchema): decide on one
 * comment, on the ticked comments, on a whole group; regroup
 * near-duplicates; publish or withdraw the comments and the disposition
 * table. Refusals are thrown as DomainErrors (403, 404, 409).
 */
export async function applyFeedbackAction({
  actor,
  slug,
  action,
  ip,
  now = new Date(),
}: {
  actor: Actor | null;
  slug: string;
  action: FeedbackAction;
  ip?: string | null;
  now?: Date;
}): Promise<FeedbackActionResult> {
  switch (action.intent) {
    case "dispose":
    case "dispose-selected":
    case "dispose-group": {
      const result = await decideDispositions({ actor, slug, input: action, now, ip });
      return result.changed > 0 ? { notice: "decided", count: result.changed } : { notice: "unchanged", count: 0 };
    }
    case "regroup": {
      const { stats } = await regroupDuplicates({ actor, slug, ip });
      return { notice: "regrouped", count: stats.groups };
    }
    case "publish-comments":
    case "unpublish-comments":
    case "publish-dispositions":
    case "unpublish-dispositions": {
      const publish = action.intent.startsWith("publish-");
      const what: PublicationTarget = action.intent.endsWith("-comments") ? "comments" : "dispositions";
      await setPublication({ actor, slug, what, publish, now, ip });
      return { notice: `${publish ? "published" : "unpublished"}_${what}`, count: 0 };
    }
  }
}
