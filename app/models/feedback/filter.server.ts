/**
 * The dashboard's filter description (app/lib/feedback/filter-condition.ts)
 * compiled to its two forms: a Prisma `where` for the list and the exports,
 * and the same condition in SQL for the GROUP BY counts, which Prisma cannot
 * express portably. One description, two compilers: the forms agree by
 * construction (tests/integration/feedback.test.ts checks it on the data).
 */
import { Prisma } from "~/generated/prisma/client";
import {
  describeFeedbackFilter,
  type CommentCondition,
  type FeedbackFilterScope,
  type FeedbackFilters,
} from "~/lib/feedback";
import { caseInsensitiveLike, containsInsensitive } from "~/utils/sql-dialect.server";

/** One condition as a Prisma where clause. */
function conditionWhere(condition: CommentCondition): Prisma.CommentWhereInput {
  switch (condition.kind) {
    case "equals":
      return { [condition.column]: condition.value };
    case "notEquals":
      return { [condition.column]: { not: condition.value } };
    case "in":
      return { [condition.column]: { in: [...condition.values] } };
    case "isNull":
      return { [condition.column]: null };
    case "isNotNull":
      return { [condition.column]: { not: null } };
    case "contains":
      return { [condition.column]: containsInsensitive(condition.text) };
    case "anyOf":
      return { OR: condition.conditions.map(conditionWhere) };
  }
}

/** The conditions as a Prisma where clause (all of them). */
export function conditionsWhere(conditions: readonly CommentCondition[]): Prisma.CommentWhereInput {
  return { AND: conditions.map(conditionWhere) };
}

/** One condition in SQL, on the Comment table aliased `c`. Values are parameters, never spliced. */
function conditionSql(condition: CommentCondition): Prisma.Sql {
  if (condition.kind === "anyOf") {
    if (condition.conditions.length === 0) return Prisma.sql`1 = 0`;
    return Prisma.sql`(${Prisma.join(condition.conditions.map(conditionSql), " OR ")})`;
  }
  const column = Prisma.raw(`c."${condition.column}"`);
  switch (condition.kind) {
    case "equals":
      return Prisma.sql`${column} = ${condition.value}`;
    case "notEquals":
      return Prisma.sql`${column} <> ${condition.value}`;
    case "in":
      return condition.values.length > 0
        ? Prisma.sql`${column} IN (${Prisma.join([...condition.values])})`
        : Prisma.sql`1 = 0`;
    case "isNull":
      return Prisma.sql`${column} IS NULL`;
    case "isNotNull":
      return Prisma.sql`${column} IS NOT NULL`;
    case "contains":
      return Prisma.sql`${column} ${caseInsensitiveLike()} ${`%${condition.text}%`}`;
  }
}

/** The conditions in SQL (all of them), on the Comment table aliased `c`. */
export function conditionsSql(conditions: readonly CommentCondition[]): Prisma.Sql {
  return Prisma.join(conditions.map(conditionSql), " AND ");
}

/**
 * The filters as a Prisma where clause and as the same condition in SQL,
 * from one description, with how the view's rows are best read to count
 * them (see countFeedback in app/models/feedback/counts.server.ts).
 */
export function feedbackWhere(scope: FeedbackFilterScopeSource, filters: FeedbackFilters) {
  const { conditions, readOnce } = describeFeedbackFilter(filterScope(scope), filters);
  return {
    where: conditionsWhere(conditions) satisfies Prisma.CommentWhereInput,
    sql: conditionsSql(conditions),
    readOnce,
  };
}

/** What feedbackWhere reads of a FeedbackScope. */
export interface FeedbackFilterScopeSource {
  consultation: { id: string };
  version: { id: string };
  sections: FeedbackFilterScope["sections"];
  paragraphs: FeedbackFilterScope["paragraphs"];
  organizations: FeedbackFilterScope["organizations"];
}

function filterScope(scope: FeedbackFilterScopeSource): FeedbackFilterScope {
  return {
    consultationId: scope.consultation.id,
    versionId: scope.version.id,
    sections: scope.sections,
    paragraphs: scope.paragraphs,
    organizations: scope.organizations,
  };
}
