/**
 * The dashboard's filters as one description of which comments they keep:
 * a list of conditions on Comment's own columns, all of which must hold.
 * The models compile it to a Prisma `where` and to the same condition in
 * SQL (app/models/feedback/filter.server.ts), so the two forms cannot drift
 * apart; an integration test checks that both select the same comments.
 *
 * Relation filters are turned into id lists here — section → paragraph ids,
 * stakeholder group → organization ids — which keeps both forms identical
 * and lets the database answer from its indexes on Comment alone.
 */
import { sectionScope, type OutlineSection } from "./aggregate";
import { FEEDBACK_KINDS, type FeedbackFilters } from "./filters";

/** The Comment columns a filter may test. */
export type CommentColumn =
  | "versionId"
  | "consultationId"
  | "status"
  | "paragraphId"
  | "organizationId"
  | "origin"
  | "type"
  | "language"
  | "dispositionStatus"
  | "duplicateGroupId"
  | "bodyText"
  | "proposedText";

/** One condition on a comment. `notEquals` is only used on columns that are never NULL. */
export type CommentCondition =
  | { kind: "equals"; column: CommentColumn; value: string }
  | { kind: "notEquals"; column: CommentColumn; value: string }
  /** An empty list matches nothing. */
  | { kind: "in"; column: CommentColumn; values: readonly string[] }
  | { kind: "isNull"; column: CommentColumn }
  | { kind: "isNotNull"; column: CommentColumn }
  /** Case-insensitive substring (for ASCII letters on SQLite, fully on PostgreSQL). */
  | { kind: "contains"; column: "bodyText" | "proposedText"; text: string }
  /** At least one of the conditions. */
  | { kind: "anyOf"; conditions: readonly CommentCondition[] };

/** What the filters need to know of the version: its outline and the organizations. */
export interface FeedbackFilterScope {
  consultationId: string;
  versionId: string;
  sections: ReadonlyArray<OutlineSection & { param: string }>;
  paragraphs: ReadonlyArray<{ id: string; sectionId: string }>;
  organizations: ReadonlyArray<{ id: string; kind: string }>;
}

/** The conditions of a view, and how its rows are best read to count them. */
export interface FeedbackFilterDescription {
  conditions: CommentCondition[];
  /**
   * `group`: one near-duplicate group (few rows, found by the group index);
   * `consultation`: a text search, which must read every row's text; null:
   * the dashboard indexes answer alone.
   */
  readOnce: "group" | "consultation" | null;
}

/** Most words of a search that are matched (more are ignored). */
export const MAX_SEARCH_WORDS = 8;

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
    .slice(0, MAX_SEARCH_WORDS);
}

/**
 * The submitted comments of the scope's version that the filters keep.
 * Conditions lead with `versionId` and `status`, the first columns of the
 * dashboard's Comment indexes; `consultationId` is added only for a
 * near-duplicate group, whose (consultationId, duplicateGroupId, …) index
 * then finds the group's few comments.
 */
export function describeFeedbackFilter(
  scope: FeedbackFilterScope,
  filters: FeedbackFilters,
): FeedbackFilterDescription {
  const conditions: CommentCondition[] = [
    { kind: "equals", column: "versionId", value: scope.versionId },
    { kind: "equals", column: "status", value: "submitted" },
  ];

  if (filters.section) {
    const section = scope.sections.find((candidate) => candidate.param === filters.section);
    const sectionIds = new Set(section ? sectionScope(scope.sections, section.id) : []);
    const paragraphIds = scope.paragraphs
      .filter((paragraph) => sectionIds.has(paragraph.sectionId))
      .map((paragraph) => paragraph.id);
    conditions.push({ kind: "in", column: "paragraphId", values: paragraphIds });
  }

  if (filters.kind === "source") {
    conditions.push({ kind: "equals", column: "origin", value: "source" });
  } else if (filters.kind) {
    const known = new Set<string>(FEEDBACK_KINDS);
    const kind = filters.kind;
    const organizationIds = scope.organizations
      .filter((organization) => (kind === "other" ? !known.has(organization.kind) : organization.kind === kind))
      .map((organization) => organization.id);
    conditions.push({ kind: "notEquals", column: "origin", value: "source" });
    conditions.push(
      kind === "other"
        ? // Other: an organization of another kind (the secretariat's), or none at all.
          {
            kind: "anyOf",
            conditions: [
              { kind: "isNull", column: "organizationId" },
              { kind: "in", column: "organizationId", values: organizationIds },
            ],
          }
        : { kind: "in", column: "organizationId", values: organizationIds },
    );
  }

  if (filters.type) conditions.push({ kind: "equals", column: "type", value: filters.type });

  // Comments from before languages were recorded (NULL) are on the English original.
  if (filters.lang === "en") {
    conditions.push({
      kind: "anyOf",
      conditions: [
        { kind: "equals", column: "language", value: "en" },
        { kind: "isNull", column: "language" },
      ],
    });
  } else if (filters.lang) conditions.push({ kind: "equals", column: "language", value: filters.lang });

  // Comment.dispositionStatus is the disposition's status (a trigger keeps it), NULL while undecided.
  if (filters.status === "undecided") conditions.push({ kind: "isNull", column: "dispositionStatus" });
  else if (filters.status === "decided") conditions.push({ kind: "isNotNull", column: "dispositionStatus" });
  else if (filters.status) conditions.push({ kind: "equals", column: "dispositionStatus", value: filters.status });

  const words = searchWords(filters.q);
  for (const text of words) {
    conditions.push({
      kind: "anyOf",
      conditions: [
        { kind: "contains", column: "bodyText", text },
        { kind: "contains", column: "proposedText", text },
      ],
    });
  }

  if (filters.group) {
    conditions.push(
      { kind: "equals", column: "consultationId", value: scope.consultationId },
      { kind: "equals", column: "duplicateGroupId", value: filters.group },
    );
  }

  return { conditions, readOnce: filters.group ? "group" : words.length > 0 ? "consultation" : null };
}
