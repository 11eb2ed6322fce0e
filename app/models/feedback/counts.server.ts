/**
 * The dashboard's counts of submitted comments under the filters: by
 * paragraph, by organization/origin/type (with how many are decided), by
 * day, and the candidates for the largest near-duplicate groups. Every count
 * is computed by the database (GROUP BY); nothing here loads comments.
 *
 * How this stays fast on 100,000 comments (docs/benchmarks.md, "Feedback"):
 * - Queries lead with `versionId` and `status` and never add a redundant
 *   `consultationId` (except to find a near-duplicate group), so that the
 *   Comment indexes on (versionId, status, …) answer them alone: each index
 *   holds every filtered column, and each aggregate has one whose order is
 *   its GROUP BY (no sort).
 * - A comment's decision is read from `Comment.dispositionStatus`, a copy of
 *   its disposition's status kept by database triggers, so neither the
 *   decided count nor the status filters join Disposition.
 * - Two views are counted from one statement that reads their rows once
 *   ({@link countInOneScan}): a text search (LIKE/ILIKE '%…%'), which must
 *   read every row's text, and one near-duplicate group, whose few rows the
 *   (consultationId, duplicateGroupId, …) index finds.
 */
import { Prisma } from "~/generated/prisma/client";
import type { FeedbackFilters } from "~/lib/feedback";
import { prisma } from "~/utils/db.server";
import { dayOf, tableThroughIndex } from "~/utils/sql-dialect.server";

import { feedbackWhere } from "./filter.server";

import type { FeedbackScope } from "./scope.server";

/** Duplicate groups listed on the dashboard. */
export const DASHBOARD_GROUPS = 10;

/** Candidates for the dashboard's largest groups (see {@link FeedbackCounts}). */
const GROUP_CANDIDATES = DASHBOARD_GROUPS * 2;

/** The dashboard's counts under the filters. */
export interface FeedbackCounts {
  byParagraph: Array<{ paragraphId: string | null; count: number }>;
  /**
   * Per organization, origin and type, with how many are decided: stakeholder
   * groups, types, the organization count and the progress bar.
   */
  byOrganization: Array<{
    organizationId: string | null;
    origin: string;
    type: string;
    count: number;
    decided: number;
  }>;
  /** Per day (UTC), YYYY-MM-DD. */
  byDay: Array<{ day: string; count: number }>;
  /**
   * Near-duplicate groups by their comments in view other than their first
   * (duplicateGroupId ≠ id), largest first, {@link GROUP_CANDIDATES} of them:
   * a group with two comments in view has at least one such comment, so this
   * skips the thousands of one-comment groups (listDuplicateGroups counts
   * the candidates exactly).
   */
  groupCandidates: Array<{ groupId: string; count: number }>;
}

type CountValue = bigint | number;

const byGroupSize = (a: { groupId: string; count: number }, b: { groupId: string; count: number }) =>
  b.count - a.count || (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0);

/**
 * The counts as four GROUP BY queries, each answered by the Comment index
 * whose order is its GROUP BY (see prisma/schema.prisma): by paragraph,
 * by organization/origin/type, by day, by group. Raw SQL, because Prisma's
 * groupBy cannot count a column's non-null values (the decided comments) nor
 * group by day.
 */
async function countInIndexes(condition: Prisma.Sql): Promise<FeedbackCounts> {
  const day = dayOf(Prisma.sql`c."submittedAt"`);
  const [byParagraph, byOrganization, byDay, groupCandidates] = await Promise.all([
    prisma.$queryRaw<Array<{ paragraphId: string | null; count: CountValue }>>`
      SELECT c."paragraphId" AS "paragraphId", COUNT(*) AS "count" FROM "Comment" c
      WHERE ${condition}
      GROUP BY c."paragraphId"`,
    prisma.$queryRaw<
      Array<{ organizationId: string | null; origin: string; type: string; count: CountValue; decided: CountValue }>
    >`
      SELECT c."organizationId" AS "organizationId", c."origin" AS "origin", c."type" AS "type",
             COUNT(*) AS "count", COUNT(c."dispositionStatus") AS "decided"
      FROM "Comment" c
      WHERE ${condition}
      GROUP BY c."organizationId", c."origin", c."type"`,
    // The day is an expression: this one sorts (by an index already in submittedAt order).
    prisma.$queryRaw<Array<{ day: string | null; count: CountValue }>>`
      SELECT ${day} AS "day", COUNT(*) AS "count" FROM "Comment" c
      WHERE ${condition}
      GROUP BY ${day}`,
    prisma.$queryRaw<Array<{ groupId: string; count: CountValue }>>`
      SELECT c."duplicateGroupId" AS "groupId", COUNT(*) AS "count" FROM "Comment" c
      WHERE ${condition} AND c."duplicateGroupId" <> c."id"
      GROUP BY c."duplicateGroupId"
      ORDER BY COUNT(*) DESC, c."duplicateGroupId"
      LIMIT ${GROUP_CANDIDATES}`,
  ]);
  return {
    byParagraph: byParagraph.map((row) => ({ paragraphId: row.paragraphId, count: Number(row.count) })),
    byOrganization: byOrganization.map((row) => ({ ...row, count: Number(row.count), decided: Number(row.decided) })),
    // Submitted comments always have submittedAt; a NULL day (none) is dropped
    // here rather than filtered in SQL, which would cost a test per row.
    byDay: byDay.filter((row) => row.day !== null).map((row) => ({ day: String(row.day), count: Number(row.count) })),
    groupCandidates: groupCandidates.map((row) => ({ groupId: row.groupId, count: Number(row.count) })),
  };
}

/**
 * Indexes a single reading of the rows goes through on SQLite, where the
 * planner, knowing no row counts, would rather follow a dashboard index
 * (see {@link countInOneScan}).
 */
const READ_ONCE_INDEX = {
  // Its entries for one consultation are in table order: the table is read front to back.
  consultation: "Comment_consultationId_status_idx",
  group: "Comment_consultationId_duplicateGroupId_status_dispositionStatus_idx",
} as const;

type OneScanRow = {
  kind: "paragraph" | "organization" | "day" | "group";
  key1: string | null;
  key2: string | null;
  key3: string | null;
  count: CountValue;
  decided: CountValue;
};

/**
 * The same counts from one statement that reads the view's rows once (a
 * MATERIALIZED common table expression) and groups them four ways, for
 * the views the dashboard indexes serve badly:
 * - `consultation`: a text search, which must read every row's text (no
 *   index holds it); four index queries would each look every row up in
 *   the table again, in index order (a page fault each). The rows are read
 *   through the (consultationId, status) index, whose entries are in table
 *   order, so the table is read front to back.
 * - `group`: one near-duplicate group, whose few rows the (consultationId,
 *   duplicateGroupId, status) index finds; the dashboard indexes but one
 *   do not hold duplicateGroupId, and would read the whole version.
 */
async function countInOneScan(
  scope: FeedbackScope,
  condition: Prisma.Sql,
  through: keyof typeof READ_ONCE_INDEX,
): Promise<FeedbackCounts> {
  const from = tableThroughIndex("Comment", "c", READ_ONCE_INDEX[through]);
  const day = dayOf(Prisma.sql`c."submittedAt"`);
  const rows = await prisma.$queryRaw<OneScanRow[]>`
    WITH v AS MATERIALIZED (
      SELECT c."paragraphId" AS p, c."organizationId" AS o, c."origin" AS og, c."type" AS t, ${day} AS d,
             c."dispositionStatus" AS s, c."duplicateGroupId" AS g, c."id" AS id
      FROM ${from}
      WHERE c."consultationId" = ${scope.consultation.id} AND ${condition}
    )
    SELECT 'paragraph' AS "kind", p AS "key1", NULL AS "key2", NULL AS "key3",
           COUNT(*) AS "count", 0 AS "decided" FROM v GROUP BY p
    UNION ALL SELECT 'organization', o, og, t, COUNT(*), COUNT(s) FROM v GROUP BY o, og, t
    UNION ALL SELECT 'day', d, NULL, NULL, COUNT(*), 0 FROM v GROUP BY d
    UNION ALL SELECT * FROM (
      SELECT 'group', g, NULL, NULL, COUNT(*), 0 FROM v WHERE g <> id
      GROUP BY g ORDER BY COUNT(*) DESC, g LIMIT ${GROUP_CANDIDATES}
    ) AS "largest"`;
  const counts: FeedbackCounts = { byParagraph: [], byOrganization: [], byDay: [], groupCandidates: [] };
  for (const row of rows) {
    const count = Number(row.count);
    if (row.kind === "paragraph") counts.byParagraph.push({ paragraphId: row.key1, count });
    else if (row.kind === "organization") {
      counts.byOrganization.push({
        organizationId: row.key1,
        origin: row.key2 ?? "",
        type: row.key3 ?? "",
        count,
        decided: Number(row.decided),
      });
    } else if (row.kind === "day") {
      if (row.key1 !== null) counts.byDay.push({ day: String(row.key1), count });
    } else if (row.key1 !== null) counts.groupCandidates.push({ groupId: row.key1, count });
  }
  // UNION ALL keeps each branch's rows together but promises no order: the candidates are sorted again.
  counts.groupCandidates.sort(byGroupSize);
  return counts;
}

/**
 * The dashboard's counts under the filters: from the indexes, or for a text
 * search or a near-duplicate group from one reading of the rows. `oneScan`
 * forces the choice (the tests check that both agree). Callers authorize.
 */
export async function countFeedback(
  scope: FeedbackScope,
  filters: FeedbackFilters,
  { oneScan }: { oneScan?: boolean } = {},
): Promise<FeedbackCounts> {
  const { sql, readOnce } = feedbackWhere(scope, filters);
  if (oneScan === false || (oneScan === undefined && readOnce === null)) return countInIndexes(sql);
  return countInOneScan(scope, sql, readOnce ?? "consultation");
}
