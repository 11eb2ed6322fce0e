/**
 * The dashboard's filters as they appear in its URL (a GET form), so a
 * filtered view can be bookmarked and shared:
 * `/consultations/gca-guidelines/feedback?v=1&section=2&kind=member_state&type=technical&status=undecided&q=regional`.
 * Unknown or malformed values are dropped, never an error.
 */
import { z } from "zod";

import { COMMENT_TYPES } from "~/lib/comment-types";
import { COMMENT_LANGUAGES } from "~/lib/editions";

import { DISPOSITION_STATUSES } from "./iso-table";

/** Stakeholder groups of the dashboard; "source" is comments recorded in a source document. */
export const FEEDBACK_KINDS = [
  "member_state",
  "sector_member",
  "academia",
  "civil_society",
  "international_organization",
  "source",
  "other",
] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** The comment types a filter offers: the one list (app/lib/comment-types). */
export const FEEDBACK_TYPES = COMMENT_TYPES;

/** Disposition filter: none yet, any decision, or one status. */
export const DISPOSITION_FILTERS = ["undecided", "decided", ...DISPOSITION_STATUSES] as const;
export type DispositionFilter = (typeof DISPOSITION_FILTERS)[number];

/** Longest search text accepted. */
export const MAX_SEARCH_CHARS = 200;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((value) => ((values as readonly string[]).includes(value ?? "") ? (value as T[number]) : undefined));

export const FeedbackFiltersSchema = z.object({
  /** Version number; default: the version that has comments (see the model). */
  v: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  /** A section's number ("2") or "s<order>" for an unnumbered one. */
  section: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((value) => value || undefined)
    .catch(undefined),
  kind: optionalEnum(FEEDBACK_KINDS).catch(undefined),
  type: optionalEnum(FEEDBACK_TYPES).catch(undefined),
  status: optionalEnum(DISPOSITION_FILTERS).catch(undefined),
  /** The language a comment is written in ("en" includes comments from before languages were recorded). */
  lang: optionalEnum(COMMENT_LANGUAGES).catch(undefined),
  q: z
    .string()
    .optional()
    .transform((value) => value?.replace(/\s+/g, " ").trim().slice(0, MAX_SEARCH_CHARS) || undefined)
    .catch(undefined),
  /** A near-duplicate group (its first comment's id). */
  group: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type FeedbackFilters = z.infer<typeof FeedbackFiltersSchema>;

/** Filters from a URL's query string. */
export function parseFeedbackFilters(search: URLSearchParams): FeedbackFilters {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(FeedbackFiltersSchema.shape)) {
    const value = search.get(key);
    if (value !== null) raw[key] = value;
  }
  return FeedbackFiltersSchema.parse(raw);
}

/** The query string of a set of filters, in a fixed order, without empty ones. */
export function feedbackSearch(
  filters: FeedbackFilters,
  overrides: Partial<Record<keyof FeedbackFilters, string | number | undefined>> = {},
): string {
  const merged: Record<string, string | number | undefined> = { ...filters, ...overrides };
  const params = new URLSearchParams();
  for (const key of Object.keys(FeedbackFiltersSchema.shape)) {
    const value = merged[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Whether any filter narrows the comments (the version and page do not). */
export function hasActiveFilters(filters: FeedbackFilters): boolean {
  return Boolean(
    filters.section || filters.kind || filters.type || filters.status || filters.lang || filters.q || filters.group,
  );
}

/**
 * Each section's value in the `section` filter: its number ("2") when no
 * other section of the version has that number, else "s<order>".
 */
export function sectionParams(
  sections: ReadonlyArray<{ id: string; number: string | null; order: number }>,
): Map<string, string> {
  const counts = new Map<string, number>();
  for (const section of sections) if (section.number) counts.set(section.number, (counts.get(section.number) ?? 0) + 1);
  return new Map(
    sections.map((section) => [
      section.id,
      section.number && counts.get(section.number) === 1 ? section.number : `s${section.order}`,
    ]),
  );
}

/**
 * The query string to come back to after a form, from its `returnTo` field:
 * only the dashboard's own filters survive (anything else is dropped), plus
 * `extra` (e.g. the notice to show).
 */
export function returnSearch(value: unknown, extra: Record<string, string | number> = {}): string {
  const raw = typeof value === "string" && value.startsWith("?") && value.length < 2_000 ? value : "";
  const search = new URLSearchParams(feedbackSearch(parseFeedbackFilters(new URLSearchParams(raw))).slice(1));
  for (const [key, item] of Object.entries(extra)) search.set(key, String(item));
  const text = search.toString();
  return text ? `?${text}` : "";
}
