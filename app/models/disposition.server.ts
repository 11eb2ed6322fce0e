/**
 * Dispositions: the secretariat's decision on each comment (accepted,
 * accepted in part, not accepted, noted) and its response, decided one by
 * one, for a selection, or for a whole near-duplicate group; publication of
 * the comments received and of the disposition table; the table itself.
 */
import type { Prisma } from "~/generated/prisma/client";
import { DispositionFormSchema, dispositionFormValues, type DispositionFormInput } from "~/lib/feedback";
import type { Actor } from "~/models/comment.server";
import { recordAuditEvent } from "~/utils/audit.server";
import { DomainError } from "~/lib/errors";
import { canConsolidate, loadFeedbackScope, pageInDocumentOrder, regroupDuplicates } from "~/models/feedback.server";
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { can } from "~/lib/permissions";

/** Rows per transaction statement when deciding a large group. */
const WRITE_CHUNK = 500;

/** Rows per page of the published table. */
export const DISPOSITION_TABLE_PAGE_SIZE = 200;

async function deny(
  actorId: string | null,
  action: string,
  entityId: string | null,
  ip?: string | null,
  details: Record<string, unknown> = {},
) {
  await recordAuditEvent({
    actorId,
    action,
    entity: "consultation",
    entityId,
    outcome: "denied",
    ip: ip ?? null,
    details,
  });
}

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
  actor: Actor;
  slug: string;
  input: DispositionFormInput;
  now?: Date;
  ip?: string | null;
}) {
  const actorId = actor?.id ?? null;
  if (!canConsolidate(actor)) {
    await deny(actorId, "disposition.decide", null, ip, {
      permission: "consolidate:comment:any",
      intent: input.intent,
    });
    throw new DomainError(403, "Only the secretariat decides on comments.");
  }
  const consultation = await prisma.consultation.findUnique({ where: { slug }, select: { id: true } });
  if (!consultation) throw new DomainError(404, "No such consultation.");

  const scope: Prisma.CommentWhereInput =
    input.intent === "dispose-group"
      ? { consultationId: consultation.id, status: "submitted", duplicateGroupId: input.groupId }
      : { consultationId: consultation.id, status: "submitted", id: { in: input.commentIds } };
  const targets = await prisma.comment.findMany({
    where: scope,
    select: { id: true, disposition: { select: { status: true, response: true } } },
  });
  if (targets.length === 0) throw new DomainError(404, "No such comment to decide on.");
  if (input.intent !== "dispose-group" && targets.length !== new Set(input.commentIds).size) {
    // A withdrawn, draft or foreign comment in the selection: decide nothing rather than part.
    throw new DomainError(
      409,
      "Some of the selected comments cannot be decided on (withdrawn, not submitted, or of another consultation).",
    );
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
  const decision = { status: input.status, response: input.response, decidedById: actor.id, decidedAt: now };

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
          actorId: actor.id,
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
    actorId: actor.id,
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
  actor: Actor;
  slug: string;
  what: "comments" | "dispositions";
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
  if (!actor || !can(actor, permission)) {
    await deny(actor?.id ?? null, action, consultation?.id ?? null, ip, { permission });
    throw new DomainError(403, "Only the secretariat publishes.");
  }
  if (!consultation) throw new DomainError(404, "No such consultation.");
  const field = what === "comments" ? "commentsPublishedAt" : "dispositionsPublishedAt";
  const current = consultation[field];
  const next = publish ? (current ?? now) : null;
  if ((current === null) === (next === null)) return { changed: false, publishedAt: current };
  await prisma.consultation.update({ where: { id: consultation.id }, data: { [field]: next }, select: { id: true } });
  await recordAuditEvent({
    actorId: actor.id,
    action,
    entity: "consultation",
    entityId: consultation.id,
    outcome: "ok",
    ip: ip ?? null,
    details: { publishedAt: next?.toISOString() ?? null },
  });
  return { changed: true, publishedAt: next };
}

/** Who may read the disposition table and the exports, and which columns. */
export type TableAccess = "secretariat" | "public";

/** The secretariat always; everyone once the dispositions are published; otherwise nobody. */
export function dispositionTableAccess(
  actor: Actor,
  consultation: { dispositionsPublishedAt: Date | null },
): TableAccess | null {
  if (canConsolidate(actor)) return "secretariat";
  return consultation.dispositionsPublishedAt ? "public" : null;
}

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

/**
 * One page of the disposition table of a version, in document order,
 * grouped by section. Before publication it is a 404 for everyone but the
 * secretariat, who sees a preview.
 */
export async function getDispositionTable({
  actor,
  slug,
  versionNumber,
  page = 1,
}: {
  actor: Actor;
  slug: string;
  versionNumber?: number;
  page?: number;
}) {
  const scope = await loadFeedbackScope({ slug, versionNumber });
  const access = dispositionTableAccess(actor, scope.consultation);
  if (!access)
    throw new DomainError(404, "The disposition of comments has not been published yet.", { notPublished: true });
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
    select: {
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
    },
  });
  const sectionById = new Map(scope.sections.map((section) => [section.id, section]));
  // A sub-heading is shown under its section: "1 Introduction › Background".
  const parentOf = new Map<string, { number: string | null; heading: string }>();
  let top: { number: string | null; heading: string } | null = null;
  for (const section of scope.sections) {
    if (section.level <= 1) top = { number: section.number, heading: section.heading };
    else if (top) parentOf.set(section.id, top);
  }
  type TableSection = {
    id: string;
    number: string | null;
    heading: string;
    parent: { number: string | null; heading: string } | null;
  };
  const groups: Array<{ section: TableSection | null; rows: typeof rows }> = [];
  for (const row of rows) {
    const section = row.paragraph ? (sectionById.get(row.paragraph.sectionId) ?? null) : null;
    const last = groups[groups.length - 1];
    if (last && (last.section?.id ?? null) === (section?.id ?? null)) last.rows.push(row);
    else {
      groups.push({
        section: section
          ? {
              id: section.id,
              number: section.number,
              heading: section.heading,
              parent: parentOf.get(section.id) ?? null,
            }
          : null,
        rows: [row],
      });
    }
  }
  return {
    access,
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

/** What a consolidation form did, for the page to say (a `feedback.notice.*` key and a count). */
export type FeedbackActionResult =
  | { ok: true; notice: string; count: number }
  | { ok: false; status: number; target: string; formError: string | null; fieldErrors: Record<string, string[]> };

/**
 * The consolidation forms of the dashboard and of a paragraph's page, by
 * `intent`: decide on one comment, on the ticked comments, on a whole
 * group; regroup near-duplicates; publish or withdraw the comments and the
 * disposition table. Validation errors come back for the form that sent
 * them (`target`); permission errors are thrown (403).
 */
export async function applyFeedbackAction({
  actor,
  slug,
  form,
  ip,
  now = new Date(),
}: {
  actor: Actor;
  slug: string;
  form: FormData;
  ip?: string | null;
  now?: Date;
}): Promise<FeedbackActionResult> {
  const intent = String(form.get("intent") ?? "");
  const target = String(form.get("target") ?? intent).slice(0, 80);
  if (intent === "dispose" || intent === "dispose-selected" || intent === "dispose-group") {
    const parsed = DispositionFormSchema.safeParse(dispositionFormValues(form));
    if (!parsed.success) {
      const fieldErrors = parsed.error.flatten().fieldErrors as Record<string, string[]>;
      return {
        ok: false,
        status: 400,
        target,
        formError: fieldErrors.commentIds?.[0] ?? "feedback.validation.summary",
        fieldErrors,
      };
    }
    const result = await decideDispositions({ actor, slug, input: parsed.data, now, ip });
    return result.changed > 0
      ? { ok: true, notice: "decided", count: result.changed }
      : { ok: true, notice: "unchanged", count: 0 };
  }
  if (intent === "regroup") {
    const { stats } = await regroupDuplicates({ actor, slug, ip });
    return { ok: true, notice: "regrouped", count: stats.groups };
  }
  const publication = /^(publish|unpublish)-(comments|dispositions)$/.exec(intent);
  if (publication) {
    const publish = publication[1] === "publish";
    const what = publication[2] as "comments" | "dispositions";
    await setPublication({ actor, slug, what, publish, now, ip });
    return { ok: true, notice: `${publish ? "published" : "unpublished"}_${what}`, count: 0 };
  }
  return { ok: false, status: 400, target, formError: "feedback.validation.summary", fieldErrors: {} };
}
