/**
 * Near-duplicate groups of submitted comments (campaigns, copied letters):
 * the grouping itself (app/lib/feedback/duplicates.ts) stored as
 * `Comment.duplicateGroupId`, and the dashboard's largest groups. Grouping
 * reads only id, text and paragraph of each comment.
 */
import { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import { groupNearDuplicates, type DuplicateGroupingStats } from "~/lib/feedback";
import type { Actor } from "~/lib/permissions";
import { recordAuditEvent } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";

import { DASHBOARD_GROUPS, type FeedbackCounts } from "./counts.server";
import { authorizeConsolidation, type FeedbackScope } from "./scope.server";

/**
 * The dashboard regroups by itself when it finds ungrouped comments and the
 * consultation has at most this many submitted comments (about half a
 * second of work); above, it shows the "Regroup" button instead.
 */
export const AUTO_REGROUP_MAX_COMMENTS = 20_000;

/**
 * Rows per UPDATE while regrouping (under SQLite's 32,766 and PostgreSQL's
 * 65,535 parameters): each statement is a short write lock, so comments
 * submitted meanwhile wait milliseconds, not the whole regrouping.
 */
const REGROUP_WRITE_CHUNK = 5_000;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The largest near-duplicate groups among the filtered comments, with the
 * group's size in the whole consultation, how many of its comments are
 * decided, and the text of its first comment. The candidates count each
 * group's comments in view but its first; whether the first is in view too
 * is one lookup by id for all of them. Callers authorize.
 */
export async function listDuplicateGroups({
  scope,
  condition,
  candidates,
}: {
  scope: FeedbackScope;
  condition: Prisma.Sql;
  candidates: FeedbackCounts["groupCandidates"];
}) {
  if (candidates.length === 0) return [];
  const candidateIds = candidates.map((row) => row.groupId);
  // The first comments by primary key, then the filters on those few rows:
  // as one WHERE, SQLite would rather scan a dashboard index (which holds id)
  // for the whole version. MATERIALIZED keeps the two steps apart.
  const firstRows = await prisma.$queryRaw<Array<{ id: string }>>`
    WITH c AS MATERIALIZED (SELECT * FROM "Comment" WHERE "id" IN (${Prisma.join(candidateIds)}))
    SELECT c."id" AS "id" FROM c WHERE ${condition}`;
  const firstsInView = new Set(firstRows.map((row) => row.id));
  const rows = candidates
    .map((row) => ({ id: row.groupId, inView: row.count + (firstsInView.has(row.groupId) ? 1 : 0) }))
    .filter((row) => row.inView > 1)
    .sort((a, b) => b.inView - a.inView || byId(a.id, b.id))
    .slice(0, DASHBOARD_GROUPS);
  if (rows.length === 0) return [];
  const groupIds = rows.map((row) => row.id);
  const [sizes, firsts, statuses] = await Promise.all([
    // Consultation-wide, from the (consultationId, duplicateGroupId, status, dispositionStatus) index alone.
    prisma.comment.groupBy({
      by: ["duplicateGroupId"],
      where: { consultationId: scope.consultation.id, duplicateGroupId: { in: groupIds }, status: "submitted" },
      _count: { _all: true, dispositionStatus: true },
    }),
    prisma.comment.findMany({
      where: { id: { in: groupIds } },
      select: {
        id: true,
        bodyText: true,
        organization: { select: { name: true } },
        paragraph: { select: { number: true, key: true } },
        disposition: { select: { status: true, response: true } },
      },
    }),
    // The decisions of each group, by status (same index): a decided group shows its decision.
    prisma.comment.groupBy({
      by: ["duplicateGroupId", "dispositionStatus"],
      where: {
        consultationId: scope.consultation.id,
        duplicateGroupId: { in: groupIds },
        status: "submitted",
        dispositionStatus: { not: null },
      },
      _count: { _all: true },
    }),
  ]);
  const decisionsOf = new Map<string, Array<{ status: string; count: number }>>();
  for (const row of statuses) {
    if (!row.duplicateGroupId || !row.dispositionStatus) continue;
    const list = decisionsOf.get(row.duplicateGroupId) ?? [];
    list.push({ status: row.dispositionStatus, count: row._count._all });
    decisionsOf.set(row.duplicateGroupId, list);
  }
  const sizeOf = new Map(sizes.map((row) => [row.duplicateGroupId, row._count]));
  const firstOf = new Map(firsts.map((row) => [row.id, row]));
  return rows.map((row) => {
    const first = firstOf.get(row.id);
    const size = sizeOf.get(row.id);
    return {
      id: row.id,
      inView: row.inView,
      size: size?._all ?? row.inView,
      decided: size?.dispositionStatus ?? 0,
      text: first?.bodyText ?? "",
      organization: first?.organization?.name ?? null,
      paragraph: first?.paragraph ?? null,
      decisions: (decisionsOf.get(row.id) ?? []).sort((a, b) => b.count - a.count || byId(a.status, b.status)),
      /** The first comment's decision (the group is usually decided at once, with one response). */
      firstDecision: first?.disposition ?? null,
    };
  });
}

/**
 * Recomputes `duplicateGroupId` for every submitted comment of the
 * consultation (see app/lib/feedback/duplicates.ts): the id of the first
 * comment of its group, its own id when it has no near-duplicate. Reads id,
 * text and paragraph only; writes only the rows whose group changed, in
 * short transactions. Derived data: running it twice changes nothing.
 */
export async function regroupDuplicates({
  actor,
  slug,
  ip,
  reason = "requested",
}: {
  actor: Actor | null;
  slug: string;
  ip?: string | null;
  reason?: "requested" | "automatic";
}) {
  const consolidator = await authorizeConsolidation(actor, { ip, action: "feedback.regroup" });
  const consultation = await prisma.consultation.findUnique({ where: { slug }, select: { id: true } });
  if (!consultation) throw new DomainError(404, "feedback.errors.noConsultation");
  const started = performance.now();
  const comments = await prisma.comment.findMany({
    where: { consultationId: consultation.id, status: "submitted" },
    // Oldest first: a group is named after its first comment.
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true, bodyText: true, proposedText: true, paragraphId: true, duplicateGroupId: true },
  });
  const { groupIds, stats } = groupNearDuplicates(
    comments.map((comment) => ({
      id: comment.id,
      text: comment.proposedText ? `${comment.bodyText}\n${comment.proposedText}` : comment.bodyText,
      scope: comment.paragraphId,
    })),
  );

  const singletons: string[] = [];
  const members: Array<[string, string]> = [];
  comments.forEach((comment, index) => {
    const groupId = groupIds[index];
    if (comment.duplicateGroupId === groupId) return;
    if (groupId === comment.id) singletons.push(comment.id);
    else members.push([comment.id, groupId]);
  });
  const written = await writeGroups(singletons, members);

  const ms = Math.round(performance.now() - started);
  await recordAuditEvent({
    actorId: consolidator.id,
    action: "feedback.regroup",
    entity: "consultation",
    entityId: consultation.id,
    outcome: "ok",
    ip: ip ?? null,
    details: {
      reason,
      comments: comments.length,
      groups: stats.groups,
      groupedComments: stats.groupedItems,
      written,
      ms,
    },
  });
  logger.info("duplicates regrouped", {
    consultationId: consultation.id,
    comments: comments.length,
    groups: stats.groups,
    written,
    ms,
  });
  return { stats, written, ms };
}

/**
 * Writes the new groups: comments alone in their group, then [comment, group]
 * pairs. Portable SQL: no Prisma form sets a column from another column (a
 * comment alone is its own group) or many rows to different values at once.
 * Ids in order, so that each statement rewrites neighbouring table pages.
 */
async function writeGroups(singletons: string[], members: Array<[string, string]>) {
  singletons.sort(byId);
  members.sort((a, b) => byId(a[0], b[0]));
  let written = 0;
  for (let start = 0; start < singletons.length; start += REGROUP_WRITE_CHUNK) {
    const chunk = Prisma.join(singletons.slice(start, start + REGROUP_WRITE_CHUNK));
    written += await prisma.$executeRaw`UPDATE "Comment" SET "duplicateGroupId" = "id" WHERE "id" IN (${chunk})`;
  }
  for (let start = 0; start < members.length; start += REGROUP_WRITE_CHUNK / 2) {
    const chunk = members.slice(start, start + REGROUP_WRITE_CHUNK / 2);
    const cases = Prisma.join(
      chunk.map(([id, groupId]) => Prisma.sql`WHEN ${id} THEN ${groupId}`),
      " ",
    );
    const ids = Prisma.join(chunk.map(([id]) => id));
    written += await prisma.$executeRaw`
      UPDATE "Comment" SET "duplicateGroupId" = CASE "id" ${cases} END WHERE "id" IN (${ids})`;
  }
  return written;
}

/** Submitted comments not grouped yet (new since the last grouping). */
export function countUngrouped(consultationId: string) {
  // Served by the (consultationId, duplicateGroupId) index: after grouping, nothing to read.
  return prisma.comment.count({ where: { consultationId, duplicateGroupId: null, status: "submitted" } });
}

/**
 * Groups near-duplicates when submitted comments are found without a group
 * (new since the last grouping), if the consultation is small enough for
 * that to be quick ({@link AUTO_REGROUP_MAX_COMMENTS}); larger ones wait for
 * the "Regroup" button. Runs on the dashboard's GET: it writes derived data
 * only (`duplicateGroupId`), never what anyone wrote or decided.
 */
export async function ensureGrouped({
  actor,
  slug,
  consultationId,
  ip,
}: {
  actor: Actor | null;
  slug: string;
  consultationId: string;
  ip?: string | null;
}): Promise<{ regrouped: DuplicateGroupingStats | null; ungrouped: number }> {
  const ungrouped = await countUngrouped(consultationId);
  if (ungrouped === 0) return { regrouped: null, ungrouped };
  const submitted = await prisma.comment.count({ where: { consultationId, status: "submitted" } });
  if (submitted > AUTO_REGROUP_MAX_COMMENTS) return { regrouped: null, ungrouped };
  const { stats } = await regroupDuplicates({ actor, slug, ip, reason: "automatic" });
  return { regrouped: stats, ungrouped: 0 };
}
