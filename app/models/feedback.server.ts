/**
 * The secretariat's consolidation dashboard: counts of submitted comments by
 * section and paragraph, stakeholder group, type and day, under filters that
 * combine; the comment list; near-duplicate groups.
 *
 * Every count is computed by the database (GROUP BY queries) — nothing here
 * loads all comments into memory, except the duplicate grouping, which needs
 * the texts and reads only id, text and paragraph of each.
 *
 * How the dashboard stays fast on 100,000 comments (docs/benchmarks.md,
 * "Feedback"):
 * - Queries lead with `versionId` and `status` and never add a redundant
 *   `consultationId` (except to find a near-duplicate group, below), so
 *   that the Comment indexes on (versionId, status, …) answer them alone:
 *   each index holds every filtered column, and each aggregate has one
 *   whose order is its GROUP BY (no sort).
 * - A comment's decision is read from `Comment.dispositionStatus`, a copy of
 *   its disposition's status kept by database triggers, so neither the
 *   decided count nor the status filters join Disposition.
 * - Two views are counted from one statement that reads their rows once
 *   ({@link countInOneScan}): a text search (LIKE/ILIKE '%…%'), which must
 *   read every row's text, and one near-duplicate group, whose few rows the
 *   (consultationId, duplicateGroupId, …) index finds.
 */
import type { Actor } from "~/models/comment.server";
import { Prisma } from "~/generated/prisma/client";
import {
  countByKind,
  FEEDBACK_KINDS,
  groupNearDuplicates,
  hasActiveFilters,
  heatMap,
  sectionParams,
  sectionScope,
  timeSeries,
  type DuplicateGroupingStats,
  type FeedbackFilters,
  type OutlineSection,
  type SummaryComment,
} from "~/lib/feedback";
import { recordAuditEvent } from "~/utils/audit.server";
import { DomainError } from "~/lib/errors";
import { databaseProvider, prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";
import { can } from "~/lib/permissions";

/** Comments per page of the dashboard's list. */
export const FEEDBACK_PAGE_SIZE = 25;

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

/** Duplicate groups listed on the dashboard. */
export const DASHBOARD_GROUPS = 10;

/** Comments shown on a paragraph's page (a campaign can put thousands on one paragraph). */
export const PARAGRAPH_COMMENTS_LIMIT = 500;

/** Whether the actor may consolidate (read everything, decide dispositions). */
export function canConsolidate(actor: Actor): actor is NonNullable<Actor> {
  return actor !== null && can(actor, "consolidate:comment:any");
}

async function assertConsolidator(actor: Actor, action: string, ip?: string | null) {
  const actorId = actor?.id ?? null;
  if (canConsolidate(actor)) return;
  await recordAuditEvent({
    actorId,
    action,
    entity: "consultation",
    outcome: "denied",
    ip: ip ?? null,
    details: { permission: "consolidate:comment:any" },
  });
  throw new DomainError(403, "Only the secretariat consolidates feedback.");
}

/**
 * A case-insensitive "contains" for the database in use: SQLite's LIKE is
 * already case-insensitive (for ASCII letters), PostgreSQL needs
 * `mode: "insensitive"` (ILIKE). The SQLite client's types have no `mode`,
 * hence the cast.
 */
export function containsText(term: string): Prisma.StringFilter & Prisma.StringNullableFilter {
  if (databaseProvider() === "postgresql") {
    return { contains: term, mode: "insensitive" } as unknown as Prisma.StringFilter;
  }
  return { contains: term };
}

/**
 * Words of a search. Each must occur in the comment or its proposed change.
 * LIKE's wildcards (% and _) and the escape character split words, so a
 * search never turns into a pattern, on SQLite (where Prisma does not
 * escape them) or PostgreSQL alike.
 */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .split(/[\s%_\\]+/)
    .map((word) => word.trim())
    .filter(Boolean)
    .slice(0, 8);
}

/** A consultation with one version's outline, as the dashboard and exports scope it. */
export type FeedbackScope = Awaited<ReturnType<typeof loadFeedbackScope>>;

/**
 * The consultation, its versions, and the chosen version's sections and
 * paragraphs (a few hundred rows). The version defaults to the latest one
 * with submitted comments, else the latest one.
 */
export async function loadFeedbackScope({ slug, versionNumber }: { slug: string; versionNumber?: number }) {
  const consultation = await prisma.consultation.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      timeZone: true,
      commentsVisibility: true,
      commentsPublishedAt: true,
      dispositionsPublishedAt: true,
      versions: { orderBy: { number: "asc" }, select: { id: true, number: true, label: true, status: true } },
    },
  });
  if (!consultation) throw new DomainError(404, "No such consultation.");
  // One indexed probe per version (few): which versions have submitted comments.
  const withComments = await Promise.all(
    consultation.versions.map((version) =>
      prisma.comment.findFirst({ where: { versionId: version.id, status: "submitted" }, select: { id: true } }),
    ),
  );
  const versions = consultation.versions.map((version, index) => ({
    ...version,
    hasComments: withComments[index] !== null,
  }));
  let version = versionNumber ? versions.find((candidate) => candidate.number === versionNumber) : undefined;
  if (versionNumber && !version) throw new DomainError(404, "No such version.");
  version ??= [...versions].reverse().find((candidate) => candidate.hasComments) ?? versions[versions.length - 1];
  if (!version) throw new DomainError(404, "This consultation has no version yet.");

  const [sections, paragraphs, organizations] = await Promise.all([
    prisma.section.findMany({
      where: { versionId: version.id },
      orderBy: { order: "asc" },
      select: { id: true, number: true, heading: true, level: true, order: true },
    }),
    prisma.paragraph.findMany({
      where: { versionId: version.id },
      orderBy: { order: "asc" },
      select: { id: true, key: true, number: true, order: true, sectionId: true },
    }),
    prisma.organization.findMany({ select: { id: true, name: true, kind: true } }),
  ]);
  const params = sectionParams(sections);
  return {
    consultation: { ...consultation, versions },
    version,
    sections: sections.map((section) => ({ ...section, param: params.get(section.id)! })),
    paragraphs,
    organizations,
  };
}

/**
 * The filters as a Prisma where clause and as the same condition in SQL
 * (for the per-day GROUP BY, which Prisma cannot express portably).
 * Relation filters are turned into id lists first — section → paragraph
 * ids, stakeholder group → organization ids — which keeps both forms
 * identical and lets the database use its indexes on Comment alone.
 */
export function feedbackWhere(scope: FeedbackScope, filters: FeedbackFilters) {
  const and: Prisma.CommentWhereInput[] = [{ versionId: scope.version.id, status: "submitted" }];
  const sql: Prisma.Sql[] = [Prisma.sql`c."versionId" = ${scope.version.id}`, Prisma.sql`c."status" = 'submitted'`];

  if (filters.section) {
    const section = scope.sections.find((candidate) => candidate.param === filters.section);
    const sectionIds = new Set(section ? sectionScope(scope.sections as OutlineSection[], section.id) : []);
    const paragraphIds = scope.paragraphs
      .filter((paragraph) => sectionIds.has(paragraph.sectionId))
      .map((paragraph) => paragraph.id);
    and.push({ paragraphId: { in: paragraphIds } });
    sql.push(
      paragraphIds.length > 0 ? Prisma.sql`c."paragraphId" IN (${Prisma.join(paragraphIds)})` : Prisma.sql`1 = 0`,
    );
  }
  if (filters.kind === "source") {
    and.push({ origin: "source" });
    sql.push(Prisma.sql`c."origin" = 'source'`);
  } else if (filters.kind) {
    const known = new Set<string>(FEEDBACK_KINDS);
    const organizationIds = scope.organizations
      .filter((organization) =>
        filters.kind === "other" ? !known.has(organization.kind) : organization.kind === filters.kind,
      )
      .map((organization) => organization.id);
    if (filters.kind === "other") {
      // Other: an organization of another kind (the secretariat's), or none at all.
      and.push(
        { origin: { not: "source" } },
        { OR: [{ organizationId: null }, { organizationId: { in: organizationIds } }] },
      );
      sql.push(
        Prisma.sql`c."origin" <> 'source'`,
        organizationIds.length > 0
          ? Prisma.sql`(c."organizationId" IS NULL OR c."organizationId" IN (${Prisma.join(organizationIds)}))`
          : Prisma.sql`c."organizationId" IS NULL`,
      );
    } else {
      and.push({ origin: { not: "source" } }, { organizationId: { in: organizationIds } });
      sql.push(
        Prisma.sql`c."origin" <> 'source'`,
        organizationIds.length > 0
          ? Prisma.sql`c."organizationId" IN (${Prisma.join(organizationIds)})`
          : Prisma.sql`1 = 0`,
      );
    }
  }
  if (filters.type) {
    and.push({ type: filters.type });
    sql.push(Prisma.sql`c."type" = ${filters.type}`);
  }
  // Comment.dispositionStatus is the disposition's status (a trigger keeps it), NULL while undecided.
  if (filters.status === "undecided") {
    and.push({ dispositionStatus: null });
    sql.push(Prisma.sql`c."dispositionStatus" IS NULL`);
  } else if (filters.status === "decided") {
    and.push({ dispositionStatus: { not: null } });
    sql.push(Prisma.sql`c."dispositionStatus" IS NOT NULL`);
  } else if (filters.status) {
    and.push({ dispositionStatus: filters.status });
    sql.push(Prisma.sql`c."dispositionStatus" = ${filters.status}`);
  }
  const like = databaseProvider() === "postgresql" ? Prisma.raw("ILIKE") : Prisma.raw("LIKE");
  const words = searchWords(filters.q);
  for (const word of words) {
    and.push({ OR: [{ bodyText: containsText(word) }, { proposedText: containsText(word) }] });
    const pattern = `%${word}%`;
    sql.push(Prisma.sql`(c."bodyText" ${like} ${pattern} OR c."proposedText" ${like} ${pattern})`);
  }
  if (filters.group) {
    // With the consultation, the (consultationId, duplicateGroupId, …) index
    // can find the group's few comments.
    and.push({ consultationId: scope.consultation.id, duplicateGroupId: filters.group });
    sql.push(Prisma.sql`c."duplicateGroupId" = ${filters.group}`);
  }
  return {
    where: { AND: and } satisfies Prisma.CommentWhereInput,
    sql: Prisma.join(sql, " AND "),
    /** How the view's rows are best read to count them (see {@link countFeedback}). */
    readOnce: filters.group ? ("group" as const) : words.length > 0 ? ("consultation" as const) : null,
  };
}

/** The dashboard's counts under the filters. */
export interface FeedbackCounts {
  byParagraph: Array<{ paragraphId: string | null; count: number }>;
  /** Per organization, origin and type, with how many are decided: stakeholder groups, types, the organization count and the progress bar. */
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
   * skips the thousands of one-comment groups ({@link listDuplicateGroups}
   * counts the candidates exactly).
   */
  groupCandidates: Array<{ groupId: string; count: number }>;
}

/** Candidates for the dashboard's largest groups (see {@link FeedbackCounts}). */
const GROUP_CANDIDATES = DASHBOARD_GROUPS * 2;

/**
 * A timestamp's day (UTC) as YYYY-MM-DD: Prisma stores SQLite DateTime as
 * ISO-8601 text in UTC, whose first ten characters are the date.
 */
function dayOf(column: Prisma.Sql) {
  return databaseProvider() === "postgresql"
    ? Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`
    : Prisma.sql`substr(${column}, 1, 10)`;
}

type CountValue = bigint | number;

/**
 * The counts as four GROUP BY queries, each answered by the Comment index
 * whose order is its GROUP BY (see prisma/schema.prisma): by paragraph,
 * by organization/origin/type, by day, by group. Raw SQL, because Prisma's
 * groupBy cannot count a column's non-null values (the decided comments) nor
 * group by day; the condition is the one feedbackWhere() builds next to the
 * Prisma where.
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
    // Submitted comments always have submittedAt; a NULL day (none) is dropped here rather than filtered in SQL, which would cost a test per row.
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
  const from =
    databaseProvider() === "sqlite"
      ? Prisma.sql`"Comment" c INDEXED BY ${Prisma.raw(`"${READ_ONCE_INDEX[through]}"`)}`
      : Prisma.sql`"Comment" c`;
  const rows = await prisma.$queryRaw<
    Array<{
      kind: "paragraph" | "organization" | "day" | "group";
      key1: string | null;
      key2: string | null;
      key3: string | null;
      count: CountValue;
      decided: CountValue;
    }>
  >`
    WITH v AS MATERIALIZED (
      SELECT c."paragraphId" AS p, c."organizationId" AS o, c."origin" AS og, c."type" AS t, ${dayOf(Prisma.sql`c."submittedAt"`)} AS d,
             c."dispositionStatus" AS s, c."duplicateGroupId" AS g, c."id" AS id
      FROM ${from}
      WHERE c."consultationId" = ${scope.consultation.id} AND ${condition}
    )
    SELECT 'paragraph' AS "kind", p AS "key1", NULL AS "key2", NULL AS "key3", COUNT(*) AS "count", 0 AS "decided" FROM v GROUP BY p
    UNION ALL SELECT 'organization', o, og, t, COUNT(*), COUNT(s) FROM v GROUP BY o, og, t
    UNION ALL SELECT 'day', d, NULL, NULL, COUNT(*), 0 FROM v GROUP BY d
    UNION ALL SELECT * FROM (
      SELECT 'group', g, NULL, NULL, COUNT(*), 0 FROM v WHERE g <> id GROUP BY g ORDER BY COUNT(*) DESC, g LIMIT ${GROUP_CANDIDATES}
    ) AS "largest"`;
  const counts: FeedbackCounts = { byParagraph: [], byOrganization: [], byDay: [], groupCandidates: [] };
  for (const row of rows) {
    const count = Number(row.count);
    if (row.kind === "paragraph") counts.byParagraph.push({ paragraphId: row.key1, count });
    else if (row.kind === "organization") {
      counts.byOrganization.push({
        organizationId: row.key1,
        origin: row.key2!,
        type: row.key3!,
        count,
        decided: Number(row.decided),
      });
    } else if (row.kind === "day") {
      if (row.key1 !== null) counts.byDay.push({ day: String(row.key1), count });
    } else counts.groupCandidates.push({ groupId: row.key1!, count });
  }
  // UNION ALL keeps each branch's rows together but promises no order: the candidates are sorted again.
  counts.groupCandidates.sort(
    (a, b) => b.count - a.count || (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0),
  );
  return counts;
}

/**
 * The dashboard's counts under the filters: from the indexes, or for a text
 * search or a near-duplicate group from one reading of the rows.
 * `oneScan` forces the choice (the tests check that both agree).
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

function countUngrouped(consultationId: string) {
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
async function ensureGrouped({
  actor,
  slug,
  consultationId,
  ip,
}: {
  actor: Actor;
  slug: string;
  consultationId: string;
  ip?: string | null;
}) {
  const ungrouped = await countUngrouped(consultationId);
  if (ungrouped === 0) return { regrouped: null, ungrouped };
  const submitted = await prisma.comment.count({ where: { consultationId, status: "submitted" } });
  if (submitted > AUTO_REGROUP_MAX_COMMENTS) return { regrouped: null, ungrouped };
  const { stats } = await regroupDuplicates({ actor, slug, ip, reason: "automatic" });
  return { regrouped: stats as DuplicateGroupingStats, ungrouped: 0 };
}

/** Everything the dashboard shows, for the secretariat. */
export async function getFeedbackDashboard({
  actor,
  slug,
  filters,
  ip,
  autoRegroup = true,
}: {
  actor: Actor;
  slug: string;
  filters: FeedbackFilters;
  ip?: string | null;
  /** Regroup first when ungrouped comments are found (bounded by {@link AUTO_REGROUP_MAX_COMMENTS}). */
  autoRegroup?: boolean;
}) {
  await assertConsolidator(actor, "feedback.read", ip);
  const scope = await loadFeedbackScope({ slug, versionNumber: filters.v });
  const consultationId = scope.consultation.id;

  const { regrouped, ungrouped } = autoRegroup
    ? await ensureGrouped({ actor, slug, consultationId, ip })
    : { regrouped: null, ungrouped: await countUngrouped(consultationId) };

  const { where, sql } = feedbackWhere(scope, filters);
  const { byParagraph, byOrganization, byDay, groupCandidates } = await countFeedback(scope, filters);

  const countByParagraph = new Map<string, number>();
  let total = 0;
  let withoutParagraph = 0;
  for (const row of byParagraph) {
    total += row.count;
    if (row.paragraphId) countByParagraph.set(row.paragraphId, row.count);
    else withoutParagraph += row.count;
  }
  const kindOf = new Map(scope.organizations.map((organization) => [organization.id, organization.kind]));
  const kinds = countByKind(byOrganization, kindOf);
  const typeCounts = new Map<string, number>();
  const organizationsSeen = new Set<string>();
  let decided = 0;
  for (const row of byOrganization) {
    typeCounts.set(row.type, (typeCounts.get(row.type) ?? 0) + row.count);
    decided += row.decided;
    if (row.organizationId) organizationsSeen.add(row.organizationId);
  }
  const types = (["general", "technical", "editorial"] as const).map((type) => ({
    type,
    count: typeCounts.get(type) ?? 0,
  }));

  const [groups, list] = await Promise.all([
    listDuplicateGroups({ scope, condition: sql, candidates: groupCandidates }),
    listFeedbackComments({
      consultationId,
      where,
      page: filters.page ?? 1,
      paragraphs: scope.paragraphs,
      countByParagraph,
      withoutParagraph,
    }),
  ]);

  return {
    consultation: scope.consultation,
    version: scope.version,
    sections: scope.sections,
    totals: {
      comments: total,
      organizations: organizationsSeen.size,
      paragraphs: countByParagraph.size,
      withoutParagraph,
    },
    heatMap: heatMap(scope.sections, scope.paragraphs, countByParagraph),
    kinds,
    types,
    series: timeSeries(byDay),
    // The view's progress: the whole version without filters, the filtered comments with them.
    progress: { decided, total, filtered: hasActiveFilters(filters) },
    groups,
    duplicates: { ungrouped, regrouped, autoLimit: AUTO_REGROUP_MAX_COMMENTS },
    list,
  };
}

/**
 * One page of comments in document order (paragraph order, then id),
 * without asking the database to sort them all: the counts per paragraph
 * (already known) tell which paragraphs the page spans, and only those are
 * read — the first and last partially, by id. Comments without a paragraph
 * come last.
 */
export async function pageInDocumentOrder<S extends Prisma.CommentSelect>({
  where,
  paragraphs,
  countByParagraph,
  withoutParagraph,
  offset,
  limit,
  select,
}: {
  where: Prisma.CommentWhereInput;
  paragraphs: ReadonlyArray<{ id: string }>;
  countByParagraph: ReadonlyMap<string, number>;
  withoutParagraph: number;
  offset: number;
  limit: number;
  select: S;
}) {
  // The page's window: [paragraph id or null, comments to skip in it, comments to take from it].
  const window: Array<{ paragraphId: string | null; skip: number; take: number; all: boolean }> = [];
  let seen = 0;
  const entries: Array<[string | null, number]> = [
    ...paragraphs.map((paragraph) => [paragraph.id, countByParagraph.get(paragraph.id) ?? 0] as [string, number]),
    [null, withoutParagraph],
  ];
  for (const [paragraphId, count] of entries) {
    if (count === 0) continue;
    if (seen + count <= offset) {
      seen += count;
      continue;
    }
    const skip = Math.max(0, offset - seen);
    const take = Math.min(count - skip, offset + limit - Math.max(seen, offset));
    window.push({ paragraphId, skip, take, all: skip === 0 && take === count });
    seen += count;
    if (seen >= offset + limit) break;
  }
  const whole = window.filter((part) => part.all && part.paragraphId !== null).map((part) => part.paragraphId!);
  const partial = window.filter((part) => !part.all || part.paragraphId === null);
  const [bulk, ...parts] = await Promise.all([
    whole.length > 0
      ? prisma.comment.findMany({ where: { AND: [where, { paragraphId: { in: whole } }] }, select })
      : Promise.resolve([]),
    ...partial.map((part) =>
      prisma.comment.findMany({
        where: { AND: [where, { paragraphId: part.paragraphId }] },
        orderBy: { id: "asc" },
        skip: part.skip,
        take: part.take,
        select,
      }),
    ),
  ]);
  const rank = new Map<string | null, number>(window.map((part, index) => [part.paragraphId, index]));
  type Row = Prisma.CommentGetPayload<{ select: S }>;
  const rows = [...bulk, ...parts.flat()] as unknown as Array<Row & { id: string; paragraphId?: string | null }>;
  const paragraphOf = (row: { paragraphId?: string | null; paragraph?: unknown }) => row.paragraphId ?? null;
  return rows.sort(
    (a, b) =>
      (rank.get(paragraphOf(a)) ?? 0) - (rank.get(paragraphOf(b)) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

const listSelect = {
  id: true,
  type: true,
  bodyHtml: true,
  bodyText: true,
  proposedText: true,
  quote: true,
  origin: true,
  sourceAttribution: true,
  submittedAt: true,
  duplicateGroupId: true,
  paragraph: { select: { key: true, number: true } },
  organization: { select: { name: true, kind: true } },
  disposition: {
    select: { status: true, response: true, decidedAt: true, decidedById: true },
  },
} satisfies Prisma.CommentSelect;

/** One page of the filtered comments, in document order. */
export async function listFeedbackComments({
  consultationId,
  where,
  page,
  paragraphs,
  countByParagraph,
  withoutParagraph,
}: {
  consultationId: string;
  where: Prisma.CommentWhereInput;
  page: number;
  paragraphs: ReadonlyArray<{ id: string }>;
  countByParagraph: ReadonlyMap<string, number>;
  withoutParagraph: number;
}) {
  const rows = await pageInDocumentOrder({
    where,
    paragraphs,
    countByParagraph,
    withoutParagraph,
    offset: (page - 1) * FEEDBACK_PAGE_SIZE,
    limit: FEEDBACK_PAGE_SIZE,
    select: { ...listSelect, paragraphId: true },
  });
  const comments = rows.map(({ paragraphId: _paragraphId, ...comment }) => comment);
  // Size of each group met on this page, for the "near-identical to n others" badge.
  const groupIds = [
    ...new Set(comments.map((comment) => comment.duplicateGroupId).filter((id): id is string => id !== null)),
  ];
  const sizes = groupIds.length
    ? await prisma.comment.groupBy({
        by: ["duplicateGroupId"],
        // The consultation lets the (consultationId, duplicateGroupId, status) index answer alone.
        where: { consultationId, duplicateGroupId: { in: groupIds }, status: "submitted" },
        _count: { _all: true },
      })
    : [];
  const groupSizes = Object.fromEntries(sizes.map((row) => [row.duplicateGroupId!, row._count._all])) as Record<
    string,
    number
  >;
  return { page, pageSize: FEEDBACK_PAGE_SIZE, comments: await withDeciders(comments), groupSizes };
}

/** Adds the name of whoever decided each disposition (one query for the page). */
async function withDeciders<T extends { disposition: { decidedById: string | null } | null }>(comments: T[]) {
  const ids = [...new Set(comments.map((comment) => comment.disposition?.decidedById).filter(Boolean))] as string[];
  const users =
    ids.length > 0 ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((user) => [user.id, user.name]));
  return comments.map((comment) => ({
    ...comment,
    disposition: comment.disposition
      ? {
          ...comment.disposition,
          decidedBy: comment.disposition.decidedById ? (names.get(comment.disposition.decidedById) ?? null) : null,
        }
      : null,
  }));
}

/**
 * The largest near-duplicate groups among the filtered comments, with the
 * group's size in the whole consultation, how many of its comments are
 * decided, and the text of its first comment. The candidates count each
 * group's comments in view but its first; whether the first is in view too
 * is one lookup by id for all of them.
 */
async function listDuplicateGroups({
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
    .sort((a, b) => b.inView - a.inView || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, DASHBOARD_GROUPS);
  if (rows.length === 0) return [];
  const groupIds = rows.map((row) => row.id);
  const [sizes, firsts] = await Promise.all([
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
      },
    }),
  ]);
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
  actor: Actor;
  slug: string;
  ip?: string | null;
  reason?: "requested" | "automatic";
}) {
  await assertConsolidator(actor, "feedback.regroup", ip);
  const consultation = await prisma.consultation.findUnique({ where: { slug }, select: { id: true } });
  if (!consultation) throw new DomainError(404, "No such consultation.");
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

  // Portable SQL: no Prisma form sets a column from another column (a
  // comment alone is its own group) or many rows to different values at once.
  // Ids in order, so that each statement rewrites neighbouring table pages.
  singletons.sort();
  members.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let written = 0;
  for (let start = 0; start < singletons.length; start += REGROUP_WRITE_CHUNK) {
    const chunk = singletons.slice(start, start + REGROUP_WRITE_CHUNK);
    written +=
      await prisma.$executeRaw`UPDATE "Comment" SET "duplicateGroupId" = "id" WHERE "id" IN (${Prisma.join(chunk)})`;
  }
  for (let start = 0; start < members.length; start += REGROUP_WRITE_CHUNK / 2) {
    const chunk = members.slice(start, start + REGROUP_WRITE_CHUNK / 2);
    const cases = Prisma.join(
      chunk.map(([id, groupId]) => Prisma.sql`WHEN ${id} THEN ${groupId}`),
      " ",
    );
    written +=
      await prisma.$executeRaw`UPDATE "Comment" SET "duplicateGroupId" = CASE "id" ${cases} END WHERE "id" IN (${Prisma.join(chunk.map(([id]) => id))})`;
  }

  const ms = Math.round(performance.now() - started);
  await recordAuditEvent({
    actorId: actor!.id,
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
 * A paragraph's feedback page: the paragraph, its submitted comments (the
 * first {@link PARAGRAPH_COMMENTS_LIMIT} in order), and the same comments in
 * the shape the HLEG-style summary reads.
 */
export async function getParagraphFeedback({
  actor,
  slug,
  versionNumber,
  paragraphKey,
  ip,
}: {
  actor: Actor;
  slug: string;
  versionNumber?: number;
  paragraphKey: string;
  ip?: string | null;
}) {
  await assertConsolidator(actor, "feedback.read", ip);
  const scope = await loadFeedbackScope({ slug, versionNumber });
  // The summary reports campaigns: group new comments first (bounded, as on the dashboard).
  await ensureGrouped({ actor, slug, consultationId: scope.consultation.id, ip });
  const paragraph = await prisma.paragraph.findUnique({
    where: { versionId_key: { versionId: scope.version.id, key: paragraphKey } },
    select: { id: true, key: true, number: true, text: true, section: { select: { number: true, heading: true } } },
  });
  if (!paragraph) throw new DomainError(404, "No such paragraph in this version.");
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
