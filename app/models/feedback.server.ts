/**
 * The secretariat's consolidation dashboard: counts of submitted comments by
 * section and paragraph, stakeholder group, type and day, under filters that
 * combine; the comment list; near-duplicate groups; a paragraph's feedback.
 *
 * The parts live in app/models/feedback/: the scope and who may read it
 * (scope.server.ts), the filters compiled to Prisma and SQL
 * (filter.server.ts), the counts (counts.server.ts), the list in document
 * order (listing.server.ts) and the near-duplicate groups
 * (duplicates.server.ts). This module puts them together.
 */
import type { Prisma } from "~/generated/prisma/client";
import { DomainError } from "~/lib/errors";
import {
  countByKind,
  FEEDBACK_TYPES,
  hasActiveFilters,
  heatMap,
  timeSeries,
  type FeedbackFilters,
  type SummaryComment,
} from "~/lib/feedback";
import type { Actor } from "~/lib/permissions";
import { prisma } from "~/utils/db.server";

import { countFeedback } from "./feedback/counts.server";
import {
  AUTO_REGROUP_MAX_COMMENTS,
  countUngrouped,
  ensureGrouped,
  listDuplicateGroups,
} from "./feedback/duplicates.server";
import { feedbackWhere } from "./feedback/filter.server";
import { listFeedbackComments, listSelect, PARAGRAPH_COMMENTS_LIMIT, withDeciders } from "./feedback/listing.server";
import { authorizeConsolidation, loadFeedbackScope } from "./feedback/scope.server";

export { countFeedback, DASHBOARD_GROUPS, type FeedbackCounts } from "./feedback/counts.server";
export { AUTO_REGROUP_MAX_COMMENTS, regroupDuplicates } from "./feedback/duplicates.server";
export { feedbackWhere } from "./feedback/filter.server";
export { FEEDBACK_PAGE_SIZE, PARAGRAPH_COMMENTS_LIMIT, pageInDocumentOrder } from "./feedback/listing.server";
export { loadFeedbackScope, type FeedbackScope } from "./feedback/scope.server";

/** Totals and breakdowns of the view, from its counts per paragraph and per organization/origin/type. */
function summarizeCounts(
  counts: Awaited<ReturnType<typeof countFeedback>>,
  organizations: ReadonlyArray<{ id: string; kind: string }>,
) {
  const countByParagraph = new Map<string, number>();
  let total = 0;
  let withoutParagraph = 0;
  for (const row of counts.byParagraph) {
    total += row.count;
    if (row.paragraphId) countByParagraph.set(row.paragraphId, row.count);
    else withoutParagraph += row.count;
  }
  const kindOf = new Map(organizations.map((organization) => [organization.id, organization.kind]));
  const typeCounts = new Map<string, number>();
  const organizationsSeen = new Set<string>();
  let decided = 0;
  for (const row of counts.byOrganization) {
    typeCounts.set(row.type, (typeCounts.get(row.type) ?? 0) + row.count);
    decided += row.decided;
    if (row.organizationId) organizationsSeen.add(row.organizationId);
  }
  return {
    countByParagraph,
    total,
    withoutParagraph,
    decided,
    organizations: organizationsSeen.size,
    kinds: countByKind(counts.byOrganization, kindOf),
    types: FEEDBACK_TYPES.map((type) => ({ type, count: typeCounts.get(type) ?? 0 })),
  };
}

/** Everything the dashboard shows, for the secretariat (consolidate:comment:any). */
export async function getFeedbackDashboard({
  actor,
  slug,
  filters,
  ip,
  autoRegroup = true,
}: {
  actor: Actor | null;
  slug: string;
  filters: FeedbackFilters;
  ip?: string | null;
  /** Regroup first when ungrouped comments are found (bounded by {@link AUTO_REGROUP_MAX_COMMENTS}). */
  autoRegroup?: boolean;
}) {
  await authorizeConsolidation(actor, { ip, action: "feedback.read" });
  const scope = await loadFeedbackScope({ slug, versionNumber: filters.v });
  const consultationId = scope.consultation.id;

  const { regrouped, ungrouped } = autoRegroup
    ? await ensureGrouped({ actor, slug, consultationId, ip })
    : { regrouped: null, ungrouped: await countUngrouped(consultationId) };

  const { where, sql } = feedbackWhere(scope, filters);
  const counts = await countFeedback(scope, filters);
  const summary = summarizeCounts(counts, scope.organizations);

  const [groups, list] = await Promise.all([
    listDuplicateGroups({ scope, condition: sql, candidates: counts.groupCandidates }),
    listFeedbackComments({
      consultationId,
      where,
      page: filters.page ?? 1,
      paragraphs: scope.paragraphs,
      countByParagraph: summary.countByParagraph,
      withoutParagraph: summary.withoutParagraph,
    }),
  ]);

  return {
    consultation: scope.consultation,
    version: scope.version,
    sections: scope.sections,
    totals: {
      comments: summary.total,
      organizations: summary.organizations,
      paragraphs: summary.countByParagraph.size,
      withoutParagraph: summary.withoutParagraph,
    },
    heatMap: heatMap(scope.sections, scope.paragraphs, summary.countByParagraph),
    kinds: summary.kinds,
    types: summary.types,
    series: timeSeries(counts.byDay),
    // The view's progress: the whole version without filters, the filtered comments with them.
    progress: { decided: summary.decided, total: summary.total, filtered: hasActiveFilters(filters) },
    groups,
    duplicates: { ungrouped, regrouped, autoLimit: AUTO_REGROUP_MAX_COMMENTS },
    list,
  };
}

/**
 * A paragraph's feedback page, for the secretariat: the paragraph, its
 * submitted comments (the first {@link PARAGRAPH_COMMENTS_LIMIT} in order),
 * and the same comments in the shape the HLEG-style summary reads.
 */
export async function getParagraphFeedback({
  actor,
  slug,
  versionNumber,
  paragraphKey,
  ip,
}: {
  actor: Actor | null;
  slug: string;
  versionNumber?: number;
  paragraphKey: string;
  ip?: string | null;
}) {
  await authorizeConsolidation(actor, { ip, action: "feedback.read" });
  const scope = await loadFeedbackScope({ slug, versionNumber });
  // The summary reports campaigns: group new comments first (bounded, as on the dashboard).
  await ensureGrouped({ actor, slug, consultationId: scope.consultation.id, ip });
  const paragraph = await prisma.paragraph.findUnique({
    where: { versionId_key: { versionId: scope.version.id, key: paragraphKey } },
    select: { id: true, key: true, number: true, text: true, section: { select: { number: true, heading: true } } },
  });
  if (!paragraph) throw new DomainError(404, "feedback.errors.noParagraph");
  const where: Prisma.CommentWhereInput = {
    versionId: scope.version.id,
    status: "submitted",
    paragraphId: paragraph.id,
  };
  const [total, comments] = await Promise.all([
    prisma.comment.count({ where }),
    prisma.comment.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: PARAGRAPH_COMMENTS_LIMIT,
      select: { ...listSelect, organizationId: true },
    }),
  ]);
  const summaryInput: SummaryComment[] = comments.map((comment) => ({
    id: comment.id,
    type: comment.type,
    organizationKind: comment.organization?.kind ?? null,
    organizationId: comment.organizationId,
    origin: comment.origin,
    sourceAttribution: comment.sourceAttribution,
    text: comment.bodyText,
    proposedText: comment.proposedText,
    duplicateGroupId: comment.duplicateGroupId,
  }));
  return {
    consultation: scope.consultation,
    version: scope.version,
    paragraph,
    total,
    comments: await withDeciders(comments.map(({ organizationId: _organizationId, ...comment }) => comment)),
    summaryInput,
  };
}
