/**
 * Comparison of two published versions of a consultation: tracked changes
 * that understand paragraphs, with the comments that were made on the old
 * paragraphs and whether their proposed text was adopted.
 *
 * The computation is the pure `compareVersions` (app/lib/compare), run off
 * the event loop (app/models/comparison-worker.server.ts), once per pair of
 * versions: the result is stored in ComparisonCache and shared by every app
 * instance; inside one process, concurrent requests for the same pair wait
 * for the same computation.
 */
import type { Prisma } from "~/generated/prisma/client";
import {
  emptyCounts,
  proposedTextAdoption,
  type AdoptionLevel,
  type AlignmentKind,
  type ChangeCounts,
  type WordChange,
} from "~/lib/compare";
import { sanitizeRichTextHtml } from "~/lib/richtext";
import { PUBLISHED_VERSION_STATUSES } from "~/lib/version-status";
import { visibleCommentsWhere, type Actor } from "~/models/comment.server";
import { computeAndStore, computeComparisonOffThread, type CachedComparison } from "~/models/comparison-worker.server";
import { prisma } from "~/utils/db.server";
import { logger } from "~/utils/logger.server";

export { loadParagraphsForComparison } from "~/models/comparison-worker.server";

/**
 * Identifies the comparison code in ComparisonCache rows. Change it whenever
 * the output of `compareVersions` or of `comparisonPayload` changes (new
 * thresholds, a different cleanup rule, new fields): old rows are then
 * ignored and recomputed on demand.
 */
export const COMPARISON_ALGORITHM = "structure-1";

/**
 * At most this many comments are listed under one change; the rest are a
 * link to the paragraph's comment panel. A mass campaign can put thousands
 * of comments on one paragraph, and the comparison is about the text.
 */
export const MAX_COMMENTS_PER_ROW = 25;

/** A paragraph as a comparison row shows it. */
export interface RowParagraph {
  key: string;
  number: string | null;
}

/** A comment made on an old paragraph, as listed under its change. */
export interface CarriedComment {
  id: string;
  type: string;
  status: string;
  organization: string | null;
  /** Set for comments recorded in a source document instead of by an organization. */
  sourceAttribution: string | null;
  /** Sanitized HTML. */
  bodyHtml: string;
  proposedText: string | null;
  quote: string | null;
  /** The old paragraph it was made on. */
  paragraph: RowParagraph;
  submittedAt: Date | null;
  /** Whether the proposed text made it into the new version; null without proposed text. */
  adoption: AdoptionLevel | null;
}

/** One change (or unchanged paragraph) of the comparison page. */
export interface ComparisonRowView {
  /** Element id of the row (`ch-<new key>`, or `ch-old-<old key>` for a deletion). */
  anchor: string;
  kind: AlignmentKind;
  moved: boolean;
  renumbered: boolean;
  similarity: number;
  old: RowParagraph[];
  new: RowParagraph[];
  changes: WordChange[];
  /** Anything but an unchanged paragraph in its place. */
  isChange: boolean;
  /** Element id of the row's comments (`c-<first old key>`), or null without old paragraphs. */
  commentsAnchor: string | null;
  /** Ids for the other old paragraphs of a merge, so `#c-<key>` works for each. */
  extraCommentAnchors: string[];
  /** Visible comments on the old paragraphs (at most {@link MAX_COMMENTS_PER_ROW}). */
  comments: CarriedComment[];
  /** All visible comments on the old paragraphs. */
  commentCount: number;
}

/** Rows under one section heading. */
export interface ComparisonGroup {
  /** Element id of the heading. */
  id: string;
  number: string | null;
  heading: string | null;
  /** The old version's heading when the section exists in both and was retitled. */
  formerHeading: string | null;
  counts: ChangeCounts;
  rows: ComparisonRowView[];
}

/** Counts of one section (all its rows, wherever they appear), for the summary table. */
export interface ComparisonSectionSummary {
  /** Element id of the section's first heading on the page. */
  groupId: string;
  number: string | null;
  heading: string | null;
  counts: ChangeCounts;
}

/** A version as the comparison page names it. */
export interface ComparedVersion {
  id: string;
  number: number;
  label: string;
  status: string;
  publishedAt: Date | null;
}

/**
 * What the page needs of each version. A function, not a constant: the
 * imports go round (this module → consultation.server.ts → version.server.ts
 * → this module), so nothing imported may be read while modules load.
 */
function versionSelect() {
  return {
    id: true,
    number: true,
    label: true,
    status: true,
    publishedAt: true,
    document: { select: { title: true } },
    consultation: {
      select: {
        id: true,
        slug: true,
        title: true,
        commentsVisibility: true,
        commentsPublishedAt: true,
        versions: {
          where: { status: { in: [...PUBLISHED_VERSION_STATUSES] } },
          orderBy: { number: "asc" },
          select: { number: true, label: true, status: true },
        },
      },
    },
  } satisfies Prisma.VersionSelect;
}

/** Both published versions of a comparison, or null if either is unknown or unpublished. */
async function loadVersionPair({ slug, from, to }: { slug: string; from: number; to: number }) {
  const versions = await prisma.version.findMany({
    where: {
      number: { in: [from, to] },
      status: { in: [...PUBLISHED_VERSION_STATUSES] },
      consultation: { slug, status: { not: "draft" } },
    },
    select: versionSelect(),
  });
  const fromVersion = versions.find((version) => version.number === from);
  const toVersion = versions.find((version) => version.number === to);
  if (!fromVersion || !toVersion) return null;
  return { fromVersion, toVersion };
}

const inflight = new Map<string, Promise<string>>();

/**
 * The comparison of two versions (by id), from the cache or computed once
 * and stored. Concurrent calls for the same pair in this process share one
 * computation.
 */
export async function cachedComparison({ fromVersionId, toVersionId }: { fromVersionId: string; toVersionId: string }) {
  const where = { fromVersionId, toVersionId, algorithm: COMPARISON_ALGORITHM };
  const cached = await prisma.comparisonCache.findUnique({
    where: { fromVersionId_toVersionId_algorithm: where },
    select: { result: true },
  });
  if (cached) {
    await yieldToEventLoop();
    return JSON.parse(cached.result) as CachedComparison;
  }

  const id = `${fromVersionId}:${toVersionId}:${COMPARISON_ALGORITHM}`;
  let computation = inflight.get(id);
  if (!computation) {
    computation = computeComparisonOffThread(where).finally(() => inflight.delete(id));
    inflight.set(id, computation);
  }
  const json = await computation;
  await yieldToEventLoop();
  return JSON.parse(json) as CachedComparison;
}

/**
 * Lets other requests run between the slices of a large page (a database
 * read, a JSON.parse of megabytes, building thousands of rows): the
 * synchronous SQLite driver and each of these steps would otherwise add up
 * to one long stall.
 */
function yieldToEventLoop() {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/** Rows built between two yields to the event loop. */
const ROWS_PER_SLICE = 1000;

/**
 * Computes and stores the comparison of a new version with its predecessor
 * right after an import, so that the comparison readers open first is
 * already in the cache. Runs on the calling thread (imports run from the
 * command line and the seed); a failure only means it is computed on first
 * view instead.
 */
export async function warmComparisonCache({
  fromVersionId,
  toVersionId,
}: {
  fromVersionId: string;
  toVersionId: string;
}) {
  try {
    const exists = await prisma.comparisonCache.findUnique({
      where: { fromVersionId_toVersionId_algorithm: { fromVersionId, toVersionId, algorithm: COMPARISON_ALGORITHM } },
      select: { id: true },
    });
    if (!exists) await computeAndStore({ fromVersionId, toVersionId, algorithm: COMPARISON_ALGORITHM });
  } catch (error) {
    logger.warn("could not precompute a comparison", { error: error instanceof Error ? error.message : String(error) });
  }
}

/** Texts of the old and the new side of a row, per paragraph, from its word changes. */
function rowTexts(changes: readonly WordChange[]) {
  let before = "";
  let after = "";
  for (const change of changes) {
    if (change.type !== "insert") before += change.text;
    if (change.type !== "delete") after += change.text;
  }
  // Paragraph texts have their whitespace collapsed, so a blank line only
  // ever separates the joined paragraphs of a split or merge.
  return { oldTexts: before.split("\n\n"), newText: after };
}

async function loadCarriedComments({
  actor,
  versionId,
  consultation,
}: {
  actor: Actor;
  versionId: string;
  consultation: { id: string; commentsVisibility: string; commentsPublishedAt: Date | null };
}) {
  const comments = await prisma.comment.findMany({
    where: {
      AND: [
        visibleCommentsWhere(actor, consultation),
        { versionId, paragraphId: { not: null }, status: { not: "withdrawn" } },
      ],
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      type: true,
      status: true,
      bodyHtml: true,
      proposedText: true,
      quote: true,
      sourceAttribution: true,
      submittedAt: true,
      organization: { select: { name: true } },
      paragraph: { select: { key: true, number: true } },
    },
  });
  const byKey = new Map<string, typeof comments>();
  for (const comment of comments) {
    if (!comment.paragraph) continue;
    const list = byKey.get(comment.paragraph.key) ?? [];
    list.push(comment);
    byKey.set(comment.paragraph.key, list);
  }
  return byKey;
}

/** Parses a `a...b` range ("1...2"); null when it is not one. */
export function parseVersionRange(range: string | undefined): { from: number; to: number } | null {
  const match = /^([1-9]\d{0,5})\.\.\.([1-9]\d{0,5})$/.exec(range ?? "");
  if (!match) return null;
  return { from: Number(match[1]), to: Number(match[2]) };
}

/**
 * Everything the comparison page (and its exports) show: the two versions,
 * the rows grouped by section with per-section counts, and — when `actor`
 * is given — the comments the actor may see on the old paragraphs, with the
 * adoption verdict of their proposed text. `a` is `from`, `b` is `to`: either
 * order works (2...1 shows what going back would change). Null when the
 * consultation or either version does not exist or is not published.
 */
export async function getComparison({
  slug,
  from,
  to,
  actor,
  withComments = true,
}: {
  slug: string;
  from: number;
  to: number;
  actor: Actor;
  withComments?: boolean;
}) {
  const pair = await loadVersionPair({ slug, from, to });
  if (!pair) return null;
  const { fromVersion, toVersion } = pair;
  const [comparison, comments] = await Promise.all([
    cachedComparison({ fromVersionId: fromVersion.id, toVersionId: toVersion.id }),
    withComments
      ? loadCarriedComments({ actor, versionId: fromVersion.id, consultation: fromVersion.consultation })
      : Promise.resolve(new Map<string, never[]>()),
  ]);

  const headings = new Map<
    string,
    { old?: { number: string | null; heading: string | null }; new?: { number: string | null; heading: string | null } }
  >();
  for (const summary of comparison.sections) {
    const entry = headings.get(summary.section ?? "") ?? {};
    entry[summary.version] = { number: summary.number, heading: summary.heading };
    headings.set(summary.section ?? "", entry);
  }

  const groups: ComparisonGroup[] = [];
  const summary = new Map<string, ComparisonSectionSummary>();
  let currentSection: string | null = null;
  for (const [index, row] of comparison.rows.entries()) {
    if (index > 0 && index % ROWS_PER_SLICE === 0) await yieldToEventLoop();
    const section = comparison.rowSections[index] ?? "";
    if (groups.length === 0 || section !== currentSection) {
      const names = headings.get(section) ?? {};
      const shown = names.new ?? names.old;
      const retitled = names.new && names.old?.heading && names.old.heading !== names.new.heading;
      groups.push({
        id: `s-${groups.length + 1}`,
        number: shown?.number ?? null,
        heading: shown?.heading ?? null,
        formerHeading: retitled ? names.old!.heading : null,
        counts: emptyCounts(),
        rows: [],
      });
      currentSection = section;
    }
    const group = groups[groups.length - 1];
    let sectionSummary = summary.get(section);
    if (!sectionSummary) {
      sectionSummary = { groupId: group.id, number: group.number, heading: group.heading, counts: emptyCounts() };
      summary.set(section, sectionSummary);
    }
    const old = row.old.map(({ key, number }) => ({ key, number }));
    const carried: CarriedComment[] = [];
    let commentCount = 0;
    if (old.length > 0 && comments.size > 0) {
      let texts: ReturnType<typeof rowTexts> | null = null;
      old.forEach((paragraph, position) => {
        for (const comment of comments.get(paragraph.key) ?? []) {
          texts ??= rowTexts(row.changes);
          const { oldTexts, newText } = texts;
          commentCount++;
          if (carried.length >= MAX_COMMENTS_PER_ROW) continue;
          carried.push({
            id: comment.id,
            type: comment.type,
            status: comment.status,
            organization: comment.organization?.name ?? null,
            sourceAttribution: comment.sourceAttribution,
            bodyHtml: sanitizeRichTextHtml(comment.bodyHtml),
            proposedText: comment.proposedText,
            quote: comment.quote,
            paragraph,
            submittedAt: comment.submittedAt,
            adoption: comment.proposedText
              ? proposedTextAdoption({
                  original: comment.quote ?? oldTexts[position] ?? oldTexts.join(" "),
                  proposed: comment.proposedText,
                  revised: newText,
                }).level
              : null,
          });
        }
      });
    }
    const isChange = row.kind !== "unchanged" || row.moved;
    const view: ComparisonRowView = {
      anchor: row.new.length > 0 ? `ch-${row.new[0].key}` : `ch-old-${row.old[0].key}`,
      kind: row.kind,
      moved: row.moved,
      renumbered: row.renumbered,
      similarity: row.similarity,
      old,
      new: row.new.map(({ key, number }) => ({ key, number })),
      changes: row.changes,
      isChange,
      commentsAnchor: old.length > 0 ? `c-${old[0].key}` : null,
      extraCommentAnchors: old.slice(1).map((paragraph) => `c-${paragraph.key}`),
      comments: carried,
      commentCount,
    };
    countRow(group.counts, view);
    countRow(sectionSummary.counts, view);
    group.rows.push(view);
  }

  const consultation = fromVersion.consultation;
  const version = (v: typeof fromVersion): ComparedVersion => ({
    id: v.id,
    number: v.number,
    label: v.label,
    status: v.status,
    publishedAt: v.publishedAt,
  });
  return {
    consultation: { slug: consultation.slug, title: consultation.title, versions: consultation.versions },
    documentTitle: toVersion.document.title,
    from: version(fromVersion),
    to: version(toVersion),
    groups,
    sections: [...summary.values()],
    totals: comparison.totals,
  };
}

export type ComparisonPage = NonNullable<Awaited<ReturnType<typeof getComparison>>>;

/** The same buckets as the library's section summaries (each row counts once, renumbering aside). */
function countRow(counts: ChangeCounts, row: ComparisonRowView) {
  if (row.kind === "inserted") counts.added++;
  else if (row.kind === "deleted" || row.kind === "split" || row.kind === "merged") counts[row.kind]++;
  else if (row.moved) counts.moved++;
  else counts[row.kind]++;
  if (row.renumbered) counts.renumbered++;
}

/**
 * The comparison to show at `/consultations/:slug/compare`: the two most
 * recent published versions. Null when there are fewer than two.
 */
export async function latestComparisonRange({ slug }: { slug: string }) {
  const versions = await prisma.version.findMany({
    where: { status: { in: [...PUBLISHED_VERSION_STATUSES] }, consultation: { slug, status: { not: "draft" } } },
    orderBy: { number: "desc" },
    take: 2,
    select: { number: true },
  });
  if (versions.length < 2) return null;
  return { from: versions[1].number, to: versions[0].number };
}
